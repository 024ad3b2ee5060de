package insights_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const (
	mediaAddr = "data.instagram_media_insights.test"

	postConfig = `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
  caption   = "Launch day"
}
`
	storyConfig = `
resource "instagram_media" "story" {
  type      = "STORIES"
  image_url = "https://cdn.example.com/story.jpg"
}
`
)

func TestAccMediaInsights_post(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: postConfig + `
data "instagram_media_insights" "test" {
  media_id = instagram_media.post.id
  metrics  = ["views", "reach", "saved"]
}

data "instagram_media_insights" "activity" {
  media_id  = instagram_media.post.id
  metrics   = ["profile_activity"]
  breakdown = ["action_type"]
}`,
			Check: insightsCalls(env, "GET /{ig-media-id}/insights", 2),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("FEED")),
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("IMAGE")),
				// The metrics in the order asked for, each with one lifetime
				// value (no end_time) and no total.
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("insights"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name":   knownvalue.StringExact("views"),
						"period": knownvalue.StringExact("lifetime"),
						"values": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"value":    knownvalue.NotNull(),
							"end_time": knownvalue.Null(),
						})}),
						"total_value": knownvalue.Null(),
					}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("reach")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("saved")}),
				})),
				statecheck.ExpectKnownValue("data.instagram_media_insights.activity", firstBreakdown().AtMapKey("results").AtSliceIndex(0).AtMapKey("dimension_values").AtSliceIndex(0),
					knownvalue.StringExact("BIO_LINK_CLICKED")),
			},
		}},
	})
}

func TestAccMediaInsights_story(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: storyConfig + `
data "instagram_media_insights" "test" {
  media_id  = instagram_media.story.id
  metrics   = ["navigation"]
  breakdown = ["story_navigation_action_type"]
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("STORY")),
				statecheck.ExpectKnownValue(mediaAddr, firstBreakdown().AtMapKey("results"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue(mediaAddr, firstBreakdown().AtMapKey("results").AtSliceIndex(0).AtMapKey("dimension_values").AtSliceIndex(0),
					knownvalue.StringExact("tap_forward")),
			},
		}},
	})
}

// A story seen by fewer accounts than Meta's threshold has no insights.
func TestAccMediaInsights_storyNotEnoughViewers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{StoryInsightsMinViewers: 1000000})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: storyConfig + `
data "instagram_media_insights" "test" {
  media_id = instagram_media.story.id
  metrics  = ["reach"]
}`,
			ExpectError: acctest.ExpectError(`Not enough viewers.*code 10.*fewer than 5 accounts`),
		}},
	})
}

// A metric that exists, but not for the media's product type, fails after
// one read of the media and before any insights request.
func TestAccMediaInsights_metricNotForProductType(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{Config: postConfig},
			{
				Config: postConfig + `
data "instagram_media_insights" "test" {
  media_id = instagram_media.post.id
  metrics  = ["reach", "navigation"]
}`,
				ExpectError: regexp.MustCompile(`(?s)Metric not available for FEED media.*"navigation".*STORY`),
			},
		},
	})
	if n := env.Emulator.CallCount("GET /{ig-media-id}/insights"); n != 0 {
		t.Fatalf("insights requested %d times for an invalid metric", n)
	}
}

func TestAccMediaInsights_facebookOnlyMetricWithInstagramLogin(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{}).InstagramLogin().PlanOnlyError(t, `
data "instagram_media_insights" "test" {
  media_id = "17900000000000001"
  metrics  = ["total_likes"]
}`, `needs Facebook login.*"likes"`)
}

func TestAccMediaInsights_planTimeErrors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	// impressions is no retired media metric: it exists for media created
	// before 2024-07-02 (TestAccMediaInsights_impressionsOnOldMediaOnly).
	retired := slices.Concat(slices.DeleteFunc(slices.Clone(retiredForViews), func(r retiredCase) bool { return r.metric == "impressions" }), []retiredCase{
		{"engagement", "total_interactions"},
		{"carousel_album_impressions", "views"},
		{"carousel_album_reach", "reach"},
		{"carousel_album_engagement", "total_interactions"},
		{"carousel_album_saved", "saved"},
		{"carousel_album_video_views", "views"},
		{"taps_forward", "navigation"},
		{"taps_back", "navigation"},
		{"exits", "navigation"},
	})
	invalid := []invalidCase{
		{`metrics = ["reach"]
		  breakdown = ["action_type"]`, `(?s)"reach".*no\s+breakdowns`},
		{`metrics = ["navigation", "profile_activity"]
		  breakdown = ["story_navigation_action_type"]`, `(?s)"profile_activity".*"action_type"`},
		{`metrics = ["saves"]`, `(?s)"saves".*instagram_account_insights`},
		{`metrics = []`, `at least 1`},
	}
	testPlanTimeErrors(t, env, "instagram_media_insights", `media_id = "17900000000000001"`, "", retired, invalid)
}
