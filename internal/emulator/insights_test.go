package emulator

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

const insightsPath = "/v25.0/" + DefaultAccountID + "/insights"

func unix(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// day is a day of the emulator's default clock (2026-11-01 12:00 UTC).
func day(month time.Month, d int) time.Time { return time.Date(2026, month, d, 0, 0, 0, 0, time.UTC) }

func TestAccountInsights_timeSeries(t *testing.T) {
	h := newHarness(t, Options{})
	q := []string{"metric", "reach,follower_count", "period", "day", "metric_type", "time_series",
		"since", unix(day(10, 1)), "until", unix(day(10, 3))}
	b := h.get(insightsPath, fbl, q...).mustOK(t)
	data := asList(b["data"])
	if len(data) != 2 {
		t.Fatalf("data = %v", data)
	}
	reach := asMap(data[0])
	if reach["name"] != "reach" || reach["period"] != "day" || reach["title"] == "" || reach["id"] != DefaultAccountID+"/insights/reach/day" {
		t.Errorf("reach = %v", reach)
	}
	values := asList(reach["values"])
	if len(values) != 2 || asMap(values[0])["end_time"] != "2026-10-02T00:00:00+0000" || asMap(values[1])["end_time"] != "2026-10-03T00:00:00+0000" {
		t.Fatalf("values = %v", values)
	}
	if _, ok := asMap(values[0])["value"].(float64); !ok {
		t.Errorf("value is not a number: %v", values[0])
	}

	// Deterministic: the same query gives the same numbers.
	again := h.get(insightsPath, fbl, q...).mustOK(t)
	if got, want := asList(asMap(asList(again["data"])[0])["values"]), values; asMap(got[1])["value"] != asMap(want[1])["value"] {
		t.Errorf("values changed between identical queries: %v vs %v", got, want)
	}

	// Time-based paging: the adjacent windows, never a token.
	paging := asMap(b["paging"])
	prev, _ := url.Parse(str(paging["previous"]))
	next, _ := url.Parse(str(paging["next"]))
	if prev.Query().Get("since") != unix(day(9, 29)) || prev.Query().Get("until") != unix(day(10, 1)) {
		t.Errorf("previous = %s", prev)
	}
	if next.Query().Get("since") != unix(day(10, 3)) || next.Query().Get("until") != unix(day(10, 5)) || next.Query().Get("metric") != "reach,follower_count" {
		t.Errorf("next = %s", next)
	}
	nb := h.getURL(next.String()).mustOK(t)
	if end := asMap(asList(asMap(asList(nb["data"])[0])["values"])[0])["end_time"]; end != "2026-10-04T00:00:00+0000" {
		t.Errorf("next page starts at %v", end)
	}
}

func TestAccountInsights_onlineFollowersHourly(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get(insightsPath, fbl, "metric", "online_followers", "period", "lifetime",
		"since", unix(day(10, 1)), "until", unix(day(10, 2))).mustOK(t)
	v := asMap(asList(asMap(asList(b["data"])[0])["values"])[0])["value"]
	if hours := asMap(v); len(hours) != 24 || hours["23"] == nil {
		t.Errorf("online_followers value = %v, want 24 hourly buckets", v)
	}
}

func TestAccountInsights_totalValueBreakdown(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get(insightsPath, fbl, "metric", "reach,views", "period", "day", "metric_type", "total_value",
		"breakdown", "media_product_type", "since", unix(day(10, 1)), "until", unix(day(10, 8))).mustOK(t)
	if _, ok := b["paging"]; ok {
		t.Errorf("total_value answers have no paging: %v", b)
	}
	for _, item := range asList(b["data"]) {
		tv := asMap(asMap(item)["total_value"])
		total := num(tv["value"])
		bd := asMap(asList(tv["breakdowns"])[0])
		if keys := asList(bd["dimension_keys"]); len(keys) != 1 || keys[0] != "media_product_type" {
			t.Errorf("dimension_keys = %v", keys)
		}
		sum := 0.0
		results := asList(bd["results"])
		for _, r := range results {
			sum += num(asMap(r)["value"])
		}
		if len(results) != 4 || sum != total {
			t.Errorf("%v: %d results adding up to %v, total %v", asMap(item)["name"], len(results), sum, total)
		}
	}
}

func TestAccountInsights_demographics(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get(insightsPath, fbl, "metric", "follower_demographics", "period", "lifetime", "metric_type", "total_value",
		"timeframe", "this_month", "breakdown", "country").mustOK(t)
	tv := asMap(asMap(asList(b["data"])[0])["total_value"])
	if _, ok := tv["value"]; ok {
		t.Errorf("demographics carry no total value: %v", tv)
	}
	r := asMap(asList(asMap(asList(tv["breakdowns"])[0])["results"])[0])
	if vals := asList(r["dimension_values"]); len(vals) != 1 || vals[0] != "US" {
		t.Errorf("first result = %v", r)
	}

	// Removed timeframes and a missing one are refused.
	for _, tf := range []string{"last_30_days", ""} {
		e := h.get(insightsPath, fbl, "metric", "follower_demographics", "period", "lifetime", "metric_type", "total_value",
			"timeframe", tf, "breakdown", "age").wantError(t, 400, 100, 0)
		if !strings.Contains(str(e["message"]), "this_week, this_month") {
			t.Errorf("timeframe %q: %v", tf, e["message"])
		}
	}
}

func TestAccountInsights_smallAccountHasNoFollowerData(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.AddAccount(Account{ID: "17841400000000077", FollowersCount: 40, FacebookToken: fbl})
	b := h.get("/v25.0/17841400000000077/insights", fbl, "metric", "follower_count,reach", "period", "day").mustOK(t)
	data := asList(b["data"])
	if len(data) != 1 || asMap(data[0])["name"] != "reach" {
		t.Errorf("data = %v, want only reach", data)
	}
}

func TestAccountInsights_errors(t *testing.T) {
	h := newHarness(t, Options{InsightsMaxRange: 10 * 24 * time.Hour, InsightsRetention: 90 * 24 * time.Hour})
	cases := []struct {
		name    string
		kv      []string
		code    int
		message string
	}{
		{"retired impressions", []string{"metric", "reach,impressions", "period", "day"}, 100, "(#100) metric[1] must be one of the following values: "},
		{"retired profile_views", []string{"metric", "profile_views", "period", "day"}, 100, "metric[0] must be one of"},
		{"no metric", []string{"period", "day"}, 100, "metric is required"},
		{"no period", []string{"metric", "reach"}, 100, "period is required"},
		{"wrong period", []string{"metric", "reach", "period", "week"}, 100, "does not support period week"},
		{"total_value required", []string{"metric", "reach,views,likes", "period", "day"}, 100,
			"(#100) The following metrics (views, likes) should be specified with parameter metric_type=total_value"},
		{"unsupported breakdown", []string{"metric", "reach,accounts_engaged", "period", "day", "metric_type", "total_value", "breakdown", "media_product_type"}, 1,
			"An unknown error has occurred."},
		// Meta's reference prose says follower_type; the API's breakdown is follow_type.
		{"follower_type", []string{"metric", "views", "period", "day", "metric_type", "total_value", "breakdown", "follower_type"}, 1,
			"An unknown error has occurred."},
		{"range too long", []string{"metric", "reach", "period", "day", "since", unix(day(10, 1)), "until", unix(day(10, 12))}, 100,
			"There cannot be more than 10 days (864000 s) between since and until"},
		{"since too old", []string{"metric", "reach", "period", "day", "since", unix(day(7, 1)), "until", unix(day(7, 3))}, 100,
			"since param is not valid. Metrics data is available for the last 90 days"},
		{"demographics without breakdown", []string{"metric", "follower_demographics", "period", "lifetime", "metric_type", "total_value", "timeframe", "this_week"}, 100,
			"breakdown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := h.get(insightsPath, fbl, c.kv...).wantError(t, 400, c.code, 0)
			if !strings.Contains(str(e["message"]), c.message) {
				t.Errorf("message = %q, want it to contain %q", e["message"], c.message)
			}
		})
	}

	// time_series silently drops a breakdown instead of failing.
	h.get(insightsPath, fbl, "metric", "reach,follower_count", "period", "day", "metric_type", "time_series", "breakdown", "city").mustOK(t)
}

func TestAccountInsights_instagramLoginAndRoute(t *testing.T) {
	h := newHarness(t, Options{})
	h.get("/v25.0/me/insights", igl, "metric", "reach", "period", "day").mustOK(t)
	h.get(insightsPath, igl, "metric", "reach", "period", "day").mustOK(t)
	if n := h.emu.CallCount("GET /{ig-user-id}/insights"); n != 1 {
		t.Errorf("CallCount(GET /{ig-user-id}/insights) = %d", n)
	}
}

// publishStory publishes an image story and returns its media id.
func (h *harness) publishStory() string {
	h.t.Helper()
	cid := h.createImage(fbl, "https://example.com/s.jpg", "media_type", "STORIES")
	return str(h.post("/v25.0/"+DefaultAccountID+"/media_publish", fbl, "creation_id", cid).mustOK(h.t)["id"])
}

func TestMediaInsights(t *testing.T) {
	h := newHarness(t, Options{})
	id := h.publishImage("insights")
	b := h.get("/v25.0/"+id+"/insights", fbl, "metric", "views,reach,saved").mustOK(t)
	data := asList(b["data"])
	if len(data) != 3 {
		t.Fatalf("data = %v", data)
	}
	for i, name := range []string{"views", "reach", "saved"} {
		item := asMap(data[i])
		v := asMap(asList(item["values"])[0])
		if item["name"] != name || item["period"] != "lifetime" || item["id"] != id+"/insights/"+name+"/lifetime" || v["end_time"] != nil {
			t.Errorf("item %d = %v", i, item)
		}
		if _, ok := v["value"].(float64); !ok {
			t.Errorf("%s value = %v", name, v)
		}
	}
	if n := h.emu.CallCount("GET /{ig-media-id}/insights"); n != 1 {
		t.Errorf("CallCount = %d", n)
	}

	// profile_activity with its breakdown adds a total_value.
	b = h.get("/v25.0/"+id+"/insights", fbl, "metric", "profile_activity", "breakdown", "action_type").mustOK(t)
	tv := asMap(asMap(asList(b["data"])[0])["total_value"])
	if keys := asList(asMap(asList(tv["breakdowns"])[0])["dimension_keys"]); len(keys) != 1 || keys[0] != "action_type" {
		t.Errorf("total_value = %v", tv)
	}

	// Metric valid elsewhere, not on a FEED post; retired; breakdown unsupported; Facebook-only metric on IGL.
	e := h.get("/v25.0/"+id+"/insights", fbl, "metric", "reach,navigation").wantError(t, 400, 100, 0)
	if !strings.Contains(str(e["message"]), "navigation metric for this media product type") {
		t.Errorf("message = %v", e["message"])
	}
	h.get("/v25.0/"+id+"/insights", fbl, "metric", "impressions").wantError(t, 400, 100, 0)
	h.get("/v25.0/"+id+"/insights", fbl, "metric", "reach", "breakdown", "action_type").wantError(t, 400, 1, 0)
	h.get("/v25.0/"+id+"/insights", fbl, "metric", "total_likes").mustOK(t)
	h.get("/v25.0/"+id+"/insights", igl, "metric", "total_likes").wantError(t, 400, 100, 0)
}

func TestMediaInsights_storyViewers(t *testing.T) {
	h := newHarness(t, Options{})
	id := h.publishStory()
	b := h.get("/v25.0/"+id+"/insights", fbl, "metric", "navigation,reach", "breakdown", "").mustOK(t)
	if len(asList(b["data"])) != 2 {
		t.Fatalf("story insights = %v", b)
	}
	b = h.get("/v25.0/"+id+"/insights", fbl, "metric", "navigation", "breakdown", "story_navigation_action_type").mustOK(t)
	res := asList(asMap(asList(asMap(asMap(asList(b["data"])[0])["total_value"])["breakdowns"])[0])["results"])
	if len(res) != 4 || asList(asMap(res[0])["dimension_values"])[0] != "tap_forward" {
		t.Errorf("navigation results = %v", res)
	}

	if !h.emu.SetMediaViewers(id, 4) {
		t.Fatal("SetMediaViewers refused a published story")
	}
	e := h.get("/v25.0/"+id+"/insights", fbl, "metric", "reach").wantError(t, 400, 10, 0)
	if e["message"] != "(#10) Not enough viewers for the media to show insights" {
		t.Errorf("message = %v", e["message"])
	}
	h.emu.SetMediaViewers(id, 5)
	b = h.get("/v25.0/"+id+"/insights", fbl, "metric", "reach").mustOK(t)
	if v := asMap(asList(asMap(asList(b["data"])[0])["values"])[0])["value"]; v != 5.0 {
		t.Errorf("story reach = %v, want the 5 seeded viewers", v)
	}

	// The threshold is configurable.
	h2 := newHarness(t, Options{StoryInsightsMinViewers: 100000})
	h2.get("/v25.0/"+h2.publishStory()+"/insights", fbl, "metric", "reach").wantError(t, 400, 10, 0)
}
