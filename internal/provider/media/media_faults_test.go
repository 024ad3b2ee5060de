package media_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const faultCarousel = `
resource "instagram_media" "carousel" {
  type    = "CAROUSEL"
  caption = "Fault matrix"
  children {
    image_url = "https://cdn.example.com/1.jpg"
  }
  children {
    video_url = "https://cdn.example.com/2.mp4"
  }
  children {
    image_url = "https://cdn.example.com/3.jpg"
  }
}
`

// TestAccMedia_faultMatrix publishes a carousel while one request of the
// flow misbehaves: its answer is lost after the server committed it, the
// server fails with a 5xx, or Meta throttles it. Whatever happens, exactly
// one post exists afterwards and the state describes it.
func TestAccMedia_faultMatrix(t *testing.T) {
	t.Parallel()
	targets := map[string]emulator.Fault{
		"publish":         {Route: "POST /{ig-user-id}/media_publish"},
		"carousel parent": {Route: "POST /{ig-user-id}/media", Params: map[string]string{"media_type": "CAROUSEL"}},
		"carousel child":  {Route: "POST /{ig-user-id}/media", Params: map[string]string{"is_carousel_item": "true"}},
	}
	kinds := map[string]func(*emulator.Fault){
		"drop after commit": func(f *emulator.Fault) { f.DropAfterCommit = true },
		"5xx":               func(f *emulator.Fault) { f.Status = http.StatusInternalServerError },
		"throttle": func(f *emulator.Fault) {
			f.Error = &emulator.ErrorBody{Code: 80002, Type: "OAuthException",
				Message: "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again."}
		},
	}
	for target, base := range targets {
		for kind, apply := range kinds {
			t.Run(target+"/"+kind, func(t *testing.T) {
				t.Parallel()
				env := acctest.New(t, emulator.Options{})
				fault := base
				fault.Times = 1
				apply(&fault)
				env.Emulator.InjectFault(fault)
				env.Test(t, resource.TestCase{
					CheckDestroy: env.CheckMediaDestroyed,
					Steps: []resource.TestStep{{
						Config: faultCarousel,
						Check: resource.ComposeAggregateTestCheckFunc(
							env.CheckMediaCount(emulator.DefaultAccountID, 1),
							stateMatchesOnlyPost(env),
						),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(carouselAddr, tfjsonpath.New("children_ids"), knownvalue.ListSizeExact(3)),
						},
						ConfigPlanChecks: acctest.NoDrift(),
					}},
				})
				if n := env.Emulator.CallCount("POST /{ig-user-id}/media_publish"); target == "publish" && kind == "drop after commit" && n != 1 {
					t.Fatalf("media_publish sent %d times after its answer was lost; it must never be resent", n)
				}
			})
		}
	}
}

// stateMatchesOnlyPost checks that the state's post is the account's one post.
func stateMatchesOnlyPost(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ids := env.Emulator.MediaIDs(emulator.DefaultAccountID)
		rs, ok := s.RootModule().Resources[carouselAddr]
		if !ok {
			return fmt.Errorf("%s not in state", carouselAddr)
		}
		if len(ids) != 1 || ids[0] != rs.Primary.ID {
			return fmt.Errorf("state holds %s, the emulator has %v", rs.Primary.ID, ids)
		}
		return nil
	}
}
