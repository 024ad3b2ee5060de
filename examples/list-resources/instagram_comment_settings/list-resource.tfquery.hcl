# The posts with comments turned off, so that Terraform keeps them that way.
list "instagram_comment_settings" "off" {
  provider = instagram
}
