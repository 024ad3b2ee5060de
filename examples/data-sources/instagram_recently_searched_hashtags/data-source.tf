# The hashtags counting against this week's limit of 30.
data "instagram_recently_searched_hashtags" "week" {}

output "hashtag_slots_left" {
  value = data.instagram_recently_searched_hashtags.week.remaining
}

output "hashtags_this_week" {
  value = [for h in data.instagram_recently_searched_hashtags.week.hashtags : h.name]
}
