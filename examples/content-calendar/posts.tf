# Every calendar entry becomes a post. Nothing to edit here for a new post:
# add an entry to calendar.tf.
resource "instagram_media" "post" {
  for_each = local.posts

  type       = each.value.type
  publish_at = try(each.value.publish_at, null)
  caption    = try(trimspace(each.value.caption), null)

  # One medium: an image, or a video (a reel, a video story).
  image_url = each.value.type != "CAROUSEL" && !local.is_video[each.key] ? each.value.media[0] : null
  video_url = each.value.type != "CAROUSEL" && local.is_video[each.key] ? each.value.media[0] : null
  alt_text  = each.value.type == "IMAGE" ? try(each.value.alt_text, null) : null

  # A carousel's items, in order.
  dynamic "children" {
    for_each = each.value.type == "CAROUSEL" ? each.value.media : []
    content {
      image_url = can(regex("\\.(mp4|mov)$", children.value)) ? null : children.value
      video_url = can(regex("\\.(mp4|mov)$", children.value)) ? children.value : null
    }
  }

  # Posts that were published once stay on Instagram when an entry is
  # removed from the calendar (see the README: retiring old posts).
  deletion_policy = "retain"

  lifecycle {
    # Instagram's rules, checked by the provider's own code before anything
    # is published, with the entry's name in the message.
    precondition {
      condition     = length(provider::instagram::caption_stats(try(each.value.caption, "")).problems) == 0
      error_message = "${each.key}: ${join(" ", provider::instagram::caption_stats(try(each.value.caption, "")).problems)}"
    }
  }
}

locals {
  is_video = { for name, post in local.posts : name => can(regex("\\.(mp4|mov)$", post.media[0])) }
}

# The account may publish a limited number of posts in any 24 hours (Meta
# documents 50 or 100; the data source reads the account's own quota).
data "instagram_content_publishing_limit" "quota" {}

check "calendar_within_quota" {
  assert {
    condition = length(provider::instagram::publishing_windows(
      [for post in local.posts : post.publish_at if try(post.publish_at, null) != null],
      data.instagram_content_publishing_limit.quota.quota_total,
    )) == 0
    error_message = "Some 24 hours of the calendar hold more posts than the account's publishing quota (${data.instagram_content_publishing_limit.quota.quota_total}): spread them out."
  }
}

output "calendar" {
  description = "Each post's status (scheduled, published or missed) and, once published, its link."
  value = {
    for name, post in instagram_media.post : name => {
      publish_at = post.publish_at
      status     = post.status
      permalink  = post.permalink
    }
  }
}
