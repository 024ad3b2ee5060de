package media_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const (
	reelAddr     = "instagram_media.reel"
	carouselAddr = "instagram_media.carousel"
	storyAddr    = "instagram_media.story"
)

func reelConfig(caption string) string {
	return fmt.Sprintf(`
resource "instagram_media" "reel" {
  type          = "REELS"
  video_url     = "https://cdn.example.com/teaser.mp4"
  cover_url     = "https://cdn.example.com/teaser-cover.jpg"
  caption       = %q
  share_to_feed = true
  thumb_offset  = 1500
  audio_name    = "Spring theme"
  collaborators = ["partner_brand"]
  user_tags     = [{ username = "partner_brand" }]
}
`, caption)
}

func TestAccMedia_reel(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var firstID string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: reelConfig("Thirty seconds of spring"),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureID(reelAddr, &firstID),
					env.CheckMediaExists(reelAddr),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("permalink"), knownvalue.StringRegexp(regexp.MustCompile(`^https://www\.instagram\.com/reel/`))),
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("VIDEO")),
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("REELS")),
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("share_to_feed"), knownvalue.Bool(true)),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			importPost(reelAddr, "video_url", "cover_url", "share_to_feed", "thumb_offset", "audio_name",
				"collaborators", "collaborator_invites", "user_tags", "container_id"),
			{
				Config:           reelConfig("A new cut"),
				ConfigPlanChecks: acctest.Republishes(reelAddr),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					env.CheckMediaGone(&firstID),
				),
			},
		},
	})
	// The reel was polled while the emulator processed the video.
	if n := env.Emulator.CallCount("GET /{container-id}"); n < 3 {
		t.Fatalf("video container polled %d times; processing was not awaited", n)
	}
}

// carouselConfig is a 10-item carousel: 7 images and 3 videos.
func carouselConfig(caption string) string {
	var b strings.Builder
	for i := range 10 {
		if i%3 == 2 && i < 9 {
			fmt.Fprintf(&b, "\n  children {\n    video_url = \"https://cdn.example.com/look/%d.mp4\"\n  }", i)
			continue
		}
		fmt.Fprintf(&b, "\n  children {\n    image_url = \"https://cdn.example.com/look/%d.jpg\"\n    alt_text  = \"Look %d\"\n    user_tags = [{ username = \"model_%d\", x = 0.5, y = 0.5 }]\n  }", i, i, i)
	}
	return fmt.Sprintf(`
resource "instagram_media" "carousel" {
  type          = "CAROUSEL"
  caption       = %q
  location_id   = "110843418940484"
  collaborators = ["partner_brand"]
%s
}
`, caption, b.String())
}

func TestAccMedia_carouselOfTen(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: carouselConfig("The spring lookbook"),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 1),
					func(s *terraform.State) error {
						rs := s.RootModule().Resources[carouselAddr]
						snap, ok := env.Emulator.Media(rs.Primary.ID)
						if !ok || len(snap.Children) != 10 {
							return fmt.Errorf("carousel on the emulator has %d children", len(snap.Children))
						}
						for i, id := range snap.Children {
							if got := rs.Primary.Attributes[fmt.Sprintf("children_ids.%d", i)]; got != id {
								return fmt.Errorf("children_ids[%d] = %s, emulator has %s", i, got, id)
							}
						}
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(carouselAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("CAROUSEL_ALBUM")),
					statecheck.ExpectKnownValue(carouselAddr, tfjsonpath.New("children_ids"), knownvalue.ListSizeExact(10)),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			importPost(carouselAddr, "children", "location_id", "collaborators", "collaborator_invites", "container_id"),
			// The imported carousel adopts the children blocks in place.
			acctest.ImportBlockUpdatesInPlace(carouselAddr),
		},
	})
}

func storyConfig(url string) string {
	return fmt.Sprintf(`
resource "instagram_media" "story" {
  type      = "STORIES"
  image_url = %q
  user_tags = [{ username = "partner_brand" }]
}
`, url)
}

func TestAccMedia_story(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: storyConfig("https://cdn.example.com/story.jpg"),
				Check:  env.CheckMediaExists(storyAddr),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(storyAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("STORY")),
					statecheck.ExpectKnownValue(storyAddr, tfjsonpath.New("caption"), knownvalue.Null()),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			importPost(storyAddr, "image_url", "user_tags", "container_id"),
			{
				Config:           storyConfig("https://cdn.example.com/story-2.jpg"),
				ConfigPlanChecks: acctest.Republishes(storyAddr),
				Check:            env.CheckMediaCount(emulator.DefaultAccountID, 1),
			},
		},
	})
}

// A story that left Instagram after 24 hours is its normal life, not drift:
// the plan stays empty instead of publishing it again.
func TestAccMedia_storyExpiryIsNotDrift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{StoriesVanish: true})
	sameID := statecheck.CompareValue(compare.ValuesSame())
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config:            storyConfig("https://cdn.example.com/story.jpg"),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(storyAddr, tfjsonpath.New("id"))},
			},
			{
				PreConfig: func() { env.Emulator.AdvanceClock(25 * 60 * 60 * 1e9) },
				Config:    storyConfig("https://cdn.example.com/story.jpg"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(storyAddr, tfjsonpath.New("id"))},
			},
		},
	})
	if got := env.Emulator.CallCount("POST /{ig-user-id}/media_publish"); got != 1 {
		t.Fatalf("the expired story was published %d times", got)
	}
}

// A story deleted by hand within its 24 hours is drift and is published again.
func TestAccMedia_storyDeletedEarlyIsDrift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{StoriesVanish: true})
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: storyConfig("https://cdn.example.com/story.jpg"), Check: acctest.CaptureID(storyAddr, &id)},
			{
				PreConfig:        func() { env.Emulator.DeleteMediaOutOfBand(id) },
				Config:           storyConfig("https://cdn.example.com/story.jpg"),
				ConfigPlanChecks: acctest.Planned(storyAddr, plancheck.ResourceActionCreate),
			},
		},
	})
}

func TestAccMedia_processingErrorExplainsSubcode(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Emulator.AddProcessingRule(emulator.ProcessingRule{URLContains: "bad-codec", Outcome: "ERROR", Subcode: 2207026})
	env.Emulator.AddProcessingRule(emulator.ProcessingRule{URLContains: "stale", Outcome: "EXPIRED"})
	for _, tc := range []struct{ url, want string }{
		{"https://cdn.example.com/bad-codec.mp4", `Instagram could not process the media.*Error: 2207026.*video format is not supported; use MP4 or MOV`},
		{"https://cdn.example.com/stale.mp4", `Media container expired.*containers live 24 hours`},
		{"https://cdn.invalid/missing.mp4", `Error: 2207052.*could not download the media`},
	} {
		env.ApplyError(t, fmt.Sprintf(`
resource "instagram_media" "reel" {
  type      = "REELS"
  video_url = %q
}`, tc.url), tc.want)
	}
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
		t.Fatalf("%d posts published from failed containers", n)
	}
}

func TestAccMedia_quotaUsedUp(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{QuotaTotal: 2})
	config := `
resource "instagram_media" "post" {
  count     = 3
  type      = "IMAGE"
  image_url = "https://cdn.example.com/${count.index}.jpg"
  caption   = "Post ${count.index}"
}`
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config:      config,
				ExpectError: acctest.ExpectError(`Publishing quota used up.*published 2 of 2 posts allowed in the last 24 hours. The next slot frees up at about 2026-11-02T12:00:00Z`),
			},
			{
				// The two posts within the quota were published and are in state;
				// which two depends on the order the concurrent creates ran in.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaCount(emulator.DefaultAccountID, 2),
					func(s *terraform.State) error {
						var inState int
						for _, rs := range s.RootModule().Resources {
							if rs.Type == "instagram_media" {
								inState++
								if !env.Emulator.MediaExists(rs.Primary.ID) {
									return fmt.Errorf("post %s in state is not on the emulator", rs.Primary.ID)
								}
							}
						}
						if inState != 2 {
							return fmt.Errorf("%d posts in state, want the 2 that fit the quota", inState)
						}
						return nil
					},
				),
			},
		},
	})
}
