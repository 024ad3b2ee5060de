# Adopt a comment by its identity (Terraform 1.12+).
import {
  to       = instagram_comment.adopted
  identity = { id = "17870913679156914" }
}

resource "instagram_comment" "adopted" {
  media_id = "17895695668004550"
  message  = "Thanks for all the love!"
}
