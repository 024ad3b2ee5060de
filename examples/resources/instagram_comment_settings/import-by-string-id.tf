# Import the comment settings of a post by its Instagram media id (Terraform 1.5+).
import {
  to = instagram_comment_settings.announcement
  id = "17895695668004550"
}
