package emulator

import (
	"strings"
	"testing"
	"time"
)

const tokenDay = 24 * time.Hour

func TestInstagramExchangeAndRefresh(t *testing.T) {
	h := newHarness(t, Options{})
	short := h.emu.IssueToken(DefaultAccountID, "instagram", time.Hour)
	if !strings.HasPrefix(short, "IGAA") {
		t.Fatalf("issued Instagram token %q lacks the IGAA prefix", short)
	}

	// Both the unversioned path (Meta's) and a versioned one answer.
	for _, p := range []string{"/access_token", "/v25.0/access_token"} {
		b := h.get(p, short, "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).mustOK(t)
		if b["token_type"] != "bearer" || b["expires_in"] != float64(60*86400) || !strings.HasPrefix(str(b["access_token"]), "IGAA") {
			t.Fatalf("%s: %s", p, b)
		}
	}
	if got := h.emu.CallCount("GET /access_token"); got != 2 {
		t.Errorf("CallCount(GET /access_token) = %d, want 2", got)
	}
	long := str(h.get("/access_token", short, "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).mustOK(t)["access_token"])

	// The long-lived token is a real token of the same account.
	if me := h.get("/me", long, "fields", "user_id").mustOK(t); me["user_id"] != DefaultAccountID {
		t.Fatalf("/me with the exchanged token = %v", me)
	}

	// Refresh needs a token at least 24 hours old.
	h.get("/refresh_access_token", long, "grant_type", "ig_refresh_token").wantError(t, 400, 100, 0)
	h.emu.AdvanceClock(tokenDay)
	fresh := str(h.get("/refresh_access_token", long, "grant_type", "ig_refresh_token").mustOK(t)["access_token"])
	if fresh == "" || fresh == long {
		t.Fatalf("refresh returned %q", fresh)
	}

	// The short-lived token expired long ago: 190/463 everywhere.
	e := h.get("/me", short).wantError(t, 400, 190, 463)
	if !strings.HasPrefix(str(e["message"]), "Error validating access token: Session has expired on ") {
		t.Errorf("message = %v", e["message"])
	}
	h.get("/access_token", short, "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).wantError(t, 400, 190, 463)

	// The long-lived one expires after 60 days; the refreshed one lives on.
	h.emu.AdvanceClock(59 * tokenDay)
	h.get("/me", long).wantError(t, 400, 190, 463)
	h.get("/refresh_access_token", long, "grant_type", "ig_refresh_token").wantError(t, 400, 190, 463)
	h.get("/me", fresh).mustOK(t)

	// The seeded token counts as old enough to refresh.
	h.get("/refresh_access_token", igl, "grant_type", "ig_refresh_token").mustOK(t)
}

func TestInstagramExchangeErrors(t *testing.T) {
	h := newHarness(t, Options{})
	short := h.emu.IssueToken(DefaultAccountID, "instagram", time.Hour)
	h.get("/access_token", "", "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).wantError(t, 400, 190, 0)
	h.get("/access_token", "IGAAnotAToken", "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).wantError(t, 400, 190, 0)
	// A Facebook token is no Instagram-login token.
	h.get("/access_token", fbl, "grant_type", "ig_exchange_token", "client_secret", DefaultAppSecret).wantError(t, 400, 190, 0)
	h.get("/access_token", short, "client_secret", DefaultAppSecret).wantError(t, 400, 100, 0)
	h.get("/access_token", short, "grant_type", "ig_refresh_token", "client_secret", DefaultAppSecret).wantError(t, 400, 100, 0)
	h.get("/access_token", short, "grant_type", "ig_exchange_token").wantError(t, 400, 100, 0)
	e := h.get("/access_token", short, "grant_type", "ig_exchange_token", "client_secret", "wrong").wantError(t, 400, 1, 0)
	if e["message"] != "Error validating client secret." {
		t.Errorf("message = %v", e["message"])
	}
	h.post("/access_token", short, "grant_type", "ig_exchange_token").wantError(t, 400, 100, 0)
	h.get("/oauth", short).wantError(t, 400, 2500, 0)
}

func TestUncertainTokenErrorsConfigurable(t *testing.T) {
	h := newHarness(t, Options{
		TokenRefreshMinAge:   time.Hour,
		RefreshTooEarlyError: &ErrorBody{Message: "too early", Type: "OAuthException", Code: 190},
		BadClientSecretError: &ErrorBody{Message: "bad secret", Type: "OAuthException", Code: 101},
	})
	tok := h.emu.IssueToken(DefaultAccountID, "instagram", 2*time.Hour)
	if e := h.get("/refresh_access_token", tok, "grant_type", "ig_refresh_token").wantError(t, 400, 190, 0); e["message"] != "too early" {
		t.Errorf("message = %v", e["message"])
	}
	h.get("/access_token", tok, "grant_type", "ig_exchange_token", "client_secret", "x").wantError(t, 400, 101, 0)
	h.emu.AdvanceClock(time.Hour)
	h.get("/refresh_access_token", tok, "grant_type", "ig_refresh_token").mustOK(t)
}

func TestFacebookExchange(t *testing.T) {
	h := newHarness(t, Options{LongLivedTokenLifetime: 10 * tokenDay})
	short := h.emu.IssueToken(DefaultAccountID, "facebook", 2*time.Hour)
	params := func(kv ...string) []string {
		base := map[string]string{"grant_type": "fb_exchange_token", "client_id": DefaultAppID,
			"client_secret": DefaultAppSecret, "fb_exchange_token": short}
		for i := 0; i+1 < len(kv); i += 2 {
			base[kv[i]] = kv[i+1]
		}
		var out []string
		for k, v := range base {
			out = append(out, k, v)
		}
		return out
	}
	// No access token needed: the app authenticates with client_id/secret.
	b := h.get("/v25.0/oauth/access_token", "", params()...).mustOK(t)
	long := str(b["access_token"])
	if !strings.HasPrefix(long, "EAA") || b["expires_in"] != float64(10*86400) {
		t.Fatalf("exchange = %s", b)
	}
	h.get("/oauth/access_token", appToken(), params()...).mustOK(t)
	if got := h.emu.CallCount("GET /oauth/access_token"); got != 2 {
		t.Errorf("CallCount = %d", got)
	}
	// The long-lived token reaches the same accounts.
	pages := h.get("/me/accounts", long, "fields", "instagram_business_account").mustOK(t)
	if len(asList(pages["data"])) != 1 {
		t.Fatalf("/me/accounts with the exchanged token = %s", pages)
	}

	h.get("/oauth/access_token", "", params("client_id", "42")...).wantError(t, 400, 101, 0)
	h.get("/oauth/access_token", "", params("client_secret", "nope")...).wantError(t, 400, 1, 0)
	h.get("/oauth/access_token", "", params("fb_exchange_token", "")...).wantError(t, 400, 100, 0)
	h.get("/oauth/access_token", "", params("fb_exchange_token", igl)...).wantError(t, 400, 190, 0)
	h.get("/oauth/access_token", "", params("grant_type", "client_credentials")...).wantError(t, 400, 100, 0)

	h.emu.AdvanceClock(3 * time.Hour)
	h.get("/oauth/access_token", "", params()...).wantError(t, 400, 190, 463)
	h.emu.AdvanceClock(10 * tokenDay)
	h.get("/me", long).wantError(t, 400, 190, 463)
}

func TestDebugToken(t *testing.T) {
	h := newHarness(t, Options{})
	issued := h.emu.IssueToken(DefaultAccountID, "facebook", 10*tokenDay)
	start := h.emu.Now()

	d := asMap(h.get("/v25.0/debug_token", appToken(), "input_token", issued).mustOK(t)["data"])
	if d["is_valid"] != true || d["type"] != "USER" || d["app_id"] != DefaultAppID || d["user_id"] != DefaultFacebookUserID ||
		d["issued_at"] != float64(start.Unix()) || d["expires_at"] != float64(start.Add(10*tokenDay).Unix()) ||
		d["data_access_expires_at"] != float64(start.Add(90*tokenDay).Unix()) {
		t.Fatalf("debug_token = %v", d)
	}
	g := asMap(asList(d["granular_scopes"])[0])
	if g["scope"] != "instagram_basic" || asList(g["target_ids"])[0] != DefaultAccountID {
		t.Errorf("granular_scopes[0] = %v", g)
	}
	if !strings.Contains(strings.Join(toStrings(asList(d["scopes"])), ","), "pages_show_list") {
		t.Errorf("scopes = %v", d["scopes"])
	}

	// Seeded tokens never expire; a user token of the app may ask too.
	d = asMap(h.get("/debug_token", fbl, "input_token", fbl).mustOK(t)["data"])
	if d["is_valid"] != true || d["expires_at"] != float64(0) || d["issued_at"] != nil {
		t.Fatalf("seeded = %v", d)
	}
	d = asMap(h.get("/debug_token", appToken(), "input_token", igl).mustOK(t)["data"])
	if d["user_id"] != DefaultAccountID || asList(d["scopes"])[0] != "instagram_business_basic" {
		t.Fatalf("instagram token = %v", d)
	}

	// Invalid and expired tokens are reported in data.
	d = asMap(h.get("/debug_token", appToken(), "input_token", "EAAbogus").mustOK(t)["data"])
	if d["is_valid"] != false || asMap(d["error"])["code"] != float64(190) {
		t.Fatalf("bogus = %v", d)
	}
	h.emu.AdvanceClock(11 * tokenDay)
	d = asMap(h.get("/debug_token", appToken(), "input_token", issued).mustOK(t)["data"])
	if e := asMap(d["error"]); d["is_valid"] != false || e["code"] != float64(190) || e["subcode"] != float64(463) {
		t.Fatalf("expired = %v", d)
	}

	h.get("/debug_token", appToken()).wantError(t, 400, 100, 0)
	h.get("/debug_token", "", "input_token", fbl).wantError(t, 400, 190, 0)
	h.get("/debug_token", issued, "input_token", fbl).wantError(t, 400, 190, 463)
}

func toStrings(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = str(v)
	}
	return out
}

func TestIssueTokenUnknownAccount(t *testing.T) {
	if tok := New(Options{}).IssueToken("1", "instagram", 0); tok != "" {
		t.Fatalf("IssueToken for an unknown account = %q", tok)
	}
}

func TestControlPlaneMintsTokens(t *testing.T) {
	h := newHarness(t, Options{})
	tok := str(h.ctl("POST", ControlPrefix+"/tokens?login=facebook&lifetime=1h", "")["access_token"])
	if !strings.HasPrefix(tok, "EAA") {
		t.Fatalf("minted %q", tok)
	}
	h.get("/me", tok).mustOK(t)
	h.emu.AdvanceClock(time.Hour)
	h.get("/me", tok).wantError(t, 400, 190, 463)

	tok = str(h.ctl("POST", ControlPrefix+"/tokens", "")["access_token"])
	if me := h.get("/me", tok, "fields", "user_id").mustOK(t); me["user_id"] != DefaultAccountID {
		t.Fatalf("default minted token reaches %v", me)
	}
	if h.emu.TotalCalls() != 3 {
		t.Errorf("control calls counted as Graph calls: %d", h.emu.TotalCalls())
	}
}
