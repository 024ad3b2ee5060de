# Exchange the short-lived token of a login flow for a long-lived one (about
# 60 days). Neither token is written to state or plan (Terraform 1.10+,
# OpenTofu 1.11+). Instagram login needs app_secret in the provider block
# (the Instagram app secret); Facebook login needs app_id and app_secret.
variable "short_lived_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

ephemeral "instagram_long_lived_token" "exchanged" {
  mode  = "exchange"
  token = var.short_lived_token
}

# Use the new token right away, here in a second provider configuration.
provider "instagram" {
  alias        = "long_lived"
  access_token = ephemeral.instagram_long_lived_token.exchanged.access_token
}

data "instagram_account" "me" {
  provider = instagram.long_lived
}

# Instagram login: refresh the provider's own long-lived token (it must be at
# least 24 hours old and not expired), e.g. in a scheduled pipeline that
# stores the result in a secret manager through a write-only argument.
ephemeral "instagram_long_lived_token" "refreshed" {
  mode = "refresh"
}
