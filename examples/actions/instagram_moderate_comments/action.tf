# Hide spam on the posts of the last three days:
#   terraform apply -invoke=action.instagram_moderate_comments.hide_spam
action "instagram_moderate_comments" "hide_spam" {
  config {
    operation       = "hide"
    text_matches    = "(?i)(free followers|cheap likes|dm me to earn)"
    include_replies = true
    within          = "72h"
  }
}

# Preview first: lists what a delete would remove, changes nothing.
#   terraform apply -invoke=action.instagram_moderate_comments.preview_delete
action "instagram_moderate_comments" "preview_delete" {
  config {
    operation      = "delete"
    from_usernames = ["known_spammer", "another_spammer"]
    dry_run        = true
  }
}

# Show comments that were hidden by mistake.
action "instagram_moderate_comments" "unhide" {
  config {
    operation   = "unhide"
    comment_ids = ["17870913679156914", "17873440459141021"]
  }
}
