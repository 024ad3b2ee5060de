# The `make demo` configuration: runs against the bundled emulator, which
# scripts/demo.sh starts on 127.0.0.1 and points the provider at through
# INSTAGRAM_BASE_URL and INSTAGRAM_ACCESS_TOKEN.
terraform {
  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }
}

provider "instagram" {}

# Read after publishing, so the counts include the new post and the
# second plan (which must be empty) reads the same numbers.
data "instagram_account" "me" {
  depends_on = [instagram_media.launch]
}

resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaigns/spring/launch.jpg"
  caption   = "Hello from Terraform. #infrastructureascode"
  alt_text  = "The Terraform logo on a pastel background"
  user_tags = [{ username = "partner_brand", x = 0.5, y = 0.5 }]
}

output "account" {
  value = {
    id        = data.instagram_account.me.id
    username  = data.instagram_account.me.username
    followers = data.instagram_account.me.followers_count
    posts     = data.instagram_account.me.media_count
  }
}

output "published_post" {
  value = {
    id        = instagram_media.launch.id
    permalink = instagram_media.launch.permalink
    type      = instagram_media.launch.media_type
    published = instagram_media.launch.timestamp
  }
}

# For scripts/demo.sh: the post the community-management step sweeps.
output "published_post_id" {
  value = instagram_media.launch.id
}

# The HTML a campaign site embeds the post with (oEmbed: no token needed).
data "instagram_oembed" "launch" {
  url         = instagram_media.launch.permalink
  max_width   = 540
  omit_script = true
}

output "embed_html" {
  value = data.instagram_oembed.launch.html
}
