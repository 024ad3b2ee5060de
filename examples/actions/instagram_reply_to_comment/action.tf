# Answer a customer's question under a post:
#   terraform apply -invoke=action.instagram_reply_to_comment.shipping
action "instagram_reply_to_comment" "shipping" {
  config {
    comment_id = "17870913679156914"
    message    = "Yes, we ship worldwide! Details in our bio."
  }
}
