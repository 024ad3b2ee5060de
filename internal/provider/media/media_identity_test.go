package media_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// A post's identity is its media id within an account: set on create, and
// enough to import it with an import block, where the inputs Instagram cannot
// return are adopted from the configuration in place, never by publishing.
func TestAccMedia_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.IdentityTest(t, `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/identity.jpg"
  caption   = "Who am I"
}`, "instagram_media.post", map[string]knownvalue.Check{
		"id":         acctest.NumericID(),
		"account_id": knownvalue.StringExact(emulator.DefaultAccountID),
	}, plancheck.ResourceActionUpdate)
}

// An existing post is adopted by identity with its id alone (account_id
// defaults to the provider's account) and a configuration without its media:
// Instagram cannot return the source URL, and nothing is published.
func TestAccMedia_adoptByIdentityWithoutMediaURL(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	id, ok := env.Emulator.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Caption: "Posted in the app"})
	if !ok {
		t.Fatal("cannot seed a post")
	}
	const addr = "instagram_media.adopted"
	config := fmt.Sprintf(`
import {
  to       = instagram_media.adopted
  identity = { id = %q }
}

resource "instagram_media" "adopted" {
  type            = "IMAGE"
  caption         = "Posted in the app"
  deletion_policy = "retain" # as an imported post is, unless configured otherwise
}`, id)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ResourceIdentity),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: acctest.Planned(addr, plancheck.ResourceActionNoop),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
						"id": knownvalue.StringExact(id), "account_id": knownvalue.StringExact(emulator.DefaultAccountID),
					}),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("image_url"), knownvalue.Null()),
				},
				Check: env.CheckMediaCount(emulator.DefaultAccountID, 1),
			},
			{
				Config:   config,
				PlanOnly: true, // the re-plan is empty
			},
			{
				// Changing an input of an adopted post would publish a new one,
				// which needs its media: a plan-time error, not a request.
				Config: `
resource "instagram_media" "adopted" {
  type            = "IMAGE"
  caption         = "A new caption"
  deletion_policy = "retain"
}`,
				PlanOnly:    true,
				ExpectError: acctest.ExpectError(`Changing caption publishes a new post \(posts cannot be edited\), and a new post of type "IMAGE" needs image_url`),
			},
		},
	})
}

// An identity's account_id goes into request paths: anything but a numeric
// user id is refused before any API call.
func TestAccMedia_importIdentityBadAccountID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ResourceIdentity),
		Steps: []resource.TestStep{{
			Config: `
import {
  to       = instagram_media.adopted
  identity = { id = "17900000000000001", account_id = "me/../17841400000000002" }
}

resource "instagram_media" "adopted" {
  type    = "IMAGE"
  caption = "Posted in the app"
}`,
			PlanOnly:    true,
			ExpectError: acctest.ExpectError(`account_id in the identity of instagram_media must be a numeric Instagram user id`),
		}},
	})
	if n := env.Emulator.TotalCalls(); n != 0 {
		t.Errorf("%d API calls, want none", n)
	}
}
