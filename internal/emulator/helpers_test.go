package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

type harness struct {
	t   *testing.T
	emu *Server
	srv *httptest.Server
}

func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	emu := New(opts)
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	return &harness{t: t, emu: emu, srv: srv}
}

type resp struct {
	status int
	body   map[string]any
	hdr    http.Header
	raw    string
}

// call sends params in the query for GET and as a form body otherwise; the
// token goes in the Authorization header.
func (h *harness) call(method, path, token string, params url.Values) resp {
	h.t.Helper()
	u := h.srv.URL + path
	var body io.Reader
	if method == http.MethodGet && len(params) > 0 {
		u += "?" + params.Encode()
	} else if len(params) > 0 {
		body = strings.NewReader(params.Encode())
	}
	req, err := http.NewRequestWithContext(h.t.Context(), method, u, body)
	if err != nil {
		h.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return h.send(req)
}

func (h *harness) send(req *http.Request) resp {
	h.t.Helper()
	res, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	r := resp{status: res.StatusCode, hdr: res.Header, raw: string(b)}
	if err := json.Unmarshal(b, &r.body); err != nil {
		h.t.Fatalf("%s %s: body is not a JSON object: %q", req.Method, req.URL.Path, b)
	}
	return r
}

func (h *harness) get(path, token string, kv ...string) resp {
	h.t.Helper()
	return h.call(http.MethodGet, path, token, vals(kv...))
}

func (h *harness) post(path, token string, kv ...string) resp {
	h.t.Helper()
	return h.call(http.MethodPost, path, token, vals(kv...))
}

func vals(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// mustOK fails unless the response is 200 and returns the body.
func (r resp) mustOK(t *testing.T) map[string]any {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status %d, body %s", r.status, r.raw)
	}
	return r.body
}

// wantError checks the Graph error envelope.
func (r resp) wantError(t *testing.T, status, code, subcode int) map[string]any {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.raw)
	}
	e, ok := r.body["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %s", r.raw)
	}
	if got, _ := e["code"].(float64); int(got) != code {
		t.Fatalf("code = %v, want %d; body %s", got, code, r.raw)
	}
	gotSub := 0
	if v, ok := e["error_subcode"].(float64); ok {
		gotSub = int(v)
	}
	if gotSub != subcode {
		t.Fatalf("error_subcode = %d, want %d; body %s", gotSub, subcode, r.raw)
	}
	if e["fbtrace_id"] == "" || e["fbtrace_id"] != r.hdr.Get("x-fb-trace-id") {
		t.Fatalf("fbtrace_id %v does not match header %q", e["fbtrace_id"], r.hdr.Get("x-fb-trace-id"))
	}
	if _, ok := e["is_transient"].(bool); !ok {
		t.Fatalf("is_transient missing in %s", r.raw)
	}
	return e
}

func str(v any) string { s, _ := v.(string); return s }

func num(v any) float64 { f, _ := v.(float64); return f }

const (
	fbl = DefaultFacebookToken
	igl = DefaultInstagramToken
)

// createImage creates an image container and returns its id.
func (h *harness) createImage(token, imageURL string, kv ...string) string {
	h.t.Helper()
	b := h.post("/v25.0/"+DefaultAccountID+"/media", token, append([]string{"image_url", imageURL}, kv...)...).mustOK(h.t)
	return str(b["id"])
}

// publishImage creates and publishes an image and returns the media id.
func (h *harness) publishImage(caption string) string {
	h.t.Helper()
	cid := h.createImage(fbl, "https://example.com/a.jpg", "caption", caption)
	b := h.post("/v25.0/"+DefaultAccountID+"/media_publish", fbl, "creation_id", cid).mustOK(h.t)
	return str(b["id"])
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// getURL follows an absolute URL (e.g. paging.next) with the token in the header.
func (h *harness) getURL(u string) resp {
	h.t.Helper()
	req, err := http.NewRequestWithContext(h.t.Context(), http.MethodGet, u, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	if q := req.URL.Query(); q.Has("access_token") || q.Has("appsecret_proof") {
		h.t.Fatalf("URL carries a token: %s", u)
	}
	req.Header.Set("Authorization", "Bearer "+fbl)
	return h.send(req)
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
