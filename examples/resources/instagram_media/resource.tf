# A feed photo with alt text, a tagged partner and a collaborator.
resource "instagram_media" "launch" {
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/campaigns/spring/launch.jpg"
  caption       = "Spring is here. #bikes #spring"
  alt_text      = "A red bicycle against a white wall"
  user_tags     = [{ username = "partner_brand", x = 0.5, y = 0.8 }]
  collaborators = ["partner_brand"]
}

# A reel shown in the feed too, with its own cover.
resource "instagram_media" "teaser" {
  type          = "REELS"
  video_url     = "https://cdn.example.com/campaigns/spring/teaser.mp4"
  cover_url     = "https://cdn.example.com/campaigns/spring/teaser-cover.jpg"
  caption       = "Thirty seconds of spring."
  share_to_feed = true

  timeouts {
    create = "20m" # video processing can take minutes
  }
}

# A carousel of two images and a video.
resource "instagram_media" "lookbook" {
  type    = "CAROUSEL"
  caption = "The spring lookbook"

  children {
    image_url = "https://cdn.example.com/lookbook/1.jpg"
    alt_text  = "Front view"
  }
  children {
    image_url = "https://cdn.example.com/lookbook/2.jpg"
    alt_text  = "Side view"
  }
  children {
    video_url = "https://cdn.example.com/lookbook/3.mp4"
  }
}

# A story: it disappears from Instagram after 24 hours; Terraform keeps it
# in state and does not publish it again.
resource "instagram_media" "story" {
  type            = "STORIES"
  image_url       = "https://cdn.example.com/stories/today.jpg"
  deletion_policy = "retain"
}
