# Brands that invited the account to co-author one of their posts and are
# waiting for an answer (Facebook login).
data "instagram_collaboration_invites" "pending" {}

output "pending_invites" {
  value = {
    for i in data.instagram_collaboration_invites.pending.invites :
    i.media_id => "${i.owner_username}: ${coalesce(i.caption, "(no caption)")}"
  }
}
