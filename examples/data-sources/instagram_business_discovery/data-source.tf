# Public profile and the 5 latest posts of another Business or Creator account
# (Facebook login only).
data "instagram_business_discovery" "bluebottle" {
  username    = "bluebottle"
  media_limit = 5
}

output "bluebottle_followers" {
  value = data.instagram_business_discovery.bluebottle.followers_count
}

output "bluebottle_latest_likes" {
  value = [for m in data.instagram_business_discovery.bluebottle.media : m.like_count]
}
