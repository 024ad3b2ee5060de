# The provider's account (discovered from the token when account_id is unset).
data "instagram_account" "me" {}

# Another account the token can reach.
data "instagram_account" "other_brand" {
  account_id = "17841405822304914"
}

output "followers" {
  value = data.instagram_account.me.followers_count
}
