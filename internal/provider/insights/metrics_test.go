package insights

import (
	"slices"
	"strings"
	"testing"
)

// A retired name must never be a current one, or the plan-time error would
// reject a valid metric.
func TestRetiredMetricsAreNotCurrent(t *testing.T) {
	for name, r := range retiredMetrics {
		if _, ok := accountMetrics[name]; ok {
			t.Errorf("%s is both retired and a current account metric", name)
		}
		if _, ok := mediaMetrics[name]; ok {
			t.Errorf("%s is both retired and a current media metric", name)
		}
		if r.version == "" || !strings.Contains(r.replacement, "`") {
			t.Errorf("%s: replacement %q (%s) names no metric", name, r.replacement, r.version)
		}
	}
	for name, r := range retiredAccountMetrics {
		if _, ok := accountMetrics[name]; ok {
			t.Errorf("%s is both retired and a current account metric", name)
		}
		if _, ok := retiredMetrics[name]; ok {
			t.Errorf("%s is retired twice", name)
		}
		if r.version == "" || !strings.Contains(r.replacement, "`") {
			t.Errorf("%s: replacement %q (%s) names no metric", name, r.replacement, r.version)
		}
	}
}

func TestAccountMetricsTable(t *testing.T) {
	for name, m := range accountMetrics {
		if !slices.Contains(periods, m.period) || len(m.metricTypes) == 0 {
			t.Errorf("%s: period %q, metric types %v", name, m.period, m.metricTypes)
		}
		if m.demographic && (m.period != "lifetime" || !slices.Equal(m.metricTypes, totalValueOnly)) {
			t.Errorf("%s: demographics are lifetime totals", name)
		}
	}
}

func TestProductProblem(t *testing.T) {
	if msg := productProblem("reach", productFeed, "IMAGE", "1"); msg != "" {
		t.Errorf("reach on FEED: %s", msg)
	}
	if msg := productProblem("views", "AD", "IMAGE", "1"); msg != "" {
		t.Errorf("unknown product types are left to Meta: %s", msg)
	}
	msg := productProblem("saved", productStory, "IMAGE", "179")
	for _, want := range []string{`"saved"`, "STORY media (media 179)", "FEED, REELS", "navigation"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if msg := productProblem("navigation", productFeed, "CAROUSEL_ALBUM", "1"); !strings.Contains(msg, "FEED (carousel album)") {
		t.Errorf("carousel label: %s", msg)
	}
}

func TestEffectivePeriod(t *testing.T) {
	cases := []struct {
		q    accountQuery
		want string
	}{
		{accountQuery{metrics: []string{"reach", "views"}}, "day"},
		{accountQuery{metrics: []string{"follower_demographics"}}, "lifetime"},
		{accountQuery{metrics: []string{"reach", "online_followers"}}, ""},
		{accountQuery{metrics: []string{"reach"}, period: "week"}, "week"},
	}
	for _, c := range cases {
		if got := c.q.effectivePeriod(); got != c.want {
			t.Errorf("%v: %q, want %q", c.q.metrics, got, c.want)
		}
	}
}
