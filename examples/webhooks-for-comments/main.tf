# Webhooks for comments: Meta calls https://hooks.example.com/instagram for
# every new comment on the account's posts.
#
# The callback must answer Meta's verification GET (hub.mode=subscribe) with
# HTTP 200 and the hub.challenge value after checking hub.verify_token, and
# check X-Hub-Signature-256 (HMAC-SHA256 of the body with the app secret) on
# every event it receives.
terraform {
  required_version = ">= 1.11" # verify_token is write-only
  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }
}

# access_token, app_id and app_secret come from INSTAGRAM_ACCESS_TOKEN,
# INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET.
provider "instagram" {}

variable "webhook_verify_token" {
  type      = string
  sensitive = true
}

variable "post_id" {
  description = "Media id of the post whose comments should be open."
  type        = string
}

# 1. The app subscribes to comment events (app access token).
resource "instagram_webhook_subscription" "comments" {
  callback_url         = "https://hooks.example.com/instagram"
  fields               = ["comments", "mentions"]
  verify_token         = var.webhook_verify_token
  verify_token_version = 1
}

# 2. The account enables the app, so its events are delivered. With Facebook
# login this goes through the linked Page: use Page fields such as "feed".
resource "instagram_subscribed_app" "account" {
  subscribed_fields = ["comments"]

  depends_on = [instagram_webhook_subscription.comments]
}

# 3. The post takes comments.
resource "instagram_comment_settings" "post" {
  media_id         = var.post_id
  comments_enabled = true
}

output "subscribed_fields" {
  value = instagram_webhook_subscription.comments.versions
}
