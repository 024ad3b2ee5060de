package insights_test

import (
	"testing"

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
