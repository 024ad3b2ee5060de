# Public posts in which other accounts tagged the provider's account.
data "instagram_tagged_media" "mentions" {
  limit = 50
}

output "tagged_by" {
  value = distinct([for m in data.instagram_tagged_media.mentions.media : m.username])
}
