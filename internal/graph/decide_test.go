package graph

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"
	"time"
)

// TestDecide walks the policy table of retry.go row by row, without HTTP.
func TestDecide(t *testing.T) {
	policy := retryPolicy{
		maxRetries: 4,
		maxRLWait:  5 * time.Minute,
		backoff:    func(n int) time.Duration { return time.Second << n }, // no jitter here
	}
	dial := &net.OpError{Op: "dial", Err: errors.New("connection refused")}
	reset := &net.OpError{Op: "read", Err: errors.New("connection reset by peer")}
	gerr := func(status, code, subcode int) *Error {
		return &Error{HTTPStatus: status, Code: code, Subcode: subcode, Method: "POST", Path: "/1/media_publish"}
	}
	get := func(o outcome) outcome { o.method, o.path, o.idempotent = "GET", "/1", true; return o }
	publish := func(o outcome) outcome { o.method, o.path, o.idempotent = "POST", "/1/media_publish", false; return o }
	first := retryState{attempts: 1}

	type want struct {
		retry  bool
		wait   time.Duration
		reason string
		budget string
		err    func(error) bool // nil: no error
	}
	isAmbiguous := func(err error) bool { var a *AmbiguousError; return errors.As(err, &a) }
	rateLimited := func(budget string, wait time.Duration) func(error) bool {
		return func(err error) bool {
			var rl *RateLimitError
			return errors.As(err, &rl) && rl.Budget == budget && rl.Wait == wait
		}
	}
	for _, tc := range []struct {
		name  string
		o     outcome
		state retryState
		want  want
	}{
		{"success", get(outcome{status: 200}), first, want{}},
		{"GET dial error", get(outcome{transportErr: dial}), first, want{retry: true, wait: time.Second, reason: "connection error"}},
		{"publish dial error, nothing sent", publish(outcome{transportErr: dial}), first, want{retry: true, wait: time.Second, reason: "connection error"}},
		{"GET reset after connecting", get(outcome{transportErr: reset, sent: true}), first, want{retry: true, wait: time.Second, reason: "connection error"}},
		{"publish reset after connecting", publish(outcome{transportErr: reset, sent: true}), first, want{err: isAmbiguous}},
		{"GET, caller gave up", get(outcome{transportErr: context.Canceled, sent: true, ctxErr: context.Canceled}), first,
			want{err: func(err error) bool { return errors.Is(err, context.Canceled) && !isAmbiguous(err) }}},
		{"publish sent, caller gave up", publish(outcome{transportErr: context.Canceled, sent: true, ctxErr: context.Canceled}), first, want{err: isAmbiguous}},
		{"publish unsent, caller gave up", publish(outcome{transportErr: context.Canceled, ctxErr: context.Canceled}), first,
			want{err: func(err error) bool { return errors.Is(err, context.Canceled) && !isAmbiguous(err) }}},
		{"GET answer cut off", get(outcome{status: 200, readErr: io.ErrUnexpectedEOF}), first, want{retry: true, wait: time.Second, reason: "response cut off"}},
		{"publish answer cut off", publish(outcome{status: 200, readErr: io.ErrUnexpectedEOF}), first,
			want{err: func(err error) bool { return isAmbiguous(err) && errors.Is(err, io.ErrUnexpectedEOF) }}},
		{"GET 500", get(outcome{status: 500, graphErr: gerr(500, 1, 0)}), first, want{retry: true, wait: time.Second, reason: "transient error"}},
		{"GET 501", get(outcome{status: 501, graphErr: gerr(501, 0, 0)}), first, want{}},
		{"publish 500", publish(outcome{status: 500, graphErr: gerr(500, 2, 0)}), first, want{err: isAmbiguous}},
		{"GET 4xx code 2", get(outcome{status: 400, graphErr: gerr(400, 2, 0)}), first, want{retry: true, wait: time.Second, reason: "transient error"}},
		{"GET 4xx is_transient", get(outcome{status: 400, graphErr: &Error{HTTPStatus: 400, Code: 9999, IsTransient: true}}), first,
			want{retry: true, wait: time.Second, reason: "transient error"}},
		{"publish 4xx code 2", publish(outcome{status: 400, graphErr: gerr(400, 2, 0)}), first, want{}},
		{"publish 9007 not ready", publish(outcome{status: 400, graphErr: gerr(400, 9007, 2207027)}), first, want{}},
		{"GET spam block", get(outcome{status: 400, graphErr: gerr(400, 4, 2207051)}), first, want{}},
		{"publish spam block", publish(outcome{status: 400, graphErr: gerr(400, 4, 2207051)}), first, want{err: isAmbiguous}},
		{"GET not found", get(outcome{status: 400, graphErr: gerr(400, 100, 33)}), first, want{}},
		{"GET token expired", get(outcome{status: 400, graphErr: gerr(400, 190, 463)}), first, want{}},
		{"GET permission, even if transient", get(outcome{status: 403, graphErr: &Error{HTTPStatus: 403, Code: 200, IsTransient: true}}), first, want{}},
		{"GET throttle without hints", get(outcome{status: 400, graphErr: gerr(400, 4, 0)}), first,
			want{retry: true, wait: time.Second, reason: "throttled", budget: "app"}},
		{"publish throttle waits the announced regain", publish(outcome{status: 400, graphErr: gerr(400, 80002, 0),
			regain: 2 * time.Minute, regainBudget: "instagram business use case"}), first,
			want{retry: true, wait: 2 * time.Minute, reason: "throttled", budget: "instagram business use case"}},
		{"HTTP 429 is a throttle", get(outcome{status: 429, graphErr: gerr(429, 0, 0)}), first,
			want{retry: true, wait: time.Second, reason: "throttled", budget: "rate"}},
		{"regain longer than the maximum wait", get(outcome{status: 400, graphErr: gerr(400, 80002, 0),
			regain: 10 * time.Minute, regainBudget: "instagram business use case"}), first,
			want{err: rateLimited("instagram business use case", 10*time.Minute)}},
		{"Retry-After honoured", get(outcome{status: 503, graphErr: gerr(503, 0, 0), retryAfter: 7 * time.Second}), first,
			want{retry: true, wait: 7 * time.Second, reason: "transient error"}},
		{"Retry-After longer than the maximum wait", get(outcome{status: 503, graphErr: gerr(503, 0, 0), retryAfter: time.Hour}), first,
			want{err: rateLimited("server (Retry-After)", time.Hour)}},
		{"retries used up: the last answer stands", get(outcome{status: 500, graphErr: gerr(500, 1, 0)}), retryState{attempts: 5}, want{}},
		{"third retry backs off exponentially", get(outcome{status: 500, graphErr: gerr(500, 1, 0)}), retryState{attempts: 3},
			want{retry: true, wait: 4 * time.Second, reason: "transient error"}},
		{"throttles don't use up retries", get(outcome{status: 400, graphErr: gerr(400, 80002, 0), regain: time.Minute, regainBudget: "instagram business use case"}),
			retryState{attempts: 9, throttles: 1}, want{retry: true, wait: time.Minute, reason: "throttled", budget: "instagram business use case"}},
		{"throttle waits capped in total", get(outcome{status: 400, graphErr: gerr(400, 80002, 0), regain: 2 * time.Minute, regainBudget: "instagram business use case"}),
			retryState{attempts: 3, throttles: 2, throttleWait: 4 * time.Minute}, want{err: rateLimited("instagram business use case", 6*time.Minute)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := decide(tc.o, tc.state, policy)
			if d.retry != tc.want.retry || d.wait != tc.want.wait || d.reason != tc.want.reason || d.budget != tc.want.budget {
				t.Errorf("decision = %+v, want %+v", d, tc.want)
			}
			switch {
			case tc.want.err == nil && d.err != nil:
				t.Errorf("err = %v, want none", d.err)
			case tc.want.err != nil && !tc.want.err(d.err):
				t.Errorf("err = %v", d.err)
			}
		})
	}
}

func TestDecide_state(t *testing.T) {
	policy := retryPolicy{maxRetries: 1, maxRLWait: 5 * time.Minute, backoff: func(int) time.Duration { return time.Second }}
	throttle := outcome{method: "GET", path: "/1", idempotent: true, status: 400, graphErr: &Error{HTTPStatus: 400, Code: 17},
		regain: time.Minute, regainBudget: "user"}
	s := retryState{attempts: 1}
	for i := range 3 {
		var d decision
		d, s = decide(throttle, s, policy)
		if !d.retry {
			t.Fatalf("throttle %d not retried although MaxRetries is 1: %+v", i+1, d)
		}
		s.attempts++
	}
	if s.throttles != 3 || s.throttleWait != 3*time.Minute {
		t.Errorf("state = %+v, want 3 throttles waiting 3m", s)
	}

	// Without an announced wait, throttles are bounded by MaxRetries too.
	bare := throttle
	bare.regain = 0
	if d, _ := decide(bare, retryState{attempts: 3, throttles: 1}, policy); d.retry || d.err != nil {
		t.Errorf("decision = %+v, want the last answer to stand", d)
	}
	// MaxRetries 0 (Options.MaxRetries < 0) never retries.
	policy.maxRetries = 0
	if d, _ := decide(throttle, retryState{attempts: 1}, policy); d.retry || d.err != nil {
		t.Errorf("decision = %+v, want no retry", d)
	}
}
