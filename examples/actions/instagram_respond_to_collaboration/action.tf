# Accept a brand's invite to co-author its campaign post:
#   terraform apply -invoke=action.instagram_respond_to_collaboration.spring_campaign
data "instagram_collaboration_invites" "pending" {}

locals {
  # The invite from the brand we work with, if it is still pending.
  brand_invites = [for i in data.instagram_collaboration_invites.pending.invites : i if i.owner_username == "bluebottle"]
}

action "instagram_respond_to_collaboration" "spring_campaign" {
  config {
    media_id = local.brand_invites[0].media_id
    accept   = true
  }
}
