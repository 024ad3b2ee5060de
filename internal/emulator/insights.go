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

// Insights (graph-api-facts.md §10, shapes of §15.5): GET /{ig-user-id}/insights
// and GET /{ig-media-id}/insights. Values are synthetic but deterministic: a
// hash of the object id, the metric, the day and the breakdown dimension, so
// the same query always answers the same numbers.
//
// The metric tables below model Meta's API, not the provider: they are kept
// here on purpose even though the provider has similar ones.

// insightMetric describes one metric as Meta serves it.
type insightMetric struct {
	title, description string
	period             string   // the only period Meta accepts (account metrics)
	metricTypes        []string // accepted metric_type values; the first one of the list is the default ("" = omitted)
	breakdowns         []string
	demographic        bool // lifetime demographics: need timeframe and a breakdown
	minFollowers       bool // no data for accounts under 100 followers
	hourly             bool // values are objects hour → count (online_followers)
	scale              int  // synthetic values fall in [0, scale)
}

const (
	timeSeries = "time_series"
	totalValue = "total_value"
)

var (
	tsOrTotal = []string{"", timeSeries, totalValue}
	tsOnly    = []string{"", timeSeries}
	totalOnly = []string{totalValue}
)

// accountInsightMetrics is §10.1 (v25 reference).
var accountInsightMetrics = map[string]insightMetric{
	"reach":                 {title: "Accounts reached", description: "The number of unique accounts that have seen your content, at least once, including in ads.", period: "day", metricTypes: tsOrTotal, breakdowns: []string{"media_product_type", "follow_type"}, scale: 5000},
	"views":                 {title: "Views", description: "The number of times your content was played or displayed.", period: "day", metricTypes: totalOnly, breakdowns: []string{"follow_type", "follower_type", "media_product_type"}, scale: 12000},
	"follower_count":        {title: "Follower count", description: "The number of accounts that started following you.", period: "day", metricTypes: tsOnly, minFollowers: true, scale: 40},
	"accounts_engaged":      {title: "Accounts engaged", description: "The number of accounts that have interacted with your content.", period: "day", metricTypes: totalOnly, scale: 800},
	"total_interactions":    {title: "Content interactions", description: "The total number of post interactions, story interactions, reels interactions and live video interactions.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 1500},
	"likes":                 {title: "Likes", description: "The number of likes on your posts, reels and videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 1000},
	"comments":              {title: "Comments", description: "The number of comments on your posts, reels, videos and live videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 150},
	"shares":                {title: "Shares", description: "The number of shares of your posts, stories, reels, videos and live videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 200},
	"saves":                 {title: "Saves", description: "The number of saves of your posts, reels and videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 200},
	"replies":               {title: "Replies", description: "The number of replies you received from your story, including text replies and quick reaction replies.", period: "day", metricTypes: totalOnly, scale: 60},
	"reposts":               {title: "Reposts", description: "The number of times your content was reposted.", period: "day", metricTypes: totalOnly, scale: 50},
	"follows_and_unfollows": {title: "Follows and unfollows", description: "The number of accounts that followed you and the number of accounts that unfollowed you or left Instagram.", period: "day", metricTypes: totalOnly, breakdowns: []string{"follow_type"}, minFollowers: true, scale: 80},
	"profile_links_taps":    {title: "Profile links taps", description: "The number of taps on your business address, call button, email button and text button.", period: "day", metricTypes: totalOnly, breakdowns: []string{"contact_button_type"}, scale: 90},
	"online_followers":      {title: "Online followers", description: "Total number of your followers who were online during the specified range, by hour.", period: "lifetime", metricTypes: tsOnly, minFollowers: true, hourly: true, scale: 300},
	"follower_demographics": {title: "Follower demographics", description: "The demographic characteristics of followers.", period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 5000},
	"engaged_audience_demographics": {title: "Engaged audience demographics", description: "The demographic characteristics of the engaged audience.",
		period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 2000},
	"reached_audience_demographics": {title: "Reached audience demographics", description: "The demographic characteristics of the reached audience.",
		period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 4000},
}

var demographicBreakdowns = []string{"age", "city", "country", "gender"}

// mediaInsightMetric is one row of §10.2: which product types it exists for.
type mediaInsightMetric struct {
	title, description string
	products           []string // FEED, REELS, STORY
	breakdown          string   // the one breakdown it supports, if any
	facebookOnly       bool     // Facebook Login only
	scale              int
}

var (
	feedReelsStory = []string{"FEED", "REELS", "STORY"}
	feedReels      = []string{"FEED", "REELS"}
	feedStory      = []string{"FEED", "STORY"}
	reelsOnly      = []string{"REELS"}
	storyOnly      = []string{"STORY"}
)

var mediaInsightMetrics = map[string]mediaInsightMetric{
	"views":                          {title: "Views", description: "The number of times the media was played or displayed.", products: feedReelsStory, scale: 20000},
	"reach":                          {title: "Accounts reached", description: "The number of unique accounts that have seen the media, at least once.", products: feedReelsStory, scale: 8000},
	"likes":                          {title: "Likes", description: "The number of likes on the media.", products: feedReels, scale: 900},
	"comments":                       {title: "Comments", description: "The number of comments on the media.", products: feedReels, scale: 120},
	"saved":                          {title: "Saved", description: "The number of saves of the media.", products: feedReels, scale: 150},
	"shares":                         {title: "Shares", description: "The number of shares of the media.", products: feedReelsStory, scale: 150},
	"total_interactions":             {title: "Interactions", description: "Likes, saves, comments and shares, less un-likes, un-saves and deleted comments.", products: feedReelsStory, scale: 1300},
	"follows":                        {title: "Follows", description: "The number of accounts that started following you from the media.", products: feedStory, scale: 40},
	"profile_visits":                 {title: "Profile visits", description: "The number of times your profile was visited from the media.", products: feedStory, scale: 90},
	"profile_activity":               {title: "Profile activity", description: "The number of actions people took on your profile after engaging with the media.", products: feedStory, breakdown: "action_type", scale: 120},
	"navigation":                     {title: "Navigation", description: "The total number of actions taken from your story.", products: storyOnly, breakdown: "story_navigation_action_type", scale: 400},
	"replies":                        {title: "Replies", description: "The number of replies to the story.", products: storyOnly, scale: 30},
	"ig_reels_avg_watch_time":        {title: "Average watch time", description: "The average time the reel was played, in milliseconds.", products: reelsOnly, scale: 30000},
	"ig_reels_video_view_total_time": {title: "Watch time", description: "The total time the reel was played, in milliseconds.", products: reelsOnly, scale: 90000000},
	"reels_skip_rate":                {title: "Skip rate", description: "The percentage of views in which the reel was skipped within the first 3 seconds.", products: reelsOnly, scale: 100},
	"reposts":                        {title: "Reposts", description: "The number of times the media was reposted.", products: feedReels, scale: 60},
	"crossposted_views":              {title: "Cross-posted views", description: "Views of the reel on Instagram and Facebook together.", products: reelsOnly, scale: 25000},
	"facebook_views":                 {title: "Facebook views", description: "Views of the cross-posted reel on Facebook.", products: reelsOnly, scale: 5000},
	"total_likes":                    {title: "Total likes", description: "Likes including those from boosted posts and ads.", products: feedReels, facebookOnly: true, scale: 1200},
	"total_comments":                 {title: "Total comments", description: "Comments including those from boosted posts and ads.", products: feedReels, facebookOnly: true, scale: 200},
	"total_views":                    {title: "Total views", description: "Views including those from boosted posts and ads.", products: feedReels, facebookOnly: true, scale: 30000},
}

// insightDimensions are the values a breakdown dimension takes (§10.1, §10.2).
// story_navigation_action_type is lower case as in Meta's sample response.
var insightDimensions = map[string][]string{
	"media_product_type":           {"AD", "FEED", "REELS", "STORY"},
	"follow_type":                  {"FOLLOWER", "NON_FOLLOWER", "UNKNOWN"},
	"follower_type":                {"FOLLOWER", "NON_FOLLOWER", "UNKNOWN"},
	"contact_button_type":          {"BOOK_NOW", "CALL", "DIRECTION", "EMAIL", "INSTANT_EXPERIENCE", "TEXT", "UNDEFINED"},
	"age":                          {"13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"},
	"gender":                       {"F", "M", "U"},
	"country":                      {"US", "CA", "GB", "DE", "FR", "BR", "IN", "JP"},
	"city":                         {"New York, New York", "Los Angeles, California", "Toronto, Ontario", "London, England", "Berlin, Berlin", "São Paulo, São Paulo"},
	"action_type":                  {"BIO_LINK_CLICKED", "CALL", "DIRECTION", "EMAIL", "OTHER", "TEXT"},
	"story_navigation_action_type": {"tap_forward", "tap_back", "tap_exit", "swipe_forward"},
}

// demographicTimeframes are the timeframes left after v20 (§10.3).
var demographicTimeframes = []string{"this_week", "this_month"}

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
func (s *Server) accountInsights(req *request, a *Account) (any, *apiError) {
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
func (s *Server) mediaInsights(req *request, m *media) (any, *apiError) {
	if m.parentID != "" {
		// "No insights for carousel children" (§10.2); the exact answer is undocumented (uncertain).
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
