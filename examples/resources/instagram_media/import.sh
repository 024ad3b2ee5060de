# Import an existing post by its Instagram media id.
terraform import instagram_media.launch 17895695668004550
