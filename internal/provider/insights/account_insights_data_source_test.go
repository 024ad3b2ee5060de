package insights_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const accountAddr = "data.instagram_account_insights.test"

// insightsCalls asserts how many account insights requests the emulator served so far.
func insightsCalls(env *acctest.Env, route string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := env.Emulator.CallCount(route); got != want {
			return fmt.Errorf("%s was called %d times, want %d", route, got, want)
		}
		return nil
	}
}

// firstBreakdown is the path of the first metric's first breakdown. A fresh
// path per call: tfjsonpath steps share their backing array.
func firstBreakdown() tfjsonpath.Path {
	return tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("total_value").AtMapKey("breakdowns").AtSliceIndex(0)
}

// dailyValues checks a metric's values: one per day, in order, with
// end_times from first to first+n-1 days, each with a value.
func dailyValues(first time.Time, n int) knownvalue.Check {
	days := make([]knownvalue.Check, n)
	for i := range days {
		days[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"end_time": knownvalue.StringExact(first.Add(time.Duration(i) * 24 * time.Hour).Format("2006-01-02T15:04:05-0700")),
			"value":    knownvalue.NotNull(),
		})
	}
	return knownvalue.ListExact(days)
}

// A 75-day time series is read in three requests (30 + 30 + 15 days) whose
// values are merged in order.
func TestAccAccountInsights_timeSeriesWindows(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
data "instagram_account_insights" "test" {
  metrics     = ["reach", "follower_count"]
  metric_type = "time_series"
  since       = "2026-08-01T00:00:00Z"
  until       = "2026-10-15T00:00:00Z"
}`,
			Check: insightsCalls(env, "GET /{ig-user-id}/insights", 3),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("period"), knownvalue.StringExact("day")),
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name":        knownvalue.StringExact("reach"),
						"title":       knownvalue.StringExact("Accounts reached"),
						"values":      dailyValues(time.Date(2026, 8, 2, 0, 0, 0, 0, time.UTC), 75),
						"total_value": knownvalue.Null(),
					}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name":   knownvalue.StringExact("follower_count"),
						"values": dailyValues(time.Date(2026, 8, 2, 0, 0, 0, 0, time.UTC), 75),
					}),
				})),
			},
		}},
	})
}

func TestAccAccountInsights_totalValueBreakdown(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: `
data "instagram_account_insights" "test" {
  metrics     = ["reach", "views", "likes"]
  metric_type = "total_value"
  breakdown   = ["media_product_type"]
  since       = "2026-10-01T00:00:00Z"
  until       = "2026-10-31T00:00:00Z"
}`,
			Check: insightsCalls(env, "GET /{ig-user-id}/insights", 1),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("views")),
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("values"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("total_value").AtMapKey("value"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(accountAddr, firstBreakdown().AtMapKey("dimension_keys"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("media_product_type")})),
				statecheck.ExpectKnownValue(accountAddr, firstBreakdown().AtMapKey("results"), knownvalue.ListSizeExact(4)),
				statecheck.ExpectKnownValue(accountAddr, firstBreakdown().AtMapKey("results").AtSliceIndex(2).AtMapKey("dimension_values"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("REELS")})),
			},
		}},
	})
}

func TestAccAccountInsights_demographicsAndHourly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Apply(t, `
data "instagram_account_insights" "test" {
  metrics     = ["follower_demographics"]
  metric_type = "total_value"
  timeframe   = "this_month"
  breakdown   = ["country"]
}

data "instagram_account_insights" "online" {
  metrics = ["online_followers"]
  since   = "2026-10-01T00:00:00Z"
  until   = "2026-10-03T00:00:00Z"
}`,
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("period"), knownvalue.StringExact("lifetime")),
		// Demographics have only breakdowns, no total.
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("total_value").AtMapKey("value"), knownvalue.Null()),
		statecheck.ExpectKnownValue(accountAddr, firstBreakdown().AtMapKey("dimension_keys").AtSliceIndex(0), knownvalue.StringExact("country")),
		statecheck.ExpectKnownValue(accountAddr, firstBreakdown().AtMapKey("results").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"dimension_values": knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("US")}),
			"value":            knownvalue.NotNull(),
		})),
		// Followers online by hour: an object value per day, 24 keys.
		statecheck.ExpectKnownValue("data.instagram_account_insights.online", tfjsonpath.New("period"), knownvalue.StringExact("lifetime")),
		statecheck.ExpectKnownValue("data.instagram_account_insights.online", tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("values"), knownvalue.ListSizeExact(2)),
		statecheck.ExpectKnownValue("data.instagram_account_insights.online", tfjsonpath.New("insights").AtSliceIndex(0).AtMapKey("values").AtSliceIndex(0),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"value_by_key": knownvalue.MapSizeExact(24),
				"value":        knownvalue.Null(),
			})),
	)
}

// Retired metrics and invalid combinations fail at plan time, naming the
// replacement or the valid values, before any API call.
func TestAccAccountInsights_planTimeErrors(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	retired := slices.Concat(retiredForViews, []retiredCase{
		{"profile_views", "profile_links_taps"},
		{"email_contacts", "contact_button_type"},
		{"website_clicks", "profile_links_taps"},
		{"phone_call_clicks", "contact_button_type"},
		{"text_message_clicks", "contact_button_type"},
		{"get_direction_clicks", "contact_button_type"},
		{"engagement", "total_interactions"},
		{"audience_gender_age", "follower_demographics"},
		{"audience_locale", "follower_demographics"},
		{"audience_country", "follower_demographics"},
		{"audience_city", "follower_demographics"},
	})
	invalid := []invalidCase{
		{`metrics = ["views"]`, `(?s)needs metric_type.*"views".*total_value`},
		{`metrics = ["reach", "likes"]
		  metric_type = "time_series"`, `(?s)"likes".*total_value`},
		{`metrics = ["follower_count"]
		  metric_type = "total_value"`, `(?s)"follower_count".*time_series`},
		{`metrics = ["reach"]
		  breakdown = ["media_product_type"]`, `breakdown needs metric_type`},
		{`metrics = ["reach", "accounts_engaged"]
		  metric_type = "total_value"
		  breakdown = ["media_product_type"]`, `(?s)"accounts_engaged".*"media_product_type"`},
		{`metrics = ["follower_demographics"]
		  metric_type = "total_value"
		  breakdown = ["age"]`, `(?s)need a timeframe.*"this_week",\s+"this_month"`},
		{`metrics = ["follower_demographics"]
		  metric_type = "total_value"
		  breakdown = ["age"]
		  timeframe = "last_30_days"`, `(?s)"last_30_days".*"this_week",\s+"this_month"`},
		{`metrics = ["follower_demographics"]
		  metric_type = "total_value"
		  timeframe = "this_week"`, `(?s)need a breakdown.*"age"`},
		{`metrics = ["views"]
		  metric_type = "total_value"
		  breakdown = ["follower_type"]`, `(?s)Unknown breakdown.*"follow_type"`},
		{`metrics = ["reach"]
		  timeframe = "this_week"`, `timeframe only applies to demographic`},
		{`metrics = ["reach"]
		  period = "week"`, `(?s)"reach".*period = "day"`},
		{`metrics = ["reach", "online_followers"]`, `(?s)different periods.*online_followers\s+\(lifetime\)`},
		{`metrics = ["saved"]`, `(?s)"saved".*instagram_media_insights`},
		{`metrics = ["reach"]
		  since = "yesterday"`, `RFC 3339`},
		{`metrics = ["reach"]
		  since = "2026-10-02T00:00:00Z"
		  until = "2026-10-01T00:00:00Z"`, `until must be after since`},
		{`metrics = ["reach"]
		  metric_type = "total_value"
		  since = "2026-08-01T00:00:00Z"
		  until = "2026-10-01T00:00:00Z"`, `(?s)at\s+most\s+30\s+days`},
	}
	// Every retired metric is asked for next to a valid one.
	testPlanTimeErrors(t, env, "instagram_account_insights", "", `"reach", `, retired, invalid)
}

type (
	retiredCase struct{ metric, replacement string }
	invalidCase struct{ body, want string }
)

// retiredForViews are the metrics both data sources retired for `views`.
var retiredForViews = []retiredCase{
	{"impressions", "views"},
	{"plays", "views"},
	{"video_views", "views"},
	{"clips_replays_count", "views"},
	{"ig_reels_aggregated_all_plays_count", "views"},
}

// testPlanTimeErrors runs one step per retired metric and per invalid body
// of a data source; each must fail with its message, and none may reach the API.
func testPlanTimeErrors(t *testing.T, env *acctest.Env, dataSource, fixed, metricsPrefix string, retired []retiredCase, invalid []invalidCase) {
	t.Helper()
	var steps []resource.TestStep
	add := func(body, want string) {
		steps = append(steps, resource.TestStep{
			Config:      fmt.Sprintf("data %q \"test\" {\n%s\n%s\n}", dataSource, fixed, body),
			ExpectError: regexp.MustCompile(want),
		})
	}
	for _, r := range retired {
		add(fmt.Sprintf("metrics = [%s%q]", metricsPrefix, r.metric), fmt.Sprintf(`(?s)Retired insights metric.*%q.*%s`, r.metric, r.replacement))
	}
	for _, c := range invalid {
		add(c.body, c.want)
	}
	env.Test(t, resource.TestCase{Steps: steps})
	env.RequireNoGraphCalls(t)
}
