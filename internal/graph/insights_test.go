package graph

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestInsightsService_Account_totalValue(t *testing.T) {
	client, mux := setup(t)
	since := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	until := since.Add(7 * 24 * time.Hour)
	mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{
			"metric": "reach,views", "period": "day", "metric_type": "total_value",
			"breakdown": "media_product_type,follow_type", "since": "1790812800", "until": "1791417600",
		})
		writeJSON(w, 200, `{"data":[{"name":"reach","period":"day","title":"Accounts reached","description":"d",
			"total_value":{"value":224,"breakdowns":[{"dimension_keys":["media_product_type","follow_type"],
			"results":[{"dimension_values":["FEED","FOLLOWER"],"value":124},{"dimension_values":["REELS","FOLLOWER"],"value":100}]}]},
			"id":"`+testIGUser+`/insights/reach/day"}]}`)
	})
	got, _, err := client.Insights.Account(context.Background(), testIGUser, AccountInsightsOptions{
		Metrics: []string{"reach", "views"}, Period: "day", MetricType: MetricTypeTotalValue,
		Breakdown: []string{"media_product_type", "follow_type"}, Since: since, Until: until,
	})
	if err != nil {
		t.Fatal(err)
	}
	tv := got[0].TotalValue
	if len(got) != 1 || tv == nil || tv.Value == nil || *tv.Value != 224 || tv.Breakdowns[0].Results[1].DimensionValues[0] != "REELS" ||
		tv.Breakdowns[0].Results[1].Value != 100 || got[0].Title != "Accounts reached" {
		t.Errorf("insights = %+v", got)
	}
}

func TestInsightsService_Account_demographics(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{
			"metric": "follower_demographics", "period": "lifetime", "metric_type": "total_value",
			"timeframe": "this_month", "breakdown": "country",
		})
		writeJSON(w, 200, `{"data":[{"name":"follower_demographics","period":"lifetime","total_value":{"breakdowns":[
			{"dimension_keys":["country"],"results":[{"dimension_values":["US"],"value":5000}]}]}}]}`)
	})
	got, _, err := client.Insights.Account(context.Background(), testIGUser, AccountInsightsOptions{
		Metrics: []string{"follower_demographics"}, Period: "lifetime", MetricType: MetricTypeTotalValue,
		Timeframe: "this_month", Breakdown: []string{"country"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tv := got[0].TotalValue; tv.Value != nil || tv.Breakdowns[0].Results[0].Value != 5000 {
		t.Errorf("total_value = %+v", tv)
	}
}

// A 75-day time_series range becomes three requests (30 + 30 + 15 days),
// oldest first, and each metric's values are merged in order.
func TestInsightsService_Account_windows(t *testing.T) {
	e := setupEnv(t)
	since := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	until := since.Add(75 * 24 * time.Hour)
	var mu sync.Mutex
	var windows [][2]string
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		testParams(t, r, map[string]string{
			"metric": "reach,follower_count", "period": "day", "metric_type": "time_series",
			"since": q.Get("since"), "until": q.Get("until"),
		})
		mu.Lock()
		windows = append(windows, [2]string{q.Get("since"), q.Get("until")})
		mu.Unlock()
		s, _ := strconv.ParseInt(q.Get("since"), 10, 64)
		u, _ := strconv.ParseInt(q.Get("until"), 10, 64)
		values := ""
		// One value per day ending in (since, until]; the window's edge day is
		// repeated by the next window, as an inclusive API would do.
		for d := s; d <= u; d += 86400 {
			if values != "" {
				values += ","
			}
			values += fmt.Sprintf(`{"value":%d,"end_time":%q}`, d/86400, time.Unix(d, 0).UTC().Format(TimeLayout))
		}
		writeJSON(w, 200, `{"data":[{"name":"reach","period":"day","values":[`+values+`]},
			{"name":"follower_count","period":"day","values":[`+values+`]}],
			"paging":{"previous":"https://graph.facebook.com/x","next":"https://graph.facebook.com/y"}}`)
	})
	got, _, err := e.client.Insights.Account(context.Background(), testIGUser, AccountInsightsOptions{
		Metrics: []string{"reach", "follower_count"}, Period: "day", MetricType: MetricTypeTimeSeries, Since: since, Until: until,
	})
	if err != nil {
		t.Fatal(err)
	}
	unix := func(d int) string { return strconv.FormatInt(since.Add(time.Duration(d)*24*time.Hour).Unix(), 10) }
	want := [][2]string{{unix(0), unix(30)}, {unix(30), unix(60)}, {unix(60), unix(75)}}
	if fmt.Sprint(windows) != fmt.Sprint(want) {
		t.Errorf("windows = %v, want %v", windows, want)
	}
	if len(got) != 2 {
		t.Fatalf("got %d metrics", len(got))
	}
	for _, in := range got {
		if len(in.Values) != 76 {
			t.Errorf("%s: %d values, want 76 (days 0..75, edges once)", in.Name, len(in.Values))
		}
		for i := 1; i < len(in.Values); i++ {
			if in.Values[i].Value != in.Values[i-1].Value+1 {
				t.Fatalf("%s: values out of order at %d: %v then %v", in.Name, i, in.Values[i-1], in.Values[i])
			}
		}
	}
}

func TestInsightsService_Account_noSplitForTotalValueOrNoRange(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[]}`)
	})
	since := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	ctx := context.Background()
	// total_value over a long range is one request: Meta decides (totals are not additive).
	if _, _, err := e.client.Insights.Account(ctx, testIGUser, AccountInsightsOptions{
		Metrics: []string{"reach"}, Period: "day", MetricType: MetricTypeTotalValue, Since: since, Until: since.Add(60 * 24 * time.Hour),
	}); err != nil {
		t.Fatal(err)
	}
	// No range: Meta's default lookback, one request, no since/until sent.
	if _, _, err := e.client.Insights.Account(ctx, testIGUser, AccountInsightsOptions{Metrics: []string{"reach"}, Period: "day"}); err != nil {
		t.Fatal(err)
	}
	if n := e.hitCount("GET", "/v26.0/"+testIGUser+"/insights"); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
}

func TestInsightsService_Account_hourlyValues(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"metric": "online_followers", "period": "lifetime"})
		writeJSON(w, 200, `{"data":[{"name":"online_followers","period":"lifetime","values":[{"value":{"0":12,"1":7},"end_time":"2026-10-02T07:00:00+0000"}]}]}`)
	})
	got, _, err := client.Insights.Account(context.Background(), testIGUser, AccountInsightsOptions{Metrics: []string{"online_followers"}, Period: "lifetime"})
	if err != nil {
		t.Fatal(err)
	}
	if v := got[0].Values[0]; v.ByKey["0"] != 12 || v.ByKey["1"] != 7 || v.EndTime != "2026-10-02T07:00:00+0000" {
		t.Errorf("value = %+v", v)
	}
}

func TestInsightsService_Account_error(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/insights", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, graphError(100, 0, "(#100) The following metrics (views) should be specified with parameter metric_type=total_value"))
	})
	_, _, err := client.Insights.Account(context.Background(), testIGUser, AccountInsightsOptions{Metrics: []string{"views"}, Period: "day"})
	if e, ok := asError(err); !ok || e.Code != 100 {
		t.Fatalf("err = %v", err)
	}
}

func TestInsightsService_Media(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17969782069736348/insights", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"metric": "navigation,reach", "breakdown": "story_navigation_action_type"})
		writeJSON(w, 200, `{"data":[{"name":"navigation","period":"lifetime","values":[{"value":25}],"title":"Navigation",
			"total_value":{"value":25,"breakdowns":[{"dimension_keys":["story_navigation_action_type"],
			"results":[{"dimension_values":["tap_forward"],"value":19},{"dimension_values":["tap_back"],"value":6}]}]},
			"id":"17969782069736348/insights/navigation/lifetime"}]}`)
	})
	got, _, err := client.Insights.Media(context.Background(), "17969782069736348", []string{"navigation", "reach"}, []string{"story_navigation_action_type"})
	if err != nil {
		t.Fatal(err)
	}
	if v := got[0].Values[0]; v.Value != 25 || v.EndTime != "" || got[0].TotalValue.Breakdowns[0].Results[0].Value != 19 {
		t.Errorf("insights = %+v", got)
	}
}

func TestInsightsService_Media_noBreakdown(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17932174733377207/insights", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"metric": "views,reach,saved"})
		writeJSON(w, 200, `{"data":[{"name":"views","period":"lifetime","values":[{"value":1508}]}]}`)
	})
	got, _, err := client.Insights.Media(context.Background(), "17932174733377207", []string{"views", "reach", "saved"}, nil)
	if err != nil || got[0].Values[0].Value != 1508 {
		t.Fatalf("insights = %+v, err %v", got, err)
	}
}

func TestWindows(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	cases := []struct {
		span time.Duration
		want int
	}{{day, 1}, {30 * day, 1}, {30*day + time.Second, 2}, {60 * day, 2}, {61 * day, 3}}
	for _, c := range cases {
		w := Windows(t0, t0.Add(c.span), MaxInsightsWindow)
		if len(w) != c.want || !w[0][0].Equal(t0) || !w[len(w)-1][1].Equal(t0.Add(c.span)) {
			t.Errorf("span %s: windows %v", c.span, w)
		}
		for i := 1; i < len(w); i++ {
			if !w[i][0].Equal(w[i-1][1]) || w[i][1].Sub(w[i][0]) > MaxInsightsWindow {
				t.Errorf("span %s: windows not contiguous or too long: %v", c.span, w)
			}
		}
	}
}
