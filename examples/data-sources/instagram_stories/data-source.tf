# Stories posted in the last 24 hours.
data "instagram_stories" "current" {}

output "story_count" {
  value = length(data.instagram_stories.current.stories)
}
