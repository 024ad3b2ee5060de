package comments_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The account's own comments and replies are found, not other people's.
func TestAccComment_list(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "list")
	config := fmt.Sprintf(`
resource "instagram_comment" "first" {
  media_id = %q
  message  = "Our first comment #hello"
}`, mid)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ListResources),
		Steps: []resource.TestStep{
			{
				Config: config,
				PostApplyFunc: func() {
					if _, err := env.Emulator.AddCommentFromUser(mid, "", "a_fan", "Love it"); err != nil {
						t.Fatal(err)
					}
				},
			},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "instagram_comment" "mine" {
  provider = instagram
  config {
    media_id = %q
  }
}`, mid),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("instagram_comment.mine", 1),
					querycheck.ExpectIdentity("instagram_comment.mine", map[string]knownvalue.Check{
						"id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`)),
					}),
				},
			},
		},
	})
}

func TestAccCommentSettings_list(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	off := env.PublishImageOutOfBand(t, "comments off")
	env.PublishImageOutOfBand(t, "comments on")
	config := fmt.Sprintf(`
resource "instagram_comment_settings" "off" {
  media_id         = %q
  comments_enabled = false
}`, off)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ListResources),
		Steps: []resource.TestStep{
			{Config: config},
			{
				Query: true,
				Config: `
list "instagram_comment_settings" "off" {
  provider = instagram
}`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("instagram_comment_settings.off", 1),
					querycheck.ExpectIdentity("instagram_comment_settings.off", map[string]knownvalue.Check{
						"media_id": knownvalue.StringExact(off), "account_id": knownvalue.StringExact(emulator.DefaultAccountID),
					}),
				},
			},
		},
	})
}
