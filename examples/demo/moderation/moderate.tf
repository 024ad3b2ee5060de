# Added to the `make demo` workspace by scripts/demo.sh when the CLI has
# actions (Terraform >= 1.14): a sweep of the account's recent posts that
# hides spam, run on demand with `terraform apply -invoke=...`.
action "instagram_moderate_comments" "hide_spam" {
  config {
    text_matches = "(?i)free followers|crypto giveaway"
    operation    = "hide"
    within       = "72h"
  }
}
