# Import the comment settings of a post by its Instagram media id.
terraform import instagram_comment_settings.announcement 17895695668004550
