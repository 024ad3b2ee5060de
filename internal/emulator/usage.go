package emulator

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"time"
)

// Rate limiting (https://developers.facebook.com/docs/graph-api/overview/rate-limiting
// and "Rate limiting" in https://developers.facebook.com/docs/instagram-platform/overview).
// Two budgets, each counted over a rolling window:
//
//   - the Instagram business use case (BUC), per IG account: every IG Platform
//     call; throttled with code 80002; reported in X-Business-Use-Case-Usage;
//   - the Platform (app) budget, app-wide: calls that concern no IG account or
//     that Meta meters as Platform calls (business discovery, hashtag search
//     and hashtag media);
//     throttled with code 4; reported in X-App-Usage.
//
// Each id of a multi-id read (GET /?ids=, legacy apps only) counts as one
// call. Calls made
// while throttled are counted too, so they push the regain time further out,
// as Meta warns they do.

// usageRecord is one metered call.
type usageRecord struct {
	t   time.Time
	key string // IG account id for the BUC, "" for the app budget
}

// meter is what a request costs and whom it is charged to.
type meter struct {
	key   string // see usageRecord.key
	units int    // calls: 1, or the number of ids of GET /?ids=
}

// throttled meters a request (after authentication, before dispatch) and
// answers the throttling error when its budget is spent. Called with s.mu held.
func (s *Server) throttled(req *request) *apiError {
	if req.nested {
		return nil // an id of GET /?ids=, metered with the whole request
	}
	m := meter{key: s.meteredAccount(req), units: 1}
	if len(req.segs) == 0 && s.opts.LegacyApp {
		if ids, _ := req.param("ids"); ids != "" {
			m.units = max(1, len(parseList(ids)))
		}
	}
	req.meter = &m
	now := s.now()
	s.pruneUsage(now)
	spent := s.usedCalls(m.key, now) >= s.budget(m.key)
	for range m.units {
		s.st.usage = append(s.st.usage, usageRecord{t: now, key: m.key})
	}
	s.st.meteredCalls += m.units
	if !spent {
		return nil
	}
	s.st.throttledCalls += m.units
	e := &apiError{status: s.opts.ThrottleStatus}
	if m.key == "" {
		e.body = ErrorBody{Message: "(#4) Application request limit reached", Type: "OAuthException", Code: 4, IsTransient: true}
	} else {
		// Wording inferred from Meta's 80001 message (uncertain).
		e.body = ErrorBody{Message: "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. " +
			"For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
			Type: "OAuthException", Code: 80002}
	}
	return e
}

// meteredAccount is the IG account whose BUC pays for req, or "" when the
// Platform (app) budget does. Called with s.mu held.
func (s *Server) meteredAccount(req *request) string {
	if fs, _ := req.param("fields"); strings.Contains(fs, "business_discovery") {
		return ""
	}
	id := ""
	if len(req.segs) > 0 {
		id = req.segs[0]
	} else if ids, _ := req.param("ids"); ids != "" {
		if l := parseList(ids); len(l) > 0 {
			id = l[0]
		}
	}
	st := s.st
	switch {
	case st.accounts[id] != nil:
		return id
	case st.scoped[id] != "":
		return st.scoped[id]
	case st.media[id] != nil:
		return st.media[id].accountID
	case st.containers[id] != nil:
		return st.containers[id].accountID
	case st.comments.byID[id] != nil && st.media[st.comments.byID[id].mediaID] != nil:
		// Comment nodes and their replies edge: the commented media's account.
		return st.media[st.comments.byID[id].mediaID].accountID
	case id == "me" && req.tok != nil && req.tok.kind == tokenInstagram:
		return req.tok.accounts[0]
	}
	// Facebook /me, /me/accounts, Pages, hashtag search and hashtag nodes
	// (Platform rate limits, per "Rate limiting" in
	// https://developers.facebook.com/docs/instagram-platform/overview), and
	// unknown ids. IG user edges such as recently_searched_hashtags stay on
	// the account's BUC.
	return ""
}

func (s *Server) budget(key string) int {
	if key == "" {
		return s.opts.AppCallBudget
	}
	return s.opts.AccountCallBudget
}

func (s *Server) window(key string) time.Duration {
	if key == "" {
		return s.opts.AppWindow
	}
	return s.opts.AccountWindow
}

// pruneUsage drops records older than both windows.
func (s *Server) pruneUsage(now time.Time) {
	longest := max(s.opts.AppWindow, s.opts.AccountWindow)
	recs := s.st.usage[:0]
	for _, u := range s.st.usage {
		if now.Sub(u.t) < longest {
			recs = append(recs, u)
		}
	}
	s.st.usage = recs
}

// inWindow returns key's records inside its window, oldest first.
func (s *Server) inWindow(key string, now time.Time) []usageRecord {
	w := s.window(key)
	var out []usageRecord
	for _, u := range s.st.usage {
		if u.key == key && now.Sub(u.t) < w {
			out = append(out, u)
		}
	}
	return out
}

func (s *Server) usedCalls(key string, now time.Time) int { return len(s.inWindow(key, now)) }

// regainIn is how long until key's window holds fewer calls than its budget.
func (s *Server) regainIn(key string, now time.Time) time.Duration {
	recs := s.inWindow(key, now)
	over := len(recs) - s.budget(key)
	if over < 0 {
		return 0
	}
	return recs[over].t.Add(s.window(key)).Sub(now)
}

// regainValue renders a regain time as estimated_time_to_regain_access:
// whole minutes rounded up, as Meta documents, or exact fractional minutes
// with Options.FractionalRegain.
func (s *Server) regainValue(d time.Duration) any {
	if d <= 0 {
		return 0
	}
	if s.opts.FractionalRegain {
		return math.Round(d.Minutes()*1e6) / 1e6
	}
	return int(math.Ceil(d.Minutes()))
}

// usageHeaders computes the usage header of a response: X-Business-Use-Case-Usage
// for calls charged to an IG account, X-App-Usage for the others, as integer
// percentages of the Options budgets. A throttling error injected as a fault
// reports its budget spent, with Options.ThrottleFaultRegain to wait.
// Called with s.mu held.
func (s *Server) usageHeaders(req *request, status int, body any) map[string]string {
	now := s.now()
	m := meter{}
	if req.meter != nil {
		m = *req.meter
	} else if req.tok != nil {
		m.key = s.meteredAccount(req)
	}
	pct := usagePct(s.usedCalls(m.key, now), s.budget(m.key))
	regain := s.regainIn(m.key, now)
	if code := errorCode(body); status != http.StatusOK && req.meter == nil && isThrottleCode(code) {
		pct, regain = max(pct, 100), s.opts.ThrottleFaultRegain
		if code == 4 || code == 17 || code == 32 || code == 613 {
			m.key = "" // Platform codes come with X-App-Usage
		} else if m.key = s.meteredAccount(req); m.key == "" {
			if ti := s.st.tokens[req.token]; ti != nil && len(ti.accounts) > 0 {
				m.key = ti.accounts[0]
			}
		}
	}
	if m.key == "" {
		return map[string]string{
			// Calls are cheap here, so time and CPU are a fixed share of the call budget.
			"X-App-Usage": mustJSON(map[string]int{"call_count": pct, "total_time": pct / 2, "total_cputime": pct / 2}),
		}
	}
	return map[string]string{
		"X-Business-Use-Case-Usage": mustJSON(map[string]any{m.key: []any{map[string]any{
			"type": "instagram", "call_count": pct, "total_cputime": pct / 2, "total_time": pct / 2,
			"estimated_time_to_regain_access": s.regainValue(regain),
		}}}),
	}
}

func errorCode(body any) int {
	env, _ := body.(map[string]any)
	inner, _ := env["error"].(map[string]any)
	code, _ := inner["code"].(int)
	return code
}

func isThrottleCode(c int) bool {
	return c == 4 || c == 17 || c == 32 || c == 613 || (c >= 80001 && c <= 80009) || c == 80014
}

func usagePct(calls, budget int) int { return calls * 100 / budget }

// MeteredCalls is the number of calls charged against the budgets (each id
// of a multi-id read counts), including throttled ones. TotalCalls counts
// HTTP round trips instead.
func (s *Server) MeteredCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.meteredCalls
}

// ThrottledCalls is the number of metered calls rejected with a throttling
// error because their budget was spent (injected faults excluded).
func (s *Server) ThrottledCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.throttledCalls
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// SetAccountBudget changes the IG account budget and window at run time
// (benchmarks); calls already counted stay counted.
func (s *Server) SetAccountBudget(calls int, window time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.AccountCallBudget, s.opts.AccountWindow = calls, window
}
