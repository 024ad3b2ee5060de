package emulator

import (
	"cmp"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestFaultErrorTimes(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.InjectFault(Fault{Method: "GET", Route: "GET /{ig-user-id}", Times: 2,
		Error: &ErrorBody{Message: "(#4) Application request limit reached", Code: 4, IsTransient: true}})
	for i := 0; i < 2; i++ {
		e := h.get(userPath, fbl).wantError(t, 400, 4, 0)
		if e["is_transient"] != true || e["type"] != "OAuthException" || e["message"] != "(#4) Application request limit reached" {
			t.Fatalf("fault envelope = %v", e)
		}
	}
	h.get(userPath, fbl).mustOK(t)
	h.get("/me", fbl).mustOK(t) // other routes unaffected
	if got := h.emu.CallCount("GET /{ig-user-id}"); got != 3 {
		t.Fatalf("faulted calls not counted: %d", got)
	}
	// A bare 5xx gets a transient generic error; faults apply even without a token.
	h.emu.InjectFault(Fault{Status: 503, Times: 1})
	h.get("/me", "").wantError(t, 503, 2, 0)
	// Unlimited until cleared.
	h.emu.InjectFault(Fault{Route: "GET /me", Status: 500})
	h.get("/me", fbl).wantError(t, 500, 2, 0)
	h.get("/me", fbl).wantError(t, 500, 2, 0)
	h.emu.ClearFaults()
	h.get("/me", fbl).mustOK(t)
}

func TestFaultDropAfterCommit(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.emu.InjectFault(Fault{Route: "POST /{ig-user-id}/media_publish", Times: 1, DropAfterCommit: true})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", h.srv.URL+userPath+"/media_publish", strings.NewReader(url.Values{"creation_id": {cid}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+fbl)
	res, err := h.srv.Client().Do(req)
	if err == nil {
		res.Body.Close()
		t.Fatalf("expected a connection error, got status %d", res.StatusCode)
	}
	// The publish committed: the media exists and the container says PUBLISHED.
	ids := h.emu.MediaIDs(DefaultAccountID)
	if len(ids) != 1 {
		t.Fatalf("media after dropped publish = %v", ids)
	}
	if code, _ := h.statusCode(cid, fbl); code != "PUBLISHED" {
		t.Fatalf("container = %s", code)
	}
	if h.emu.CallCount("POST /{ig-user-id}/media_publish") != 1 {
		t.Fatal("dropped call not counted")
	}
	// A retry does not publish twice.
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, 400, 100, 0)
	if len(h.emu.MediaIDs(DefaultAccountID)) != 1 {
		t.Fatal("published twice")
	}
}

func TestFaultLatencyDoesNotBlockOthers(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.InjectFault(Fault{Route: "GET /{ig-user-id}", Latency: 300 * time.Millisecond, Times: 1})
	var wg sync.WaitGroup
	wg.Add(1)
	slowDone := make(chan time.Time, 1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequestWithContext(t.Context(), "GET", h.srv.URL+userPath, nil)
		req.Header.Set("Authorization", "Bearer "+fbl)
		res, err := h.srv.Client().Do(req)
		if err == nil {
			res.Body.Close()
		}
		slowDone <- time.Now()
	}()
	time.Sleep(50 * time.Millisecond) // let the slow request take its fault
	h.get("/me", fbl).mustOK(t)
	fastDone := time.Now()
	wg.Wait()
	if !fastDone.Before(<-slowDone) {
		t.Fatal("a latency fault blocked other requests")
	}
}

func TestControlPlane(t *testing.T) {
	h := newHarness(t, Options{})
	ctl := func(method, path string, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), method, h.srv.URL+ControlPrefix+path, strings.NewReader(body))
		res, err := h.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m map[string]any
		if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		return res.StatusCode, m
	}
	if st, m := ctl("GET", "/health", ""); st != 200 || m["status"] != "ok" {
		t.Fatalf("health = %d %v", st, m)
	}
	mid := h.publishImage("x")
	if st, _ := ctl("POST", "/media/"+mid+"?comments_enabled=false&caption=oob", ""); st != 200 {
		t.Fatalf("media edit = %d", st)
	}
	if s, _ := h.emu.Media(mid); s.Caption != "oob" || s.CommentsEnabled {
		t.Fatalf("after control edit: %+v", s)
	}
	if st, m := ctl("POST", "/clock/advance?seconds=3600", ""); st != 200 || m["now"] != "2026-11-01T13:00:00Z" {
		t.Fatalf("clock = %d %v", st, m)
	}
	if st, _ := ctl("POST", "/faults", `{"route":"GET /me","times":1,"status":400,"error":{"message":"boom","code":1},"latency":"1ms"}`); st != 200 {
		t.Fatalf("fault = %d", st)
	}
	e := h.get("/me", fbl).wantError(t, 400, 1, 0)
	if e["message"] != "boom" {
		t.Fatalf("fault message = %v", e)
	}
	if st, _ := ctl("POST", "/faults", `{"latency":"soon"}`); st != 400 {
		t.Fatalf("bad latency accepted: %d", st)
	}
	ctl("POST", "/faults", `{"status":500}`)
	ctl("DELETE", "/faults", "")
	h.get("/me", fbl).mustOK(t)

	_, m := ctl("GET", "/state", "")
	if m["now"] != "2026-11-01T13:00:00Z" || len(asList(m["media"])) != 1 || len(asList(m["containers"])) != 1 {
		t.Fatalf("state = %v", m)
	}
	_, m = ctl("GET", "/calls", "")
	if m["total"] != float64(h.emu.TotalCalls()) || asMap(m["calls"])["GET /me"] != 2.0 {
		t.Fatalf("calls = %v", m)
	}
	if st, _ := ctl("DELETE", "/media/"+mid, ""); st != 200 || h.emu.MediaExists(mid) {
		t.Fatalf("control delete = %d", st)
	}
	if st, _ := ctl("DELETE", "/media/"+mid, ""); st != 404 {
		t.Fatalf("second delete = %d", st)
	}
	if st, _ := ctl("POST", "/accounts", `{"ID":"17841400000000005","Username":"added","InstagramToken":"IGAAAdded"}`); st != 200 {
		t.Fatalf("add account = %d", st)
	}
	h.get("/me", "IGAAAdded").mustOK(t)
	calls := h.emu.TotalCalls()
	if st, _ := ctl("POST", "/reset", ""); st != 200 || h.emu.TotalCalls() != 0 || h.emu.Now() != defaultStart {
		t.Fatalf("reset: calls %d, now %v", h.emu.TotalCalls(), h.emu.Now())
	}
	if calls == 0 {
		t.Fatal("no calls before reset")
	}
	if st, _ := ctl("GET", "/nope", ""); st != 404 {
		t.Fatalf("unknown control = %d", st)
	}
}

func TestConcurrentPublishing(t *testing.T) {
	h := newHarness(t, Options{QuotaTotal: 100})
	post := func(path string, form url.Values) (map[string]any, error) {
		req, _ := http.NewRequestWithContext(t.Context(), "POST", h.srv.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+fbl)
		res, err := h.srv.Client().Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		var m map[string]any
		return m, json.NewDecoder(res.Body).Decode(&m)
	}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := post(userPath+"/media", url.Values{"image_url": {"https://example.com/a.jpg"}})
			if err != nil || c["id"] == nil {
				t.Errorf("create: %v %v", c, err)
				return
			}
			if m, err := post(userPath+"/media_publish", url.Values{"creation_id": {str(c["id"])}}); err != nil || m["id"] == nil {
				t.Errorf("publish: %v %v", m, err)
			}
		}()
	}
	wg.Wait()
	if n := len(h.emu.MediaIDs(DefaultAccountID)); n != 20 {
		t.Fatalf("published %d, want 20", n)
	}
}

func TestFaultMatchesParams(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.InjectFault(Fault{Route: "POST /{ig-user-id}/media", Params: map[string]string{"media_type": "CAROUSEL"},
		Status: http.StatusInternalServerError, Times: 1})
	// An image container does not match the fault.
	h.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg").mustOK(t)
	a := str(h.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg", "is_carousel_item", "true").mustOK(t)["id"])
	b := str(h.post(userPath+"/media", fbl, "image_url", "https://example.com/b.jpg", "is_carousel_item", "true").mustOK(t)["id"])
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", a+","+b).wantError(t, http.StatusInternalServerError, 2, 0)
	// Times: 1 — the next carousel goes through.
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", a+","+b).mustOK(t)
}

// Dropped before commit: the connection closes and nothing is published.
func TestFaultDropBeforeCommit(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.emu.InjectFault(Fault{Route: publishRoute, Times: 1, DropBeforeCommit: true})
	if r := <-h.publishAsync(t.Context(), cid); r.status != 0 {
		t.Fatalf("expected a connection error, got %d %v", r.status, r.body)
	}
	if ids := h.emu.MediaIDs(DefaultAccountID); len(ids) != 0 {
		t.Fatalf("media after a drop before commit = %v", ids)
	}
	if code, _ := h.statusCode(cid, fbl); code != "FINISHED" {
		t.Fatalf("container = %s", code)
	}
	if h.emu.CallCount(publishRoute) != 1 || h.emu.FaultsApplied()[FaultDropBeforeCommit] != 1 {
		t.Fatalf("calls %d, applied %v", h.emu.CallCount(publishRoute), h.emu.FaultsApplied())
	}
	// The retry publishes, once.
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)
	if len(h.emu.MediaIDs(DefaultAccountID)) != 1 {
		t.Fatal("not published exactly once")
	}
}

// statusSequence sends GET /me n times and returns the statuses.
func statusSequence(h *harness, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = h.get("/me", fbl).status
	}
	return out
}

// The same seed gives the same faults, on about the given fraction of requests.
func TestFaultProbabilitySeeded(t *testing.T) {
	const n, p = 400, 0.25
	run := func(seed int64) (*harness, []int) {
		h := newHarness(t, Options{FaultSeed: seed})
		h.emu.InjectFault(Fault{Route: "GET /me", Probability: p, Status: http.StatusServiceUnavailable})
		return h, statusSequence(h, n)
	}
	h, first := run(7)
	_, same := run(7)
	_, other := run(8)
	if !slices.Equal(first, same) {
		t.Fatal("the same seed gave different faults")
	}
	if slices.Equal(first, other) {
		t.Fatal("another seed gave the same faults")
	}
	failed := 0
	for _, st := range first {
		if st == http.StatusServiceUnavailable {
			failed++
		}
	}
	if failed < n*p/2 || failed > n*p*3/2 {
		t.Fatalf("%d of %d requests faulted, want about %v", failed, n, n*p)
	}
	if got := h.emu.FaultsApplied(); got[FaultError5xx] != failed || len(got) != 1 {
		t.Fatalf("FaultsApplied = %v, want %s: %d", got, FaultError5xx, failed)
	}
	// Reset restarts the sequence.
	h.emu.Reset()
	h.emu.InjectFault(Fault{Route: "GET /me", Probability: p, Status: http.StatusServiceUnavailable})
	if again := statusSequence(h, n); !slices.Equal(first, again) {
		t.Fatal("Reset did not restart the fault sequence")
	}
}

// A request a probabilistic fault skips goes on to the next fault.
func TestFaultProbabilityFallsThrough(t *testing.T) {
	h := newHarness(t, Options{FaultSeed: 1})
	h.emu.InjectFault(Fault{Probability: 0.5, Status: http.StatusServiceUnavailable})
	h.emu.InjectFault(Fault{Status: http.StatusInternalServerError})
	seen := map[int]int{}
	for _, st := range statusSequence(h, 50) {
		seen[st]++
	}
	if len(seen) != 2 || seen[503] == 0 || seen[500] == 0 {
		t.Fatalf("statuses = %v", seen)
	}
}

// FaultsApplied names every kind of fault; throttles keep their usage headers.
func TestFaultsAppliedKinds(t *testing.T) {
	h := newHarness(t, Options{})
	for _, f := range []Fault{
		{Error: &ErrorBody{Code: 4, Message: "(#4) Application request limit reached", IsTransient: true}},
		{Status: 500},
		{Error: &ErrorBody{Code: 2, Message: "retry", IsTransient: true}},
		{Error: &ErrorBody{Code: 100, Message: "bad"}},
		{Latency: time.Millisecond},
		{HoldAfterCommit: time.Millisecond},
		{Route: "POST /me", DropAfterCommit: true},
		{Route: "POST /me", DropBeforeCommit: true},
	} {
		f.Route, f.Times = cmp.Or(f.Route, "GET /me"), 1
		h.emu.InjectFault(f)
	}
	r := h.get("/me", fbl)
	if r.status != 400 || !strings.Contains(r.hdr.Get("X-App-Usage"), `"call_count":100`) {
		t.Fatalf("throttle fault: %d, X-App-Usage %q", r.status, r.hdr.Get("X-App-Usage"))
	}
	for range 5 {
		h.get("/me", fbl)
	}
	for range 2 { // the drops, on POST: clients retry a GET whose connection closed
		req, _ := http.NewRequestWithContext(t.Context(), "POST", h.srv.URL+"/me", nil)
		req.Header.Set("Authorization", "Bearer "+fbl)
		if res, err := h.srv.Client().Do(req); err == nil {
			res.Body.Close()
			t.Fatalf("a drop answered %d", res.StatusCode)
		}
	}
	want := map[string]int{FaultThrottle: 1, FaultError5xx: 1, FaultErrorTransient: 1, FaultError: 1, FaultLatency: 1,
		FaultHold: 1, FaultDropAfterCommit: 1, FaultDropBeforeCommit: 1}
	if got := h.emu.FaultsApplied(); !maps.Equal(got, want) {
		t.Fatalf("FaultsApplied = %v, want %v", got, want)
	}
}
