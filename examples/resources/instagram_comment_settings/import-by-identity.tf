# Adopt the comment settings of a post by identity (Terraform 1.12+).
import {
  to       = instagram_comment_settings.adopted
  identity = { media_id = "17895695668004551" }
}

resource "instagram_comment_settings" "adopted" {
  media_id         = "17895695668004551"
  comments_enabled = false
}
