# A module that takes a caption refuses one over Instagram's limits when it is
# given, and shows what the feed will show above "… more".
variable "caption" {
  type = string

  validation {
    condition     = length(provider::instagram::caption_stats(var.caption).problems) == 0
    error_message = join(" ", provider::instagram::caption_stats(var.caption).problems)
  }
}

output "above_the_fold" {
  value = provider::instagram::caption_stats(var.caption).fold
}

output "hashtags_left" {
  value = 30 - provider::instagram::caption_stats(var.caption).hashtag_count
}
