# A sweep right after a campaign post goes live: every time Terraform
# publishes the post, the action hides spam on the account's posts of the
# last day (the new post included).
resource "instagram_media" "campaign" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaign.jpg"
  caption   = "Our autumn collection is here #autumn"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.instagram_moderate_comments.sweep_after_publish]
    }
  }
}

action "instagram_moderate_comments" "sweep_after_publish" {
  config {
    operation    = "hide"
    text_matches = "(?i)(free followers|cheap likes)"
    within       = "24h"
    max_comments = 100
  }
}
