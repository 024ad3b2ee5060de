# A post whose caption @mentions the account, by the media id of a
# `mentions` webhook.
data "instagram_mention" "in_caption" {
  media_id = "17918195224117851"
}

# A comment that @mentions the account: the webhook also carries comment_id.
data "instagram_mention" "in_comment" {
  media_id   = "17918195224117851"
  comment_id = "17894227972186120"
}

output "mentions" {
  value = {
    caption = "${data.instagram_mention.in_caption.username}: ${data.instagram_mention.in_caption.text}"
    comment = data.instagram_mention.in_comment.text
  }
}
