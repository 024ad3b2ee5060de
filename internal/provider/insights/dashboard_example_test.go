package insights_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The insights-dashboard example runs as written against the emulator (only
// its terraform block goes: the test harness supplies the provider).
func TestAccInsightsDashboardExample(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../../examples/insights-dashboard/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	config := regexp.MustCompile(`(?s)terraform \{.*?\n\}\n`).ReplaceAllString(string(src), "")
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("month_totals", tfjsonpath.New("views"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValueAtPath("reach_by_surface", tfjsonpath.New("REELS"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValueAtPath("daily_reach", tfjsonpath.New("2026-10-31T00:00:00+0000"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValueAtPath("audience_by_age_and_gender", tfjsonpath.New("25-34/F"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValueAtPath("campaign_post", tfjsonpath.New("metrics").AtMapKey("saved"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValue("new_followers", knownvalue.NotNull()),
			},
			ConfigPlanChecks: acctest.NoDrift(),
		}},
	})
}
