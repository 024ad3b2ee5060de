package comments_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const settingsAddr = "instagram_comment_settings.post"

func settingsConfig(mediaID string, enabled bool) string {
	return fmt.Sprintf(`
resource "instagram_comment_settings" "post" {
  media_id         = %q
  comments_enabled = %t
}
`, mediaID, enabled)
}

// checkComments asserts the post's comment switch on the emulator.
func checkComments(env *acctest.Env, mediaID string, want bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		m, ok := env.Emulator.Media(mediaID)
		if !ok {
			return fmt.Errorf("media %s is gone", mediaID)
		}
		if m.CommentsEnabled != want {
			return fmt.Errorf("media %s: comments enabled = %t, want %t", mediaID, m.CommentsEnabled, want)
		}
		return nil
	}
}

// A post published outside Terraform: turn comments off, import, flip in
// place, repair drift, and destroy turns them back on.
func TestAccCommentSettings_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "not made with Terraform")
	env.Test(t, resource.TestCase{
		CheckDestroy: checkComments(env, mid, true),
		Steps: []resource.TestStep{
			{
				Config: settingsConfig(mid, false),
				Check:  checkComments(env, mid, false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("id"), knownvalue.StringExact(mid)),
					statecheck.ExpectKnownValue(settingsAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			acctest.ImportStep(settingsAddr),
			{
				Config:           settingsConfig(mid, true),
				ConfigPlanChecks: acctest.Planned(settingsAddr, plancheck.ResourceActionUpdate),
				Check:            checkComments(env, mid, true),
			},
			{
				// Someone turns comments off in the app: the plan turns them on again.
				PreConfig:        func() { env.Emulator.SetCommentsEnabledOutOfBand(mid, false) },
				Config:           settingsConfig(mid, true),
				ConfigPlanChecks: acctest.Planned(settingsAddr, plancheck.ResourceActionUpdate),
				Check:            checkComments(env, mid, true),
			},
			{
				Config: settingsConfig(mid, false),
				Check:  checkComments(env, mid, false),
			},
		},
	})
}

func TestAccCommentSettings_mediaGone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "soon gone")
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: settingsConfig(mid, false)},
			{
				PreConfig:          func() { env.Emulator.DeleteMediaOutOfBand(mid) },
				Config:             settingsConfig(mid, false),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true, // removed from state, so planned for creation
			},
		},
	})
}
