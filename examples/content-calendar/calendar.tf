# The calendar: one entry per post, keyed by a name that says what it is.
# This is the file the marketing team edits in pull requests; posts.tf turns
# each entry into an instagram_media resource.
#
#   publish_at  when it goes out (RFC 3339 with the offset of your time
#               zone): the first pipeline run at or after that time
#               publishes it (runs every 15 minutes, see
#               .github/workflows/apply.yml). Leave it out to publish with
#               the merge.
#   type        IMAGE, CAROUSEL, REELS or STORIES
#   media       one https URL (IMAGE, REELS, STORIES), or several (CAROUSEL,
#               2 to 10 items; .mp4/.mov URLs are videos)
#   caption     what Instagram shows under the post (2,200 characters,
#               30 hashtags, 20 @mentions)
#   alt_text    what a screen reader says of an image
locals {
  posts = {
    "winter-launch" = {
      publish_at = "2026-12-14T09:00:00+01:00"
      type       = "IMAGE"
      media      = ["https://cdn.example.com/winter/launch.jpg"]
      caption    = <<-EOT
        Winter is here ❄️ The new collection drops today.

        Shot in the Alps with @studio.lumen. Which piece is your favourite?
        #winter #launch #newcollection
      EOT
      alt_text   = "Three wool coats on a wooden rail, snow outside the window"
    }

    "winter-lookbook" = {
      publish_at = "2026-12-15T12:30:00+01:00"
      type       = "CAROUSEL"
      media = [
        "https://cdn.example.com/winter/look-1.jpg",
        "https://cdn.example.com/winter/look-2.jpg",
        "https://cdn.example.com/winter/look-3.mp4",
      ]
      caption = "The winter lookbook: swipe for all three looks. #lookbook"
    }

    "behind-the-scenes" = {
      publish_at = "2026-12-16T18:00:00+01:00"
      type       = "REELS"
      media      = ["https://cdn.example.com/winter/behind-the-scenes.mp4"]
      caption    = "30 seconds behind the scenes of the winter shoot. #reels"
    }

    "countdown-story" = {
      publish_at = "2026-12-17T08:00:00+01:00"
      type       = "STORIES"
      media      = ["https://cdn.example.com/winter/countdown.jpg"]
    }
  }
}
