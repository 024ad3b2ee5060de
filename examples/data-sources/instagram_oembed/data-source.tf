# The campaign post, and the HTML a website embeds it with. oEmbed needs no
# token, so this works with Facebook and Instagram login alike.
resource "instagram_media" "campaign" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/spring-campaign.jpg"
  caption   = "Spring is here. #springcampaign"
}

data "instagram_oembed" "campaign" {
  url         = instagram_media.campaign.permalink
  max_width   = 540
  omit_script = true # the site loads https://www.instagram.com/embed.js once
}

output "campaign_embed_html" {
  value = data.instagram_oembed.campaign.html
}
