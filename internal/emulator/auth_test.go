package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestAuthErrors(t *testing.T) {
	h := newHarness(t, Options{})
	e := h.get("/v25.0/"+DefaultAccountID, "").wantError(t, 400, 190, 0)
	if e["message"] != "Invalid OAuth access token - Cannot parse access token" || e["type"] != "OAuthException" {
		t.Fatalf("missing token envelope = %v", e)
	}
	h.get("/v25.0/"+DefaultAccountID, "EAAnotAToken").wantError(t, 400, 190, 0)

	// Token only in the query string still works but is counted.
	r := h.get("/v25.0/"+DefaultAccountID, "", "access_token", fbl, "fields", "username")
	if str(r.mustOK(t)["username"]) != DefaultUsername {
		t.Fatalf("query token read = %s", r.raw)
	}
	if got := h.emu.TokenInURLCount(); got != 1 {
		t.Fatalf("TokenInURLCount = %d, want 1", got)
	}
	// Form-body tokens are not in the URL.
	h.post("/v25.0/"+DefaultAccountID+"/media", "", "access_token", fbl, "image_url", "https://example.com/x.jpg").mustOK(t)
	if got := h.emu.TokenInURLCount(); got != 1 {
		t.Fatalf("TokenInURLCount after body token = %d, want 1", got)
	}

	// OAuth scheme is accepted like Bearer.
	req, _ := http.NewRequestWithContext(t.Context(), "GET", h.srv.URL+"/me", nil)
	req.Header.Set("Authorization", "OAuth "+igl)
	if str(h.send(req).mustOK(t)["id"]) != DefaultInstagramScopedUserID {
		t.Fatal("OAuth scheme not accepted")
	}
}

func TestAppSecretProof(t *testing.T) {
	h := newHarness(t, Options{RequireAppSecretProof: true})
	e := h.get("/me", fbl).wantError(t, 400, 100, 0)
	if e["message"] != "API calls from the server require an appsecret_proof argument" {
		t.Fatalf("message = %v", e["message"])
	}
	e = h.get("/me", fbl, "appsecret_proof", strings.Repeat("0", 64)).wantError(t, 400, 100, 0)
	if e["message"] != "Invalid appsecret_proof provided in the API argument" {
		t.Fatalf("message = %v", e["message"])
	}
	// A proof for another token is wrong too.
	h.get("/me", fbl, "appsecret_proof", appSecretProof(DefaultAppSecret, igl)).wantError(t, 400, 100, 0)
	h.get("/me", fbl, "appsecret_proof", appSecretProof(DefaultAppSecret, fbl)).mustOK(t)

	// Time-stamped form: token|time, valid for 5 minutes of emulator time.
	unix := itoa(h.emu.Now().Unix())
	h.get("/me", fbl, "appsecret_proof", appSecretProof(DefaultAppSecret, fbl+"|"+unix), "appsecret_time", unix).mustOK(t)
	h.emu.AdvanceClock(6 * time.Minute)
	h.get("/me", fbl, "appsecret_proof", appSecretProof(DefaultAppSecret, fbl+"|"+unix), "appsecret_time", unix).wantError(t, 400, 100, 0)
}

func TestOptionalProofStillChecked(t *testing.T) {
	h := newHarness(t, Options{})
	h.get("/me", fbl).mustOK(t)
	h.get("/me", fbl, "appsecret_proof", "deadbeef").wantError(t, 400, 100, 0)
}

func TestVersionHeader(t *testing.T) {
	h := newHarness(t, Options{})
	for path, want := range map[string]string{
		"/v24.0/me": "v24.0",
		"/me":       DefaultAPIVersion,
		"/v19.0/me": "v21.0", // expired on the emulator clock → oldest live version
		"/v26.0/me": "v26.0",
		"/v27.0/me": "v27.0",
		"/v20.0/me": "v21.0", // expired 2026-09-24
	} {
		r := h.get(path, igl)
		r.mustOK(t)
		if got := r.hdr.Get("facebook-api-version"); got != want {
			t.Errorf("%s: facebook-api-version = %q, want %q", path, got, want)
		}
		if r.hdr.Get("x-fb-trace-id") == "" {
			t.Errorf("%s: no x-fb-trace-id", path)
		}
	}
}

func TestVersionHeader_afterV21Expires(t *testing.T) {
	h := newHarness(t, Options{Now: func() time.Time { return time.Date(2027, 1, 21, 0, 0, 0, 0, time.UTC) }})
	if got := h.get("/v21.0/me", igl).hdr.Get("facebook-api-version"); got != "v22.0" {
		t.Errorf("v21.0 on 2027-01-21 served as %q, want v22.0", got)
	}
}

func TestTraceIDsDeterministic(t *testing.T) {
	a := newHarness(t, Options{})
	b := newHarness(t, Options{})
	for i := 0; i < 3; i++ {
		ra, rb := a.get("/me", igl), b.get("/me", igl)
		if ra.hdr.Get("x-fb-trace-id") != rb.hdr.Get("x-fb-trace-id") {
			t.Fatalf("trace ids differ: %q vs %q", ra.hdr.Get("x-fb-trace-id"), rb.hdr.Get("x-fb-trace-id"))
		}
	}
}
