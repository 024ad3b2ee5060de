# An insights dashboard as Terraform outputs: account totals for the last
# month, daily reach, follower demographics and per-post numbers for the
# latest post published with Terraform. Run `terraform apply` (or
# `terraform output -json`) to refresh the numbers; data sources re-read
# on every plan, so nothing is stored between runs.
terraform {
  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }
}

provider "instagram" {}

variable "month_start" {
  description = "First instant of the reported month (RFC 3339)."
  type        = string
  default     = "2026-10-01T00:00:00Z"
}

variable "month_end" {
  description = "End of the reported month (RFC 3339)."
  type        = string
  default     = "2026-10-31T00:00:00Z"
}

resource "instagram_media" "campaign" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/campaigns/autumn/hero.jpg"
  caption   = "Autumn collection, out now."
}

data "instagram_account_insights" "totals" {
  metrics     = ["views", "reach", "accounts_engaged", "total_interactions", "likes", "comments", "shares", "saves"]
  metric_type = "total_value"
  since       = var.month_start
  until       = var.month_end
}

data "instagram_account_insights" "reach_by_surface" {
  metrics     = ["reach"]
  metric_type = "total_value"
  breakdown   = ["media_product_type"]
  since       = var.month_start
  until       = var.month_end
}

data "instagram_account_insights" "daily" {
  metrics     = ["reach", "follower_count"]
  metric_type = "time_series"
  since       = var.month_start
  until       = var.month_end
}

data "instagram_account_insights" "audience" {
  metrics     = ["follower_demographics"]
  metric_type = "total_value"
  timeframe   = "this_month"
  breakdown   = ["age", "gender"]
}

data "instagram_media_insights" "campaign" {
  media_id = instagram_media.campaign.id
  metrics  = ["views", "reach", "likes", "comments", "saved", "shares", "total_interactions"]
}

locals {
  daily = { for i in data.instagram_account_insights.daily.insights : i.name => i.values }
}

output "month_totals" {
  description = "Account totals of the month, by metric."
  value       = { for i in data.instagram_account_insights.totals.insights : i.name => i.total_value.value }
}

output "reach_by_surface" {
  description = "Accounts reached in the month, by feed, reels, stories and ads."
  value = {
    for r in data.instagram_account_insights.reach_by_surface.insights[0].total_value.breakdowns[0].results :
    r.dimension_values[0] => r.value
  }
}

output "daily_reach" {
  description = "Accounts reached per day."
  value       = { for v in lookup(local.daily, "reach", []) : v.end_time => v.value }
}

output "new_followers" {
  description = "New followers in the month (absent for accounts under 100 followers)."
  value       = sum(concat([0], [for v in lookup(local.daily, "follower_count", []) : v.value]))
}

output "audience_by_age_and_gender" {
  description = "Followers by age band and gender (\"25-34/F\" => n)."
  value = length(data.instagram_account_insights.audience.insights) == 0 ? {} : {
    for r in data.instagram_account_insights.audience.insights[0].total_value.breakdowns[0].results :
    join("/", r.dimension_values) => r.value
  }
}

output "campaign_post" {
  description = "Lifetime numbers of the campaign post."
  value = {
    permalink = instagram_media.campaign.permalink
    metrics   = { for i in data.instagram_media_insights.campaign.insights : i.name => i.values[0].value }
  }
}
