package insights

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Plan-time checks of insights queries against the tables in metrics.go.
// They never call the API.

// checkMetricNames reports retired and unknown names on metrics[i] and
// returns false if there was any. other is the table of the other data
// source, to point at it when a name belongs there.
func checkMetricNames[M, O any](metrics []string, table map[string]M, other map[string]O, kind, otherDataSource string, diags *diag.Diagnostics) bool {
	ok := true
	for i, name := range metrics {
		p := path.Root("metrics").AtListIndex(i)
		r, retired := retiredMetrics[name]
		if !retired && kind == "account" {
			r, retired = retiredAccountMetrics[name]
		}
		if retired {
			diags.AddAttributeError(p, "Retired insights metric",
				fmt.Sprintf("Meta removed the %q metric in Graph API %s. Use %s instead.", name, r.Version, r.Replacement))
			ok = false
			continue
		}
		if _, found := table[name]; found {
			continue
		}
		detail := fmt.Sprintf("%q is not a current %s insights metric. Valid metrics: %s.", name, kind, strings.Join(sortedNames(table), ", "))
		if _, there := other[name]; there {
			otherKind := "a media"
			if kind == "media" {
				otherKind = "an account"
			}
			detail += fmt.Sprintf(" %q is %s metric: read it with the %s data source.", name, otherKind, otherDataSource)
		}
		diags.AddAttributeError(p, "Unknown insights metric", detail)
		ok = false
	}
	return ok
}

func sortedNames[M any](m map[string]M) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func quoted(vals []string) string {
	if len(vals) == 0 {
		return "none"
	}
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// accountQuery is a fully known instagram_account_insights configuration;
// empty strings are unset attributes.
type accountQuery struct {
	metrics      []string
	period       string
	metricType   string
	breakdown    []string
	timeframe    string
	since, until string
}

// effectivePeriod is the configured period, else the one period every
// metric shares ("" when they differ).
func (q accountQuery) effectivePeriod() string {
	if q.period != "" {
		return q.period
	}
	p := ""
	for _, m := range q.metrics {
		mp := accountMetrics[m].Period
		if p != "" && mp != p {
			return ""
		}
		p = mp
	}
	return p
}

func (q accountQuery) demographic() bool {
	for _, m := range q.metrics {
		if accountMetrics[m].Demographic {
			return true
		}
	}
	return false
}

// validateAccountQuery checks period, metric_type, breakdown, timeframe and
// since/until against the account metric table (metrics.go).
func validateAccountQuery(q accountQuery, diags *diag.Diagnostics) {
	if !checkMetricNames(q.metrics, accountMetrics, mediaMetrics, "account", "instagram_media_insights", diags) {
		return
	}
	metricsPath := path.Root("metrics")

	// Periods: every current metric has exactly one.
	if q.period != "" {
		for _, m := range q.metrics {
			if want := accountMetrics[m].Period; want != q.period {
				diags.AddAttributeError(path.Root("period"), "Period not supported by metric",
					fmt.Sprintf("The %q metric only supports period = %q, not %q.", m, want, q.period))
			}
		}
	} else if q.effectivePeriod() == "" {
		var parts []string
		for _, m := range q.metrics {
			parts = append(parts, fmt.Sprintf("%s (%s)", m, accountMetrics[m].Period))
		}
		diags.AddAttributeError(metricsPath, "Metrics need different periods",
			fmt.Sprintf("These metrics cannot be read in one request: %s. Use one instagram_account_insights data source per period.", strings.Join(parts, ", ")))
	}

	// metric_type.
	for _, m := range q.metrics {
		if slices.Contains(accountMetrics[m].MetricTypes, q.metricType) {
			continue
		}
		if q.metricType == metricTypeTotalValue {
			diags.AddAttributeError(path.Root("metric_type"), "metric_type not supported by metric",
				fmt.Sprintf("The %q metric is only available as a time series: remove metric_type or set it to %q.", m, metricTypeTimeSeries))
		} else {
			diags.AddAttributeError(path.Root("metric_type"), "Metric needs metric_type = \"total_value\"",
				fmt.Sprintf("The %q metric is only available as a total: set metric_type = %q.", m, metricTypeTotalValue))
		}
	}

	// Breakdowns: only with total_value, and supported by every metric.
	if len(q.breakdown) > 0 && q.metricType != metricTypeTotalValue {
		diags.AddAttributeError(path.Root("breakdown"), "breakdown needs metric_type = \"total_value\"",
			"Meta ignores breakdowns of time series. Set metric_type = \"total_value\" or remove breakdown.")
	} else {
		for i, b := range q.breakdown {
			if b == "follower_type" {
				diags.AddAttributeError(path.Root("breakdown").AtListIndex(i), "Unknown breakdown",
					"Meta's reference page names the follower breakdown of views \"follower_type\", but the API's breakdown is \"follow_type\": use that.")
				continue
			}
			for _, m := range q.metrics {
				if supported := accountMetrics[m].Breakdowns; !slices.Contains(supported, b) {
					diags.AddAttributeError(path.Root("breakdown").AtListIndex(i), "Breakdown not supported by metric",
						fmt.Sprintf("The %q metric cannot be broken down by %q (supported: %s). Meta fails the whole request, so read it in a separate data source.",
							m, b, quoted(supported)))
				}
			}
		}
	}

	// Demographics: timeframe and breakdown, no range.
	if q.demographic() {
		if q.timeframe == "" {
			diags.AddAttributeError(path.Root("timeframe"), "Demographic metrics need a timeframe",
				fmt.Sprintf("Set timeframe to one of %s.", quoted(timeframes)))
		}
		if len(q.breakdown) == 0 {
			diags.AddAttributeError(path.Root("breakdown"), "Demographic metrics need a breakdown",
				fmt.Sprintf("Set breakdown to one or more of %s.", quoted(demographicDims)))
		}
		if q.since != "" || q.until != "" {
			diags.AddAttributeWarning(path.Root("since"), "since and until are ignored for demographics",
				"Demographic metrics cover the timeframe, not a date range; since and until are not sent.")
		}
	}
	switch {
	case q.timeframe == "":
	case slices.Contains(removedTimeframes, q.timeframe):
		diags.AddAttributeError(path.Root("timeframe"), "Removed timeframe",
			fmt.Sprintf("Meta removed the %q timeframe in Graph API v20.0. Valid timeframes: %s.", q.timeframe, quoted(timeframes)))
	case !slices.Contains(timeframes, q.timeframe):
		diags.AddAttributeError(path.Root("timeframe"), "Invalid timeframe",
			fmt.Sprintf("%q is not a timeframe. Valid timeframes: %s.", q.timeframe, quoted(timeframes)))
	case !q.demographic():
		diags.AddAttributeError(path.Root("timeframe"), "timeframe only applies to demographic metrics",
			"Remove timeframe, or request follower_demographics, engaged_audience_demographics or reached_audience_demographics.")
	}

	validateRange(q, diags)
}

// validateRange checks since/until: RFC 3339, in order, and for totals no
// longer than one request may span (time series are split into windows).
func validateRange(q accountQuery, diags *diag.Diagnostics) {
	since, okSince := parseRFC3339(q.since)
	until, okUntil := parseRFC3339(q.until)
	if !okSince || !okUntil || since.IsZero() || until.IsZero() {
		return
	}
	if !since.Before(until) {
		diags.AddAttributeError(path.Root("until"), "until must be after since",
			fmt.Sprintf("until (%s) must be later than since (%s).", q.until, q.since))
		return
	}
	if q.metricType == metricTypeTotalValue && !q.demographic() && until.Sub(since) > graph.MaxInsightsWindow {
		diags.AddAttributeError(path.Root("until"), "Range too long for a total",
			fmt.Sprintf("With metric_type = \"total_value\" since and until may be at most %d days apart (Meta's limit per request); they are %.1f days apart. "+
				"Totals cannot be added up across requests (reach counts unique accounts), so split the range into several data sources, "+
				"or use metric_type = \"time_series\", which is split into %d-day requests automatically.",
				int(graph.MaxInsightsWindow.Hours()/24), until.Sub(since).Hours()/24, int(graph.MaxInsightsWindow.Hours()/24)))
	}
}

// parseRFC3339 parses an optional timestamp attribute; zero time when unset.
// The attribute's common.RFC3339Time validator reports malformed values.
func parseRFC3339(v string) (time.Time, bool) {
	if v == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, v)
	return t, err == nil
}

// validateMediaQuery checks metric names and breakdowns against the media metric table (metrics.go). Which
// metrics fit the media's product type is only known after reading it.
func validateMediaQuery(metrics, breakdown []string, diags *diag.Diagnostics) {
	if !checkMetricNames(metrics, mediaMetrics, accountMetrics, "media", "instagram_account_insights", diags) {
		return
	}
	for i, b := range breakdown {
		for _, m := range metrics {
			if supported := mediaMetrics[m].Breakdown; supported != b {
				detail := fmt.Sprintf("The %q metric cannot be broken down by %q", m, b)
				if supported != "" {
					detail += fmt.Sprintf(" (supported: %q)", supported)
				} else {
					detail += " (it has no breakdowns)"
				}
				diags.AddAttributeError(path.Root("breakdown").AtListIndex(i), "Breakdown not supported by metric",
					detail+". Meta fails the whole request, so read it in a separate data source.")
			}
		}
	}
}

// ageProblem explains why a metric does not exist for a media created at
// created (a Graph timestamp), or "".
func ageProblem(metric, created, mediaID string) string {
	cutoff := mediaMetrics[metric].CreatedBefore
	t, err := graph.ParseTime(created)
	if cutoff.IsZero() || err != nil || t.Before(cutoff) {
		return ""
	}
	return fmt.Sprintf("Meta reports %q only for media created before %s; media %s was created on %s. Use \"views\" instead.",
		metric, cutoff.Format(time.DateOnly), mediaID, t.UTC().Format(time.DateOnly))
}

// productProblem explains why a metric does not exist for a media, or "".
func productProblem(metric, product, mediaType, mediaID string) string {
	mm := mediaMetrics[metric]
	if slices.Contains(mm.Products, product) || !slices.Contains(feedReelsStory, product) {
		return "" // unknown product types (e.g. AD): let Meta decide
	}
	label := product
	if mediaType == graph.MediaTypeCarouselAlbum {
		label = "FEED (carousel album)"
	}
	var fits []string
	for _, name := range sortedNames(mediaMetrics) {
		if slices.Contains(mediaMetrics[name].Products, product) {
			fits = append(fits, name)
		}
	}
	return fmt.Sprintf("The %q metric is not available for %s media (media %s); it exists for %s. Metrics for %s media: %s.",
		metric, label, mediaID, strings.Join(mm.Products, ", "), product, strings.Join(fits, ", "))
}
