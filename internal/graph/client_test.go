package graph

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestNew_validation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{"no base url", Options{}, "BaseURL is required"},
		{"bad scheme", Options{BaseURL: "ftp://graph.facebook.com"}, "want https://host"},
		{"no host", Options{BaseURL: "https://"}, "want https://host"},
		{"query", Options{BaseURL: "https://graph.facebook.com?x=1"}, "no query"},
		{"plain http remote", Options{BaseURL: "http://graph.facebook.com"}, "only allowed for loopback"},
		{"bad version", Options{BaseURL: FacebookBaseURL, APIVersion: "25.0"}, "invalid API version"},
		{"bad version 2", Options{BaseURL: FacebookBaseURL, APIVersion: "v25"}, "invalid API version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("New(%+v) error = %v, want containing %q", tc.opts, err, tc.wantErr)
			}
		})
	}
}

func TestNew_defaults(t *testing.T) {
	for _, base := range []string{FacebookBaseURL, InstagramBaseURL + "/", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"} {
		c, err := New(Options{BaseURL: base})
		if err != nil {
			t.Fatalf("New(%q): %v", base, err)
		}
		if strings.HasSuffix(c.BaseURL(), "/") {
			t.Errorf("BaseURL() = %q keeps a trailing slash", c.BaseURL())
		}
		if c.APIVersion() != "v26.0" || c.maxRetries != 4 || c.maxRLWait != DefaultMaxRateLimitWait ||
			c.waitMin != DefaultRetryWaitMin || c.waitMax != DefaultRetryWaitMax || c.httpClient.Timeout != DefaultRequestTimeout {
			t.Errorf("defaults not applied: %+v", c)
		}
		if c.Limiter() == nil || c.Users == nil || c.Pages == nil || c.Media == nil {
			t.Error("services or limiter missing")
		}
	}
	c, _ := New(Options{BaseURL: FacebookBaseURL, MaxRetries: -1, APIVersion: "v24.0"})
	if c.maxRetries != 0 || c.APIVersion() != "v24.0" {
		t.Errorf("MaxRetries -1 → %d, version %s", c.maxRetries, c.APIVersion())
	}
}

func TestDo_requestShape(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/123/edge", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "a,b", "x": "1"})
		if ua := r.Header.Get("User-Agent"); ua != DefaultUserAgent {
			t.Errorf("User-Agent = %q", ua)
		}
		w.Header().Set("x-fb-trace-id", "TRACE")
		w.Header().Set("facebook-api-version", "v26.0")
		writeJSON(w, 200, `{"ok":true}`)
	})
	var out struct{ OK bool }
	// A caller-supplied access_token must never reach the wire.
	resp, err := client.Do(context.Background(), &Request{
		Method: "GET", Path: "/123/edge",
		Params: url.Values{"fields": {"a,b"}, "x": {"1"}, "access_token": {testToken}},
	}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if !out.OK || resp.StatusCode != 200 || resp.FBTraceID != "TRACE" || resp.APIVersion != "v26.0" {
		t.Errorf("out=%+v resp=%+v", out, resp)
	}
}

func TestDo_noAppSecretNoProof(t *testing.T) {
	queries := make(chan url.Values, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries <- r.URL.Query()
		writeJSON(w, 200, `{"id":"1"}`)
	}))
	defer srv.Close()
	c, err := New(Options{BaseURL: srv.URL, AccessToken: testToken})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Users.Me(context.Background(), []string{"id"}); err != nil {
		t.Fatal(err)
	}
	if q := <-queries; q.Has("appsecret_proof") || q.Get("fields") != "id" {
		t.Errorf("query = %v, want fields=id and no appsecret_proof", q)
	}
}

func TestDo_rejectsBadRequests(t *testing.T) {
	client, _ := setup(t)
	for _, r := range []*Request{
		nil,
		{Method: "PUT", Path: "/1"},
		{Method: "GET", Path: "1"},
		{Method: "GET", Path: "/1?access_token=x"},
	} {
		if _, err := client.Do(context.Background(), r, nil); err == nil {
			t.Errorf("Do(%+v) = nil error", r)
		}
	}
	if _, _, err := client.Media.Get(context.Background(), "", nil); err == nil {
		t.Error("empty id accepted")
	}
}

func TestDo_idEscaped(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawPath != "/v26.0/1%2F..%2Fme" && r.URL.EscapedPath() != "/v26.0/1%2F..%2Fme" {
			t.Errorf("escaped path = %q", r.URL.EscapedPath())
		}
		writeJSON(w, 200, `{"id":"1"}`)
	})
	if _, _, err := client.Media.Get(context.Background(), "1/../me", []string{"id"}); err != nil {
		t.Fatal(err)
	}
}

func TestDo_decodeError(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `not json`)
	})
	var out struct{}
	_, err := client.Do(context.Background(), &Request{Method: "GET", Path: "/1"}, &out)
	var ge *Error
	if err == nil || errors.As(err, &ge) || !strings.Contains(err.Error(), "decoding response") {
		t.Errorf("err = %v", err)
	}
}

func TestDo_logsEachAttempt(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", sequence(
		respond(400, graphError(17, 0, "(#17) User request limit reached"), "x-app-usage", `{"call_count":100,"total_time":40,"total_cputime":30}`),
		respond(200, `{"id":"1"}`, "x-fb-trace-id", "OKTRACE", "x-app-usage", `{"call_count":85,"total_time":40,"total_cputime":30}`),
	))
	if _, _, err := e.client.Users.Get(context.Background(), "1", []string{"id"}); err != nil {
		t.Fatal(err)
	}
	var debug, warn []logEntry
	for _, l := range e.logs.all() {
		switch l.level {
		case "DEBUG":
			debug = append(debug, l)
		case "WARN":
			warn = append(warn, l)
		}
	}
	if len(debug) != 2 || len(warn) != 1 {
		t.Fatalf("logs = %v", e.logs.all())
	}
	first, second := debug[0].fields, debug[1].fields
	if first["method"] != "GET" || first["path"] != "/1" || first["status"] != 400 || first["attempt"] != 1 ||
		first["error_code"] != 17 || first["fbtrace_id"] != "TRACE17" || first["usage_max_percent"] != 100 {
		t.Errorf("first attempt fields = %v", first)
	}
	if second["status"] != 200 || second["attempt"] != 2 || second["fbtrace_id"] != "OKTRACE" || second["usage_max_percent"] != 85 {
		t.Errorf("second attempt fields = %v", second)
	}
	if w := warn[0].fields; warn[0].msg != "graph: retrying" || w["budget"] != "user" || w["reason"] != "throttled" {
		t.Errorf("warn = %v", warn[0])
	}
}

// countingTransport records CloseIdleConnections calls.
type countingTransport struct {
	http.RoundTripper
	closes atomic.Int32
}

func (c *countingTransport) CloseIdleConnections() { c.closes.Add(1) }

// A call that ends in an error must not close the idle connections that
// every other request of the process shares.
func TestClient_errorsKeepSharedConnections(t *testing.T) {
	// A throttle longer than the allowed wait: the retry policy ends the
	// call with a *RateLimitError, the path on which go-retryablehttp closes
	// idle connections.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Business-Use-Case-Usage", `{"1":[{"type":"instagram","call_count":100,"estimated_time_to_regain_access":10}]}`)
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"(#80002) too many calls","type":"OAuthException","code":80002}}`))
	}))
	t.Cleanup(srv.Close)
	tr := &countingTransport{RoundTripper: http.DefaultTransport}
	c, err := New(Options{BaseURL: srv.URL, AccessToken: "EAAtest", HTTPClient: &http.Client{Transport: tr}})
	if err != nil {
		t.Fatal(err)
	}
	var rl *RateLimitError
	if _, _, err := c.Users.Get(context.Background(), "1", nil); !errors.As(err, &rl) {
		t.Fatalf("err = %v, want *RateLimitError", err)
	}
	if n := tr.closes.Load(); n != 0 {
		t.Fatalf("CloseIdleConnections called %d times after an error", n)
	}
}
