# Answer @mentions with the ids a `mentions` webhook delivered, e.g.
#   terraform apply -invoke=action.instagram_reply_to_mention.caption \
#     -var media_id=17918195224117851
#   terraform apply -invoke=action.instagram_reply_to_mention.comment \
#     -var media_id=17918195224117851 -var comment_id=17894227972186120
variable "media_id" {
  type = string
}

variable "comment_id" {
  type    = string
  default = null
}

# What they wrote (see the instagram_mention data source).
data "instagram_mention" "this" {
  media_id   = var.media_id
  comment_id = var.comment_id
}

# A mention in a post's caption: a comment on their post.
action "instagram_reply_to_mention" "caption" {
  config {
    media_id = var.media_id
    message  = "Thank you for the shout-out, @${data.instagram_mention.this.username}!"
  }
}

# A mention in a comment: a reply to their comment.
action "instagram_reply_to_mention" "comment" {
  config {
    media_id   = var.media_id
    comment_id = var.comment_id
    message    = "Thanks for thinking of us!"
  }
}
