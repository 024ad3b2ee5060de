package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// InsightsService reads account and media insights
// (https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights and
// https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights).
type InsightsService service

// MaxInsightsWindow is the longest since..until span sent in one account
// insights request. Meta has long limited time_series ranges to 30 days;
// whether v25 still does is uncertain, so longer ranges are split into
// windows of this size, which works either way.
const MaxInsightsWindow = 30 * 24 * time.Hour

// Metric types of account insights.
const (
	MetricTypeTimeSeries = "time_series"
	MetricTypeTotalValue = "total_value"
)

// Insight is one metric of an insights response.
type Insight struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Period      string         `json:"period"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Values      []InsightValue `json:"values,omitempty"`      // time_series and media metrics
	TotalValue  *TotalValue    `json:"total_value,omitempty"` // total_value and breakdowns
}

// InsightValue is one value of a metric. Most values are numbers; some
// (online_followers: hour of day → followers online) are objects.
type InsightValue struct {
	Value   float64
	ByKey   map[string]float64 // set instead of Value for object values
	EndTime string             // TimeLayout; absent on media insights
}

// UnmarshalJSON accepts a number or an object as "value".
func (v *InsightValue) UnmarshalJSON(b []byte) error {
	var raw struct {
		Value   json.RawMessage `json:"value"`
		EndTime string          `json:"end_time"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*v = InsightValue{EndTime: raw.EndTime}
	switch val := bytes.TrimSpace(raw.Value); {
	case len(val) == 0 || string(val) == "null":
	case val[0] == '{':
		return json.Unmarshal(val, &v.ByKey)
	default:
		return json.Unmarshal(val, &v.Value)
	}
	return nil
}

// TotalValue is a metric's total over the range, with its breakdowns.
// Value is nil for demographics, which only have breakdowns.
type TotalValue struct {
	Value      *float64    `json:"value,omitempty"`
	Breakdowns []Breakdown `json:"breakdowns,omitempty"`
}

// Breakdown splits a total by one or more dimensions.
type Breakdown struct {
	DimensionKeys []string          `json:"dimension_keys"`
	Results       []BreakdownResult `json:"results"`
}

// BreakdownResult is the value for one combination of dimension values.
type BreakdownResult struct {
	DimensionValues []string `json:"dimension_values"`
	Value           float64  `json:"value"`
}

// AccountInsightsOptions are the parameters of GET /{ig-user-id}/insights.
// Empty values are not sent.
type AccountInsightsOptions struct {
	Metrics    []string
	Period     string // day, week, days_28, lifetime
	MetricType string // time_series or total_value
	Breakdown  []string
	Timeframe  string    // demographics: this_week, this_month
	Since      time.Time // zero = not sent; unix seconds on the wire
	Until      time.Time
}

func (o AccountInsightsOptions) params(since, until time.Time) url.Values {
	v := url.Values{"metric": {strings.Join(o.Metrics, ",")}}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("period", o.Period)
	set("metric_type", o.MetricType)
	set("breakdown", strings.Join(o.Breakdown, ","))
	set("timeframe", o.Timeframe)
	if !since.IsZero() {
		v.Set("since", strconv.FormatInt(since.Unix(), 10))
	}
	if !until.IsZero() {
		v.Set("until", strconv.FormatInt(until.Unix(), 10))
	}
	return v
}

// Account reads GET /{ig-user-id}/insights. A time_series range longer than
// MaxInsightsWindow is requested window by window, oldest first, and each
// metric's values are merged in order (a day at a window edge is kept once).
// The Response is the last one.
func (s *InsightsService) Account(ctx context.Context, igUserID string, opts AccountInsightsOptions) ([]Insight, *Response, error) {
	p, err := nodePath(igUserID, "insights")
	if err != nil {
		return nil, nil, err
	}
	if len(opts.Metrics) == 0 {
		return nil, nil, errors.New("graph: no insights metric")
	}
	windows := [][2]time.Time{{opts.Since, opts.Until}}
	if opts.MetricType != MetricTypeTotalValue && !opts.Since.IsZero() && !opts.Until.IsZero() {
		windows = Windows(opts.Since, opts.Until, MaxInsightsWindow)
	}
	var merged []Insight
	var resp *Response
	for _, w := range windows {
		var out page[Insight]
		resp, err = s.client.Do(ctx, &Request{Method: http.MethodGet, Path: p, Params: opts.params(w[0], w[1])}, &out)
		if err != nil {
			return nil, resp, err
		}
		merged = mergeInsights(merged, out.Data)
	}
	return merged, resp, nil
}

// Windows cuts [since, until] into consecutive windows no longer than size.
func Windows(since, until time.Time, size time.Duration) [][2]time.Time {
	var out [][2]time.Time
	for start := since; ; start = start.Add(size) {
		end := start.Add(size)
		if !end.Before(until) {
			return append(out, [2]time.Time{start, until})
		}
		out = append(out, [2]time.Time{start, end})
	}
}

// mergeInsights appends the values of a later window to the metrics already
// read, skipping values whose end_time is already there.
func mergeInsights(into, next []Insight) []Insight {
	for _, in := range next {
		i := indexInsight(into, in.Name)
		if i < 0 {
			into = append(into, in)
			continue
		}
		seen := map[string]bool{}
		for _, v := range into[i].Values {
			seen[v.EndTime] = true
		}
		for _, v := range in.Values {
			if v.EndTime == "" || !seen[v.EndTime] {
				into[i].Values = append(into[i].Values, v)
			}
		}
	}
	return into
}

func indexInsight(list []Insight, name string) int {
	for i, in := range list {
		if in.Name == name {
			return i
		}
	}
	return -1
}

// Media reads GET /{ig-media-id}/insights?metric=…[&breakdown=…]. The period
// of media insights is always lifetime and cannot be sent.
func (s *InsightsService) Media(ctx context.Context, mediaID string, metrics, breakdown []string) ([]Insight, *Response, error) {
	p, err := nodePath(mediaID, "insights")
	if err != nil {
		return nil, nil, err
	}
	if len(metrics) == 0 {
		return nil, nil, errors.New("graph: no insights metric")
	}
	params := url.Values{"metric": {strings.Join(metrics, ",")}}
	if len(breakdown) > 0 {
		params.Set("breakdown", strings.Join(breakdown, ","))
	}
	var out page[Insight]
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: p, Params: params}, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.Data, resp, nil
}

// IsNotEnoughViewers reports Meta's "(#10) Not enough viewers for the media to
// show insights" for stories seen by fewer than 5 accounts. Code 10 is a
// permission code, but this one is about the story, not the token.
func IsNotEnoughViewers(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == 10 && strings.Contains(e.Message, "Not enough viewers")
}
