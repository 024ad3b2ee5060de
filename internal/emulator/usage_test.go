package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// buc decodes the IG account's entry of X-Business-Use-Case-Usage.
func buc(t *testing.T, r resp) map[string]any {
	t.Helper()
	var m map[string][]map[string]any
	if err := json.Unmarshal([]byte(r.hdr.Get("X-Business-Use-Case-Usage")), &m); err != nil || len(m[DefaultAccountID]) != 1 {
		t.Fatalf("X-Business-Use-Case-Usage = %q", r.hdr.Get("X-Business-Use-Case-Usage"))
	}
	return m[DefaultAccountID][0]
}

func TestUsageHeaders(t *testing.T) {
	h := newHarness(t, Options{AppCallBudget: 10, AccountCallBudget: 20})
	// IG calls are charged to the account's business use case, only.
	h.get("/me", igl)
	r := h.get("/"+DefaultAccountID, igl)
	want := `{"` + DefaultAccountID + `":[{"call_count":10,"estimated_time_to_regain_access":0,"total_cputime":5,"total_time":5,"type":"instagram"}]}`
	if got := r.hdr.Get("X-Business-Use-Case-Usage"); got != want || r.hdr.Get("X-App-Usage") != "" {
		t.Fatalf("headers = %v, want BUC %s only", r.hdr, want)
	}
	// Facebook-login Platform calls (/me/accounts) and business discovery use the app budget.
	h.get("/me/accounts", fbl)
	r = h.get("/"+DefaultAccountID, fbl, "fields", "business_discovery.username(someone){id}")
	if got := r.hdr.Get("X-App-Usage"); got != `{"call_count":20,"total_cputime":10,"total_time":10}` || r.hdr.Get("X-Business-Use-Case-Usage") != "" {
		t.Fatalf("headers = %v", r.hdr)
	}
	// Requests without a valid token carry only X-App-Usage.
	r = h.get("/me", "bad")
	if r.hdr.Get("X-App-Usage") == "" || r.hdr.Get("X-Business-Use-Case-Usage") != "" {
		t.Fatalf("headers on auth failure: %v", r.hdr)
	}
	if h.emu.MeteredCalls() != 4 || h.emu.TotalCalls() != 5 {
		t.Errorf("metered = %d, round trips = %d", h.emu.MeteredCalls(), h.emu.TotalCalls())
	}
}

func TestThrottleAccountBudget(t *testing.T) {
	h := newHarness(t, Options{AccountCallBudget: 3, AccountWindow: 10 * time.Minute})
	path := "/v25.0/" + DefaultAccountID
	for range 2 {
		h.get(path, fbl).mustOK(t)
		h.emu.AdvanceClock(time.Minute) // calls at t=0 and t=1m
	}
	r := h.get(path, fbl) // t=2m: 3 of 3, the budget is spent
	r.mustOK(t)
	if u := buc(t, r); u["call_count"] != 100.0 || u["estimated_time_to_regain_access"] != 8.0 {
		t.Fatalf("at 100%%: %v", u) // the call of t=0 leaves the window at t=10m
	}
	e := h.get(path, fbl).wantError(t, 400, 80002, 0)
	if !strings.HasPrefix(str(e["message"]), "(#80002) There have been too many calls to this Instagram account.") {
		t.Fatalf("message = %v", e["message"])
	}
	// Calls while throttled count too: three more push regain to when the
	// third-newest call leaves, and the block outlasts the first window.
	h.get(path, fbl)
	r = h.get(path, fbl)
	r.wantError(t, 400, 80002, 0)
	if u := buc(t, r); u["estimated_time_to_regain_access"] != 10.0 || u["call_count"] != 200.0 {
		t.Fatalf("extended: %v", u)
	}
	if h.emu.ThrottledCalls() != 3 || h.emu.MeteredCalls() != 6 {
		t.Errorf("throttled = %d, metered = %d", h.emu.ThrottledCalls(), h.emu.MeteredCalls())
	}
	h.emu.AdvanceClock(10 * time.Minute)
	if r := h.get(path, fbl); r.status != 200 || buc(t, r)["estimated_time_to_regain_access"] != 0.0 {
		t.Fatalf("after the window: %s %v", r.raw, r.hdr)
	}
}

func TestThrottleAppBudgetAndOptions(t *testing.T) {
	h := newHarness(t, Options{AppCallBudget: 1, AppWindow: 30 * time.Second, ThrottleStatus: http.StatusForbidden, FractionalRegain: true})
	h.get("/me/accounts", fbl).mustOK(t)
	r := h.get("/me/accounts", fbl)
	e := r.wantError(t, 403, 4, 0)
	if e["is_transient"] != true || e["message"] != "(#4) Application request limit reached" {
		t.Fatalf("envelope = %v", e)
	}
	if got := r.hdr.Get("X-App-Usage"); got != `{"call_count":200,"total_cputime":100,"total_time":100}` {
		t.Fatalf("X-App-Usage = %s", got)
	}
	// Fractional minutes: the account header of an IG call still at 0.
	if r := h.get("/"+DefaultAccountID, fbl); r.status != 200 || buc(t, r)["estimated_time_to_regain_access"] != 0.0 {
		t.Fatalf("BUC = %v", r.hdr)
	}
}

func TestFractionalRegain(t *testing.T) {
	h := newHarness(t, Options{AccountCallBudget: 1, AccountWindow: 3 * time.Second, FractionalRegain: true})
	r := h.get("/"+DefaultAccountID, fbl)
	if u := buc(t, r); r.status != 200 || u["estimated_time_to_regain_access"] != 0.05 {
		t.Fatalf("BUC = %v, want 3s = 0.05 minutes", u)
	}
}

func TestThrottleFaultCarriesHeaders(t *testing.T) {
	h := newHarness(t, Options{ThrottleFaultRegain: 2 * time.Minute})
	h.emu.InjectFault(Fault{Route: "GET /{ig-user-id}", Times: 1, Error: &ErrorBody{Code: 80002, Message: "(#80002) too many calls"}})
	r := h.get("/"+DefaultAccountID, fbl)
	r.wantError(t, 400, 80002, 0)
	if u := buc(t, r); u["estimated_time_to_regain_access"] != 2.0 || u["call_count"] != 100.0 {
		t.Fatalf("BUC = %v", u)
	}
	h.emu.InjectFault(Fault{Route: "GET /{ig-user-id}", Times: 1, Error: &ErrorBody{Code: 17, Message: "(#17) User request limit reached"}})
	r = h.get("/"+DefaultAccountID, fbl)
	if !strings.Contains(r.hdr.Get("X-App-Usage"), `"call_count":100`) {
		t.Fatalf("X-App-Usage = %q", r.hdr.Get("X-App-Usage"))
	}
}

func TestRouteLatency(t *testing.T) {
	h := newHarness(t, Options{RouteLatency: map[string]time.Duration{"GET /{ig-user-id}": 30 * time.Millisecond}})
	start := time.Now()
	h.get("/"+DefaultAccountID, fbl).mustOK(t)
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("answered after %v, want ≥ 30ms", d)
	}
}

// Comment nodes and their replies edge are IG Platform calls charged to the
// commented media's account, like /{ig-media-id}/comments; hashtag search and
// hashtag media use the app budget, the IG user edge recently_searched_hashtags
// the account's.
func TestMeteredAccountCommentsAndHashtags(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("metered")
	onBUC := func(what string, r resp) {
		t.Helper()
		r.mustOK(t)
		buc(t, r)
		if r.hdr.Get("X-App-Usage") != "" {
			t.Fatalf("%s: X-App-Usage = %q, want the BUC header only", what, r.hdr.Get("X-App-Usage"))
		}
	}
	onApp := func(what string, r resp) {
		t.Helper()
		r.mustOK(t)
		if r.hdr.Get("X-App-Usage") == "" || r.hdr.Get("X-Business-Use-Case-Usage") != "" {
			t.Fatalf("%s: headers = %v, want X-App-Usage only", what, r.hdr)
		}
	}
	r := h.post("/v25.0/"+mid+"/comments", fbl, "message", "Top")
	onBUC("POST /{ig-media-id}/comments", r)
	cid := str(r.mustOK(t)["id"])
	onBUC("GET /{ig-comment-id}", h.get("/v25.0/"+cid, fbl, "fields", "id,text"))
	r = h.post("/v25.0/"+cid+"/replies", fbl, "message", "Reply")
	onBUC("POST /{ig-comment-id}/replies", r)
	rid := str(r.mustOK(t)["id"])
	onBUC("GET /{ig-comment-id}/replies", h.get("/v25.0/"+cid+"/replies", fbl))
	other, err := h.emu.AddCommentFromUser(mid, "", "someone_else", "From a follower")
	if err != nil {
		t.Fatal(err)
	}
	onBUC("POST /{ig-comment-id}", h.post("/v25.0/"+other, fbl, "hide", "true"))
	onBUC("DELETE /{ig-comment-id}", h.call(http.MethodDelete, "/v25.0/"+rid, fbl, nil))

	onApp("GET /ig_hashtag_search", h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", "coffee"))
	onApp("GET /{ig-hashtag-id}/top_media", h.get("/v25.0/"+h.emu.HashtagID("coffee")+"/top_media", fbl, "user_id", DefaultAccountID))
	onBUC("GET /{ig-user-id}/recently_searched_hashtags", h.get("/v25.0/"+DefaultAccountID+"/recently_searched_hashtags", fbl))
}
