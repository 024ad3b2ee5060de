package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testToken     = "EAAtestTOKEN0123456789"
	testAppSecret = "app-secret-shh"
	testIGUser    = "17841400000000001"
)

// testProof is computed independently of appSecretProof.
func testProof() string {
	m := hmac.New(sha256.New, []byte(testAppSecret))
	m.Write([]byte(testToken))
	return hex.EncodeToString(m.Sum(nil))
}

// fakeClock replaces the client's and limiter's time: sleeping advances it.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	return nil
}

func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

type logEntry struct {
	level, msg string
	fields     map[string]any
}

func (e logEntry) String() string { return fmt.Sprintf("%s %s %v", e.level, e.msg, e.fields) }

// captureLogger records every line for assertions.
type captureLogger struct {
	mu      sync.Mutex
	entries []logEntry
}

func (l *captureLogger) Debug(_ context.Context, msg string, f map[string]any) {
	l.add("DEBUG", msg, f)
}

func (l *captureLogger) Warn(_ context.Context, msg string, f map[string]any) {
	l.add("WARN", msg, f)
}

func (l *captureLogger) add(level, msg string, f map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, logEntry{level, msg, f})
}

func (l *captureLogger) all() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logEntry(nil), l.entries...)
}

func (l *captureLogger) count(level, msg string) int {
	n := 0
	for _, e := range l.all() {
		if e.level == level && e.msg == msg {
			n++
		}
	}
	return n
}

// env is one test's client, fake API and observers.
type env struct {
	client *Client
	mux    *http.ServeMux
	server *httptest.Server
	clock  *fakeClock
	logs   *captureLogger

	mu   sync.Mutex
	hits map[string]int // "METHOD /path" → count
}

func (e *env) hitCount(method, path string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.hits[method+" "+path]
}

// setup is the go-github style harness: a client pointed at a fresh server.
func setup(t *testing.T) (*Client, *http.ServeMux) {
	e := setupEnv(t)
	return e.client, e.mux
}

// setupEnv also checks, for every request, the wire rules that must always
// hold (bearer header, appsecret_proof, no token in URL or body), and at the
// end of the test that no log line leaks a secret.
func setupEnv(t *testing.T, opts ...func(*Options)) *env {
	t.Helper()
	e := &env{mux: http.NewServeMux(), clock: newFakeClock(), logs: &captureLogger{}, hits: map[string]int{}}
	e.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.hits[r.Method+" "+r.URL.Path]++
		e.mu.Unlock()
		checkWire(t, r)
		e.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(e.server.Close)

	o := Options{
		BaseURL:     e.server.URL,
		AccessToken: testToken,
		AppID:       "188559381496048",
		AppSecret:   testAppSecret,
		Logger:      e.logs,
		Limiter:     NewLimiter(),
	}
	for _, f := range opts {
		f(&o)
	}
	c, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	useClock(c, e.clock)
	e.client = c
	t.Cleanup(func() { assertNoSecretsLogged(t, e.logs) })
	return e
}

func useClock(c *Client, f *fakeClock) {
	c.now, c.sleep = f.now, f.sleep
	c.limiter.now, c.limiter.sleep = f.now, f.sleep
}

func checkWire(t *testing.T, r *http.Request) {
	t.Helper()
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	if got, want := r.Header.Get("Authorization"), "Bearer "+testToken; got != want {
		t.Errorf("%s %s: Authorization = %q, want %q", r.Method, r.URL.Path, got, want)
	}
	if strings.Contains(r.URL.String(), testToken) || strings.Contains(string(body), testToken) {
		t.Errorf("%s %s: token in URL or body", r.Method, r.URL.Path)
	}
	if !strings.HasPrefix(r.URL.Path, "/v26.0/") {
		t.Errorf("path %q lacks the /v26.0/ prefix", r.URL.Path)
	}
	var params url.Values
	if r.Method == http.MethodPost {
		if r.URL.RawQuery != "" {
			t.Errorf("POST %s: query %q, want parameters in the form body", r.URL.Path, r.URL.RawQuery)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			t.Errorf("POST %s: Content-Type = %q", r.URL.Path, ct)
		}
		params, _ = url.ParseQuery(string(body))
	} else {
		params = r.URL.Query()
	}
	if params.Has("access_token") {
		t.Errorf("%s %s: access_token parameter sent", r.Method, r.URL.Path)
	}
	if got := params.Get("appsecret_proof"); got != testProof() {
		t.Errorf("%s %s: appsecret_proof = %q, want %q", r.Method, r.URL.Path, got, testProof())
	}
}

func assertNoSecretsLogged(t *testing.T, l *captureLogger) {
	t.Helper()
	for _, e := range l.all() {
		line := e.String()
		for _, secret := range []string{testToken, testAppSecret, testProof()} {
			if strings.Contains(line, secret) {
				t.Errorf("log line leaks a secret: %s", line)
			}
		}
		if p, ok := e.fields["path"].(string); ok && strings.Contains(p, "?") {
			t.Errorf("log line has a query string in path: %s", line)
		}
	}
}

// testMethod, testForm etc. assert the request the way go-github's tests do.
func testMethod(t *testing.T, r *http.Request, want string) {
	t.Helper()
	if r.Method != want {
		t.Errorf("method = %s, want %s", r.Method, want)
	}
}

// testParams compares the parameters (query or form) except appsecret_proof.
func testParams(t *testing.T, r *http.Request, want map[string]string) {
	t.Helper()
	var got url.Values
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			t.Fatalf("ParseForm: %v", err)
		}
		got = r.PostForm
	} else {
		got = r.URL.Query()
	}
	got.Del("appsecret_proof")
	if len(got) != len(want) {
		t.Errorf("params = %v, want %v", got, want)
	}
	for k, v := range want {
		if got.Get(k) != v {
			t.Errorf("param %s = %q, want %q", k, got.Get(k), v)
		}
	}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func graphError(code, subcode int, msg string) string {
	return fmt.Sprintf(`{"error":{"message":%q,"type":"OAuthException","code":%d,"error_subcode":%d,"fbtrace_id":"TRACE%d"}}`, msg, code, subcode, code)
}

// returned reports a value Meta returned (not left out) that equals want.
func returned[T comparable](p *T, want T) bool { return p != nil && *p == want }
