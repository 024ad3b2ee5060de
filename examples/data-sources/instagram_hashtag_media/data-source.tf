data "instagram_hashtag" "coffee" {
  name = "coffee"
}

# The most popular posts with #coffee.
data "instagram_hashtag_media" "top" {
  hashtag_id = data.instagram_hashtag.coffee.id
  limit      = 20
}

# Posts with #coffee from the last 24 hours.
data "instagram_hashtag_media" "recent" {
  hashtag_id = data.instagram_hashtag.coffee.id
  edge       = "recent"
  limit      = 100
}

output "top_permalinks" {
  value = [for m in data.instagram_hashtag_media.top.media : m.permalink]
}
