# Facebook login: a Facebook User token of someone who manages the Page
# linked to the Instagram professional account. The account is discovered
# from the token when account_id is not set.
provider "instagram" {
  access_token = var.instagram_access_token # or INSTAGRAM_ACCESS_TOKEN
}

# Instagram login: an Instagram User token (starts with IG). Posts cannot be
# deleted with this login, so instagram_media defaults to deletion_policy = "retain".
provider "instagram" {
  alias        = "ig_login"
  access_token = var.instagram_user_token
}

# Offline: the bundled emulator (see the README) on a loopback address.
provider "instagram" {
  alias        = "emulator"
  base_url     = "http://127.0.0.1:8765"
  access_token = "EAAEmulatorFacebookUserToken0001"
}

variable "instagram_access_token" {
  type      = string
  sensitive = true
}

variable "instagram_user_token" {
  type      = string
  sensitive = true
}
