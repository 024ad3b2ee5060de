terraform {
  required_version = ">= 1.8" # provider functions (the checks in posts.tf)

  required_providers {
    instagram = {
      source = "terraform-instagram/instagram"
    }
  }

  # The state must outlive a CI runner: configure a remote backend here
  # (S3, GCS, HCP Terraform …). The pipeline in .github/workflows/ runs
  # whatever this file says.
}

# INSTAGRAM_ACCESS_TOKEN (a Facebook-login token) comes from the pipeline's
# secrets; the account is the one the token reaches.
provider "instagram" {}
