# The app's webhook subscriptions (needs app_id and app_secret in the
# provider). Meta never returns verify_token: add it, with a
# verify_token_version, to the generated configuration before planning.
list "instagram_webhook_subscription" "all" {
  provider = instagram
}
