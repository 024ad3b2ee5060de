package media_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const reliablePost = `
provider "instagram" {
  request_timeout = "1s"
}

resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/reliable.jpg"
  caption   = "Reliability"
}
`

// Routes of instagram_media: create (container, status, publish, read back),
// refresh (edge scan, single read) and delete.
var (
	createRoutes  = []string{"POST /{ig-user-id}/media", "GET /{container-id}", "POST /{ig-user-id}/media_publish", "GET /{ig-media-id}"}
	refreshRoutes = []string{"GET /{ig-user-id}/media", "GET /{ig-media-id}", "DELETE /{ig-media-id}"}
)

func throttleFault(code int, msg string) func(*emulator.Fault) {
	return func(f *emulator.Fault) {
		f.Status = http.StatusBadRequest
		f.Error = &emulator.ErrorBody{Code: code, Message: msg, IsTransient: code == 4}
	}
}

// TestAccMedia_reliability makes every request of a post's life fail once —
// server errors, transient codes, every throttling code (with usage headers
// announcing the wait), dropped connections and timeouts — and checks that
// apply, refresh and destroy still succeed, that exactly one post was
// published, and that the state matches the emulator.
func TestAccMedia_reliability(t *testing.T) {
	t.Parallel()
	kinds := map[string]func(*emulator.Fault){
		"500": func(f *emulator.Fault) { f.Status = http.StatusInternalServerError },
		"503 code 1": func(f *emulator.Fault) {
			f.Status, f.Error = 503, &emulator.ErrorBody{Code: 1, Message: "An unknown error occurred"}
		},
		"500 code 2": func(f *emulator.Fault) {
			f.Status, f.Error = 500, &emulator.ErrorBody{Code: 2, Message: "Service temporarily unavailable", IsTransient: true}
		},
		"throttle 4":     throttleFault(4, "(#4) Application request limit reached"),
		"throttle 17":    throttleFault(17, "(#17) User request limit reached"),
		"throttle 32":    throttleFault(32, "(#32) Page request limit reached"),
		"throttle 613":   throttleFault(613, "(#613) Calls to this api have exceeded the rate limit."),
		"throttle 80002": throttleFault(80002, "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again."),
		"dropped":        func(f *emulator.Fault) { f.DropAfterCommit = true },
		"timeout":        func(f *emulator.Fault) { f.Latency = 1200 * time.Millisecond },
	}
	for kind, apply := range kinds {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{FractionalRegain: true, ThrottleFaultRegain: 20 * time.Millisecond})
			inject := func(routes []string) func() {
				return func() {
					for _, r := range routes {
						f := emulator.Fault{Route: r, Times: 1}
						apply(&f)
						env.Emulator.InjectFault(f)
					}
				}
			}
			env.Test(t, resource.TestCase{
				CheckDestroy: env.CheckMediaDestroyed,
				Steps: []resource.TestStep{
					{
						PreConfig: inject(createRoutes),
						Config:    reliablePost,
						Check: resource.ComposeAggregateTestCheckFunc(
							env.CheckMediaCount(emulator.DefaultAccountID, 1),
							env.CheckMediaMatchesEmulator("instagram_media.post"),
						),
					},
					{
						// Refresh and plan through faults on the read routes; the
						// DELETE fault waits for destroy.
						PreConfig: func() { env.Emulator.ClearFaults(); inject(refreshRoutes)() },
						Config:    reliablePost,
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						Check: env.CheckMediaMatchesEmulator("instagram_media.post"),
					},
				},
			})
			if n := env.Emulator.CallCount("POST /{ig-user-id}/media_publish"); n > 2 {
				t.Errorf("media_publish sent %d times", n)
			}
		})
	}
}

// TestAccMedia_rateBudget publishes and refreshes posts on an account whose
// budget is far smaller than the calls needed: the provider waits for
// access to return, as announced, and nothing fails.
func TestAccMedia_rateBudget(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{
		Now: time.Now, AccountCallBudget: 4, AccountWindow: 300 * time.Millisecond, FractionalRegain: true,
	})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config:           manyPosts(3),
			Check:            env.CheckMediaCount(emulator.DefaultAccountID, 3),
			ConfigPlanChecks: acctest.NoDrift(),
		}},
	})
	t.Logf("throttled calls: %d of %d", env.Emulator.ThrottledCalls(), env.Emulator.MeteredCalls())
}

// TestAccMedia_rateLimitLongerThanMaxWait: a block longer than
// max_rate_limit_wait fails at once with a message naming the budget, the
// wait and what to do.
func TestAccMedia_rateLimitLongerThanMaxWait(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{AccountCallBudget: 2, AccountWindow: time.Hour})
	env.ApplyError(t, `
provider "instagram" {
  max_rate_limit_wait = "1m"
}
`+manyPosts(1),
		`instagram business use case rate limit is exhausted and access returns in about 1h0m0s, longer than max_rate_limit_wait allows. Run again later, raise max_rate_limit_wait`)
	// The usage header at 100% stopped the provider before Meta had to refuse.
	if n := env.Emulator.ThrottledCalls(); n != 0 {
		t.Errorf("%d calls sent while throttled, want 0", n)
	}
}

// TestAccMedia_tokenExpiresMidRun: the token expires between apply and the
// next refresh; the plan fails and says how to get a new token.
func TestAccMedia_tokenExpiresMidRun(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: manyPosts(1)},
			{
				PreConfig: func() {
					env.Emulator.InjectFault(emulator.Fault{Route: "GET /{ig-user-id}/media", Times: 1, Error: &emulator.ErrorBody{
						Code: 190, Subcode: 463, Message: "Error validating access token: Session has expired on Thursday, 01-Jan-26 00:00:00 PST."}})
				},
				Config:      manyPosts(1),
				ExpectError: acctest.ExpectError(`The access token has expired. Create a new long-lived token`),
			},
		},
	})
}

// TestAccMedia_parallelApply applies 30 posts 20 at a time (run it with
// -race): each published exactly once, and the refresh after is empty.
// Not parallel: it sets TF_CLI_ARGS_apply.
func TestAccMedia_parallelApply(t *testing.T) {
	t.Setenv("TF_CLI_ARGS_apply", "-parallelism=20")
	t.Setenv("TF_CLI_ARGS_plan", "-parallelism=20")
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: manyPosts(30),
			Check: resource.ComposeAggregateTestCheckFunc(
				env.CheckMediaCount(emulator.DefaultAccountID, 30),
				func(s *terraform.State) error {
					for i := range 30 {
						if err := env.CheckMediaMatchesEmulator(fmt.Sprintf("instagram_media.post.%d", i))(s); err != nil {
							return err
						}
					}
					return nil
				},
			),
			ConfigPlanChecks: acctest.NoDrift(),
		}},
	})
	if n := env.Emulator.CallCount("POST /{ig-user-id}/media_publish"); n != 30 {
		t.Errorf("media_publish sent %d times, want 30", n)
	}
}

func manyPosts(n int) string {
	return fmt.Sprintf(`
resource "instagram_media" "post" {
  count     = %d
  type      = "IMAGE"
  image_url = "https://cdn.example.com/post-${count.index}.jpg"
  caption   = "Post ${count.index}"
}
`, n)
}
