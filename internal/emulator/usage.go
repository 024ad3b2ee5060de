package emulator

import (
	"encoding/json"
	"time"
)

type usageRecord struct {
	t       time.Time
	account string
}

// usageHeaders records the call and computes X-App-Usage (app-wide, rolling
// hour) and X-Business-Use-Case-Usage (per IG account, rolling 24 h) as
// integer percentages of the Options budgets. Called with s.mu held.
func (s *Server) usageHeaders(req *request) map[string]string {
	now := s.now()
	recs := s.st.usage[:0]
	for _, u := range s.st.usage {
		if now.Sub(u.t) < 24*time.Hour {
			recs = append(recs, u)
		}
	}
	s.st.usage = append(recs, usageRecord{t: now, account: req.account})

	appCalls, acctCalls := 0, 0
	for _, u := range s.st.usage {
		if now.Sub(u.t) < time.Hour {
			appCalls++
		}
		if req.account != "" && u.account == req.account {
			acctCalls++
		}
	}
	app := usagePct(appCalls, s.opts.AppCallBudget)
	hdr := map[string]string{
		// Calls are cheap here, so time and CPU are a fixed share of the call budget.
		"X-App-Usage": mustJSON(map[string]int{"call_count": app, "total_time": app / 2, "total_cputime": app / 2}),
	}
	if req.account != "" {
		acct := usagePct(acctCalls, s.opts.AccountCallBudget)
		hdr["X-Business-Use-Case-Usage"] = mustJSON(map[string]any{req.account: []any{map[string]any{
			"type": "instagram", "call_count": acct, "total_cputime": acct / 2, "total_time": acct / 2,
			"estimated_time_to_regain_access": 0,
		}}})
	}
	return hdr
}

// throttled is where rate limiting will plug in: once a budget reaches 100 %
// it should answer code 4 (app) or 80002 (Instagram BUC) with a non-zero
// estimated_time_to_regain_access. Today budgets only drive the headers.
func (s *Server) throttled(req *request) *apiError { return nil }

func usagePct(calls, budget int) int { return calls * 100 / budget }

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
