package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func env(m map[string]string) envLookup {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func nullModel() providerModel {
	return providerModel{
		AccessToken: types.StringNull(), AccountID: types.StringNull(), Login: types.StringNull(),
		AppID: types.StringNull(), AppSecret: types.StringNull(), APIVersion: types.StringNull(),
		BaseURL: types.StringNull(), MaxRetries: types.Int64Null(), RequestTimeout: types.StringNull(),
		MaxRateLimitWait: types.StringNull(),
	}
}

func TestResolveSettings_defaultsFromToken(t *testing.T) {
	for _, tc := range []struct {
		token, login, baseURL string
	}{
		{"EAAB123", LoginFacebook, "https://graph.facebook.com"},
		{"IGAAxyz", LoginInstagram, "https://graph.instagram.com"},
		{"IGQVold", LoginInstagram, "https://graph.instagram.com"},
	} {
		s, diags := resolveSettings(nullModel(), env(map[string]string{"INSTAGRAM_ACCESS_TOKEN": tc.token}))
		if diags.HasError() {
			t.Fatalf("%s: %v", tc.token, diags)
		}
		if s.Login != tc.login || s.BaseURL != tc.baseURL || s.APIVersion != DefaultAPIVersion {
			t.Errorf("%s: got login %q base %q version %q", tc.token, s.Login, s.BaseURL, s.APIVersion)
		}
		if s.MaxRetries != defaultMaxRetries || s.RequestTimeout != defaultRequestTimeout || s.MaxRateLimitWait != defaultMaxRateLimitWait {
			t.Errorf("%s: wrong knob defaults %+v", tc.token, s)
		}
	}
}

func TestResolveSettings_configBeatsEnvironment(t *testing.T) {
	m := nullModel()
	m.AccessToken = types.StringValue("EAAconfig")
	m.AccountID = types.StringValue("17841400000000009")
	m.MaxRetries = types.Int64Value(7)
	m.RequestTimeout = types.StringValue("15s")
	m.MaxRateLimitWait = types.StringValue("2m")
	s, diags := resolveSettings(m, env(map[string]string{
		"INSTAGRAM_ACCESS_TOKEN": "EAAenv", "INSTAGRAM_ACCOUNT_ID": "1", "INSTAGRAM_API_VERSION": "v24.0",
		"INSTAGRAM_BASE_URL": "http://127.0.0.1:8080/", "INSTAGRAM_APP_ID": "123", "INSTAGRAM_APP_SECRET": "s",
	}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := settings{
		AccessToken: "EAAconfig", AccountID: "17841400000000009", Login: LoginFacebook, AppID: "123", AppSecret: "s",
		APIVersion: "v24.0", BaseURL: "http://127.0.0.1:8080", AppBaseURL: "http://127.0.0.1:8080", MaxRetries: 7, RequestTimeout: 15 * time.Second,
		MaxRateLimitWait: 2 * time.Minute,
	}
	if s != want {
		t.Fatalf("got %+v\nwant %+v", s, want)
	}
}

func TestResolveSettings_errorsNameTheAttribute(t *testing.T) {
	for _, tc := range []struct {
		name string
		vars map[string]string
		mod  func(*providerModel)
		want string
	}{
		{"no token", map[string]string{}, nil, "access_token"},
		{"bad login", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA", "INSTAGRAM_LOGIN": "twitter"}, nil, "login"},
		{"bad version", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA", "INSTAGRAM_API_VERSION": "25"}, nil, "api_version"},
		{"http off loopback", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA", "INSTAGRAM_BASE_URL": "http://graph.example.com"}, nil, "base_url"},
		{"bad account", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA", "INSTAGRAM_ACCOUNT_ID": "me"}, nil, "account_id"},
		{"bad retries", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA"}, func(m *providerModel) { m.MaxRetries = types.Int64Value(-1) }, "max_retries"},
		{"bad timeout", map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA"}, func(m *providerModel) { m.RequestTimeout = types.StringValue("soon") }, "request_timeout"},
		{"unknown token", map[string]string{}, func(m *providerModel) { m.AccessToken = types.StringUnknown() }, "access_token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := nullModel()
			if tc.mod != nil {
				tc.mod(&m)
			}
			_, diags := resolveSettings(m, env(tc.vars))
			if !diags.HasError() {
				t.Fatal("expected an error")
			}
			found := false
			for _, d := range diags.Errors() {
				if strings.Contains(d.Detail(), tc.want) {
					found = true
				}
			}
			if !found {
				t.Fatalf("no error mentions %q: %v", tc.want, diags)
			}
		})
	}
}

func TestValidateBaseURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://graph.facebook.com": true,
		"http://127.0.0.1:1234":      true,
		"http://localhost:80":        true,
		"http://[::1]:9":             true,
		"http://10.0.0.1":            false,
		"ftp://graph.facebook.com":   false,
		"graph.facebook.com":         false,
		"https://x.com/?a=b":         false,
	} {
		_, diags := resolveSettings(nullModel(), env(map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA", "INSTAGRAM_BASE_URL": raw}))
		if err := diags.Errors(); (len(err) == 0) != ok {
			t.Errorf("%s: err=%v, want ok=%v", raw, err, ok)
		}
	}
}

// The client reads 0 as "use the default": the provider must turn a user's
// explicit 0 into "none" for both knobs (the trap behind mis-wired knobs).
func TestClientOptions_zeroMeansNone(t *testing.T) {
	p := &instagramProvider{version: "test"}
	m := nullModel()
	m.MaxRetries = types.Int64Value(0)
	m.MaxRateLimitWait = types.StringValue("0s")
	s, diags := resolveSettings(m, env(map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA"}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	o := p.clientOptions(s)
	if o.MaxRetries >= 0 || o.MaxRateLimitWait >= 0 {
		t.Fatalf("max_retries = 0 → %d, max_rate_limit_wait = 0s → %s; want negative (none)", o.MaxRetries, o.MaxRateLimitWait)
	}
	// Unset keeps the client's defaults.
	s, _ = resolveSettings(nullModel(), env(map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA"}))
	if o := p.clientOptions(s); o.MaxRetries != defaultMaxRetries || o.MaxRateLimitWait != defaultMaxRateLimitWait {
		t.Fatalf("defaults: %d, %s", o.MaxRetries, o.MaxRateLimitWait)
	}
}

// App-level edges go to graph.facebook.com even with Instagram login, unless
// base_url points elsewhere (the emulator), set in the block or the environment.
func TestAppClientOptions_baseURL(t *testing.T) {
	p := &instagramProvider{version: "test"}
	vars := map[string]string{"INSTAGRAM_ACCESS_TOKEN": "IGAAtoken", "INSTAGRAM_APP_ID": "123", "INSTAGRAM_APP_SECRET": "s"}
	s, _ := resolveSettings(nullModel(), env(vars))
	if o := p.appClientOptions(s); o.BaseURL != "https://graph.facebook.com" || o.AccessToken != "123|s" {
		t.Fatalf("IG login: app client %s with %s", o.BaseURL, o.AccessToken)
	}
	if s.BaseURL != "https://graph.instagram.com" {
		t.Fatalf("IG login: user client %s", s.BaseURL)
	}
	vars["INSTAGRAM_BASE_URL"] = "http://127.0.0.1:9"
	s, _ = resolveSettings(nullModel(), env(vars))
	if o := p.appClientOptions(s); o.BaseURL != "http://127.0.0.1:9" {
		t.Fatalf("emulator: app client %s", o.BaseURL)
	}
}

func TestResolveSettings_unknownKnobsNameTheirSource(t *testing.T) {
	m := nullModel()
	m.RequestTimeout = types.StringUnknown()
	m.MaxRetries = types.Int64Unknown()
	_, diags := resolveSettings(m, env(map[string]string{"INSTAGRAM_ACCESS_TOKEN": "EAA"}))
	if len(diags.Errors()) != 2 {
		t.Fatalf("want an error each for request_timeout and max_retries, got %v", diags)
	}
	for _, d := range diags.Errors() {
		if strings.Contains(d.Detail(), " or ,") || !strings.Contains(d.Detail(), "Set it from a variable,") {
			t.Errorf("garbled message: %q", d.Detail())
		}
	}
}

func TestRetiredVersionWarning(t *testing.T) {
	today := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		version string
		at      time.Time
		want    string // "" = no warning
	}{
		{DefaultAPIVersion, today, ""},
		{"v27.0", today, ""},
		{"v21.0", today, ""},
		{"v21.0", time.Date(2027, 1, 21, 0, 0, 0, 0, time.UTC), "Meta retired Graph API v21.0 on 2027-01-21"},
		{"v20.0", today, "Meta retired Graph API v20.0 on 2026-09-24"},
		{"v9.0", today, "Meta retired Graph API v9.0 before 2024-05-28"},
	} {
		diags := retiredVersionWarning(tc.version, tc.at)
		switch {
		case tc.want == "" && len(diags) != 0:
			t.Errorf("%s: %v", tc.version, diags)
		case tc.want != "" && (len(diags.Warnings()) != 1 || !strings.Contains(diags[0].Detail(), tc.want) ||
			!strings.Contains(diags[0].Detail(), `"`+DefaultAPIVersion+`"`)):
			t.Errorf("%s: %v, want a warning with %q and the default", tc.version, diags, tc.want)
		}
	}
}
