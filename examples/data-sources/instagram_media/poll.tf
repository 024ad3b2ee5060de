# How a poll is going: each option's share of the votes (Facebook login).
data "instagram_media" "poll" {
  id = "17895695668004551"
}

output "poll_results" {
  value = data.instagram_media.poll.poll == null ? {} : {
    for o in data.instagram_media.poll.poll.options : o.text => format("%.0f%%", o.votes_share * 100)
  }
}
