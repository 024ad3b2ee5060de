package emulator

import (
	"context"
	"net/http"
	"slices"
	"time"
)

// Holds: a Fault.HoldAfterCommit request has run and committed its effects
// (a publish has published) while its answer is held back. A test that wants
// to interrupt a client at exactly that moment waits for the hold to begin
// (WaitHeld), interrupts the client, and may end the remaining holds early
// (ReleaseHeld). Holds are requests in flight, not emulator state: Reset
// and ClearFaults leave them alone. An httptest.Server's Close waits for
// held requests, so release them first.

// HeldRequest is a request whose answer is being held.
type HeldRequest struct {
	Route  string    `json:"route"`  // route key as in CallCount
	Method string    `json:"method"` // HTTP method
	Path   string    `json:"path"`   // URL path (never the query: it may hold a token)
	Status int       `json:"status"` // HTTP status of the held answer
	Since  time.Time `json:"since"`  // real time the hold began, right after the commit
}

type hold struct {
	HeldRequest
	release  chan struct{}
	released bool
}

// holds is the registry of current holds, guarded by Server.mu.
type holds struct {
	current []*hold       // oldest first
	changed chan struct{} // closed and replaced whenever current changes
}

func newHolds() *holds { return &holds{changed: make(chan struct{})} }

// notify wakes every WaitHeld. Called with s.mu held.
func (h *holds) notify() {
	close(h.changed)
	h.changed = make(chan struct{})
}

// holdAnswer holds a committed answer for d, until ReleaseHeld, or until the
// client goes away; it reports false in the last case.
func (s *Server) holdAnswer(ctx context.Context, hr HeldRequest, d time.Duration) bool {
	h := &hold{HeldRequest: hr, release: make(chan struct{})}
	s.mu.Lock()
	s.holds.current = append(s.holds.current, h)
	s.holds.notify()
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.holds.current = slices.DeleteFunc(s.holds.current, func(x *hold) bool { return x == h })
		s.holds.notify()
		s.mu.Unlock()
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-h.release:
	case <-ctx.Done():
		return false
	}
	return true
}

// WaitHeld blocks until a request on route (a route key as in CallCount;
// "" = any route) is being held by a HoldAfterCommit fault, and returns the
// oldest such hold: at once if one is held already. It returns ctx's error
// when ctx ends first.
func (s *Server) WaitHeld(ctx context.Context, route string) (HeldRequest, error) {
	for {
		s.mu.Lock()
		held := s.heldRequests(route)
		changed := s.holds.changed
		s.mu.Unlock()
		if len(held) > 0 {
			return held[0], nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return HeldRequest{}, ctx.Err()
		}
	}
}

// HeldRequests lists the requests being held now, oldest first.
func (s *Server) HeldRequests() []HeldRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heldRequests("")
}

func (s *Server) heldRequests(route string) []HeldRequest {
	out := []HeldRequest{}
	for _, h := range s.holds.current {
		if route == "" || h.Route == route {
			out = append(out, h.HeldRequest)
		}
	}
	return out
}

// ReleaseHeld ends every current hold now: the held answers are written
// (to clients still there). It returns how many holds it ended.
func (s *Server) ReleaseHeld() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.holds.current {
		if !h.released {
			h.released = true
			close(h.release)
			n++
		}
	}
	return n
}

// controlHeld is GET /_emulator/held[?route=…][&wait=30s]: the requests being
// held. With wait, it long-polls: it answers as soon as a request (on route)
// is held, or 408 when none was within wait.
func (s *Server) controlHeld(w http.ResponseWriter, r *http.Request, _ string) {
	q := r.URL.Query()
	route := q.Get("route")
	if v := q.Get("wait"); v != "" {
		wait, err := time.ParseDuration(v)
		if err != nil || wait < 0 {
			controlError(w, http.StatusBadRequest, "wait must be a duration such as 30s")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		defer cancel()
		if _, err := s.WaitHeld(ctx, route); err != nil {
			writeJSON(w, http.StatusRequestTimeout, map[string]any{"error": "no request held within " + wait.String(), "held": []any{}})
			return
		}
	}
	s.mu.Lock()
	held := s.heldRequests(route)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"held": held})
}

// controlReleaseHeld is POST /_emulator/held/release: ReleaseHeld.
func (s *Server) controlReleaseHeld(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]any{"released": s.ReleaseHeld()})
}
