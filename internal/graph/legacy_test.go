package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

// No request the client sends may use a feature apps created since
// 2026-11-04 may not (legacy.go): Do refuses them before anything is sent,
// so no service can send one, whatever its parameters.
func TestDo_neverSendsLegacyFeatures(t *testing.T) {
	var sent atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		sent.Add(1)
		writeJSON(w, 200, `{}`)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Options{BaseURL: srv.URL, AccessToken: testToken, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, method, path string
		params             url.Values
		feature            string
	}{
		{"multi-ID read", "GET", "/", url.Values{"ids": {"1,2"}, "fields": {"id"}}, "multi-ID request"},
		{"ids on a node", "GET", "/17841400000000001", url.Values{"ids": {"1,2"}}, "multi-ID request"},
		{"the root without ids", "GET", "/", nil, "multi-ID request"},
		{"field alias", "GET", "/17841400000000001", url.Values{"fields": {"id,username.as(handle)"}}, "field alias"},
		{"nested field alias", "GET", "/1", url.Values{"fields": {"comments{text.as(t)}"}}, "field alias"},
		{"method override", "GET", "/17895695668004550", url.Values{"method": {"delete"}}, "HTTP method override"},
		{"method override in a form", "POST", "/17895695668004550", url.Values{"method": {"DELETE"}}, "HTTP method override"},
		{"date format", "GET", "/1/insights", url.Values{"date_format": {"U"}}, "date/time formatting"},
		{"JSONP", "GET", "/1", url.Values{"callback": {"cb"}}, "JSONP callback"},
		{"batch", "POST", "/", url.Values{"batch": {`[{"method":"GET","relative_url":"me"}]`}}, "batch request"},
		{"async batch", "POST", "/act_1/async_batch_requests", url.Values{"adbatch": {"[]"}}, "asynchronous batch request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Do(context.Background(), &Request{Method: tc.method, Path: tc.path, Params: tc.params}, nil)
			if err == nil || !strings.Contains(err.Error(), tc.feature) || !strings.Contains(err.Error(), "2026-11-04") {
				t.Fatalf("error = %v, want one naming the %s", err, tc.feature)
			}
		})
	}
	if n := sent.Load(); n != 0 {
		t.Fatalf("%d legacy requests reached the server", n)
	}
	// What the services send stays allowed: nested edges, modifiers.
	if _, err := c.Do(context.Background(), &Request{Method: "GET", Path: "/1", Params: url.Values{
		"fields": {"id,comments.limit(50){id,text,replies{id}},children{media_url}"}}}, nil); err != nil || sent.Load() != 1 {
		t.Fatalf("a nested read: %v (%d sent)", err, sent.Load())
	}
}
