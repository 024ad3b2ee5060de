# Import the app's webhook subscription by its object name.
terraform import instagram_webhook_subscription.instagram instagram
