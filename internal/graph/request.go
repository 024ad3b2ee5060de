package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// One Graph call: the request, the wire format (version prefix, parameters
// in the query or a form body, appsecret_proof, bearer token) and Do, which
// sends it with the retry policy of retry.go.

// Request is one Graph call. Path is relative to the version prefix, e.g.
// "/17841400000000001/media"; parameters go in Params, never in Path.
type Request struct {
	Method string // GET, POST or DELETE
	Path   string
	Params url.Values
	// Idempotent marks a POST that is safe to resend (e.g. comment_enabled).
	// GET and DELETE are treated as idempotent unless SendOnce is set.
	Idempotent bool
	// SendOnce marks a DELETE that is never resent once it may have reached
	// Meta (a lost answer is an *AmbiguousError): the caller settles it by
	// reading, as the comment moderation workflow does.
	SendOnce bool
	// Unversioned sends Path without the version prefix (Instagram login's
	// token endpoints /access_token and /refresh_access_token, tokens.go).
	Unversioned bool
}

func (r *Request) idempotent() bool {
	if r.SendOnce {
		return false
	}
	return r.Method != http.MethodPost || r.Idempotent
}

// Response describes the last HTTP response of a call.
type Response struct {
	StatusCode int
	Usage      Usage
	FBTraceID  string
	APIVersion string // from the facebook-api-version header
}

func newResponse(r *http.Response) *Response {
	return &Response{
		StatusCode: r.StatusCode,
		Usage:      parseUsage(r.Header),
		FBTraceID:  r.Header.Get("X-Fb-Trace-Id"),
		APIVersion: r.Header.Get("Facebook-Api-Version"),
	}
}

// Do sends req with the retry policy of retry.go and decodes a successful
// JSON body into out (if non-nil). On failure the error is an *Error (Graph
// refused), an *AmbiguousError (a write may have happened), a
// *RateLimitError (the wait is longer than MaxRateLimitWait) or a transport
// or context error. The Response of the last attempt is returned when there
// was one.
func (c *Client) Do(ctx context.Context, req *Request, out any) (*Response, error) {
	if err := validateRequest(req); err != nil {
		return nil, err
	}
	httpReq, err := c.newHTTPRequest(ctx, req)
	if err != nil {
		return nil, err
	}

	// Refuse to send while the shared budget is known to be spent.
	if err := c.limiter.Wait(ctx, c.maxRLWait); err != nil {
		var rl *RateLimitError
		if errors.As(err, &rl) {
			c.warn(ctx, "graph: not sending, rate limit in force", map[string]any{
				"method": req.Method, "path": req.Path, "budget": rl.Budget, "wait": rl.Wait.String(),
			})
		}
		return nil, err
	}

	a := &call{c: c, req: req}
	httpReq = httpReq.WithContext(httptrace.WithClientTrace(httpReq.Context(), &httptrace.ClientTrace{
		// Once a connection is in hand, any byte of the request may be on the
		// wire: from then on a failed non-idempotent write is ambiguous.
		GotConn: func(httptrace.GotConnInfo) { a.gotConn.Store(true) },
	}))
	rreq, err := retryablehttp.FromRequest(httpReq)
	if err != nil {
		return nil, fmt.Errorf("graph: %s %s: %w", req.Method, req.Path, err)
	}

	rc := &retryablehttp.Client{
		HTTPClient:   c.httpClient,
		Logger:       nil,           // its lines print URLs with query strings; we log ourselves
		RetryMax:     math.MaxInt32, // checkRetry counts retries (throttles apart) and stops
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		CheckRetry:   a.checkRetry,
		Backoff:      a.backoff,
		ErrorHandler: a.errorHandler,
		PrepareRetry: a.prepareRetry,
	}
	hr, err := rc.Do(rreq)
	if hr != nil {
		hr.Body.Close() // already read into a.body by checkRetry
	}
	resp := a.response()
	if err != nil {
		return resp, err
	}
	if a.graphErr != nil {
		return resp, a.graphErr
	}
	if a.readErr != nil {
		return resp, fmt.Errorf("graph: %s %s: reading response: %w", req.Method, req.Path, a.readErr)
	}
	if out != nil && len(bytes.TrimSpace(a.body)) > 0 {
		if err := json.Unmarshal(a.body, out); err != nil {
			return resp, fmt.Errorf("graph: %s %s: decoding response: %w", req.Method, req.Path, err)
		}
	}
	return resp, nil
}

func validateRequest(req *Request) error {
	if req == nil {
		return errors.New("graph: nil request")
	}
	switch req.Method {
	case http.MethodGet, http.MethodPost, http.MethodDelete:
	default:
		return fmt.Errorf("graph: unsupported method %q", req.Method)
	}
	// Query strings in Path would bypass appsecret_proof handling and end up in logs.
	if !strings.HasPrefix(req.Path, "/") || strings.ContainsAny(req.Path, "?#") {
		return fmt.Errorf("graph: invalid path %q: want /node[/edge], parameters in Params", req.Path)
	}
	return checkLegacy(req)
}

// newHTTPRequest builds the wire request: version prefix, parameters in the
// query (GET/DELETE) or a form body (POST), appsecret_proof, bearer token.
func (c *Client) newHTTPRequest(ctx context.Context, req *Request) (*http.Request, error) {
	params := url.Values{}
	for k, v := range req.Params {
		params[k] = append([]string(nil), v...)
	}
	// The token only ever travels in the Authorization header.
	params.Del("access_token")
	params.Del("appsecret_proof")
	if c.proof != "" {
		params.Set("appsecret_proof", c.proof)
	}

	u := c.baseURL + "/" + c.apiVersion + req.Path
	if req.Unversioned {
		u = c.baseURL + req.Path
	}
	var body *strings.Reader
	if req.Method == http.MethodPost {
		body = strings.NewReader(params.Encode())
	} else if len(params) > 0 {
		u += "?" + params.Encode()
	}

	var hr *http.Request
	var err error
	if body != nil {
		hr, err = http.NewRequestWithContext(ctx, req.Method, u, body)
	} else {
		hr, err = http.NewRequestWithContext(ctx, req.Method, u, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %s %s: %w", req.Method, req.Path, err)
	}
	if body != nil {
		hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", c.userAgent)
	if c.token != "" {
		hr.Header.Set("Authorization", "Bearer "+c.token)
	}
	return hr, nil
}
