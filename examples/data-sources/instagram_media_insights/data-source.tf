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

resource "instagram_media" "teaser" {
  type      = "REELS"
  video_url = "https://cdn.example.com/campaigns/spring/teaser.mp4"
}

# Reels have their own metrics, among them those Meta added in December
# 2025: the share of views skipped in the first 3 seconds, reposts, and,
# for a reel cross-posted to Facebook, its views there and on both apps.
data "instagram_media_insights" "teaser" {
  media_id = instagram_media.teaser.id
  metrics  = ["views", "reels_skip_rate", "reposts", "ig_reels_avg_watch_time", "crossposted_views", "facebook_views"]
}

output "launch_insights" {
  value = { for i in data.instagram_media_insights.launch.insights : i.name => i.values[0].value }
}
