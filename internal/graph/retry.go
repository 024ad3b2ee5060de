package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"
)

// Retry policy, wired into go-retryablehttp through the call's CheckRetry,
// Backoff, PrepareRetry and ErrorHandler (never the library defaults: they
// resend every POST on 5xx and connection errors).
//
//	                         safe to resend (GET, DELETE,  non-idempotent POST
//	                         POST marked Idempotent: the   (media_publish, comment)
//	                         comment toggle, container
//	                         create — an orphan container
//	                         just expires)
//	dial error, nothing sent retry                         retry
//	error after connecting   retry                         *AmbiguousError
//	(drop, timeout, reset)
//	5xx                      retry (except 501)            *AmbiguousError
//	throttle 4/17/32/613/    retry after the announced     retry after the announced
//	80001-80009/80014/429    wait                          wait (Meta rejected it)
//	4xx with codes 1, 2,     retry                         stop, return *Error
//	341 or is_transient:true
//	4 + subcode 2207051      stop                          *AmbiguousError (may have posted)
//	100, 190, 102, 3, 10,    stop                          stop
//	200-299, other 4xx
//
// Waits: exponential with jitter between RetryWaitMin and RetryWaitMax, at
// least Retry-After, and for throttles at least estimated_time_to_regain_access.
// If the announced wait exceeds MaxRateLimitWait: *RateLimitError at once.

// call holds the state of one Do across its attempts.
type call struct {
	c   *Client
	req *Request

	gotConn atomic.Bool // set by httptrace, reset before each attempt
	attempt int
	// Throttles don't use up MaxRetries: Meta rejected the call and said when
	// to come back. Their waits together are capped by MaxRateLimitWait.
	throttles    int
	throttleWait time.Duration

	last     *http.Response // last response, body already read into body
	body     []byte
	readErr  error
	graphErr *Error
	wait     time.Duration // decided by checkRetry, slept by prepareRetry
}

func (a *call) response() *Response {
	if a.last == nil {
		return nil
	}
	return newResponse(a.last)
}

// checkRetry runs after every attempt: it reads the body, records usage,
// logs, and decides. A non-nil error ends the call with that error.
func (a *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	a.attempt++
	sent := a.gotConn.Swap(false) // reset for the next attempt
	if err != nil {
		a.last, a.body, a.readErr, a.graphErr = nil, nil, nil, nil
		return a.onTransportError(ctx, err, sent)
	}
	a.read(resp)
	a.c.limiter.Observe(parseUsage(resp.Header), errOrNil(a.graphErr))
	a.logAttempt(ctx, resp)

	idempotent := a.req.idempotent()
	ge := a.graphErr
	switch {
	case a.readErr != nil && (ge == nil || ge.HTTPStatus >= 500):
		// The answer was cut off: for a write we cannot tell what happened.
		if !idempotent {
			return false, a.ambiguous(fmt.Errorf("reading response (HTTP %d): %w", resp.StatusCode, a.readErr))
		}
		return a.retry(ctx, resp, false, "response cut off")
	case ge == nil:
		return false, nil
	case isThrottle(ge):
		return a.retry(ctx, resp, true, "throttled")
	case !idempotent:
		if ge.HTTPStatus >= 500 || (ge.Code == 4 && ge.Subcode == 2207051) {
			return false, a.ambiguous(ge)
		}
		return false, nil
	case retryableRead(ge):
		return a.retry(ctx, resp, false, "transient error")
	}
	return false, nil
}

func (a *call) onTransportError(ctx context.Context, err error, sent bool) (bool, error) {
	cause := unwrapURLError(err)
	a.c.debug(ctx, "graph: attempt failed", map[string]any{
		"method": a.req.Method, "path": a.req.Path, "attempt": a.attempt,
		"error": cause.Error(), "request_sent": sent,
	})
	if !a.req.idempotent() && sent {
		return false, a.ambiguous(cause)
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	return a.retry(ctx, nil, false, "connection error")
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

// retry decides the wait before the next attempt, or ends the call when the
// announced wait is too long or no retries are left.
func (a *call) retry(ctx context.Context, resp *http.Response, throttle bool, reason string) (bool, error) {
	var announced time.Duration
	budget := "server (Retry-After)"
	if throttle {
		budget = budgetName(a.graphErr.Code)
	}
	if resp != nil {
		announced = retryAfter(resp.Header, a.c.now())
		if d, b := parseUsage(resp.Header).regain(); throttle && d > announced {
			announced, budget = d, b
		}
	}
	if announced > a.c.maxRLWait {
		a.c.warn(ctx, "graph: rate limited for longer than the maximum wait, giving up", map[string]any{
			"method": a.req.Method, "path": a.req.Path, "budget": budget,
			"wait": announced.String(), "max_wait": a.c.maxRLWait.String(),
		})
		return false, &RateLimitError{Budget: budget, Wait: announced, Err: a.graphErr}
	}
	retries := a.attempt - a.throttles
	if throttle {
		a.throttles++
		retries = a.throttles
	}
	if a.c.maxRetries == 0 || retries > a.c.maxRetries && (!throttle || announced == 0) {
		return false, nil // errorHandler hands back the last result
	}
	a.wait = max(a.c.backoffWait(retries-1), announced)
	if throttle {
		if a.throttleWait+a.wait > a.c.maxRLWait {
			return false, &RateLimitError{Budget: budget, Wait: a.throttleWait + a.wait, Err: a.graphErr}
		}
		a.throttleWait += a.wait
	}
	fields := map[string]any{
		"method": a.req.Method, "path": a.req.Path, "attempt": a.attempt,
		"reason": reason, "wait": a.wait.String(),
	}
	if throttle {
		fields["budget"] = budget
	}
	if a.graphErr != nil {
		fields["error_code"] = a.graphErr.Code
		fields["error_subcode"] = a.graphErr.Subcode
	}
	a.c.warn(ctx, "graph: retrying", fields)
	return true, nil
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

// backoff is handed to go-retryablehttp and returns 0: checkRetry already
// chose the wait and prepareRetry sleeps it through the client's sleep hook
// (context-aware, replaceable in tests).
func (a *call) backoff(time.Duration, time.Duration, int, *http.Response) time.Duration {
	return 0
}

// prepareRetry runs before every resend: wait the chosen backoff, then wait
// on the shared limiter (another request may have hit a throttle meanwhile).
func (a *call) prepareRetry(req *http.Request) error {
	ctx := req.Context()
	if err := a.c.sleep(ctx, a.wait); err != nil {
		return err
	}
	return a.c.limiter.Wait(ctx, a.c.maxRLWait)
}

// errorHandler runs when go-retryablehttp gives up. A last response (even a
// 4xx/5xx) goes back to Do, which returns its Graph error; a terminal error
// of ours or a transport error is returned as is, minus the URL (it carries
// appsecret_proof and the parameters).
func (a *call) errorHandler(resp *http.Response, err error, _ int) (*http.Response, error) {
	if err == nil {
		return resp, nil
	}
	if resp != nil {
		resp.Body.Close()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return nil, fmt.Errorf("graph: %s %s: %w", a.req.Method, a.req.Path, ue.Err)
	}
	return nil, err // ours (*AmbiguousError, *RateLimitError) or a context error
}

func (a *call) ambiguous(err error) *AmbiguousError {
	return &AmbiguousError{Method: a.req.Method, Path: a.req.Path, Err: err}
}

// read consumes the body (so checkRetry can look at the Graph error) and
// leaves a re-readable copy in place for the library.
func (a *call) read(resp *http.Response) {
	a.last = resp
	a.body, a.readErr = io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(a.body))
	a.graphErr = nil
	if resp.StatusCode >= 300 {
		a.graphErr = decodeError(a.req.Method, a.req.Path, resp, a.body)
	}
}

func (a *call) logAttempt(ctx context.Context, resp *http.Response) {
	f := map[string]any{
		"method": a.req.Method, "path": a.req.Path, "status": resp.StatusCode,
		"attempt": a.attempt, "fbtrace_id": resp.Header.Get("X-Fb-Trace-Id"),
	}
	if v := resp.Header.Get("Facebook-Api-Version"); v != "" {
		f["api_version"] = v
	}
	parseUsage(resp.Header).logFields(f)
	if e := a.graphErr; e != nil {
		f["error_code"], f["error_subcode"], f["error_type"] = e.Code, e.Subcode, e.Type
		if e.FBTraceID != "" {
			f["fbtrace_id"] = e.FBTraceID
		}
	}
	a.c.debug(ctx, "graph: response", f)
}

// unwrapURLError drops *url.Error's "Get \"https://…?appsecret_proof=…\""
// prefix and keeps its cause (timeouts, resets, context errors).
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// errOrNil avoids handing a typed nil *Error to an error parameter.
func errOrNil(e *Error) error {
	if e == nil {
		return nil
	}
	return e
}
