# Posts of other accounts the account co-authors, with their reach including
# ads (Facebook login).
data "instagram_collaborative_media" "collabs" {
  limit = 50
}

output "collab_engagement" {
  value = {
    for p in data.instagram_collaborative_media.collabs.media :
    p.permalink => { owner = p.username, likes = p.total_like_count, comments = p.total_comments_count }
  }
}
