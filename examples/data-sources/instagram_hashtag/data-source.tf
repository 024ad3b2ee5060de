# Resolve a hashtag to its id (Facebook login only). The first query of a name
# uses one of the account's 30 unique hashtags per rolling 7 days.
data "instagram_hashtag" "coffee" {
  name = "#Coffee" # normalised to "coffee"
}

output "coffee_hashtag_id" {
  value = data.instagram_hashtag.coffee.id
}
