# Whether the app receives the account's webhooks.
list "instagram_subscribed_app" "this" {
  provider = instagram
}
