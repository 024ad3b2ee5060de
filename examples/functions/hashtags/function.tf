locals {
  caption = "Spring is here #bikes #Spring #spring"
  tags    = provider::instagram::hashtags(local.caption) # ["bikes", "Spring"]
}

# Hashtags the brand guide does not allow.
check "no_banned_hashtags" {
  assert {
    condition     = length(setintersection([for t in local.tags : lower(t)], ["followforfollow", "like4like"])) == 0
    error_message = "The caption uses a banned hashtag: ${join(", ", local.tags)}."
  }
}
