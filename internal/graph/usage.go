package graph

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"time"
)

// Usage is what Meta reports about our rate-limit budgets on a response.
// Headers only appear once enough calls were made, so nil/empty means
// "not reported", not "zero".
type Usage struct {
	App  *AppUsage // X-App-Usage (Platform rate limits: app tokens, hashtag search, business discovery)
	Page *AppUsage // X-Page-Usage (same shape)
	// BusinessUseCase is X-Business-Use-Case-Usage, keyed by business object id.
	BusinessUseCase map[string][]BUCUsage
}

// AppUsage holds percentages (0–100) of the rolling-hour budget.
type AppUsage struct {
	CallCount    float64 `json:"call_count"`
	TotalTime    float64 `json:"total_time"`
	TotalCPUTime float64 `json:"total_cputime"`
}

// BUCUsage is one entry of X-Business-Use-Case-Usage.
type BUCUsage struct {
	Type         string  `json:"type"` // "instagram", "pages", …
	CallCount    float64 `json:"call_count"`
	TotalCPUTime float64 `json:"total_cputime"`
	TotalTime    float64 `json:"total_time"`
	// EstimatedTimeToRegainAccess is in MINUTES; 0 when not throttled.
	EstimatedTimeToRegainAccess float64 `json:"estimated_time_to_regain_access"`
	AdsAPIAccessTier            string  `json:"ads_api_access_tier,omitempty"`
}

// parseUsage reads the usage headers. Malformed headers are ignored: usage
// is advisory and must never fail a call.
func parseUsage(h http.Header) Usage {
	var u Usage
	if v := h.Get("X-App-Usage"); v != "" {
		var a AppUsage
		if json.Unmarshal([]byte(v), &a) == nil {
			u.App = &a
		}
	}
	if v := h.Get("X-Page-Usage"); v != "" {
		var a AppUsage
		if json.Unmarshal([]byte(v), &a) == nil {
			u.Page = &a
		}
	}
	if v := h.Get("X-Business-Use-Case-Usage"); v != "" {
		var m map[string][]BUCUsage
		if json.Unmarshal([]byte(v), &m) == nil && len(m) > 0 {
			u.BusinessUseCase = m
		}
	}
	return u
}

// Reported says whether any usage header was present.
func (u Usage) Reported() bool {
	return u.App != nil || u.Page != nil || len(u.BusinessUseCase) > 0
}

// MaxPercent is the highest percentage of any reported budget, rounded up.
func (u Usage) MaxPercent() int {
	m := 0.0
	for _, a := range []*AppUsage{u.App, u.Page} {
		if a != nil {
			m = max(m, a.CallCount, a.TotalTime, a.TotalCPUTime)
		}
	}
	for _, entries := range u.BusinessUseCase {
		for _, b := range entries {
			m = max(m, b.CallCount, b.TotalTime, b.TotalCPUTime)
		}
	}
	return int(math.Ceil(m))
}

// RegainAccessIn is the longest estimated_time_to_regain_access announced
// (0 when none).
func (u Usage) RegainAccessIn() time.Duration {
	d, _ := u.regain()
	return d
}

// regain also names the budget ("instagram business use case") holding the
// longest wait.
func (u Usage) regain() (time.Duration, string) {
	var best time.Duration
	var budget string
	for _, entries := range u.BusinessUseCase {
		for _, b := range entries {
			if b.EstimatedTimeToRegainAccess <= 0 {
				continue
			}
			d := time.Duration(b.EstimatedTimeToRegainAccess * float64(time.Minute))
			if d > best {
				best, budget = d, strings.TrimSpace(b.Type+" business use case")
			}
		}
	}
	return best, budget
}

// logFields summarises usage for log lines.
func (u Usage) logFields(f map[string]any) {
	if !u.Reported() {
		return
	}
	f["usage_max_percent"] = u.MaxPercent()
	if u.App != nil {
		f["app_usage_call_count"] = u.App.CallCount
	}
	if d := u.RegainAccessIn(); d > 0 {
		f["regain_access_in"] = d.String()
	}
}
