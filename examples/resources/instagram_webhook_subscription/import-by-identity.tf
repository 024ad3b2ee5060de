# Adopt the app's subscription to an object by identity (Terraform 1.12+).
# Meta never returns verify_token: give it here, as when creating.
import {
  to       = instagram_webhook_subscription.adopted
  identity = { object = "instagram" }
}

resource "instagram_webhook_subscription" "adopted" {
  callback_url         = "https://hooks.example.com/instagram"
  fields               = ["comments", "mentions"]
  verify_token         = var.webhook_verify_token
  verify_token_version = 1
}
