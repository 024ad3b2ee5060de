# Counts and CDN URLs of a post managed elsewhere (or by instagram_media).
data "instagram_media" "launch" {
  id = "17895695668004550"
}

output "launch_engagement" {
  value = {
    likes     = data.instagram_media.launch.like_count
    comments  = data.instagram_media.launch.comments_count
    permalink = data.instagram_media.launch.permalink
  }
}
