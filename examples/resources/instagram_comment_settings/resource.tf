# Turn comments off on a post, also one not published with Terraform.
resource "instagram_comment_settings" "announcement" {
  media_id         = "17895695668004550"
  comments_enabled = false
}

# Comments on a post managed in the same configuration.
resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaigns/spring/launch.jpg"
  caption   = "Spring is here."
}

resource "instagram_comment_settings" "launch" {
  media_id         = instagram_media.launch.id
  comments_enabled = true
}
