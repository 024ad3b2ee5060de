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

const routeCreateContainer = "POST /{ig-user-id}/media"

// Issue 23, item 1, exactly as reported: an image post, its caption
// changed, Meta refuses the new container once (9004/2207052). The old post
// survives on Instagram and in the state, and the next apply converges to
// one live post with an empty re-plan. Default configuration: no lifecycle
// block.
func TestAccMedia_failedChangeKeepsThePost(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: imageConfig("First caption"), Check: acctest.CaptureID(imageAddr, &firstID)},
			{
				PreConfig: func() {
					env.Emulator.InjectFault(emulator.Fault{Route: routeCreateContainer, Times: 1, Error: &emulator.ErrorBody{
						Code: 9004, Subcode: 2207052, Message: "Media download has failed. The media URI doesn't meet our requirements.",
					}})
				},
				Config:           imageConfig("Second caption"),
				ConfigPlanChecks: acctest.Republishes(imageAddr),
				ExpectError:      acctest.ExpectError(`Cannot create the media container`),
			},
			{
				// The old post is still on Instagram and still in the state.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(imageAddr, "id", &firstID),
					resource.TestCheckResourceAttr(imageAddr, "caption", "First caption"),
					env.CheckMediaKept(&firstID),
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
				),
			},
			{
				Config: imageConfig("Second caption"),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					env.CheckMediaGone(&firstID),
					checkIDIsNot(imageAddr, &firstID),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("caption"), knownvalue.StringExact("Second caption")),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("replaced_id"), knownvalue.Null()),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
		},
	})
}

// When the new post is published but the old one cannot be deleted, the
// state holds the new post and replaced_id the old one, and the next apply
// deletes it.
func TestAccMedia_republishDeleteFailsThenCompletes(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: imageConfig("First caption"), Check: acctest.CaptureID(imageAddr, &firstID)},
			{
				PreConfig: func() {
					env.Emulator.InjectFault(emulator.Fault{Route: "DELETE /{ig-media-id}", Times: 1,
						Error: &emulator.ErrorBody{Code: 10, Message: "(#10) Application does not have permission for this action"}})
				},
				Config:      imageConfig("Second caption"),
				ExpectError: acctest.ExpectError(`The new post is published, but the old one is not deleted yet`),
			},
			{
				// Recorded: the new post in id, the old one in replaced_id.
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 2),
					checkIDIsNot(imageAddr, &firstID),
					resource.TestCheckResourceAttrPtr(imageAddr, "replaced_id", &firstID),
				),
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           imageConfig("Second caption"),
				ConfigPlanChecks: acctest.Planned(imageAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					env.CheckMediaGone(&firstID),
				),
			},
			{Config: imageConfig("Second caption"), PlanOnly: true},
		},
	})
}

// With deletion_policy = "retain", republishing keeps the old post on
// Instagram and lets it go.
func TestAccMedia_republishRetainKeepsTheOldPost(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	retain := `deletion_policy = "retain"`
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: imageConfig("First caption", retain), Check: acctest.CaptureID(imageAddr, &firstID)},
			{
				Config:           imageConfig("Second caption", retain),
				ConfigPlanChecks: acctest.Republishes(imageAddr),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaKept(&firstID),
					env.CheckMediaCount(emulator.DefaultAccountID, 2),
					checkIDIsNot(imageAddr, &firstID),
				),
			},
		},
	})
}

// checkIDIsNot: the resource's id is no longer old.
func checkIDIsNot(address string, old *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		return resource.TestCheckResourceAttrWith(address, "id", func(v string) error {
			if v == *old || v == "" {
				return fmt.Errorf("id = %q, want a new post's id", v)
			}
			return nil
		})(s)
	}
}
