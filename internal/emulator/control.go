package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// serveControl is the control plane under ControlPrefix: JSON, no auth, never
// counted as Graph calls.
//
//	POST   /_emulator/reset
//	GET    /_emulator/state
//	POST   /_emulator/clock/advance?seconds=N
//	DELETE /_emulator/media/{id}                    out-of-band delete
//	POST   /_emulator/media/{id}?comments_enabled=… out-of-band comment toggle
//	POST   /_emulator/media/{id}?caption=…          out-of-band caption edit
//	GET    /_emulator/calls
//	POST   /_emulator/faults   (JSON Fault; latency as a Go duration string, e.g. "250ms")
//	DELETE /_emulator/faults
//	POST   /_emulator/accounts (JSON Account)
//	POST   /_emulator/processing-rules (JSON ProcessingRule: force ERROR/EXPIRED by media URL)
//	GET    /_emulator/health
//	POST   /_emulator/tokens?account_id=…&login=instagram|facebook&lifetime=1h   mint a user token (IssueToken)
func (s *Server) serveControl(w http.ResponseWriter, r *http.Request) {
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, ControlPrefix), "/")
	ok := map[string]any{"success": true}
	switch {
	case path == "health" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	case path == "reset" && r.Method == http.MethodPost:
		s.Reset()
		writeJSON(w, http.StatusOK, ok)
	case path == "state" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, s.dump())
	case path == "clock/advance" && r.Method == http.MethodPost:
		secs, err := strconv.ParseFloat(r.URL.Query().Get("seconds"), 64)
		if err != nil || secs < 0 {
			controlError(w, http.StatusBadRequest, "seconds must be a non-negative number")
			return
		}
		s.AdvanceClock(time.Duration(secs * float64(time.Second)))
		writeJSON(w, http.StatusOK, map[string]any{"now": s.Now().Format(time.RFC3339)})
	case path == "calls" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{"total": s.TotalCalls(), "token_in_url": s.TokenInURLCount(), "calls": s.Calls()})
	case path == "faults" && r.Method == http.MethodPost:
		var in struct {
			Fault
			Latency string `json:"latency"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			controlError(w, http.StatusBadRequest, "invalid fault JSON: "+err.Error())
			return
		}
		f := in.Fault
		if in.Latency != "" {
			d, err := time.ParseDuration(in.Latency)
			if err != nil {
				controlError(w, http.StatusBadRequest, "invalid latency: "+err.Error())
				return
			}
			f.Latency = d
		}
		s.InjectFault(f)
		writeJSON(w, http.StatusOK, ok)
	case path == "processing-rules" && r.Method == http.MethodPost:
		var pr ProcessingRule
		if err := json.NewDecoder(r.Body).Decode(&pr); err != nil {
			controlError(w, http.StatusBadRequest, "invalid processing rule JSON: "+err.Error())
			return
		}
		s.AddProcessingRule(pr)
		writeJSON(w, http.StatusOK, ok)
	case path == "faults" && r.Method == http.MethodDelete:
		s.ClearFaults()
		writeJSON(w, http.StatusOK, ok)
	case path == "accounts" && r.Method == http.MethodPost:
		var a Account
		if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
			controlError(w, http.StatusBadRequest, "invalid account JSON: "+err.Error())
			return
		}
		s.AddAccount(a)
		writeJSON(w, http.StatusOK, ok)
	case strings.HasPrefix(path, "media/"):
		s.controlMedia(w, r, strings.TrimPrefix(path, "media/"))
	case s.controlHooks(w, r, path): // comments and webhooks (webhooks.go)
	case s.controlTokens(w, r, path): // oauth.go
	default:
		controlError(w, http.StatusNotFound, "unknown control endpoint "+r.Method+" "+r.URL.Path)
	}
}

func (s *Server) controlMedia(w http.ResponseWriter, r *http.Request, id string) {
	switch r.Method {
	case http.MethodDelete:
		if !s.DeleteMediaOutOfBand(id) {
			controlError(w, http.StatusNotFound, "no deletable media "+id)
			return
		}
	case http.MethodPost:
		q := r.URL.Query()
		if !q.Has("comments_enabled") && !q.Has("caption") {
			controlError(w, http.StatusBadRequest, "give comments_enabled or caption")
			return
		}
		if q.Has("comments_enabled") {
			b, ok := parseBool(q.Get("comments_enabled"))
			if !ok {
				controlError(w, http.StatusBadRequest, "comments_enabled must be true or false")
				return
			}
			if !s.SetCommentsEnabledOutOfBand(id, b) {
				controlError(w, http.StatusNotFound, "no media "+id)
				return
			}
		}
		if q.Has("caption") && !s.SetCaptionOutOfBand(id, q.Get("caption")) {
			controlError(w, http.StatusNotFound, "no media "+id)
			return
		}
	default:
		controlError(w, http.StatusMethodNotAllowed, "use DELETE or POST")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"success": true})
}

func controlError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"error": msg})
}

// dump is the GET /_emulator/state document.
func (s *Server) dump() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	accounts := []any{}
	for _, id := range s.st.order {
		a := s.st.accounts[id]
		accounts = append(accounts, map[string]any{
			"id": a.ID, "username": a.Username, "account_type": a.AccountType, "page_id": a.PageID,
			"media_count": a.MediaCount + s.postCount(a.ID),
			"quota_usage": s.quotaUsage(a.ID, now.Add(-s.opts.QuotaDuration)),
		})
	}
	containers := []any{}
	for id := s.st.nextContainer - 1; id >= firstContainerID; id-- {
		c := s.st.containers[strconv.FormatInt(id, 10)]
		code, sub := s.status(c, false)
		containers = append(containers, map[string]any{
			"id": c.id, "account_id": c.accountID, "media_type": c.kind, "is_carousel_item": c.isCarouselItem,
			"status_code": code, "status": statusText(code, sub), "created": c.created.Format(time.RFC3339),
			"children": c.children, "media_id": c.mediaID,
		})
	}
	media := []any{}
	for id := s.st.nextMedia - 1; id >= firstMediaID; id-- {
		m := s.st.media[strconv.FormatInt(id, 10)]
		media = append(media, map[string]any{"deleted": m.deleted, "media": s.snapshot(m)})
	}
	faults := []any{}
	for _, f := range s.st.faults {
		faults = append(faults, map[string]any{"fault": f.Fault, "remaining": f.remaining, "latency": f.Latency.String()})
	}
	calls := map[string]int{}
	for k, v := range s.st.calls {
		calls[k] = v
	}
	return map[string]any{
		"now": now.Format(time.RFC3339), "accounts": accounts, "containers": containers, "media": media,
		"faults": faults, "total_calls": s.st.totalCalls, "calls": calls,
	}
}
