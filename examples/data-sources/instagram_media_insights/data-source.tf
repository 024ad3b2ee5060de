resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaigns/spring/launch.jpg"
  caption   = "Spring is here."
}

# Lifetime insights of a post. Which metrics exist depends on the media:
# feed posts, reels and stories each have their own set.
data "instagram_media_insights" "launch" {
  media_id = instagram_media.launch.id
  metrics  = ["views", "reach", "saved", "shares", "total_interactions"]
}

# Profile actions taken from the post, by action.
data "instagram_media_insights" "launch_profile_activity" {
  media_id  = instagram_media.launch.id
  metrics   = ["profile_activity"]
  breakdown = ["action_type"]
}

output "launch_insights" {
  value = { for i in data.instagram_media_insights.launch.insights : i.name => i.values[0].value }
}
