package insights_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The metrics Meta added on 2025-12-03 (reels_skip_rate, reposts, and the
// cross-posted views of reels), on the product types they exist for.
func TestAccMediaInsights_metricsOf2025(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	names := func(metrics ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(metrics))
		for i, m := range metrics {
			checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(m)})
		}
		return knownvalue.ListExact(checks)
	}
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: `
resource "instagram_media" "reel" {
  type      = "REELS"
  video_url = "https://cdn.example.com/teaser.mp4"
}

resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
}

data "instagram_media_insights" "reel" {
  media_id = instagram_media.reel.id
  metrics  = ["views", "reels_skip_rate", "reposts", "crossposted_views", "facebook_views"]
}

data "instagram_media_insights" "post" {
  media_id = instagram_media.post.id
  metrics  = ["views", "reposts"]
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.instagram_media_insights.reel", tfjsonpath.New("insights"),
						names("views", "reels_skip_rate", "reposts", "crossposted_views", "facebook_views")),
					statecheck.ExpectKnownValue("data.instagram_media_insights.post", tfjsonpath.New("insights"), names("views", "reposts")),
				},
			},
			{
				// A reels-only metric on a feed post fails before any insights request.
				Config: `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
}

data "instagram_media_insights" "post" {
  media_id = instagram_media.post.id
  metrics  = ["reels_skip_rate"]
}`,
				ExpectError: acctest.ExpectError(`"reels_skip_rate" metric is not available for FEED media.*it exists for REELS`),
			},
		},
	})
}

// Account-level reposts, and views broken down by follower type.
func TestAccAccountInsights_repostsAndViewsByFollowerType(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Apply(t, `
data "instagram_account_insights" "reposts" {
  metrics     = ["reposts"]
  metric_type = "total_value"
}

data "instagram_account_insights" "views" {
  metrics     = ["views"]
  metric_type = "total_value"
  breakdown   = ["follow_type"]
}`,
		statecheck.ExpectKnownValue("data.instagram_account_insights.reposts", tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("total_value").AtMapKey("value"), knownvalue.NotNull()),
		statecheck.ExpectKnownValue("data.instagram_account_insights.views",
			tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("total_value").AtMapKey("breakdowns").AtSliceIndex(0).AtMapKey("dimension_keys"),
			knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("follow_type")})),
	)
}

// The metrics of 2026: link_clicks (stories), total_views, reposts and
// facebook_views on stories, with Facebook login; refused with Instagram
// login before any call, naming what it offers instead.
func TestAccMediaInsights_metricsOf2026(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	story := env.PostOutOfBand(t, emulator.Post{Type: "STORY"})
	post := env.PostOutOfBand(t, emulator.Post{Caption: "Launch"})
	env.Apply(t, `
data "instagram_media_insights" "story" {
  media_id = "`+story+`"
  metrics  = ["link_clicks", "total_views", "reposts", "facebook_views"]
}

data "instagram_media_insights" "post" {
  media_id = "`+post+`"
  metrics  = ["total_likes", "total_comments", "total_views", "facebook_views"]
}`,
		statecheck.ExpectKnownValue("data.instagram_media_insights.story", tfjsonpath.New("insights"),
			insightNames("link_clicks", "total_views", "reposts", "facebook_views")),
		statecheck.ExpectKnownValue("data.instagram_media_insights.post", tfjsonpath.New("insights"),
			insightNames("total_likes", "total_comments", "total_views", "facebook_views")),
	)
	for _, tc := range []struct{ metric, want string }{
		{"link_clicks", `"link_clicks" only exists in the Instagram API with Facebook login. Instagram login has no equivalent`},
		{"total_views", `"total_views" only exists.*use "views"`},
	} {
		acctest.New(t, emulator.Options{}).InstagramLogin().PlanOnlyError(t, `
data "instagram_media_insights" "x" {
  media_id = "`+story+`"
  metrics  = ["`+tc.metric+`"]
}`, tc.want)
	}
	// link_clicks exists for stories only: refused after the one read of the media.
	env.ApplyError(t, `
data "instagram_media_insights" "x" {
  media_id = "`+post+`"
  metrics  = ["link_clicks"]
}`, `"link_clicks" metric is not available for FEED media`)
}

// impressions exists only for media created before 2024-07-02: a newer post
// fails before the insights call, naming views.
func TestAccMediaInsights_impressionsOnOldMediaOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{Now: func() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC) }})
	old := env.PostOutOfBand(t, emulator.Post{Caption: "From 2024"})
	env.Emulator.AdvanceClock(900 * 24 * time.Hour)
	recent := env.PostOutOfBand(t, emulator.Post{Caption: "From 2026"})
	env.Apply(t, `
data "instagram_media_insights" "old" {
  media_id = "`+old+`"
  metrics  = ["impressions", "views"]
}`, statecheck.ExpectKnownValue("data.instagram_media_insights.old", tfjsonpath.New("insights"), insightNames("impressions", "views")))
	before := env.Emulator.CallCount("GET /{ig-media-id}/insights")
	env.ApplyError(t, `
data "instagram_media_insights" "recent" {
  media_id = "`+recent+`"
  metrics  = ["impressions"]
}`, `Metric not available for media this recent.*"impressions" only for media created before 2024-07-02.*Use "views"`)
	if n := env.Emulator.CallCount("GET /{ig-media-id}/insights"); n != before {
		t.Fatalf("insights requested %d times for impressions on new media", n-before)
	}
	// Account insights have no impressions at all.
	acctest.New(t, emulator.Options{}).PlanOnlyError(t, `
data "instagram_account_insights" "x" {
  metrics = ["impressions"]
  period  = "day"
}`, `Retired insights metric.*"impressions"`)
}

func insightNames(metrics ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(metrics))
	for i, m := range metrics {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(m)})
	}
	return knownvalue.ListExact(checks)
}
