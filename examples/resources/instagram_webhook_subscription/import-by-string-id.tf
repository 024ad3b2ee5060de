# Import the app's webhook subscription by its object name (Terraform 1.5+).
import {
  to = instagram_webhook_subscription.instagram
  id = "instagram"
}
