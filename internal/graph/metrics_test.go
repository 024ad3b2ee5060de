package graph

import (
	"slices"
	"strings"
	"testing"
)

// A retired name must never be a current one, or the plan-time error would
// reject a valid metric.
func TestRetiredMetricsAreNotCurrent(t *testing.T) {
	for name := range RetiredMetrics {
		if _, ok := MediaMetrics[name]; ok {
			t.Errorf("%s is both retired and a current media metric", name)
		}
	}
	for name := range RetiredAccountMetrics {
		if _, ok := RetiredMetrics[name]; ok {
			t.Errorf("%s is retired twice", name)
		}
	}
	for _, retired := range []map[string]RetiredMetric{RetiredMetrics, RetiredAccountMetrics} {
		for name, r := range retired {
			if _, ok := AccountMetrics[name]; ok {
				t.Errorf("%s is both retired and a current account metric", name)
			}
			if r.Version == "" || !strings.Contains(r.Replacement, "`") {
				t.Errorf("%s: replacement %q (%s) names no metric", name, r.Replacement, r.Version)
			}
		}
	}
}

func TestAccountMetricsTable(t *testing.T) {
	for name, m := range AccountMetrics {
		if !slices.Contains(InsightPeriods, m.Period) || len(m.MetricTypes) == 0 {
			t.Errorf("%s: period %q, metric types %v", name, m.Period, m.MetricTypes)
		}
		if m.Demographic && (m.Period != "lifetime" || !slices.Equal(m.MetricTypes, totalValueOnly)) {
			t.Errorf("%s: demographics are lifetime totals", name)
		}
	}
}
