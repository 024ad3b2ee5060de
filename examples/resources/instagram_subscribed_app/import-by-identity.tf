# Adopt the app's subscription to an account's webhooks by identity
# (Terraform 1.12+).
import {
  to       = instagram_subscribed_app.adopted
  identity = { account_id = "17841405822304914" }
}

resource "instagram_subscribed_app" "adopted" {
  account_id        = "17841405822304914"
  subscribed_fields = ["comments", "mentions"]
}
