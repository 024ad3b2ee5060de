package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"
)

// call holds the state of one Do across its attempts and adapts
// go-retryablehttp's hooks to decide (retry.go): checkRetry reads, records
// and logs each attempt and asks decide; backoff, prepareRetry and
// errorHandler only carry the decision out.
type call struct {
	c   *Client
	req *Request

	gotConn atomic.Bool // set by httptrace, reset before each attempt
	state   retryState

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

func (c *Client) retryPolicy() retryPolicy {
	return retryPolicy{maxRetries: c.maxRetries, maxRLWait: c.maxRLWait, backoff: c.backoffWait}
}

// checkRetry runs after every attempt. A non-nil error ends the call with
// that error.
func (a *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	a.state.attempts++
	o := outcome{method: a.req.Method, path: a.req.Path, idempotent: a.req.idempotent(), sent: a.gotConn.Swap(false)}
	if err != nil {
		a.last, a.body, a.readErr, a.graphErr = nil, nil, nil, nil
		o.transportErr, o.ctxErr = unwrapURLError(err), ctx.Err()
		a.c.debug(ctx, "graph: attempt failed", map[string]any{
			"method": a.req.Method, "path": a.req.Path, "attempt": a.state.attempts,
			"error": o.transportErr.Error(), "request_sent": o.sent,
		})
	} else {
		a.read(resp)
		usage := parseUsage(resp.Header)
		a.c.limiter.Observe(usage, errOrNil(a.graphErr))
		a.logAttempt(ctx, resp)
		o.status, o.graphErr, o.readErr = resp.StatusCode, a.graphErr, a.readErr
		o.retryAfter = retryAfter(resp.Header, a.c.now())
		o.regain, o.regainBudget = usage.regain()
	}

	d, state := decide(o, a.state, a.c.retryPolicy())
	a.state, a.wait = state, d.wait
	a.logDecision(ctx, d)
	return d.retry, d.err
}

func (a *call) logDecision(ctx context.Context, d decision) {
	var rl *RateLimitError
	switch {
	case errors.As(d.err, &rl):
		a.c.warn(ctx, "graph: rate limited for longer than the maximum wait, giving up", map[string]any{
			"method": a.req.Method, "path": a.req.Path, "budget": rl.Budget,
			"wait": rl.Wait.String(), "max_wait": a.c.maxRLWait.String(),
		})
	case d.retry:
		fields := map[string]any{
			"method": a.req.Method, "path": a.req.Path, "attempt": a.state.attempts,
			"reason": d.reason, "wait": d.wait.String(),
		}
		if d.budget != "" {
			fields["budget"] = d.budget
		}
		if a.graphErr != nil {
			fields["error_code"] = a.graphErr.Code
			fields["error_subcode"] = a.graphErr.Subcode
		}
		a.c.warn(ctx, "graph: retrying", fields)
	}
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
		"attempt": a.state.attempts, "fbtrace_id": resp.Header.Get("X-Fb-Trace-Id"),
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
