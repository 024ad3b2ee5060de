# The comments and replies the account wrote on its 50 newest posts, e.g. the
# "first comments" holding hashtags that another tool posted.
list "instagram_comment" "ours" {
  provider = instagram

  config {
    recent_posts = 50
  }
}
