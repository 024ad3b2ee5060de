# Enable webhook delivery for the provider's account. With Instagram login use
# Instagram webhook fields; with Facebook login the call goes to the linked
# Facebook Page and takes Page fields such as "feed".
resource "instagram_subscribed_app" "me" {
  subscribed_fields = ["comments", "messages"]
}
