# Import by the Instagram account id.
terraform import instagram_subscribed_app.me 17841405822304914
