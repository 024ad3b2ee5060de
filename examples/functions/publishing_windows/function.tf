# A content calendar warns, before anything is published, where it would go
# over the account's publishing quota in a moving 24 hours, and which posts to
# move.
variable "calendar" {
  description = "When each post goes out, by name, in RFC 3339."
  type        = map(string)
}

data "instagram_content_publishing_limit" "quota" {}

locals {
  windows = provider::instagram::publishing_windows(
    values(var.calendar),
    data.instagram_content_publishing_limit.quota.quota_total,
  )
}

check "calendar_within_quota" {
  assert {
    condition = length(local.windows) == 0
    error_message = join("\n", [
      for w in local.windows : "${length(w.posts)} posts from ${w.start} to ${w.end}, ${w.excess} over the quota: ${join(", ", [for i in w.posts : keys(var.calendar)[i]])}"
    ])
  }
}
