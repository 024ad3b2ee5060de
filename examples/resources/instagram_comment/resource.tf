resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaigns/spring/launch.jpg"
  caption   = "Spring is here."
}

# A "first comment" holding the hashtags of a post.
resource "instagram_comment" "hashtags" {
  media_id = instagram_media.launch.id
  message  = "#bikes #spring #cycling #urbanbike"
}

# A reply to a top-level comment on the same post.
resource "instagram_comment" "faq" {
  media_id = instagram_media.launch.id
  reply_to = "17870913679156914"
  message  = "Shipping starts on 1 May, see the link in our bio."
}
