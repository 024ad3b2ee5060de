package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// An app created today (the default) is refused every legacy feature, with
// nothing done, on any version; LegacyApp accepts them.
func TestLegacyFeatures_refusedToNewApps(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("legacy")
	cases := []struct {
		name, method, path string
		params             []string
	}{
		{"multi-ID read", "GET", "/v25.0/", []string{"ids", mid + "," + DefaultAccountID, "fields", "id"}},
		{"multi-ID read, no version", "GET", "/", []string{"ids", mid}},
		{"ids on a node", "GET", "/v27.0/" + DefaultAccountID, []string{"ids", mid}},
		{"field alias", "GET", "/v26.0/" + mid, []string{"fields", "id,caption.as(text)"}},
		{"method override", "GET", "/v25.0/" + mid, []string{"method", "delete"}},
		{"date format", "GET", "/v25.0/" + mid, []string{"fields", "timestamp", "date_format", "U"}},
		{"JSONP", "GET", "/v25.0/" + mid, []string{"callback", "cb"}},
		{"async batch", "POST", "/v25.0/" + DefaultAccountID + "/async_batch_requests", []string{"adbatch", "[]"}},
		{"token endpoint", "GET", "/v25.0/debug_token", []string{"input_token", fbl, "callback", "cb"}},
	}
	for _, tc := range cases {
		var r resp
		if tc.method == "GET" {
			r = h.get(tc.path, fbl, tc.params...)
		} else {
			r = h.post(tc.path, fbl, tc.params...)
		}
		if e := r.wantError(t, 400, 3, 0); !strings.Contains(str(e["message"]), "November 4, 2026") {
			t.Errorf("%s: %v", tc.name, e)
		}
	}
	if _, ok := h.emu.Media(mid); !ok {
		t.Fatal("a refused method override deleted the post")
	}
	if n := h.emu.MeteredCalls(); n > 1+len(cases) {
		t.Errorf("%d metered calls: a refused multi-ID read is one call", n)
	}
	// The error is an option (Meta does not document it).
	custom := newHarness(t, Options{LegacyFeatureError: &ErrorBody{Message: "(#100) Unsupported request", Type: "OAuthException", Code: 100}})
	custom.get("/", fbl, "ids", DefaultAccountID).wantError(t, 400, 100, 0)
	// A legacy app keeps them: the multi-ID read, the others ignored.
	old := newHarness(t, Options{LegacyApp: true})
	if b := old.get("/v25.0/", fbl, "ids", DefaultAccountID, "fields", "id").mustOK(t); asMap(b[DefaultAccountID])["id"] != DefaultAccountID {
		t.Fatalf("legacy multi-ID read = %v", b)
	}
	old.get("/v25.0/"+DefaultAccountID, fbl, "fields", "id", "callback", "cb").mustOK(t)
	old.call(http.MethodGet, "/v25.0/"+DefaultAccountID+"?date_format=U", fbl, nil).mustOK(t)
}

func TestMultiIDRead(t *testing.T) {
	h := newHarness(t, Options{LegacyApp: true})
	ids, err := h.emu.SeedImagePosts(DefaultAccountID, "https://cdn.example.com/%d.jpg", 3)
	if err != nil {
		t.Fatal(err)
	}
	b := h.get("/v25.0/", fbl, "ids", strings.Join(ids, ","), "fields", "id,caption,media_type").mustOK(t)
	if len(b) != 3 || asMap(b[ids[1]])["caption"] != "Seeded post 2" || asMap(b[ids[2]])["media_type"] != "IMAGE" {
		t.Fatalf("body = %v", b)
	}
	if h.emu.TotalCalls() != 1 || h.emu.MeteredCalls() != 3 || h.emu.CallCount("GET /") != 1 {
		t.Errorf("round trips = %d, metered = %d", h.emu.TotalCalls(), h.emu.MeteredCalls())
	}
	// One deleted id fails the whole request with its own error (the docs' reading).
	h.emu.DeleteMediaOutOfBand(ids[0])
	h.get("/v25.0/", fbl, "ids", strings.Join(ids, ","), "fields", "id").wantError(t, 400, 100, 33)
	// Too many ids.
	var many []string
	for i := range 51 {
		many = append(many, strconv.Itoa(1000+i))
	}
	h.get("/", fbl, "ids", strings.Join(many, ",")).wantError(t, 400, 100, 0)
	// Without ids the root is no node.
	h.get("/", fbl).wantError(t, 400, 2500, 0)
}

func TestMultiIDReadOmitFailed(t *testing.T) {
	h := newHarness(t, Options{LegacyApp: true, MultiIDOmitFailed: true})
	ids, _ := h.emu.SeedImagePosts(DefaultAccountID, "https://cdn.example.com/%d.jpg", 2)
	h.emu.DeleteMediaOutOfBand(ids[0])
	b := h.get("/v25.0/", fbl, "ids", strings.Join(ids, ",")+",999", "fields", "id").mustOK(t)
	if len(b) != 1 || b[ids[1]] == nil {
		t.Fatalf("body = %v", b)
	}
}

func TestMultiIDReadThrottledAsAWhole(t *testing.T) {
	h := newHarness(t, Options{LegacyApp: true, AccountCallBudget: 2})
	ids, _ := h.emu.SeedImagePosts(DefaultAccountID, "https://cdn.example.com/%d.jpg", 3)
	// Three ids cost three calls: the first request spends the budget of two
	// (it was not spent when it arrived), the next is throttled.
	h.get("/", fbl, "ids", strings.Join(ids, ","), "fields", "id").mustOK(t)
	h.get("/", fbl, "ids", ids[0], "fields", "id").wantError(t, 400, 80002, 0)
}
