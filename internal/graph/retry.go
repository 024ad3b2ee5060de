package graph

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// The retry and throttle policy of every call, in one pure function: decide.
// call.go feeds it each attempt's outcome through go-retryablehttp's hooks
// (never the library defaults: they resend every POST on 5xx and connection
// errors).
//
//	                         safe to resend (GET, DELETE,  non-idempotent POST
//	                         POST marked Idempotent: the   (media_publish, comment),
//	                         comment toggle, container     DELETE marked SendOnce
//	                         create — an orphan container
//	                         just expires)
//	dial error, nothing sent retry                         retry
//	error after connecting   retry                         *AmbiguousError
//	(drop, timeout, reset)
//	answer cut off           retry                         *AmbiguousError
//	5xx                      retry (except 501)            *AmbiguousError
//	throttle 4/17/32/613/    retry after the announced     retry after the announced
//	80001-80009/80014/429    wait                          wait (Meta rejected it)
//	4xx with codes 1, 2,     retry                         stop, return *Error
//	341 or is_transient:true
//	4 + subcode 2207051      stop                          *AmbiguousError (may have posted)
//	100, 190, 102, 3, 10,    stop                          stop
//	200-299, other 4xx
//	caller's context ended   stop, context error           *AmbiguousError if sent
//
// Waits: exponential with jitter between RetryWaitMin and RetryWaitMax, at
// least Retry-After, and for throttles at least estimated_time_to_regain_access.
// If the announced wait exceeds MaxRateLimitWait: *RateLimitError at once.
// Throttles don't use up MaxRetries (Meta rejected the call and said when to
// come back), but their waits together are capped by MaxRateLimitWait.

// outcome is what one attempt produced, as far as the policy cares.
type outcome struct {
	method, path string
	idempotent   bool

	// No response: the transport error, whether a connection was in hand
	// (from then on any byte of the request may have reached Meta), and the
	// caller's context error if it ended.
	transportErr error
	sent         bool
	ctxErr       error

	// A response: its status, the Graph error it carried, a failed body read,
	// and the waits it announced.
	status       int
	graphErr     *Error
	readErr      error
	retryAfter   time.Duration // Retry-After
	regain       time.Duration // longest estimated_time_to_regain_access
	regainBudget string        // the budget that announced regain
}

// retryState is what the policy remembers across the attempts of one call.
type retryState struct {
	attempts     int // attempts made, the one being decided included
	throttles    int
	throttleWait time.Duration
}

// retryPolicy holds the client's settings.
type retryPolicy struct {
	maxRetries int
	maxRLWait  time.Duration
	backoff    func(n int) time.Duration // wait before the (n+1)-th retry
}

// decision says what follows an attempt: retry after wait, end with err, or
// (neither) end with the attempt's own result — a success, or a Graph error
// that Do returns as *Error.
type decision struct {
	retry  bool
	wait   time.Duration
	err    error
	reason string // why we retry, for the log
	budget string // the throttled budget, for the log
}

// decide applies the table above to one attempt.
func decide(o outcome, s retryState, p retryPolicy) (decision, retryState) {
	ge := o.graphErr
	switch {
	case o.transportErr != nil:
		if !o.idempotent && o.sent {
			return stop(ambiguous(o, o.transportErr)), s
		}
		if o.ctxErr != nil {
			return stop(o.ctxErr), s
		}
		return backOff(o, s, p, false, "connection error")
	case o.readErr != nil && (ge == nil || ge.HTTPStatus >= 500):
		// The answer was cut off: for a write we cannot tell what happened.
		if !o.idempotent {
			return stop(ambiguous(o, fmt.Errorf("reading response (HTTP %d): %w", o.status, o.readErr))), s
		}
		return backOff(o, s, p, false, "response cut off")
	case ge == nil:
		return decision{}, s
	case isThrottle(ge):
		return backOff(o, s, p, true, "throttled")
	case !o.idempotent:
		if ge.HTTPStatus >= 500 || isActivityRestricted(ge) {
			return stop(ambiguous(o, ge)), s
		}
		return decision{}, s
	case retryableRead(ge):
		return backOff(o, s, p, false, "transient error")
	}
	return decision{}, s
}

// backOff chooses the wait before the next attempt, or ends the call when the
// announced wait is too long or no retries are left.
func backOff(o outcome, s retryState, p retryPolicy, throttle bool, reason string) (decision, retryState) {
	announced := o.retryAfter
	budget := "server (Retry-After)"
	if throttle {
		budget = budgetName(o.graphErr.Code)
		if o.regain > announced {
			announced, budget = o.regain, o.regainBudget
		}
	}
	if announced > p.maxRLWait {
		return stop(&RateLimitError{Budget: budget, Wait: announced, Err: o.graphErr}), s
	}
	retries := s.attempts - s.throttles
	if throttle {
		s.throttles++
		retries = s.throttles
	}
	if p.maxRetries == 0 || retries > p.maxRetries && (!throttle || announced == 0) {
		return decision{}, s // the last result stands
	}
	d := decision{retry: true, wait: max(p.backoff(retries-1), announced), reason: reason}
	if throttle {
		if s.throttleWait+d.wait > p.maxRLWait {
			return stop(&RateLimitError{Budget: budget, Wait: s.throttleWait + d.wait, Err: o.graphErr}), s
		}
		s.throttleWait += d.wait
		d.budget = budget
	}
	return d, s
}

func stop(err error) decision { return decision{err: err} }

func ambiguous(o outcome, err error) *AmbiguousError {
	return &AmbiguousError{Method: o.method, Path: o.path, Err: err}
}

// retryableRead: may an idempotent request be resent after this error?
func retryableRead(e *Error) bool {
	switch {
	case e.Code == 100, e.Code == 190, e.Code == 102, isPermissionCode(e.Code):
		return false
	case e.Code == 1, e.Code == 2, e.Code == 341, e.IsTransient:
		return true
	}
	return e.HTTPStatus >= 500 && e.HTTPStatus != http.StatusNotImplemented
}

// backoffWait is exponential with jitter: min·2^n capped at max, then a
// random point in its upper half (never below min).
func (c *Client) backoffWait(n int) time.Duration {
	d := c.waitMax
	if n < 30 {
		d = min(c.waitMin<<n, c.waitMax)
	}
	if half := d / 2; half > 0 {
		d = half + rand.N(half+1)
	}
	return max(d, c.waitMin)
}

// retryAfter parses Retry-After (seconds or HTTP date).
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
