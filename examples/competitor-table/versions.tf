terraform {
  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }
}

provider "instagram" {}
