package provider_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// A verify token with characters that URLs and JSON escape, so that the
// escaped forms Meta echoes are tested too. No spaces: the CLI wraps
// diagnostics at spaces, which would hide a leak from strings.Contains.
const metaVerifyToken = "vt/sp+ecial&chars=1<x>"

var (
	appToken = emulator.DefaultAppID + "|" + emulator.DefaultAppSecret
	// Every secret of these runs: none may be shown, in any form.
	metaSecrets = map[string]string{
		"access token":    emulator.DefaultFacebookToken,
		"app secret":      emulator.DefaultAppSecret,
		"app token":       appToken,
		"appsecret_proof": proof(emulator.DefaultFacebookToken),
		"app token proof": proof(appToken),
		"Page token":      "EAAEmulatorPageToken" + emulator.DefaultPageID,
		"verify_token":    metaVerifyToken,
	}
)

func proof(token string) string {
	m := hmac.New(sha256.New, []byte(emulator.DefaultAppSecret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

const verifyTokenVariable = `
variable "verify_token" {
  type      = string
  sensitive = true
  ephemeral = true
}
`

// One test per kind of secret: Meta answers with a message that quotes it
// (as is, escaped in a URL, quoted), and the user sees Meta's message with
// the secret replaced, never the secret, in the CLI's output or in the
// CLI's and the provider's logs at TRACE. The real CLI and the provider
// binary run as users run them (acctest.Workdir).
func TestAccSecrets_metaMessagesQuotingSecrets(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.WriteOnlyAttributes)
	metaError := func(code int, msg string) *emulator.ErrorBody {
		return &emulator.ErrorBody{Code: code, Type: "OAuthException", Message: msg}
	}
	for _, tc := range []struct {
		kind   string
		opts   emulator.Options
		config string
		// setup injects Meta's answer; it may return a callback_url.
		setup func(t *testing.T, env *acctest.Env) string
		shown string // Meta's message as the CLI must show it (acctest.ExpectError)
	}{{
		kind:   "access token",
		config: `data "instagram_account" "a" {}`,
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "GET /{ig-user-id}", Error: metaError(190,
				"Invalid OAuth access token - Cannot parse access token: "+emulator.DefaultFacebookToken+
					" (GET /v25.0/17841400000000001?access_token="+emulator.DefaultFacebookToken+")")})
			return ""
		},
		shown: `Cannot parse access token: \*\*\* \(GET /v25.0/17841400000000001\?access_token=\*\*\*\)`,
	}, {
		kind:   "app secret",
		config: `data "instagram_token" "t" {}`,
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "GET /debug_token", Error: metaError(1,
				"Error validating client secret. client_id=100000000000001&client_secret="+emulator.DefaultAppSecret)})
			return ""
		},
		shown: `client_secret=\*\*\*`,
	}, {
		kind:   "app token",
		config: verifyTokenVariable + subscriptionConfig,
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "POST /{app-id}/subscriptions", Error: metaError(190,
				"Invalid OAuth 2.0 Access Token "+appToken+" (in a URL: "+url.QueryEscape(appToken)+")")})
			return "https://127.0.0.1:1/hooks" // never called: the fault answers first
		},
		shown: `Invalid OAuth 2.0 Access Token \*\*\* \(in a URL: \*\*\*\)`,
	}, {
		kind:   "appsecret_proof",
		config: `data "instagram_account" "a" {}`,
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "GET /{ig-user-id}", Error: metaError(100,
				"Invalid appsecret_proof provided in the API argument: "+proof(emulator.DefaultFacebookToken))})
			return ""
		},
		shown: `provided in the API argument: \*\*\*`,
	}, {
		kind:   "verify_token in the URL of a failed verification",
		config: verifyTokenVariable + subscriptionConfig,
		setup: func(t *testing.T, _ *acctest.Env) string {
			// A callback whose certificate the emulator does not trust: its
			// error quotes the verification request, verify token and all.
			return newCallback(t, func(w http.ResponseWriter, r *http.Request) {}).URL
		},
		shown: `callback verification failed: .*hub.verify_token=\*\*\*.*certificate`,
	}, {
		kind:   "verify_token answered by the callback",
		opts:   emulator.Options{WebhookInsecureLoopback: true},
		config: verifyTokenVariable + subscriptionConfig,
		setup: func(t *testing.T, _ *acctest.Env) string {
			// A callback that answers the token instead of the challenge.
			return newCallback(t, func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.WriteString(w, r.URL.Query().Get("hub.verify_token"))
			}).URL
		},
		shown: `response does not match challenge, expected value=".*", received="\*\*\*"`,
	}, {
		kind: "upload authorization",
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "POST /ig-api-upload/{container-id}", Error: metaError(190,
				`Invalid header Authorization: "OAuth `+emulator.DefaultFacebookToken+`"`)})
			return ""
		},
		shown: `Invalid header Authorization: "OAuth \*\*\*"`,
	}, {
		kind:   "Page token",
		config: `resource "instagram_subscribed_app" "me" { subscribed_fields = ["comments"] }`,
		setup: func(_ *testing.T, env *acctest.Env) string {
			env.Emulator.InjectFault(emulator.Fault{Route: "POST /{page-id}/subscribed_apps", Error: metaError(190,
				"Error validating Page access token "+metaSecrets["Page token"])})
			return ""
		},
		shown: `Error validating Page access token \*\*\*`,
	}} {
		t.Run(tc.kind, func(t *testing.T) {
			t.Parallel()
			opts := tc.opts
			opts.Now = time.Now // the provider runs in its own process, on the wall clock
			env := acctest.New(t, opts).WithAppCredentials()
			env.Vars["TF_VAR_verify_token"] = metaVerifyToken // not -var: the CLI logs its arguments
			config := tc.config
			if tc.kind == "upload authorization" {
				video := filepath.Join(t.TempDir(), "reel.mp4")
				if err := os.WriteFile(video, append([]byte("\x00\x00\x00\x10ftypisom\x00\x00\x02\x00"), make([]byte, 4096)...), 0o600); err != nil {
					t.Fatal(err)
				}
				config = fmt.Sprintf("resource \"instagram_media\" \"reel\" {\n  type       = \"REELS\"\n  video_file = %q\n}\n", video)
			}
			if callback := tc.setup(t, env); callback != "" {
				config = strings.ReplaceAll(config, "CALLBACK_URL", callback)
			}
			w := env.Workdir(t)
			w.Write("main.tf", config)
			logPath := filepath.Join(t.TempDir(), "terraform.log")
			cmd := w.Command(t.Context(), "apply", "-auto-approve", "-no-color")
			cmd.Env = append(cmd.Env, "TF_LOG=TRACE", "TF_LOG_PATH="+logPath)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			var exit *exec.ExitError
			if err := cmd.Run(); !errors.As(err, &exit) {
				t.Fatalf("apply did not fail as Meta answered: %v\n%s", err, out.String())
			}
			if !acctest.ExpectError(tc.shown).MatchString(out.String()) {
				t.Errorf("the output does not show Meta's message, redacted (%s):\n%s", tc.shown, out.String())
			}
			assertNoSecretForms(t, "the output", out.String())
			logText, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(logText, []byte("Response contains error diagnostic")) {
				t.Error("the log lacks the provider's diagnostics: TF_LOG=TRACE did not reach the provider")
			}
			assertNoSecretForms(t, "the log", string(logText))
		})
	}
}

const subscriptionConfig = `
resource "instagram_webhook_subscription" "s" {
  callback_url         = "CALLBACK_URL"
  fields               = ["comments"]
  verify_token         = var.verify_token
  verify_token_version = 1
}
`

// newCallback is an https webhook endpoint on loopback with its own
// certificate (httptest's).
func newCallback(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// assertNoSecretForms looks for every secret of metaSecrets, as is and in
// the forms URLs and JSON give it.
func assertNoSecretForms(t *testing.T, where, text string) {
	t.Helper()
	for name, s := range metaSecrets {
		for _, form := range []string{s, url.QueryEscape(s), url.PathEscape(s), strings.Trim(fmt.Sprintf("%q", s), `"`)} {
			if i := strings.Index(text, form); i >= 0 {
				t.Errorf("%s contains the %s: …%s…", where, name, text[max(0, i-120):min(len(text), i+len(form)+40)])
			}
		}
	}
}
