# Every post of the provider's account: feed posts, reels, carousels and the
# stories of the last 24 hours. Run:
#
#   terraform query -generate-config-out=adopted.tf
#
# to write a resource and an import block per post, each with
# deletion_policy = "retain" (destroying the workspace keeps the posts), then
# `terraform plan` shows them all as imports, nothing to publish.
list "instagram_media" "all" {
  provider = instagram
  limit    = 1000
}

# Only the reels and carousels published this year.
list "instagram_media" "campaign" {
  provider = instagram
  limit    = 100

  config {
    types = ["REELS", "CAROUSEL"]
    since = "2026-01-01T00:00:00Z"
  }
}
