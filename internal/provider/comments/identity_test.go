package comments_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccComment_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "identity")
	env.IdentityTest(t, fmt.Sprintf(`
resource "instagram_comment" "first" {
  media_id = %q
  message  = "First!"
}`, mid), "instagram_comment.first", map[string]knownvalue.Check{
		"id": acctest.NumericID(),
	}, plancheck.ResourceActionNoop)
}

func TestAccCommentSettings_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "identity")
	env.IdentityTest(t, fmt.Sprintf(`
resource "instagram_comment_settings" "off" {
  media_id         = %q
  comments_enabled = false
}`, mid), "instagram_comment_settings.off", map[string]knownvalue.Check{
		"media_id":   knownvalue.StringExact(mid),
		"account_id": knownvalue.StringExact(emulator.DefaultAccountID),
	}, plancheck.ResourceActionNoop)
}
