# Import a comment of the account by its Instagram comment id.
terraform import instagram_comment.hashtags 17870913679156914
