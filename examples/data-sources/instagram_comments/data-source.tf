# The 20 newest comments on a post, with their replies.
data "instagram_comments" "launch" {
  media_id        = "17895695668004550"
  include_replies = true
  limit           = 20
}

output "hidden_comments" {
  value = [for c in data.instagram_comments.launch.comments : c.id if c.hidden]
}

# What a moderation sweep with the same selectors would touch on this post,
# shown in the plan before the action runs.
data "instagram_comments" "spam" {
  media_id        = "17895695668004550"
  text_matches    = "(?i)free followers"
  include_replies = true
}

output "spam_preview" {
  value = concat(
    [for c in data.instagram_comments.spam.comments : "${c.id} @${c.username}: ${c.text}" if c.matched],
    flatten([for c in data.instagram_comments.spam.comments : [for r in c.replies : "${r.id} @${r.username}: ${r.text}"]]),
  )
}
