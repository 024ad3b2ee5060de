locals {
  caption   = "Our spring ride with @ana.b and @velo_club"
  mentioned = provider::instagram::mentions(local.caption) # ["ana.b", "velo_club"]
}

# Invite the accounts the caption mentions as collaborators (at most 3).
resource "instagram_media" "ride" {
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/ride.jpg"
  caption       = local.caption
  collaborators = slice(local.mentioned, 0, min(3, length(local.mentioned)))
}
