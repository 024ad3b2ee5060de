package insights_test

import (
	"regexp"
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckMediaDestroyed,
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
			Check: resource.ComposeAggregateTestCheckFunc(
				insightsCalls(env, "GET /{ig-media-id}/insights", 2),
				resource.TestCheckResourceAttr(mediaAddr, "insights.#", "3"),
				resource.TestCheckResourceAttr(mediaAddr, "insights.2.name", "saved"),
				resource.TestCheckResourceAttr(mediaAddr, "insights.0.period", "lifetime"),
				resource.TestCheckResourceAttr(mediaAddr, "insights.0.values.#", "1"),
				resource.TestCheckResourceAttrSet(mediaAddr, "insights.0.values.0.value"),
				resource.TestCheckNoResourceAttr(mediaAddr, "insights.0.values.0.end_time"),
				resource.TestCheckNoResourceAttr(mediaAddr, "insights.0.total_value.value"),
				resource.TestCheckResourceAttr("data.instagram_media_insights.activity", "insights.0.total_value.breakdowns.0.results.0.dimension_values.0", "BIO_LINK_CLICKED"),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("FEED")),
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("IMAGE")),
				statecheck.ExpectKnownValue(mediaAddr, tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("views")),
			},
		}},
	})
}

func TestAccMediaInsights_story(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: storyConfig + `
data "instagram_media_insights" "test" {
  media_id  = instagram_media.story.id
  metrics   = ["navigation"]
  breakdown = ["story_navigation_action_type"]
}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(mediaAddr, "media_product_type", "STORY"),
				resource.TestCheckResourceAttr(mediaAddr, "insights.0.total_value.breakdowns.0.results.#", "4"),
				resource.TestCheckResourceAttr(mediaAddr, "insights.0.total_value.breakdowns.0.results.0.dimension_values.0", "tap_forward"),
			),
		}},
	})
}

// A story seen by fewer accounts than Meta's threshold has no insights.
func TestAccMediaInsights_storyNotEnoughViewers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{StoryInsightsMinViewers: 1000000})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckMediaDestroyed,
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckMediaDestroyed,
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
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: `
data "instagram_media_insights" "test" {
  media_id = "17900000000000001"
  metrics  = ["total_likes"]
}`,
			ExpectError: regexp.MustCompile(`(?s)needs Facebook login.*"likes"`),
		}},
	})
	if n := env.Emulator.TotalCalls(); n != 0 {
		t.Fatalf("%d API calls: %v", n, env.Emulator.Calls())
	}
}

func TestAccMediaInsights_planTimeErrors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	retired := []retiredCase{
		{"impressions", "views"},
		{"plays", "views"},
		{"video_views", "views"},
		{"clips_replays_count", "views"},
		{"ig_reels_aggregated_all_plays_count", "views"},
		{"engagement", "total_interactions"},
		{"carousel_album_impressions", "views"},
		{"carousel_album_reach", "reach"},
		{"carousel_album_engagement", "total_interactions"},
		{"carousel_album_saved", "saved"},
		{"carousel_album_video_views", "views"},
		{"taps_forward", "navigation"},
		{"taps_back", "navigation"},
		{"exits", "navigation"},
	}
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
