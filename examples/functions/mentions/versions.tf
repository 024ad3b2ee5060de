# Provider functions are found through the module's required_providers.
terraform {
  required_providers {
    instagram = { source = "terraform-instagram/instagram" }
  }
}
