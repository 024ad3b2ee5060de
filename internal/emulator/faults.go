package emulator

import (
	"maps"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// Fault makes matching Graph requests misbehave. Faults are checked in the
// order they were injected; the first match applies. A fault with a
// Probability matches only that fraction of the requests it would match
// otherwise; a request it skips goes on to the next fault.
//
// What a fault does, in the order it happens: Latency waits; DropBeforeCommit
// closes the connection without running the request; Error/Status answers
// an error instead of running it; otherwise the request runs and commits;
// HoldAfterCommit then holds the answer; DropAfterCommit closes the
// connection instead of answering.
type Fault struct {
	Method string `json:"method,omitempty"` // "" = any
	Route  string `json:"route,omitempty"`  // route key as in CallCount, "" = any Graph route
	// Params narrows the match to requests carrying these parameter values,
	// e.g. {"media_type": "CAROUSEL"} for a carousel parent's container.
	Params map[string]string `json:"params,omitempty"`
	Times  int               `json:"times,omitempty"` // matching requests affected; 0 = unlimited
	// Probability: 0 (or ≥ 1) affects every matching request; 0 < p < 1 a
	// fraction p of them, drawn from a generator seeded with
	// Options.FaultSeed, so the same seed and the same sequence of requests
	// give the same faults.
	Probability float64 `json:"probability,omitempty"`

	Status           int        `json:"status,omitempty"` // HTTP status (with Error body); 0 with Error set → 400
	Error            *ErrorBody `json:"error,omitempty"`  // Graph error to answer with instead of running the handler
	DropBeforeCommit bool       `json:"drop_before_commit,omitempty"`
	DropAfterCommit  bool       `json:"drop_after_commit,omitempty"`
	// HoldAfterCommit holds the answer of a request that ran (its effects are
	// committed) this long, in real time, before writing it; a client that
	// goes away meanwhile gets nothing. WaitHeld tells when a hold begins,
	// ReleaseHeld ends holds early.
	HoldAfterCommit time.Duration `json:"hold_after_commit,omitempty"`
	// DropAfterBytes, on the upload host's POST, reads that many bytes of
	// the video, keeps them (Options.UploadChunkSize) and closes the
	// connection: an upload cut off mid-way.
	DropAfterBytes int64         `json:"drop_after_bytes,omitempty"`
	Latency        time.Duration `json:"latency,omitempty"` // real-time sleep before handling
}

// The kinds of applied faults FaultsApplied counts. A fault that does two
// things (latency and an error) counts under both.
const (
	FaultError            = "error"           // a Graph error, neither transient nor throttling nor 5xx
	FaultErrorTransient   = "error_transient" // a Graph error with is_transient (not a throttle, not 5xx)
	FaultError5xx         = "error_5xx"       // an HTTP 5xx answer
	FaultThrottle         = "throttle"        // a rate-limit error (codes 4, 17, 32, 613, 80001–80014), with usage headers
	FaultDropBeforeCommit = "drop_before_commit"
	FaultDropAfterCommit  = "drop_after_commit"
	FaultLatency          = "latency"
	FaultHold             = "hold"
	FaultDropAfterBytes   = "drop_after_bytes"
)

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

// ClearFaults removes all faults. Holds already begun go on (ReleaseHeld).
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.faults = nil
}

// FaultsApplied counts the faults applied so far by kind (FaultError5xx,
// FaultThrottle, …), e.g. for a chaos test to print. Reset clears it.
func (s *Server) FaultsApplied() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.st.faultsApplied)
}

// newFaultRNG is the generator behind Fault.Probability.
func newFaultRNG(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0))
}

// takeFault returns (and consumes one use of) the first fault matching req,
// and counts what it does. Called with s.mu held.
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
		if f.Probability > 0 && f.Probability < 1 && s.st.faultRNG.Float64() >= f.Probability {
			continue
		}
		if f.Times > 0 {
			f.remaining--
			if f.remaining <= 0 {
				s.st.faults = append(s.st.faults[:i:i], s.st.faults[i+1:]...)
			}
		}
		for _, kind := range f.kinds() {
			s.st.faultsApplied[kind]++
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

// answersError reports whether the fault answers an error instead of
// running the request.
func (f *Fault) answersError() bool {
	return !f.DropBeforeCommit && !f.DropAfterCommit && (f.Error != nil || f.Status != 0)
}

// kinds are what the fault does, as FaultsApplied counts them.
func (f *Fault) kinds() []string {
	var out []string
	if f.Latency > 0 {
		out = append(out, FaultLatency)
	}
	switch {
	case f.DropBeforeCommit:
		return append(out, FaultDropBeforeCommit)
	case f.answersError():
		e := f.apiError()
		switch {
		case isThrottleCode(e.body.Code):
			out = append(out, FaultThrottle)
		case e.status >= 500:
			out = append(out, FaultError5xx)
		case e.body.IsTransient:
			out = append(out, FaultErrorTransient)
		default:
			out = append(out, FaultError)
		}
	}
	if f.HoldAfterCommit > 0 {
		out = append(out, FaultHold)
	}
	if f.DropAfterBytes > 0 {
		out = append(out, FaultDropAfterBytes)
	}
	if f.DropAfterCommit {
		out = append(out, FaultDropAfterCommit)
	}
	return out
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
