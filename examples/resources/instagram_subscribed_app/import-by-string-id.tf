# Import by the Instagram account id (Terraform 1.5+).
import {
  to = instagram_subscribed_app.me
  id = "17841405822304914"
}
