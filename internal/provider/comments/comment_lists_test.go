package comments_test

import (
	"fmt"
	"testing"

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
	if _, err := env.Emulator.AddCommentFromUser(mid, "", "a_fan", "Love it"); err != nil {
		t.Fatal(err)
	}
	env.ListTest(t, fmt.Sprintf(`
resource "instagram_comment" "first" {
  media_id = %q
  message  = "Our first comment #hello"
}`, mid), fmt.Sprintf(`
list "instagram_comment" "mine" {
  provider = instagram
  config {
    media_id = %q
  }
}`, mid),
		querycheck.ExpectLength("instagram_comment.mine", 1),
		querycheck.ExpectIdentity("instagram_comment.mine", map[string]knownvalue.Check{"id": acctest.NumericID()}),
	)
}

func TestAccCommentSettings_list(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	off := env.PublishImageOutOfBand(t, "comments off")
	env.PublishImageOutOfBand(t, "comments on")
	env.ListTest(t, fmt.Sprintf(`
resource "instagram_comment_settings" "off" {
  media_id         = %q
  comments_enabled = false
}`, off), `
list "instagram_comment_settings" "off" {
  provider = instagram
}`,
		querycheck.ExpectLength("instagram_comment_settings.off", 1),
		querycheck.ExpectIdentity("instagram_comment_settings.off", map[string]knownvalue.Check{
			"media_id": knownvalue.StringExact(off), "account_id": knownvalue.StringExact(emulator.DefaultAccountID),
		}),
	)
}
