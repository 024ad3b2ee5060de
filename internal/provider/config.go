package provider

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Login flavours, from common (every area needs them).
const (
	LoginFacebook  = common.LoginFacebook
	LoginInstagram = common.LoginInstagram
)

// Defaults are the client's, so the provider and the client cannot disagree.
const (
	DefaultAPIVersion       = graph.DefaultAPIVersion
	defaultFacebookBaseURL  = graph.FacebookBaseURL
	defaultInstagramBaseURL = graph.InstagramBaseURL
	defaultMaxRetries       = graph.DefaultMaxRetries
	defaultRequestTimeout   = graph.DefaultRequestTimeout
	defaultMaxRateLimitWait = graph.DefaultMaxRateLimitWait
)

// providerModel is the provider block.
type providerModel struct {
	AccessToken      types.String `tfsdk:"access_token"`
	AccountID        types.String `tfsdk:"account_id"`
	Login            types.String `tfsdk:"login"`
	AppID            types.String `tfsdk:"app_id"`
	AppSecret        types.String `tfsdk:"app_secret"`
	APIVersion       types.String `tfsdk:"api_version"`
	BaseURL          types.String `tfsdk:"base_url"`
	MaxRetries       types.Int64  `tfsdk:"max_retries"`
	RequestTimeout   types.String `tfsdk:"request_timeout"`
	MaxRateLimitWait types.String `tfsdk:"max_rate_limit_wait"`
}

// settings is the resolved, validated provider configuration: config first,
// then environment, then defaults.
type settings struct {
	AccessToken      string
	AccountID        string
	Login            string
	AppID            string
	AppSecret        string
	APIVersion       string
	BaseURL          string
	AppBaseURL       string // where the app-token client goes
	MaxRetries       int
	RequestTimeout   time.Duration
	MaxRateLimitWait time.Duration
}

// envLookup reads an environment variable; tests inject their own.
type envLookup func(key string) (string, bool)

// resolveSettings merges the provider block with INSTAGRAM_* environment
// variables and validates the result. Every error names the attribute.
func resolveSettings(m providerModel, env envLookup) (settings, diag.Diagnostics) {
	r := &settingsReader{env: env}
	s, requestTimeout, maxWait := r.read(m)
	if r.diags.HasError() {
		return s, r.diags
	}
	r.credentials(&s)
	r.apiVersion(&s)
	r.hosts(&s)
	r.limits(&s, m, requestTimeout, maxWait)
	return s, r.diags
}

// settingsReader resolves the provider's settings in steps, collecting
// their diagnostics.
type settingsReader struct {
	env   envLookup
	diags diag.Diagnostics
}

// read takes each setting from the configuration, else from its
// environment variable; an unknown value is an error (the provider is
// configured before resources exist).
func (r *settingsReader) read(m providerModel) (s settings, requestTimeout, maxWait string) {
	s.AccessToken = r.pick("access_token", m.AccessToken, "INSTAGRAM_ACCESS_TOKEN")
	s.AccountID = r.pick("account_id", m.AccountID, "INSTAGRAM_ACCOUNT_ID")
	s.Login = r.pick("login", m.Login, "INSTAGRAM_LOGIN")
	s.AppID = r.pick("app_id", m.AppID, "INSTAGRAM_APP_ID")
	s.AppSecret = r.pick("app_secret", m.AppSecret, "INSTAGRAM_APP_SECRET")
	s.APIVersion = r.pick("api_version", m.APIVersion, "INSTAGRAM_API_VERSION")
	s.BaseURL = r.pick("base_url", m.BaseURL, "INSTAGRAM_BASE_URL")
	requestTimeout = r.pick("request_timeout", m.RequestTimeout, "")
	maxWait = r.pick("max_rate_limit_wait", m.MaxRateLimitWait, "")
	if m.MaxRetries.IsUnknown() {
		r.unknown("max_retries", "")
	}
	return s, requestTimeout, maxWait
}

func (r *settingsReader) pick(attr string, v types.String, envKey string) string {
	switch {
	case v.IsUnknown():
		r.unknown(attr, envKey)
		return ""
	case !v.IsNull():
		return strings.TrimSpace(v.ValueString())
	case envKey != "":
		e, _ := r.env(envKey)
		return strings.TrimSpace(e)
	}
	return ""
}

func (r *settingsReader) unknown(attr, envKey string) {
	from := "a variable"
	if envKey != "" {
		from += " or " + envKey
	}
	r.diags.AddAttributeError(path.Root(attr), "Unknown provider configuration value",
		fmt.Sprintf("%s must be known when the provider is configured. Set it from %s, not from a resource that is not created yet.", attr, from))
}

// credentials: the token, the login it implies, the account and the app.
func (r *settingsReader) credentials(s *settings) {
	if s.AccessToken == "" {
		r.diags.AddAttributeError(path.Root("access_token"), "Missing Instagram access token",
			"Set access_token in the provider block or the INSTAGRAM_ACCESS_TOKEN environment variable: a Facebook User token (Facebook login) or an Instagram User token (Instagram login, starts with IG).")
	}
	switch s.Login {
	case "":
		s.Login = inferLogin(s.AccessToken)
	case LoginFacebook, LoginInstagram:
	default:
		r.diags.AddAttributeError(path.Root("login"), "Invalid login",
			fmt.Sprintf("login must be %q (graph.facebook.com, Facebook User token) or %q (graph.instagram.com, Instagram User token), got %q.", LoginFacebook, LoginInstagram, s.Login))
	}
	if s.AccountID != "" && !common.NumericIDPattern.MatchString(s.AccountID) {
		r.diags.AddAttributeError(path.Root("account_id"), "Invalid account_id",
			fmt.Sprintf("account_id must be the numeric Instagram user id (e.g. 17841405822304914), got %q.", s.AccountID))
	}
	if s.AppID != "" && !common.NumericIDPattern.MatchString(s.AppID) {
		r.diags.AddAttributeError(path.Root("app_id"), "Invalid app_id",
			fmt.Sprintf("app_id must be the numeric Meta app id, got %q.", s.AppID))
	}
	if s.AppSecret != "" && s.AppID == "" {
		r.diags.AddAttributeWarning(path.Root("app_id"), "app_secret without app_id",
			"app_secret enables appsecret_proof on every call; webhook subscriptions also need app_id (INSTAGRAM_APP_ID).")
	}
}

// apiVersion: the Graph API version, DefaultAPIVersion unless set.
func (r *settingsReader) apiVersion(s *settings) {
	if s.APIVersion == "" {
		s.APIVersion = DefaultAPIVersion
	} else if err := graph.ValidateAPIVersion(s.APIVersion); err != nil {
		r.diags.AddAttributeError(path.Root("api_version"), "Invalid api_version",
			fmt.Sprintf("api_version must look like %q (vNN.N), got %q.", DefaultAPIVersion, s.APIVersion))
	}
}

// hosts: where requests go, by login unless base_url says otherwise.
// App-level edges (webhook subscriptions, token exchange) live on
// graph.facebook.com whatever the login, unless base_url points elsewhere.
func (r *settingsReader) hosts(s *settings) {
	s.AppBaseURL = defaultFacebookBaseURL
	if s.BaseURL == "" {
		s.BaseURL = defaultFacebookBaseURL
		if s.Login == LoginInstagram {
			s.BaseURL = defaultInstagramBaseURL
		}
		return
	}
	normalised, err := graph.ValidateBaseURL(s.BaseURL)
	if err != nil {
		r.diags.AddAttributeError(path.Root("base_url"), "Invalid base_url",
			fmt.Sprintf("base_url must be an https URL such as %s, or http on a loopback address (127.0.0.1, ::1, localhost) "+
				"for the emulator, without query or credentials: %s", defaultFacebookBaseURL, strings.TrimPrefix(err.Error(), "graph: ")))
		return
	}
	s.BaseURL, s.AppBaseURL = normalised, normalised
}

// limits: the retry budget, the request timeout, the longest throttle wait.
func (r *settingsReader) limits(s *settings, m providerModel, requestTimeout, maxWait string) {
	s.MaxRetries = defaultMaxRetries
	if !m.MaxRetries.IsNull() && !m.MaxRetries.IsUnknown() {
		n := m.MaxRetries.ValueInt64()
		if n < 0 || n > 20 {
			r.diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries",
				fmt.Sprintf("max_retries must be between 0 and 20, got %d.", n))
		}
		s.MaxRetries = int(n)
	}
	s.RequestTimeout = parseDurationAttr(&r.diags, "request_timeout", requestTimeout, defaultRequestTimeout, time.Second, time.Hour)
	s.MaxRateLimitWait = parseDurationAttr(&r.diags, "max_rate_limit_wait", maxWait, defaultMaxRateLimitWait, 0, 24*time.Hour)
}

// retiredVersionWarning warns at plan time of an api_version Meta no longer
// serves (graph.Versions): it still works until Meta stops upgrading its
// calls, so it is a warning naming the date and the replacement, not an error.
func retiredVersionWarning(version string, now time.Time) diag.Diagnostics {
	var diags diag.Diagnostics
	retired, since := graph.Retired(version, now)
	if !retired {
		return diags
	}
	when := "on " + since.Format(time.DateOnly)
	if since.IsZero() {
		when = "before " + graph.Versions[len(graph.Versions)-1].Until.Format(time.DateOnly)
	}
	diags.AddAttributeWarning(path.Root("api_version"), "Retired Graph API version",
		fmt.Sprintf("Meta retired Graph API %s %s: its calls are served by the oldest version Meta still runs, or fail. "+
			"Set api_version to %q (the provider's default) or remove it (https://developers.facebook.com/docs/graph-api/changelog/versions).",
			version, when, DefaultAPIVersion))
	return diags
}

// inferLogin picks the login from the token prefix: Instagram User tokens
// start with IG (IGQV…, IGAA…); everything else is treated as Facebook login.
func inferLogin(token string) string {
	if strings.HasPrefix(token, "IG") {
		return LoginInstagram
	}
	return LoginFacebook
}

func parseDurationAttr(diags *diag.Diagnostics, attr, raw string, def, lowest, highest time.Duration) time.Duration {
	if raw == "" {
		return def
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		// Allow a bare number of seconds, which users often write.
		if n, convErr := strconv.Atoi(raw); convErr == nil {
			d, err = time.Duration(n)*time.Second, nil
		}
	}
	if err != nil {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr,
			fmt.Sprintf("%s must be a duration such as \"30s\" or \"5m\", got %q.", attr, raw))
		return def
	}
	if d < lowest || d > highest {
		diags.AddAttributeError(path.Root(attr), "Invalid "+attr,
			fmt.Sprintf("%s must be between %s and %s, got %s.", attr, lowest, highest, d))
		return def
	}
	return d
}
