package media_test

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

func trialReelConfig(strategy string) string {
	return fmt.Sprintf(`
resource "instagram_media" "reel" {
  type      = "REELS"
  video_url = "https://cdn.example.com/teaser.mp4"
  caption   = "A trial cut, brought to you by two partners"

  trial_params = {
    graduation_strategy = %q
  }
  branded_content_sponsor_ids = ["17841400000000002", "17841400000000003"]
  is_paid_partnership         = true
  is_ai_generated             = true
}
`, strategy)
}

// Trial reels and paid partnerships: created with their labels, an
// unchanged configuration plans nothing, import adopts them, a change
// replaces the reel.
func TestAccMedia_trialReelInPartnership(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: trialReelConfig("MANUAL"),
				Check: func(s *terraform.State) error {
					m, _ := env.Emulator.Media(s.RootModule().Resources[reelAddr].Primary.ID)
					if m.TrialGraduationStrategy != "MANUAL" || !m.IsPaidPartnership || !m.IsAIGenerated || len(m.BrandedContentSponsorIDs) != 2 {
						return fmt.Errorf("published %+v", m)
					}
					return nil
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("trial_params").AtMapKey("graduation_strategy"), knownvalue.StringExact("MANUAL")),
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("branded_content_sponsor_ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("17841400000000002"), knownvalue.StringExact("17841400000000003"),
					})),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			{
				ResourceName:      reelAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"deletion_policy", "video_url", "trial_params", "branded_content_sponsor_ids", "is_paid_partnership",
					"is_ai_generated", "container_id"},
			},
			{
				// An import block adopts the reel and its labels in place.
				ResourceName:       reelAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(reelAddr, plancheck.ResourceActionUpdate)},
				},
			},
			{
				Config:           trialReelConfig("SS_PERFORMANCE"),
				ConfigPlanChecks: acctest.Republishes(reelAddr),
				Check:            env.CheckMediaCount(emulator.DefaultAccountID, 1),
			},
		},
	})
}

// The labels on a type that does not take them fail the plan, before any
// API call.
func TestAccMedia_labelsWrongType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, body, want string }{
		{"trial image", `type = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  trial_params = { graduation_strategy = "MANUAL" }`, `trial_params cannot be set when type is "IMAGE"`},
		{"unknown strategy", `type = "REELS"
  video_url = "https://cdn.example.com/v.mp4"
  trial_params = { graduation_strategy = "LATER" }`, `graduation_strategy value must be one of`},
		{"sponsored story", `type = "STORIES"
  image_url = "https://cdn.example.com/a.jpg"
  branded_content_sponsor_ids = ["17841400000000002"]`, `branded_content_sponsor_ids cannot be set when type is "STORIES"`},
		{"paid partnership story", `type = "STORIES"
  image_url = "https://cdn.example.com/a.jpg"
  is_paid_partnership = true`, `is_paid_partnership cannot be set when type is "STORIES"`},
		{"three sponsors", `type = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  branded_content_sponsor_ids = ["1", "2", "3"]`, `branded_content_sponsor_ids list must contain at least 1 elements and at most 2`},
		{"sponsor by name", `type = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  branded_content_sponsor_ids = ["a_brand"]`, `must be a numeric Instagram user id`},
		{"sponsors without the label", `type = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  branded_content_sponsor_ids = ["17841400000000002"]
  is_paid_partnership = false`, `branded_content_sponsor_ids gives the post the "Paid partnership" label`},
		{"collaborators on a story", `type = "STORIES"
  image_url = "https://cdn.example.com/a.jpg"
  collaborators = ["partner_brand"]`, `collaborators cannot be set when type is "STORIES"`},
	} {
		t.Run(tc.name, func(t *testing.T) { planFails(t, tc.body, tc.want) })
	}
}
