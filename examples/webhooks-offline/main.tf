# Webhooks offline: the emulator verifies a callback on this machine and sends
# it signed events, so a webhook configuration can be tried without Meta.
# The README's "Webhooks offline" section starts the two programs:
#
#   go run ./examples/webhooks-offline/callback -listen 127.0.0.1:8443 -cert-out callback.pem
#   go run ./internal/emulator/cmd/instagram-emulator -listen 127.0.0.1:8765 -webhook-ca-file callback.pem
terraform {
  required_version = ">= 1.11" # verify_token is write-only
  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }
}

# INSTAGRAM_BASE_URL=http://127.0.0.1:8765, the emulator's Facebook-login token
# in INSTAGRAM_ACCESS_TOKEN, its app in INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET.
provider "instagram" {}

variable "callback_url" {
  description = "The callback's https URL: the emulator calls it and trusts its certificate (-webhook-ca-file)."
  type        = string
  default     = "https://127.0.0.1:8443/"
}

variable "webhook_verify_token" {
  description = "What the callback expects in hub.verify_token (its WEBHOOK_VERIFY_TOKEN)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

# The emulator runs the verification handshake against the callback.
resource "instagram_webhook_subscription" "comments" {
  callback_url         = var.callback_url
  fields               = ["comments"]
  verify_token         = var.webhook_verify_token
  verify_token_version = 1
}

# The account enables the app, so its events are delivered.
resource "instagram_subscribed_app" "account" {
  subscribed_fields = ["comments"]

  depends_on = [instagram_webhook_subscription.comments]
}

# A post to comment on.
resource "instagram_media" "hello" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/hello.jpg"
  caption   = "Comment here to see a webhook"
}

output "post_id" {
  value = instagram_media.hello.id
}
