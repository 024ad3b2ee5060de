package media_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const imageAddr = "instagram_media.post"

// imageConfig is an IMAGE post; extra lines go inside the resource block.
func imageConfig(caption string, extra ...string) string {
	return fmt.Sprintf(`
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
  caption   = %q
  alt_text  = "A red bicycle against a white wall"
  user_tags = [{ username = "partner_brand", x = 0.5, y = 0.8 }]
  %s
}
`, caption, strings.Join(extra, "\n  "))
}

// importPost imports the post at address by its id and compares it with the
// state, but for ignore and deletion_policy: an imported post is retained
// unless the configuration says to delete it.
func importPost(address string, ignore ...string) resource.TestStep {
	return acctest.ImportStep(address, append(ignore, "deletion_policy")...)
}

// importVerifyIgnore are inputs Instagram cannot return: import adopts them
// from the configuration instead.
var importVerifyIgnore = []string{"image_url", "alt_text", "user_tags", "container_id"}

func TestAccMedia_image(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: imageConfig("Launch day #bikes"),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaExists(imageAddr),
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("permalink"),
						knownvalue.StringRegexp(regexp.MustCompile(`^https://www\.instagram\.com/p/[A-Za-z0-9_-]+/$`))),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("container_id"), acctest.StringNotEmpty()),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("shortcode"), acctest.StringNotEmpty()),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("timestamp"), acctest.StringNotEmpty()),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("IMAGE")),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("FEED")),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("deletion_policy"), knownvalue.StringExact("delete")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(imageAddr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			importPost(imageAddr, importVerifyIgnore...),
			// A matching configuration after an import block adopts the
			// inputs the API cannot return, in place: never a new post.
			acctest.ImportBlockUpdatesInPlace(imageAddr),
		},
	})
}

func TestAccMedia_captionChangeRepublishes(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: imageConfig("First caption"),
				Check:  acctest.CaptureID(imageAddr, &firstID),
			},
			{
				Config:           imageConfig("Second caption"),
				ConfigPlanChecks: acctest.Republishes(imageAddr),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("caption"), knownvalue.StringExact("Second caption")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					env.CheckMediaGone(&firstID),
				),
			},
		},
	})
}

func TestAccMedia_deletionPolicyChangeIsInPlace(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaKept(&id),
		Steps: []resource.TestStep{
			{Config: imageConfig("Keep me"), Check: acctest.CaptureID(imageAddr, &id)},
			{
				Config:           imageConfig("Keep me", `deletion_policy = "retain"`),
				ConfigPlanChecks: acctest.Planned(imageAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("deletion_policy"), knownvalue.StringExact("retain")),
				},
			},
		},
	})
}

func TestAccMedia_driftDeletedOutOfBand(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: imageConfig("Drift"), Check: acctest.CaptureID(imageAddr, &firstID)},
			{
				PreConfig: func() {
					if !env.Emulator.DeleteMediaOutOfBand(firstID) {
						t.Fatalf("could not delete %s out of band", firstID)
					}
				},
				Config:           imageConfig("Drift"),
				ConfigPlanChecks: acctest.Planned(imageAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaExists(imageAddr),
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
				),
			},
		},
	})
}

func TestAccMedia_driftCaptionEditedInApp(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: imageConfig("Original"), Check: acctest.CaptureID(imageAddr, &id)},
			{
				PreConfig:          func() { env.Emulator.SetCaptionOutOfBand(id, "Edited in the app") },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{
					PostRefresh: []plancheck.PlanCheck{acctest.ExpectPriorState(
						statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("caption"), knownvalue.StringExact("Edited in the app")),
					)},
				},
			},
			{
				Config:           imageConfig("Original"),
				ConfigPlanChecks: acctest.Republishes(imageAddr),
			},
		},
	})
}

func TestAccMedia_badTokenNamesTheProblem(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Vars["INSTAGRAM_ACCESS_TOKEN"] = "EAAnot-a-real-token"
	env.Vars["INSTAGRAM_ACCOUNT_ID"] = emulator.DefaultAccountID
	env.ApplyError(t, imageConfig("Never published"), `Invalid OAuth access token.*code 190.*fbtrace_id \S+.*Generate a new token`)
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
		t.Fatalf("%d posts published with a bad token", n)
	}
}

func TestAccMedia_instagramLoginCannotDelete(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.PlanOnlyError(t, `
resource "instagram_media" "post" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/a.jpg"
  deletion_policy = "delete"
}`, `Posts cannot be deleted with Instagram login.*deletion_policy = "retain"`)
}

func TestAccMedia_instagramLoginRetainsByDefault(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	var id string
	env.Test(t, resource.TestCase{
		// Instagram login cannot delete, so destroy must retain the post.
		CheckDestroy: env.CheckMediaKept(&id),
		Steps: []resource.TestStep{{
			Config: imageConfig("Instagram login"),
			Check:  acctest.CaptureID(imageAddr, &id),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("deletion_policy"), knownvalue.StringExact("retain")),
				statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
			},
			ConfigPlanChecks: acctest.NoDrift(),
		}},
	})
}
