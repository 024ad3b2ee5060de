# Needs app_id and app_secret in the provider block (or INSTAGRAM_APP_ID /
# INSTAGRAM_APP_SECRET): subscriptions are made with the app access token.
variable "webhook_verify_token" {
  type      = string
  sensitive = true
}

resource "instagram_webhook_subscription" "instagram" {
  callback_url = "https://hooks.example.com/instagram"
  fields       = ["comments", "mentions"]

  # Write-only (Terraform 1.11+): sent to Meta, never stored in state or plan.
  # Bump verify_token_version after changing the token to subscribe again with it.
  verify_token         = var.webhook_verify_token
  verify_token_version = 1
}
