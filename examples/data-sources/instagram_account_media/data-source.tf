# The 10 most recent posts of the provider's account.
data "instagram_account_media" "recent" {
  limit = 10
}

# Posts of October 2026.
data "instagram_account_media" "october" {
  since = "2026-10-01T00:00:00Z"
  until = "2026-10-31T23:59:59Z"
  limit = 100
}

output "recent_permalinks" {
  value = [for m in data.instagram_account_media.recent.media : m.permalink]
}
