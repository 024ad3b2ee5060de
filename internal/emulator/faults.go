package emulator

import (
	"net/http"
	"strings"
	"time"
)

// Fault makes matching Graph requests misbehave. Faults are checked in the
// order they were injected; the first match applies.
type Fault struct {
	Method string `json:"method,omitempty"` // "" = any
	Route  string `json:"route,omitempty"`  // route key as in CallCount, "" = any Graph route
	// Params narrows the match to requests carrying these parameter values,
	// e.g. {"media_type": "CAROUSEL"} for a carousel parent's container.
	Params          map[string]string `json:"params,omitempty"`
	Times           int               `json:"times,omitempty"`  // matching requests affected; 0 = unlimited
	Status          int               `json:"status,omitempty"` // HTTP status (with Error body); 0 with Error set → 400
	Error           *ErrorBody        `json:"error,omitempty"`  // Graph error to answer with instead of running the handler
	DropAfterCommit bool              `json:"drop_after_commit,omitempty"`
	Latency         time.Duration     `json:"latency,omitempty"` // real-time sleep before handling
}

type faultState struct {
	Fault
	remaining int // for Times > 0
}

// InjectFault adds a fault.
func (s *Server) InjectFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.faults = append(s.st.faults, &faultState{Fault: f, remaining: f.Times})
}

// ClearFaults removes all faults.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.faults = nil
}

// takeFault returns (and consumes one use of) the first fault matching req.
func (s *Server) takeFault(req *request) *Fault {
	for i, f := range s.st.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, req.method) {
			continue
		}
		if f.Route != "" && f.Route != req.route {
			continue
		}
		if !paramsMatch(req, f.Params) {
			continue
		}
		if f.Times > 0 {
			f.remaining--
			if f.remaining <= 0 {
				s.st.faults = append(s.st.faults[:i:i], s.st.faults[i+1:]...)
			}
		}
		out := f.Fault
		return &out
	}
	return nil
}

func paramsMatch(req *request, want map[string]string) bool {
	for k, v := range want {
		if got, _ := req.param(k); got != v {
			return false
		}
	}
	return true
}

// apiError turns the fault into the error it answers with. A bare Status
// gets a generic Graph error: transient code 2 for 5xx, code 1 otherwise.
func (f *Fault) apiError() *apiError {
	status := f.Status
	if f.Error != nil {
		if status == 0 {
			status = http.StatusBadRequest
		}
		b := *f.Error
		if b.Type == "" {
			b.Type = "OAuthException"
		}
		return &apiError{status: status, body: b}
	}
	if status >= 500 {
		return &apiError{status: status, body: ErrorBody{Message: "An unexpected error has occurred. Please retry your request later.",
			Type: "OAuthException", Code: 2, IsTransient: true}}
	}
	return &apiError{status: status, body: ErrorBody{Message: "An unknown error has occurred.", Type: "OAuthException", Code: 1}}
}
