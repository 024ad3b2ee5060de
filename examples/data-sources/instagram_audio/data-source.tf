# Licensed music for a reel: what is trending, and a search (Facebook login).
data "instagram_audio" "trending" {
  audio_type = "music"
  limit      = 5
}

data "instagram_audio" "search" {
  audio_type = "music"
  query      = "morning"
}

output "trending_tracks" {
  value = [for t in data.instagram_audio.trending.tracks : "${t.title} by ${t.artist} (${t.id})"]
}
