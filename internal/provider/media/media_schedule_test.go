package media_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Scheduled posts run on the emulator's clock, which is the provider's in
// these tests: a step advances it to a post's time.

const (
	routePublish    = "POST /{ig-user-id}/media_publish"
	routeDeletePost = "DELETE /{ig-media-id}"
)

// at is the emulator's start plus d, as publish_at writes it (+01:00).
func at(env *acctest.Env, d time.Duration) string {
	return env.Emulator.Now().Add(d).In(time.FixedZone("", 3600)).Format(time.RFC3339)
}

// scheduledImage is an image post scheduled for publishAt.
func scheduledImage(caption, publishAt string, extra ...string) string {
	return imageConfig(caption, append([]string{fmt.Sprintf("publish_at = %q", publishAt)}, extra...)...)
}

func expectStatus(address, status string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, tfjsonpath.New("status"), knownvalue.StringExact(status))
}

// calls snapshots the emulator's Graph calls, to check a step made none.
type calls struct {
	env  *acctest.Env
	seen int
}

func (c *calls) mark() { c.seen = c.env.Emulator.TotalCalls() }

// writes counts the POST and DELETE calls the emulator served.
func (c *calls) writes() int {
	n := 0
	for route, count := range c.env.Emulator.Calls() {
		if strings.HasPrefix(route, "POST ") || strings.HasPrefix(route, "DELETE ") {
			n += count
		}
	}
	return n
}

// noWrites: since mark, the steps sent nothing that changes Instagram (the
// plan's calendar may read the publishing quota).
func (c *calls) noWrites(what string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := c.writes() - c.seen; n != 0 {
			return fmt.Errorf("%s sent %d writes, want none: %v", what, n, c.env.Emulator.Calls())
		}
		return nil
	}
}

func (c *calls) none(what string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := c.env.Emulator.TotalCalls() - c.seen; n != 0 {
			return fmt.Errorf("%s made %d Graph API calls, want none: %v", what, n, c.env.Emulator.Calls())
		}
		return nil
	}
}

// The whole life of a scheduled post: the apply that creates it publishes
// nothing; plans before its time are empty and make no API call; the first
// apply at its time publishes it once; publish_at changed afterwards changes
// nothing on Instagram.
func TestAccMedia_scheduledPost(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	monday := at(env, 20*time.Hour)
	c := &calls{env: env}
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: scheduledImage("Monday 9:00", monday),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(imageAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(imageAddr, tfjsonpath.New("status"), knownvalue.StringExact("scheduled")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectStatus(imageAddr, "scheduled"),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("permalink"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 0),
					func(*terraform.State) error {
						if n := env.Emulator.CallCount(routeCreateContainer) + env.Emulator.CallCount(routePublish); n != 0 {
							return fmt.Errorf("%d container or publish calls for a scheduled post", n)
						}
						return nil
					},
				),
			},
			{
				// An hour before its time: an empty plan, no API call.
				PreConfig: func() { env.Emulator.AdvanceClock(19 * time.Hour); c.mark() },
				Config:    scheduledImage("Monday 9:00", monday),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: c.none("a plan and refresh before the post's time"),
			},
			{
				// Its time: an update that publishes it, once.
				PreConfig: func() { env.Emulator.AdvanceClock(time.Hour) },
				Config:    scheduledImage("Monday 9:00", monday),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(imageAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(imageAddr, tfjsonpath.New("id")),
					plancheck.ExpectKnownValue(imageAddr, tfjsonpath.New("status"), knownvalue.StringExact("published")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					expectStatus(imageAddr, "published"),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("id"), acctest.NumericID()),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("permalink"), acctest.StringNotEmpty()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					env.CheckMediaMatchesEmulator(imageAddr),
				),
			},
			{
				// publish_at of a published post: nothing happens on Instagram.
				PreConfig: c.mark,
				Config:    scheduledImage("Monday 9:00", at(env, 40*time.Hour)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(imageAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(imageAddr, tfjsonpath.New("status"), knownvalue.StringExact("published")),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					func(*terraform.State) error {
						if n := env.Emulator.CallCount(routePublish); n != 1 {
							return fmt.Errorf("media_publish sent %d times, want once", n)
						}
						return nil
					},
				),
			},
			{Config: scheduledImage("Monday 9:00", at(env, 40*time.Hour)), PlanOnly: true},
		},
	})
}

// Until it is published, every input of a scheduled post changes in place,
// sending nothing to Instagram (the plan's calendar reads the quota), and
// removing it sends nothing either.
func TestAccMedia_scheduledEditsInPlaceAndRemovesQuietly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	c := &calls{env: env}
	markWrites := func() { c.seen = c.writes() }
	edited := `resource "instagram_media" "post" {
  type       = "CAROUSEL"
  caption    = "Now a carousel"
  publish_at = %q
  children { image_url = "https://cdn.example.com/1.jpg" }
  children { image_url = "https://cdn.example.com/2.jpg" }
}`
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: scheduledImage("First draft", at(env, 48*time.Hour))},
			{
				PreConfig:        markWrites,
				Config:           scheduledImage("Second draft", at(env, 72*time.Hour)),
				ConfigPlanChecks: acctest.Planned(imageAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStatus(imageAddr, "scheduled"),
					statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("caption"), knownvalue.StringExact("Second draft")),
				},
				Check: c.noWrites("editing a scheduled post"),
			},
			{
				PreConfig:        markWrites,
				Config:           fmt.Sprintf(edited, at(env, 72*time.Hour)),
				ConfigPlanChecks: acctest.Planned(imageAddr, plancheck.ResourceActionUpdate),
				Check:            c.noWrites("changing a scheduled post's type and media"),
			},
			{
				PreConfig: markWrites,
				Config:    `# the post is removed from the configuration`,
				Check:     c.noWrites("removing a scheduled post"),
			},
		},
	})
}

// A run after publish_at + publish_window does not publish: the post is
// missed, once; a new publish_at reschedules it.
func TestAccMedia_scheduledPostMissed(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	nine := at(env, time.Hour)
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: scheduledImage("Too late", nine, `publish_window = "30m"`)},
			{
				PreConfig:         func() { env.Emulator.AdvanceClock(2 * time.Hour) },
				Config:            scheduledImage("Too late", nine, `publish_window = "30m"`),
				ConfigPlanChecks:  acctest.Planned(imageAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(imageAddr, "missed")},
				Check:             env.CheckMediaCount(emulator.DefaultAccountID, 0),
			},
			{Config: scheduledImage("Too late", nine, `publish_window = "30m"`), PlanOnly: true},
			{
				// Rescheduled an hour from now.
				Config:            scheduledImage("Too late", at(env, 3*time.Hour), `publish_window = "30m"`),
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(imageAddr, "scheduled")},
				Check:             env.CheckMediaCount(emulator.DefaultAccountID, 0),
			},
		},
	})
}

// A publish_at already past on create publishes at once when within the
// window, and is missed beyond it.
func TestAccMedia_scheduledInThePast(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config:            scheduledImage("A little late", at(env, -30*time.Minute)),
			ConfigStateChecks: []statecheck.StateCheck{expectStatus(imageAddr, "published")},
			Check:             env.CheckMediaCount(emulator.DefaultAccountID, 1),
		}},
	})
	env2 := acctest.New(t, emulator.Options{})
	env2.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config:            scheduledImage("Far too late", at(env2, -3*time.Hour)),
			ConfigStateChecks: []statecheck.StateCheck{expectStatus(imageAddr, "missed")},
			Check:             env2.CheckMediaCount(emulator.DefaultAccountID, 0),
		}},
	})
}

const scheduledReelAddr = "instagram_media.reel"

func scheduledReel(publishAt string, extra ...string) string {
	return fmt.Sprintf(`
resource "instagram_media" "reel" {
  type       = "REELS"
  video_url  = "https://cdn.example.com/teaser.mp4"
  caption    = "Teaser"
  publish_at = %q
  %s
}`, publishAt, strings.Join(extra, "\n  "))
}

// A video within 12 hours of its time is staged by the run that sees it
// (containers made and processed, nothing published); the run at its time
// only sends media_publish.
func TestAccMedia_scheduledVideoStagedAhead(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	six := at(env, 6*time.Hour)
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: scheduledReel(six),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStatus(scheduledReelAddr, "scheduled"),
					statecheck.ExpectKnownValue(scheduledReelAddr, tfjsonpath.New("container_id"), acctest.NumericID()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 0),
					expectCalls(env, routeCreateContainer, 1),
					expectCalls(env, routePublish, 0),
				),
			},
			{Config: scheduledReel(six), PlanOnly: true},
			{
				PreConfig:         func() { env.Emulator.AdvanceClock(6 * time.Hour) },
				Config:            scheduledReel(six),
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(scheduledReelAddr, "published")},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					expectCalls(env, routeCreateContainer, 1), // no new container: the staged one was published
					expectCalls(env, routePublish, 1),
				),
			},
		},
	})
}

// A staged container that expired before the post's time is made again,
// and the post is published once.
func TestAccMedia_scheduledVideoStagedContainerExpired(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	soon := at(env, 11*time.Hour)
	config := scheduledReel(soon, `publish_window = "24h"`)
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: config, Check: expectCalls(env, routeCreateContainer, 1)},
			{
				// 25 hours later: the staged container expired, the window is open.
				PreConfig:         func() { env.Emulator.AdvanceClock(25 * time.Hour) },
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(scheduledReelAddr, "published")},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					expectCalls(env, routeCreateContainer, 2),
					expectCalls(env, routePublish, 1),
				),
			},
		},
	})
}

// A run at the post's time that finds the quota used up fails the post with
// the reset time and leaves it scheduled; the next run within the window,
// once a slot is free, publishes it.
func TestAccMedia_scheduledQuotaSpentAtItsTime(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{QuotaTotal: 1})
	env.PublishImageOutOfBand(t, "uses the only slot")
	config := scheduledImage("Waits for a slot", at(env, time.Hour), `publish_window = "30h"`)
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:   func() { env.Emulator.AdvanceClock(time.Hour) },
				Config:      config,
				ExpectError: acctest.ExpectError(`Publishing quota used up.*next slot frees up`),
			},
			{
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(imageAddr, "status", "scheduled"),
			},
			{
				PreConfig:         func() { env.Emulator.AdvanceClock(24 * time.Hour) },
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{expectStatus(imageAddr, "published")},
				Check:             env.CheckMediaCount(emulator.DefaultAccountID, 2),
			},
		},
	})
}

// publish_at and publish_window are checked at plan time, naming the
// attribute and the format, with no API call.
func TestAccMedia_scheduleValidation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ extra, pattern string }{
		{`publish_at = "2026-12-08 09:00"`, `publish_at must be an RFC 3339 time with a UTC offset`},
		{`publish_at = "2026-12-08T09:00:00"`, `publish_at must be an RFC 3339 time with a UTC offset`},
		{`publish_at = "tomorrow"`, `publish_at must be an RFC 3339 time`},
		{`publish_window = "0s"`, `publish_window must be a duration greater than zero`},
		{`publish_window = "-1h"`, `publish_window must be a duration greater than zero`},
		{`publish_window = "two hours"`, `publish_window must be a duration greater than zero`},
	} {
		t.Run(tc.extra, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			env.PlanOnlyError(t, imageConfig("Bad time", tc.extra), tc.pattern)
			env.RequireNoGraphCalls(t)
		})
	}
}

// A scheduled post has no media id: its identity gets one when it is
// published (mutable identity), and the published post imports by it.
func TestAccMedia_scheduledIdentity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	config := scheduledImage("Identity later", at(env, time.Hour))
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ResourceIdentity),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(imageAddr, map[string]knownvalue.Check{
					"id": knownvalue.Null(), "account_id": knownvalue.StringExact(emulator.DefaultAccountID),
				})},
			},
			{
				PreConfig: func() { env.Emulator.AdvanceClock(time.Hour) },
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(imageAddr, map[string]knownvalue.Check{
					"id": acctest.NumericID(), "account_id": knownvalue.StringExact(emulator.DefaultAccountID),
				})},
			},
			{
				ResourceName:       imageAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: true, // image_url and tags are adopted from the configuration, in place
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(imageAddr, plancheck.ResourceActionUpdate)},
				},
			},
		},
	})
}

func expectCalls(env *acctest.Env, route string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := env.Emulator.CallCount(route); n != want {
			return fmt.Errorf("%s called %d times, want %d", route, n, want)
		}
		return nil
	}
}
