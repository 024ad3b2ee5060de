package emulator

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The control plane under ControlPrefix: JSON, no auth, never counted as
// Graph calls. Each endpoint lives with what it controls; this table is
// where they are all found.
var controlRoutes = []controlRoute{
	{"GET", "health", (*Server).controlHealth},
	{"POST", "reset", (*Server).controlReset},                                                    // Reset
	{"GET", "state", (*Server).controlState},                                                     // the whole state, for debugging
	{"POST", "clock/advance", (*Server).controlClock},                                            // ?seconds=N: AdvanceClock
	{"GET", "calls", (*Server).controlCalls},                                                     // Calls, TotalCalls, TokenInURLCount
	{"GET", "faults", (*Server).controlFaults},                                                   // the faults injected, and FaultsApplied
	{"POST", "faults", (*Server).controlInjectFault},                                             // JSON Fault: InjectFault
	{"DELETE", "faults", (*Server).controlClearFaults},                                           // ClearFaults
	{"GET", "held", (*Server).controlHeld},                                                       // ?route=…&wait=30s: HeldRequests, WaitHeld (holds.go)
	{"POST", "held/release", (*Server).controlReleaseHeld},                                       // ReleaseHeld (holds.go)
	{"POST", "accounts", applyJSON("account JSON", (*Server).AddAccount)},                        // JSON Account: AddAccount
	{"POST", "tokens", (*Server).controlTokens},                                                  // ?account_id=…&login=…&lifetime=1h: IssueToken (oauth.go)
	{"POST", "processing-rules", applyJSON("processing rule JSON", (*Server).AddProcessingRule)}, // JSON ProcessingRule
	{"POST", "seed/posts", (*Server).controlSeedPosts},                                           // ?account_id=…&n=…: SeedPosts (seed.go)
	{"", "media/", (*Server).controlMedia},                                                       // DELETE, or POST ?caption=…&comments_enabled=… (media_control.go)
	{"POST", "comments", (*Server).controlComment},                                               // JSON {media_id, parent_id?, username?, text} (comments_control.go)
	{"POST", "comments/bulk", (*Server).controlCommentBatch},                                     // JSON CommentBatch (comments_control.go)
	{"", "comments/", (*Server).controlCommentByID},                                              // DELETE, or POST ?hidden=… (comments_control.go)
	{"POST", "webhooks/subscriptions/", (*Server).controlSubscription},                           // JSON SubscriptionChange (webhooks_control.go)
	{"GET", "webhooks/deliveries", (*Server).controlDeliveries},                                  // Deliveries (webhooks_control.go)
	{"POST", "others/posts", (*Server).controlOthersPost},                                        // JSON OtherPost: PostByOtherUser (mentions.go)
	{"POST", "collaborators", (*Server).controlCollaborator},                                     // JSON CollaboratorStatus: SetCollaboratorStatus (collaboration.go)
	{"POST", "audio/", (*Server).controlAudio},                                                   // ?available=false|true: SetAudioAvailable (audio.go)
}

// controlRoute serves path (relative to ControlPrefix), or with a trailing
// "/" every path below it, passing the rest (an id). Method "" takes every
// method (the handler answers 405 itself).
type controlRoute struct {
	method, path string
	serve        func(s *Server, w http.ResponseWriter, r *http.Request, rest string)
}

func (s *Server) serveControl(w http.ResponseWriter, r *http.Request) {
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, ControlPrefix), "/")
	for _, c := range controlRoutes {
		if c.method != "" && c.method != r.Method {
			continue
		}
		if rest, ok := strings.CutPrefix(path, c.path); ok && (rest == "" || strings.HasSuffix(c.path, "/")) {
			c.serve(s, w, r, rest)
			return
		}
	}
	controlError(w, http.StatusNotFound, "unknown control endpoint "+r.Method+" "+r.URL.Path)
}

func (s *Server) controlHealth(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

func (s *Server) controlReset(w http.ResponseWriter, _ *http.Request, _ string) {
	s.Reset()
	controlOK(w)
}

func (s *Server) controlState(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, http.StatusOK, s.dump())
}

func (s *Server) controlClock(w http.ResponseWriter, r *http.Request, _ string) {
	secs, err := strconv.ParseFloat(r.URL.Query().Get("seconds"), 64)
	if err != nil || secs < 0 {
		controlError(w, http.StatusBadRequest, "seconds must be a non-negative number")
		return
	}
	s.AdvanceClock(time.Duration(secs * float64(time.Second)))
	writeJSON(w, http.StatusOK, map[string]any{"now": s.Now().Format(time.RFC3339)})
}

func (s *Server) controlCalls(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]any{"total": s.TotalCalls(), "token_in_url": s.TokenInURLCount(), "calls": s.Calls()})
}

func (s *Server) controlFaults(w http.ResponseWriter, _ *http.Request, _ string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"faults": s.faultList(), "applied": maps.Clone(s.st.faultsApplied)})
}

// controlInjectFault takes a JSON Fault whose durations (latency,
// hold_after_commit) are Go duration strings such as "250ms".
func (s *Server) controlInjectFault(w http.ResponseWriter, r *http.Request, _ string) {
	var in struct {
		Fault
		Latency         string `json:"latency"`
		HoldAfterCommit string `json:"hold_after_commit"`
	}
	if !decodeControlJSON(w, r, "fault JSON", &in) {
		return
	}
	f := in.Fault
	for _, d := range []struct {
		name, value string
		dst         *time.Duration
	}{{"latency", in.Latency, &f.Latency}, {"hold_after_commit", in.HoldAfterCommit, &f.HoldAfterCommit}} {
		if d.value == "" {
			continue
		}
		v, err := time.ParseDuration(d.value)
		if err != nil {
			controlError(w, http.StatusBadRequest, "invalid "+d.name+": "+err.Error())
			return
		}
		*d.dst = v
	}
	if f.Probability < 0 || f.Probability > 1 {
		controlError(w, http.StatusBadRequest, "probability must be between 0 and 1")
		return
	}
	s.InjectFault(f)
	controlOK(w)
}

func (s *Server) controlClearFaults(w http.ResponseWriter, _ *http.Request, _ string) {
	s.ClearFaults()
	controlOK(w)
}

// applyJSON is a control endpoint that decodes its JSON body into a T and
// applies it.
func applyJSON[T any](what string, apply func(*Server, T)) func(*Server, http.ResponseWriter, *http.Request, string) {
	return func(s *Server, w http.ResponseWriter, r *http.Request, _ string) {
		var v T
		if decodeControlJSON(w, r, what, &v) {
			apply(s, v)
			controlOK(w)
		}
	}
}

// decodeControlJSON reads the JSON body into v, or answers 400 naming what
// was wanted.
func decodeControlJSON(w http.ResponseWriter, r *http.Request, what string, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		controlError(w, http.StatusBadRequest, "invalid "+what+": "+err.Error())
		return false
	}
	return true
}

func controlOK(w http.ResponseWriter) {
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
			"children": c.children, "media_id": c.mediaID, "params": maps.Clone(c.params),
		})
	}
	media := []any{}
	for id := s.st.nextMedia - 1; id >= firstMediaID; id-- {
		m := s.st.media[strconv.FormatInt(id, 10)]
		media = append(media, map[string]any{"deleted": m.deleted, "media": s.snapshot(m)})
	}
	return map[string]any{
		"now": now.Format(time.RFC3339), "accounts": accounts, "containers": containers, "media": media,
		"faults": s.faultList(), "faults_applied": maps.Clone(s.st.faultsApplied),
		"total_calls": s.st.totalCalls, "calls": maps.Clone(s.st.calls),
	}
}

// faultList describes the injected faults, durations as Go duration strings.
// Called with s.mu held.
func (s *Server) faultList() []any {
	faults := []any{}
	for _, f := range s.st.faults {
		faults = append(faults, map[string]any{"fault": f.Fault, "remaining": f.remaining,
			"latency": f.Latency.String(), "hold_after_commit": f.HoldAfterCommit.String()})
	}
	return faults
}
