# `make demo` (Terraform >= 1.14): every post the account already has, so that
# `terraform query -generate-config-out=adopted.tf` writes their configuration.
list "instagram_media" "existing" {
  provider = instagram
  limit    = 100
}
