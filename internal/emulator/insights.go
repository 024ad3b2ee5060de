package emulator

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Insights: GET /{ig-user-id}/insights
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/insights)
// and GET /{ig-media-id}/insights
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/insights).
// Which metrics exist, and with what periods and breakdowns, is the
// catalogue of insight_metrics.go. Values are synthetic but deterministic: a
// hash of the object id, the metric, the day and the breakdown dimension, so
// the same query always answers the same numbers.

// errUnknownBreakdown is what Meta documents for a breakdown a metric does not
// support. The code is not documented; 1 (API Unknown) goes with the message (uncertain).
func errUnknownBreakdown() *apiError {
	return oauthErr(1, 0, "An unknown error has occurred.")
}

// errInvalidMetric is Graph's classic answer for a metric name it does not
// serve, retired names included.
func errInvalidMetric(i int, valid []string) *apiError {
	return errParam("metric[%d] must be one of the following values: %s", i, strings.Join(valid, ", "))
}

// insightHash is the deterministic source of every synthetic value.
func insightHash(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func metricNames[V any](m map[string]V, keep func(V) bool) []string {
	var out []string
	for k, v := range m {
		if keep == nil || keep(v) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// accountInsights serves GET /{ig-user-id}/insights.
func (s *Server) accountInsights(req *request, t *target) (any, *apiError) {
	a := t.account
	raw, _ := req.param("metric")
	names := parseList(raw)
	if len(names) == 0 {
		return nil, errMissingParam("metric")
	}
	metrics := make([]insightMetric, len(names))
	for i, n := range names {
		m, ok := accountInsightMetrics[n]
		if !ok {
			return nil, errInvalidMetric(i, metricNames(accountInsightMetrics, nil))
		}
		metrics[i] = m
	}
	period, _ := req.param("period")
	if period == "" {
		return nil, errMissingParam("period")
	}
	if !slices.Contains([]string{"day", "week", "days_28", "lifetime"}, period) {
		return nil, errParam("period must be one of the following values: day, week, days_28, lifetime")
	}
	metricType, _ := req.param("metric_type")
	if metricType != "" && metricType != timeSeries && metricType != totalValue {
		return nil, errParam("metric_type must be one of the following values: time_series, total_value")
	}
	var needTotal, noTotal []string
	for i, m := range metrics {
		if m.period != period {
			// Wording uncertain: Meta rejects the period, the text is not documented.
			return nil, errParam("Metric %s does not support period %s; use period=%s", names[i], period, m.period)
		}
		if !slices.Contains(m.metricTypes, metricType) {
			if metricType == totalValue {
				noTotal = append(noTotal, names[i])
			} else {
				needTotal = append(needTotal, names[i])
			}
		}
	}
	if len(needTotal) > 0 {
		return nil, errParam("The following metrics (%s) should be specified with parameter metric_type=total_value", strings.Join(needTotal, ", "))
	}
	if len(noTotal) > 0 {
		// Not documented; our reading of the v25 table (uncertain wording).
		return nil, errParam("The following metrics (%s) do not support parameter metric_type=total_value", strings.Join(noTotal, ", "))
	}

	// Breakdowns are only honoured with total_value; time_series drops them silently.
	var breakdowns []string
	if metricType == totalValue {
		rawB, _ := req.param("breakdown")
		breakdowns = parseList(rawB)
		for _, b := range breakdowns {
			for _, m := range metrics {
				if !slices.Contains(m.breakdowns, b) {
					return nil, errUnknownBreakdown() // fails the whole multi-metric request
				}
			}
		}
	}

	if period == "lifetime" && metrics[0].demographic {
		return s.demographicInsights(req, a, names, metrics, breakdowns)
	}

	since, until, err := s.insightsRange(req)
	if err != nil {
		return nil, err
	}
	days := insightDays(since, until)
	now := s.now()
	data := []any{}
	for i, m := range metrics {
		if m.minFollowers && a.FollowersCount < 100 {
			continue // Meta serves no data for small accounts: an empty set, not zeros
		}
		item := map[string]any{
			"name": names[i], "period": period, "title": m.title, "description": m.description,
			"id": a.ID + "/insights/" + names[i] + "/" + period,
		}
		if metricType == totalValue {
			total := 0
			for _, d := range days {
				total += dailyValue(a.ID, names[i], d, now, m.scale)
			}
			tv := map[string]any{"value": total}
			if len(breakdowns) > 0 {
				tv["breakdowns"] = []any{splitBreakdown(total, breakdowns, a.ID, names[i], since.Format(time.DateOnly))}
			}
			item["total_value"] = tv
		} else {
			values := []any{}
			for _, d := range days {
				end := d.Add(24 * time.Hour).Format(timeLayout)
				if m.hourly {
					values = append(values, map[string]any{"value": hourlyValue(a.ID, names[i], d, now, m.scale), "end_time": end})
				} else {
					values = append(values, map[string]any{"value": dailyValue(a.ID, names[i], d, now, m.scale), "end_time": end})
				}
			}
			item["values"] = values
		}
		data = append(data, item)
	}
	out := map[string]any{"data": data}
	if metricType != totalValue {
		// Time-based paging: the windows just before and after this one.
		span := until.Sub(since)
		path := "/" + req.segs[0] + "/insights"
		out["paging"] = map[string]any{
			"previous": req.pagingURL(path, timeWindow(since.Add(-span), since)),
			"next":     req.pagingURL(path, timeWindow(until, until.Add(span))),
		}
	}
	return out, nil
}

func timeWindow(since, until time.Time) url.Values {
	return url.Values{"since": {strconv.FormatInt(since.Unix(), 10)}, "until": {strconv.FormatInt(until.Unix(), 10)}}
}

// insightsRange reads since/until: inclusive unix times; both omitted means
// the last 24 hours. Longer spans than Options.InsightsMaxRange and a since
// beyond Options.InsightsRetention are refused.
func (s *Server) insightsRange(req *request) (since, until time.Time, _ *apiError) {
	now := s.now()
	until, since = now, now.Add(-24*time.Hour)
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"since", &since}, {"until", &until}} {
		if v, ok := req.param(p.name); ok && v != "" {
			t, ok := parseTime(v)
			if !ok {
				return since, until, errParam("The parameter %s must be a unix timestamp or a date", p.name)
			}
			*p.dst = t
		}
	}
	// Only one bound: a day from it (uncertain; Meta documents only the 24 h default).
	_, hasSince := req.param("since")
	_, hasUntil := req.param("until")
	switch {
	case hasSince && !hasUntil:
		until = since.Add(24 * time.Hour)
	case hasUntil && !hasSince:
		since = until.Add(-24 * time.Hour)
	}
	if !since.Before(until) {
		return since, until, errParam("since must be earlier than until")
	}
	if limit := s.opts.InsightsMaxRange; until.Sub(since) > limit {
		return since, until, errParam("There cannot be more than %d days (%d s) between since and until", int(limit.Hours()/24), int(limit.Seconds()))
	}
	if since.Before(now.Add(-s.opts.InsightsRetention)) {
		return since, until, errParam("since param is not valid. Metrics data is available for the last %s", retentionWords(s.opts.InsightsRetention))
	}
	return since, until, nil
}

func retentionWords(d time.Duration) string {
	days := int(d.Hours() / 24)
	if days%365 == 0 {
		if days == 365 {
			return "1 year"
		}
		return fmt.Sprintf("%d years", days/365)
	}
	return fmt.Sprintf("%d days", days)
}

// insightDays are the UTC days a range covers: each day starting in
// [floor(since), until). Values are reported with end_time = end of the day,
// like Meta's sample (since May 1, until May 3 → end_times May 2 and May 3).
func insightDays(since, until time.Time) []time.Time {
	var days []time.Time
	for d := since.Truncate(24 * time.Hour); d.Before(until); d = d.Add(24 * time.Hour) {
		days = append(days, d)
	}
	return days
}

// dailyValue is a metric's value for one day; days not over yet have none.
func dailyValue(id, metric string, day, now time.Time, scale int) int {
	if !day.Before(now) {
		return 0
	}
	return int(insightHash(id, metric, day.Format(time.DateOnly)) % uint64(scale))
}

// hourlyValue is online_followers' value: followers online per hour of the day.
func hourlyValue(id, metric string, day, now time.Time, scale int) map[string]int {
	out := make(map[string]int, 24)
	for h := range 24 {
		v := 0
		if day.Before(now) {
			v = int(insightHash(id, metric, day.Format(time.DateOnly), strconv.Itoa(h)) % uint64(scale))
		}
		out[strconv.Itoa(h)] = v
	}
	return out
}

// splitBreakdown spreads total over every combination of the dimensions'
// values with deterministic weights, so the results add up to the total.
func splitBreakdown(total int, dims []string, seed ...string) map[string]any {
	combos := [][]string{{}}
	for _, d := range dims {
		var next [][]string
		for _, c := range combos {
			for _, v := range insightDimensions[d] {
				next = append(next, append(slices.Clone(c), v))
			}
		}
		combos = next
	}
	weights := make([]uint64, len(combos))
	var sum uint64
	for i, c := range combos {
		weights[i] = insightHash(append(slices.Clone(seed), c...)...)%100 + 1
		sum += weights[i]
	}
	results := []any{}
	left := total
	for i, c := range combos {
		v := int(uint64(total) * weights[i] / sum)
		if i == len(combos)-1 {
			v = left
		}
		left -= v
		results = append(results, map[string]any{"dimension_values": c, "value": v})
	}
	return map[string]any{"dimension_keys": dims, "results": results}
}

// demographicInsights answers lifetime demographics: no since/until (ignored),
// a timeframe and at least one breakdown, total_value without a "value".
func (s *Server) demographicInsights(req *request, a *Account, names []string, metrics []insightMetric, breakdowns []string) (any, *apiError) {
	for i, m := range metrics {
		if !m.demographic {
			return nil, errParam("Metric %s cannot be requested together with demographic metrics", names[i])
		}
	}
	tf, _ := req.param("timeframe")
	if tf == "" {
		return nil, errParam("Demographic metrics (%s) need the timeframe parameter: %s", strings.Join(names, ", "), strings.Join(demographicTimeframes, ", "))
	}
	if !slices.Contains(demographicTimeframes, tf) {
		return nil, errParam("timeframe must be one of the following values: %s", strings.Join(demographicTimeframes, ", "))
	}
	if len(breakdowns) == 0 {
		// Meta's docs always pair demographics with a breakdown; the answer without one is undocumented (uncertain).
		return nil, errParam("Demographic metrics need the breakdown parameter: %s", strings.Join(demographicBreakdowns, ", "))
	}
	data := []any{}
	for i, m := range metrics {
		if a.FollowersCount < 100 {
			continue
		}
		total := int(insightHash(a.ID, names[i], tf)%uint64(m.scale)) + m.scale
		data = append(data, map[string]any{
			"name": names[i], "period": "lifetime", "title": m.title, "description": m.description,
			"total_value": map[string]any{"breakdowns": []any{splitBreakdown(total, breakdowns, a.ID, names[i], tf)}},
			"id":          a.ID + "/insights/" + names[i] + "/lifetime",
		})
	}
	return map[string]any{"data": data}, nil
}

// mediaInsights serves GET /{ig-media-id}/insights. The period is always
// lifetime (a period parameter is ignored).
func (s *Server) mediaInsights(req *request, t *target) (any, *apiError) {
	m := t.media
	if m.parentID != "" {
		// The media insights reference: no insights for carousel children; the
		// exact answer is undocumented (uncertain).
		return nil, errParam("Insights are not available for carousel album children")
	}
	raw, _ := req.param("metric")
	names := parseList(raw)
	if len(names) == 0 {
		return nil, errMissingParam("metric")
	}
	fbl := req.tok.kind != tokenInstagram
	for i, n := range names {
		mm, ok := mediaInsightMetrics[n]
		if !ok || mm.facebookOnly && !fbl {
			return nil, errInvalidMetric(i, metricNames(mediaInsightMetrics, func(x mediaInsightMetric) bool { return fbl || !x.facebookOnly }))
		}
		if !slices.Contains(mm.products, m.productType) {
			// Code 100 is documented, the text is not (uncertain).
			return nil, errParam("The Media Insights API does not support the %s metric for this media product type", n)
		}
		if !mm.createdBefore.IsZero() && !m.timestamp.Before(mm.createdBefore) {
			// Undocumented answer (uncertain).
			return nil, errParam("The %s metric is only available for media created before %s", n, mm.createdBefore.Format(time.DateOnly))
		}
	}
	rawB, _ := req.param("breakdown")
	breakdowns := parseList(rawB)
	for _, b := range breakdowns {
		for _, n := range names {
			if mediaInsightMetrics[n].breakdown != b {
				return nil, errUnknownBreakdown()
			}
		}
	}
	if m.isStory() && s.storyViewers(m) < s.opts.StoryInsightsMinViewers {
		return nil, oauthErr(10, 0, "(#10) Not enough viewers for the media to show insights")
	}
	data := []any{}
	for _, n := range names {
		mm := mediaInsightMetrics[n]
		v := s.mediaValue(m, n, mm.scale)
		item := map[string]any{
			"name": n, "period": "lifetime", "values": []any{map[string]any{"value": v}},
			"title": mm.title, "description": mm.description, "id": m.id + "/insights/" + n + "/lifetime",
		}
		if len(breakdowns) > 0 {
			item["total_value"] = map[string]any{"value": v, "breakdowns": []any{splitBreakdown(v, breakdowns, m.id, n)}}
		}
		data = append(data, item)
	}
	return map[string]any{"data": data}, nil
}

// mediaValue is a media's lifetime value; a story's reach is its viewer count.
func (s *Server) mediaValue(m *media, metric string, scale int) int {
	if m.isStory() && metric == "reach" {
		return s.storyViewers(m)
	}
	return int(insightHash(m.id, metric) % uint64(scale))
}

// storyViewers is the seeded viewer count (SetMediaViewers), else a
// deterministic count of at least 5 so default stories have insights.
func (s *Server) storyViewers(m *media) int {
	if n, ok := s.st.viewers[m.id]; ok {
		return n
	}
	return 5 + int(insightHash(m.id, "viewers")%500)
}

// SetMediaViewers seeds how many accounts saw a media (a story's reach).
// Stories below Options.StoryInsightsMinViewers answer (#10) Not enough viewers.
func (s *Server) SetMediaViewers(mediaID string, n int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.media[mediaID] == nil {
		return false
	}
	if s.st.viewers == nil {
		s.st.viewers = map[string]int{}
	}
	s.st.viewers[mediaID] = n
	return true
}
