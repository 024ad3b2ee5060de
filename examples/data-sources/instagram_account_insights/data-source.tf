# Daily reach and new followers over a quarter. Time series longer than 30
# days are read in 30-day requests and merged in order.
data "instagram_account_insights" "daily" {
  metrics     = ["reach", "follower_count"]
  metric_type = "time_series"
  since       = "2026-07-01T00:00:00Z"
  until       = "2026-10-01T00:00:00Z"
}

# Totals over one month, split by surface (feed, reels, stories, ads).
# Most current metrics are only available as totals.
data "instagram_account_insights" "october" {
  metrics     = ["views", "reach", "total_interactions"]
  metric_type = "total_value"
  breakdown   = ["media_product_type"]
  since       = "2026-10-01T00:00:00Z"
  until       = "2026-10-31T00:00:00Z"
}

# Views by followers and non-followers, and reposts of the account's media.
data "instagram_account_insights" "october_audience" {
  metrics     = ["views"]
  metric_type = "total_value"
  breakdown   = ["follow_type"]
  since       = "2026-10-01T00:00:00Z"
  until       = "2026-10-31T00:00:00Z"
}

data "instagram_account_insights" "october_reposts" {
  metrics     = ["reposts"]
  metric_type = "total_value"
  since       = "2026-10-01T00:00:00Z"
  until       = "2026-10-31T00:00:00Z"
}

# Where followers live. Demographics need a timeframe and a breakdown.
data "instagram_account_insights" "followers_by_country" {
  metrics     = ["follower_demographics"]
  metric_type = "total_value"
  timeframe   = "this_month"
  breakdown   = ["country"]
}

output "reach_per_day" {
  value = {
    for v in data.instagram_account_insights.daily.insights[0].values : v.end_time => v.value
  }
}

output "october_views_by_surface" {
  value = {
    for r in data.instagram_account_insights.october.insights[0].total_value.breakdowns[0].results :
    r.dimension_values[0] => r.value
  }
}
