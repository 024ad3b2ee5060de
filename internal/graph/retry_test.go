package graph

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sequence answers the i-th request with the i-th handler (the last repeats).
func sequence(hs ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		hs[min(i, len(hs)-1)](w, r)
	}
}

func respond(status int, body string, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		writeJSON(w, status, body)
	}
}

const bucHeader = "X-Business-Use-Case-Usage"

func bucUsage(minutes int) string {
	return `{"` + testIGUser + `":[{"type":"instagram","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":` +
		strconv.Itoa(minutes) + `}]}`
}

func TestRetry_GETon500ThenSuccess(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", sequence(
		respond(500, `{"error":{"message":"An unknown error occurred","type":"OAuthException","code":1,"is_transient":true}}`),
		respond(200, `{"id":"1","username":"a"}`),
	))
	u, resp, err := e.client.Users.Get(context.Background(), "1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Username != "a" || resp.StatusCode != 200 || e.hitCount("GET", "/v26.0/1") != 2 {
		t.Errorf("u=%+v hits=%d", u, e.hitCount("GET", "/v26.0/1"))
	}
	s := e.clock.sleeps()
	if len(s) != 1 || s[0] < DefaultRetryWaitMin || s[0] > DefaultRetryWaitMax {
		t.Errorf("sleeps = %v, want one backoff within [min,max]", s)
	}
	if e.logs.count("WARN", "graph: retrying") != 1 || e.logs.count("DEBUG", "graph: response") != 2 {
		t.Errorf("logs = %v", e.logs.all())
	}
}

func TestRetry_GETonCode2ThenSuccess(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", sequence(
		respond(400, graphError(2, 0, "Service temporarily unavailable")),
		respond(200, `{"id":"1"}`),
	))
	if _, _, err := e.client.Users.Get(context.Background(), "1", nil); err != nil {
		t.Fatal(err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 2 {
		t.Errorf("hits = %d, want 2", n)
	}
}

func TestRetry_neverRetried(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		is     func(error) bool
	}{
		{"100/33 not found", 400, graphError(100, 33, "Unsupported get request."), IsNotFound},
		{"190 token expired", 400, graphError(190, 463, "Error validating access token: Session has expired"), IsAuth},
		{"102 session", 400, graphError(102, 0, "API Session"), IsAuth},
		{"10 permission", 403, graphError(10, 0, "(#10) Not enough viewers"), IsPermission},
		{"200 permission even if transient", 403, `{"error":{"message":"x","code":200,"is_transient":true}}`, IsPermission},
		{"other 4xx", 400, graphError(36000, 2207004, "The image size is too large."), func(err error) bool { return !IsTransient(err) }},
		{"501", 501, `not implemented`, func(err error) bool { return true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setupEnv(t)
			e.mux.HandleFunc("/v26.0/1", respond(tc.status, tc.body))
			_, resp, err := e.client.Users.Get(context.Background(), "1", nil)
			var ge *Error
			if !errors.As(err, &ge) || ge.HTTPStatus != tc.status || !tc.is(err) {
				t.Fatalf("err = %v", err)
			}
			if resp == nil || resp.StatusCode != tc.status {
				t.Errorf("resp = %+v", resp)
			}
			if n := e.hitCount("GET", "/v26.0/1"); n != 1 {
				t.Errorf("hits = %d, want 1", n)
			}
			if len(e.clock.sleeps()) != 0 {
				t.Errorf("slept %v", e.clock.sleeps())
			}
		})
	}
}

func TestRetry_GETgivesUpAfterMaxRetries(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.MaxRetries = 2 })
	e.mux.HandleFunc("/v26.0/1", respond(503, `<html>busy</html>`, "x-fb-trace-id", "HDR"))
	_, _, err := e.client.Users.Get(context.Background(), "1", nil)
	var ge *Error
	if !errors.As(err, &ge) || ge.HTTPStatus != 503 || ge.FBTraceID != "HDR" || !strings.Contains(ge.Message, "busy") {
		t.Fatalf("err = %v", err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 3 {
		t.Errorf("hits = %d, want 3", n)
	}
	// Exponential: the second wait's range starts where the first one's ends.
	if s := e.clock.sleeps(); len(s) != 2 || s[0] > 1*time.Second || s[1] < 1*time.Second || s[1] > 2*time.Second {
		t.Errorf("sleeps = %v", s)
	}
}

func TestRetry_idempotentPOSTretried(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", sequence(
		respond(502, `bad gateway`),
		respond(200, `{"success":true}`),
	))
	if _, err := e.client.Media.SetCommentEnabled(context.Background(), "1", false); err != nil {
		t.Fatal(err)
	}
	if n := e.hitCount("POST", "/v26.0/1"); n != 2 {
		t.Errorf("hits = %d, want 2", n)
	}
}

func TestRetry_publishNotResentAfter500(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", respond(500,
		`{"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":2,"is_transient":true,"fbtrace_id":"T500"}}`))
	id, _, err := e.client.Media.Publish(context.Background(), testIGUser, "17889455560051444")
	var amb *AmbiguousError
	if !errors.As(err, &amb) || id != "" {
		t.Fatalf("id=%q err = %v, want *AmbiguousError", id, err)
	}
	var ge *Error
	if amb.Method != "POST" || amb.Path != "/"+testIGUser+"/media_publish" || !errors.As(err, &ge) || ge.FBTraceID != "T500" {
		t.Errorf("amb = %+v", amb)
	}
	if IsTransient(err) {
		t.Error("an ambiguous write must not look transient")
	}
	if n := e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish"); n != 1 {
		t.Errorf("hits = %d, want exactly 1", n)
	}
}

func TestRetry_publishNotResentAfterConnectionDrop(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", func(w http.ResponseWriter, r *http.Request) {
		// The request was received (and perhaps acted upon); the answer is lost.
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("cannot hijack")
			return
		}
		conn, _, err := hj.Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Close()
	})
	_, _, err := e.client.Media.Publish(context.Background(), testIGUser, "17889455560051444")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("err = %v, want *AmbiguousError", err)
	}
	if strings.Contains(err.Error(), "appsecret_proof") || strings.Contains(err.Error(), "http://") {
		t.Errorf("error leaks the URL: %v", err)
	}
	if n := e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish"); n != 1 {
		t.Errorf("hits = %d, want exactly 1", n)
	}
}

// A container create whose answer is lost is resent: an orphan container is
// never published and expires, so resending cannot make a second post.
func TestRetry_containerCreateTimeoutIsRetried(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.RequestTimeout = 50 * time.Millisecond })
	var calls atomic.Int32
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done() // the first answer never comes; released when the client gives up
			return
		}
		_, _ = w.Write([]byte(`{"id":"17880000000000002"}`))
	})
	id, _, err := e.client.Media.CreateContainer(context.Background(), testIGUser, ContainerParams{Params: map[string]string{"image_url": "https://x/y.jpg"}})
	if err != nil || id != "17880000000000002" {
		t.Fatalf("id = %q, err = %v: want the retried container", id, err)
	}
	if n := e.hitCount("POST", "/v26.0/"+testIGUser+"/media"); n != 2 {
		t.Errorf("hits = %d, want 2", n)
	}
}

func TestRetry_POSTretriedWhenNothingWasSent(t *testing.T) {
	var lc net.ListenConfig
	l, err := lc.Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // connection refused from now on
	logs := &captureLogger{}
	c, err := New(Options{BaseURL: "http://" + addr, AccessToken: testToken, AppSecret: testAppSecret, MaxRetries: 2, Logger: logs})
	if err != nil {
		t.Fatal(err)
	}
	useClock(c, newFakeClock())
	_, _, err = c.Media.Publish(context.Background(), testIGUser, "1")
	var amb *AmbiguousError
	var op *net.OpError
	if err == nil || errors.As(err, &amb) || !errors.As(err, &op) {
		t.Fatalf("err = %v, want a plain connection error", err)
	}
	if n := logs.count("DEBUG", "graph: attempt failed"); n != 3 {
		t.Errorf("attempts = %d, want 3 (refused connections are provably unsent)", n)
	}
	if strings.Contains(err.Error(), testProof()) {
		t.Errorf("error leaks appsecret_proof: %v", err)
	}
	assertNoSecretsLogged(t, logs)
}

func TestRetry_POSTretriedAfterThrottle(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media", sequence(
		respond(400, graphError(80002, 0, "(#80002) There have been too many calls to this Instagram account."), bucHeader, bucUsage(2)),
		respond(200, `{"id":"17889455560051444"}`),
	))
	id, _, err := e.client.Media.CreateContainer(context.Background(), testIGUser, ContainerParams{Params: map[string]string{"image_url": "https://x/y.jpg"}})
	if err != nil || id != "17889455560051444" {
		t.Fatalf("id=%q err=%v", id, err)
	}
	if n := e.hitCount("POST", "/v26.0/"+testIGUser+"/media"); n != 2 {
		t.Errorf("hits = %d, want 2", n)
	}
	if s := e.clock.sleeps(); len(s) == 0 || s[0] < 2*time.Minute {
		t.Errorf("sleeps = %v, want ≥ 2m first (estimated_time_to_regain_access is in minutes)", s)
	}
	if e.logs.count("WARN", "graph: retrying") != 1 {
		t.Errorf("logs = %v", e.logs.all())
	}
}

func TestRetry_throttleLongerThanMaxWait(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", respond(400,
		graphError(80002, 0, "(#80002) There have been too many calls to this Instagram account."), bucHeader, bucUsage(10)))
	_, _, err := e.client.Media.Publish(context.Background(), testIGUser, "1")
	var rl *RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err = %v, want *RateLimitError", err)
	}
	if rl.Budget != "instagram business use case" || rl.Wait != 10*time.Minute || rl.Err == nil || rl.Err.Code != 80002 {
		t.Errorf("rl = %+v", rl)
	}
	if !IsRateLimited(err) || !strings.Contains(err.Error(), "instagram business use case") {
		t.Errorf("err = %v", err)
	}
	if len(e.clock.sleeps()) != 0 || e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish") != 1 {
		t.Errorf("sleeps=%v hits=%d", e.clock.sleeps(), e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish"))
	}

	// The shared limiter now refuses to send anything until access returns.
	e.mux.HandleFunc("/v26.0/1", respond(200, `{"id":"1"}`))
	_, _, err = e.client.Users.Get(context.Background(), "1", nil)
	if !errors.As(err, &rl) || rl.Wait != 10*time.Minute || e.hitCount("GET", "/v26.0/1") != 0 {
		t.Fatalf("err = %v, hits = %d: want a refusal without a request", err, e.hitCount("GET", "/v26.0/1"))
	}
	// Once the time has passed, calls go through again.
	if err := e.clock.sleep(context.Background(), 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.client.Users.Get(context.Background(), "1", nil); err != nil {
		t.Fatal(err)
	}
}

func TestRetry_throttleWithoutHeaderBacksOff(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.MaxRetries = 1 })
	e.mux.HandleFunc("/v26.0/1", respond(400, `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"FlQgl+5U8pF"}}`))
	_, _, err := e.client.Users.Get(context.Background(), "1", nil)
	var ge *Error
	if !IsRateLimited(err) || !errors.As(err, &ge) || ge.FBTraceID != "FlQgl+5U8pF" {
		t.Fatalf("err = %v", err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 2 {
		t.Errorf("hits = %d, want 2", n)
	}
}

func TestRetry_spamRestrictionOnPublishIsAmbiguous(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", respond(400, graphError(4, 2207051, "Application request limit reached")))
	_, _, err := e.client.Media.Publish(context.Background(), testIGUser, "1")
	var amb *AmbiguousError
	if !errors.As(err, &amb) || IsRateLimited(err) || e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish") != 1 {
		t.Fatalf("err = %v", err)
	}
}

func TestRetry_nonIdempotent4xxNotRetried(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", respond(400,
		`{"error":{"message":"Media ID is not available","type":"OAuthException","code":9007,"error_subcode":2207027,"is_transient":true,"fbtrace_id":"AbC123"}}`))
	_, _, err := e.client.Media.Publish(context.Background(), testIGUser, "1")
	var ge *Error
	var amb *AmbiguousError
	if !errors.As(err, &ge) || errors.As(err, &amb) || ge.Code != 9007 || ge.Subcode != 2207027 {
		t.Fatalf("err = %v", err)
	}
	if n := e.hitCount("POST", "/v26.0/"+testIGUser+"/media_publish"); n != 1 {
		t.Errorf("hits = %d", n)
	}
}

func TestRetry_honoursRetryAfter(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", sequence(
		respond(503, `busy`, "Retry-After", "7"),
		respond(200, `{"id":"1"}`),
	))
	if _, _, err := e.client.Users.Get(context.Background(), "1", nil); err != nil {
		t.Fatal(err)
	}
	if s := e.clock.sleeps(); len(s) != 1 || s[0] != 7*time.Second {
		t.Errorf("sleeps = %v, want [7s]", s)
	}
}

func TestRetry_retryAfterLongerThanMaxWait(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.MaxRateLimitWait = time.Minute })
	e.mux.HandleFunc("/v26.0/1", respond(429, `slow down`, "Retry-After", "3600"))
	_, _, err := e.client.Users.Get(context.Background(), "1", nil)
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.Wait != time.Hour || rl.Err == nil || rl.Err.HTTPStatus != 429 {
		t.Fatalf("err = %v", err)
	}
	if len(e.clock.sleeps()) != 0 {
		t.Errorf("slept %v", e.clock.sleeps())
	}
}

func TestRetry_contextCanceledDuringBackoff(t *testing.T) {
	e := setupEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	e.mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		cancel() // the caller gives up while we would back off
		writeJSON(w, 500, `oops`)
	})
	_, _, err := e.client.Users.Get(ctx, "1", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 1 {
		t.Errorf("hits = %d", n)
	}
}

func TestBackoffWait_bounds(t *testing.T) {
	c := &Client{waitMin: time.Second, waitMax: 30 * time.Second}
	for n := range 40 {
		d := c.backoffWait(n)
		hi := min(time.Second<<min(n, 20), 30*time.Second)
		if d < time.Second || d > hi || d < hi/2 {
			t.Errorf("backoffWait(%d) = %v, want in [max(min,%v), %v]", n, d, hi/2, hi)
		}
	}
}

func TestRetryAfter_parse(t *testing.T) {
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"5":                             5 * time.Second,
		"-1":                            0,
		"soon":                          0,
		"Fri, 01 May 2026 10:01:00 GMT": time.Minute,
		"Fri, 01 May 2026 09:00:00 GMT": 0,
	} {
		h := http.Header{}
		if v != "" {
			h.Set("Retry-After", v)
		}
		if got := retryAfter(h, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestRetry_throttlesDoNotUseUpRetries(t *testing.T) {
	// Five throttles in a row, each announcing a short wait, then success:
	// more than MaxRetries attempts, all within MaxRateLimitWait.
	e := setupEnv(t, func(o *Options) { o.MaxRetries = 2 })
	throttled := respond(400, graphError(80002, 0, "(#80002) There have been too many calls to this Instagram account."), bucHeader, bucUsage(1))
	e.mux.HandleFunc("/v26.0/1", sequence(throttled, throttled, throttled, throttled, throttled, respond(200, `{"id":"1"}`)))
	if _, _, err := e.client.Users.Get(context.Background(), "1", nil); err != nil {
		t.Fatal(err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 6 {
		t.Errorf("hits = %d, want 6", n)
	}
}

func TestRetry_throttleWaitsCappedInTotal(t *testing.T) {
	// Each wait (2m) is under the 5m cap, but the third would pass it.
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/1", respond(400, graphError(80002, 0, "(#80002) too many calls"), bucHeader, bucUsage(2)))
	_, _, err := e.client.Users.Get(context.Background(), "1", nil)
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.Budget != "instagram business use case" || rl.Wait != 6*time.Minute {
		t.Fatalf("err = %v", err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 3 {
		t.Errorf("hits = %d, want 3", n)
	}
}

func TestRetry_noRetriesMeansNone(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.MaxRetries = -1 })
	e.mux.HandleFunc("/v26.0/1", respond(400, graphError(80002, 0, "(#80002) too many calls"), bucHeader, bucUsage(1)))
	if _, _, err := e.client.Users.Get(context.Background(), "1", nil); !IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	if n := e.hitCount("GET", "/v26.0/1"); n != 1 {
		t.Errorf("hits = %d, want 1", n)
	}
}

func TestRetry_negativeMaxWaitNeverWaits(t *testing.T) {
	e := setupEnv(t, func(o *Options) { o.MaxRateLimitWait = -1 })
	e.mux.HandleFunc("/v26.0/1", respond(400, graphError(80002, 0, "(#80002) too many calls"), bucHeader, bucUsage(1)))
	_, _, err := e.client.Users.Get(context.Background(), "1", nil)
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.Wait != time.Minute {
		t.Fatalf("err = %v, want a *RateLimitError for the 1m regain time", err)
	}
	if len(e.clock.sleeps()) != 0 || e.hitCount("GET", "/v26.0/1") != 1 {
		t.Errorf("sleeps=%v hits=%d: a negative MaxRateLimitWait must not wait", e.clock.sleeps(), e.hitCount("GET", "/v26.0/1"))
	}
}
