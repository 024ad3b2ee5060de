# Import an existing post by its Instagram media id (Terraform 1.5+).
import {
  to = instagram_media.launch
  id = "17895695668004550"
}
