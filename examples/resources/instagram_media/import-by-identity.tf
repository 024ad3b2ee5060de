# Adopt a post by its identity (Terraform 1.12+). account_id may be left out:
# it defaults to the provider's account. Instagram cannot return a post's
# image or video URL, and an adopted post needs none: nothing is published.
import {
  to       = instagram_media.adopted
  identity = { id = "17895695668004550" }
}

resource "instagram_media" "adopted" {
  type    = "IMAGE"
  caption = "Posted in the app before we used Terraform"
}
