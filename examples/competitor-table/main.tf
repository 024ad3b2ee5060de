# A table of competitors built with business discovery (Facebook login only).
#
#   terraform apply -var 'competitors=["bluebottle","fernweh.studio","northwind_outfitters"]'
#
# Against the emulator these usernames are seeded; jane.personal is a personal
# account and fails with "not found or not a professional account".
# Provider settings are in versions.tf (or INSTAGRAM_* environment variables).

variable "competitors" {
  description = "Usernames of public Business or Creator accounts, without @."
  type        = set(string)
  default     = ["bluebottle", "fernweh.studio", "northwind_outfitters"]
}

variable "posts_per_account" {
  description = "Recent posts to read per account for the engagement figures."
  type        = number
  default     = 10
}

data "instagram_account" "me" {}

data "instagram_business_discovery" "competitor" {
  for_each    = var.competitors
  username    = each.key
  media_limit = var.posts_per_account
}

locals {
  table = {
    for name, c in data.instagram_business_discovery.competitor : name => {
      followers = c.followers_count
      posts     = c.media_count
      # Likes are null where the owner hides them; count only visible ones.
      avg_likes = (length([for m in c.media : m if m.like_count != null]) == 0 ? null :
        floor(sum([for m in c.media : m.like_count if m.like_count != null]) /
      length([for m in c.media : m if m.like_count != null])))
      avg_comments = length(c.media) == 0 ? null : floor(sum([for m in c.media : m.comments_count]) / length(c.media))
      latest_post  = length(c.media) == 0 ? null : c.media[0].permalink
    }
  }
}

output "competitors" {
  description = "Followers, posts and recent engagement per competitor."
  value       = local.table
}

output "followers_vs_us" {
  description = "Each competitor's followers as a multiple of ours."
  value = {
    for name, row in local.table : name => (
      data.instagram_account.me.followers_count == 0 ? null :
      row.followers / data.instagram_account.me.followers_count
    )
  }
}

output "largest_competitor" {
  value = [
    for name, row in local.table : name
    if row.followers == max([for r in values(local.table) : r.followers]...)
  ][0]
}
