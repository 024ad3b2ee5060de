# Import a comment of the account by its Instagram comment id (Terraform 1.5+).
import {
  to = instagram_comment.hashtags
  id = "17870913679156914"
}
