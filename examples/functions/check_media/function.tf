# A campaign module checks every post it is given with instagram_media's own
# rules, and names the post and the attribute of each problem, before any plan.
variable "posts" {
  description = "The campaign's posts: instagram_media arguments, by name."
  type        = any

  validation {
    condition = alltrue([for post in values(var.posts) : length(provider::instagram::check_media(post)) == 0])
    error_message = join("\n", flatten([
      for name, post in var.posts : [for problem in provider::instagram::check_media(post) : "${name}: ${problem}"]
    ]))
  }
}

resource "instagram_media" "post" {
  for_each = var.posts

  type      = each.value.type
  image_url = try(each.value.image_url, null)
  video_url = try(each.value.video_url, null)
  caption   = try(each.value.caption, null)

  dynamic "children" {
    for_each = try(each.value.children, [])
    content {
      image_url = try(children.value.image_url, null)
      video_url = try(children.value.video_url, null)
    }
  }
}
