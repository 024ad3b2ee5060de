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

# A reel uploaded from a file kept next to the configuration: no hosting
# needed. Editing the file publishes a new reel (video_file_hash changes);
# moving it unchanged does not.
resource "instagram_media" "behind_the_scenes" {
  type       = "REELS"
  video_file = "${path.module}/clips/behind-the-scenes.mp4"
  caption    = "How the spring shoot came together."

  timeouts {
    create = "30m" # a large file on a slow uplink
  }
}

# A video story from a file, and a carousel whose video item is a file.
resource "instagram_media" "story_clip" {
  type            = "STORIES"
  video_file      = "${path.module}/clips/story.mov"
  user_tags       = [{ username = "partner_brand" }, { username = "photographer", x = 0.2, y = 0.9 }]
  deletion_policy = "retain"
}

resource "instagram_media" "lookbook_with_clip" {
  type    = "CAROUSEL"
  caption = "The lookbook, now with motion"

  children {
    image_url = "https://cdn.example.com/lookbook/1.jpg" # images are always fetched from a URL
  }
  children {
    video_file = "${path.module}/clips/lookbook-3.mp4"
  }
}

# A trial reel in a paid partnership, labelled as made with AI: shown to
# non-followers first, and shared with followers if it performs well.
resource "instagram_media" "trial" {
  type      = "REELS"
  video_url = "https://cdn.example.com/campaigns/spring/alt-cut.mp4"
  caption   = "Which cut do you prefer? #ad"

  trial_params = {
    graduation_strategy = "SS_PERFORMANCE"
  }
  branded_content_sponsor_ids = ["17841400000000002"]
  is_ai_generated             = true
}
