# How many posts can still be published through the API in the current 24 hours.
data "instagram_content_publishing_limit" "quota" {}

output "posts_left_today" {
  value = data.instagram_content_publishing_limit.quota.remaining
}
