# The 20 newest comments on a post, with their replies.
data "instagram_comments" "launch" {
  media_id        = "17895695668004550"
  include_replies = true
  limit           = 20
}

output "hidden_comments" {
  value = [for c in data.instagram_comments.launch.comments : c.id if c.hidden]
}
