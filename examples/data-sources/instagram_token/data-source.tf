# What Meta's debug_token says about the provider's access token (Facebook
# login; needs app_id and app_secret in the provider block). The token itself
# never lands in state.
data "instagram_token" "current" {}

output "token_expires_at" {
  value = data.instagram_token.current.expires_at # null: never expires
}

# Warn in every plan and apply, without failing them, once fewer than 14 days
# remain. expires_in_days is null for a token that does not expire.
check "instagram_token_expiry" {
  data "instagram_token" "checked" {}

  assert {
    condition     = data.instagram_token.checked.is_valid
    error_message = "The Instagram access token is no longer valid: ${coalesce(data.instagram_token.checked.error, "no reason given")}."
  }

  assert {
    condition     = try(data.instagram_token.checked.expires_in_days >= 14, true)
    error_message = "The Instagram access token expires in ${coalesce(data.instagram_token.checked.expires_in_days, -1)} days: renew it."
  }
}
