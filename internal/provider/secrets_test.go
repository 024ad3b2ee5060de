package provider_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// TestAccSecretsNeverLeak runs plan and apply with every kind of secret the
// provider handles, with the CLI and the in-process provider logging at
// TRACE to one file, and looks for the secrets in the log, the state (`show
// -json` and the state files) and the plan. It sets process environment, so
// it does not run in parallel.
func TestAccSecretsNeverLeak(t *testing.T) {
	const verifyToken = "verify-token-secret-7f3a9c"
	secrets := map[string]string{
		"access token":    emulator.DefaultFacebookToken,
		"app secret":      emulator.DefaultAppSecret,
		"app token":       appToken,
		"appsecret_proof": proof(emulator.DefaultFacebookToken),
		"verify_token":    verifyToken,
		"a minted token":  "EmulatorIssuedToken", // every token the emulator mints has it
		"token in a path": "access_token=",
	}
	// What Meta answers in the second step: a message that quotes every
	// secret the provider knows, as is or escaped in a URL.
	metaEcho := "Meta echoed " + strings.Join([]string{emulator.DefaultFacebookToken, emulator.DefaultAppSecret, appToken,
		url.QueryEscape(appToken), proof(emulator.DefaultFacebookToken), "hub.verify_token=" + url.QueryEscape(verifyToken)}, " ")

	dir := t.TempDir()
	logPath := filepath.Join(dir, "terraform.log")
	workDir := filepath.Join(dir, "work")
	if err := os.Mkdir(workDir, 0o700); err != nil {
		t.Fatal(err)
	}
	// TF_ACC_LOG_PATH sends both the CLI's log and the in-process provider's
	// tflog output (terraform-plugin-log's test sink) to one file at TRACE.
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_LOG_PATH_MASK", "") // would take precedence
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_TEMP_DIR", workDir)
	t.Setenv("TF_ACC_PERSIST_WORKING_DIR", "1")

	callback := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("hub.verify_token") != verifyToken {
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
	}))
	t.Cleanup(callback.Close)
	env := acctest.New(t, emulator.Options{WebhookHTTPClient: callback.Client()}).WithAppCredentials()

	vars := config.Variables{"verify_token": config.StringVariable(verifyToken)}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.EphemeralResources, acctest.WriteOnlyAttributes),
		Steps: []resource.TestStep{{
			ConfigVariables: vars,
			Config:          neverLeakConfig(callback.URL),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{noSecretsIn{secrets, "plan"}},
				PostApplyPostRefresh: []plancheck.PlanCheck{noSecretsIn{secrets, "plan after apply"}, plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{noSecretsIn{secrets, "state (show -json)"}},
		}, {
			// Meta's answer to the account's read quotes every secret: the
			// error shows Meta's message with each one replaced, and the
			// log (checked below) has none of them.
			PreConfig: func() {
				env.Emulator.InjectFault(emulator.Fault{Route: "GET /{ig-user-id}", Times: 1,
					Error: &emulator.ErrorBody{Code: 190, Type: "OAuthException", Message: metaEcho}})
			},
			ConfigVariables: vars,
			Config:          neverLeakConfig(callback.URL),
			ExpectError:     acctest.ExpectError(`Meta echoed \*\*\* \*\*\* \*\*\* \*\*\* \*\*\* hub.verify_token=\*\*\*`),
		}},
	})

	// The run really exercised what it should look at.
	if env.Emulator.CallCount("GET /oauth/access_token") == 0 || env.Emulator.CallCount("GET /debug_token") == 0 {
		t.Fatalf("the token endpoints were not called: %v", env.Emulator.Calls())
	}
	if _, ok := env.Emulator.Subscription("instagram"); ok {
		t.Error("the subscription survived destroy")
	}
	if n := env.Emulator.TokenInURLCount(); n != 0 {
		t.Errorf("%d requests carried access_token in the URL", n)
	}

	logText, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	// The provider's own DEBUG lines are in the file, not just the CLI's.
	for _, want := range []string{"graph: response", "path=/debug_token", "path=/oauth/access_token", "path=/" + emulator.DefaultAppID + "/subscriptions"} {
		if !strings.Contains(string(logText), want) {
			t.Errorf("the log does not contain %q: the provider's log output was not captured", want)
		}
	}
	assertNoSecrets(t, "the log", string(logText), secrets)

	// The state files the CLI wrote, byte for byte.
	states := 0
	err = filepath.WalkDir(workDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(d.Name(), ".tfstate") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		states++
		assertNoSecrets(t, "state file "+p, string(b), secrets)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if states == 0 {
		t.Error("no state file found under TF_ACC_TEMP_DIR")
	}
}

// neverLeakConfig handles every kind of secret: a write-only verify_token
// from an ephemeral variable, the app's credentials, a token minted during
// the run and used by a second provider.
func neverLeakConfig(callbackURL string) string {
	return fmt.Sprintf(`
variable "verify_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "instagram_webhook_subscription" "s" {
  callback_url         = %q
  fields               = ["comments"]
  verify_token         = var.verify_token
  verify_token_version = 1
}

data "instagram_token" "t" {}

# A long-lived token minted during the run, used by a second provider.
ephemeral "instagram_long_lived_token" "t" {
  mode = "exchange"
}

provider "instagram" {
  alias        = "long_lived"
  access_token = ephemeral.instagram_long_lived_token.t.access_token
}

data "instagram_account" "a" {
  provider = instagram.long_lived
}
`, callbackURL)
}

func assertNoSecrets(t *testing.T, where, text string, secrets map[string]string) {
	t.Helper()
	for name, s := range secrets {
		if i := strings.Index(text, s); i >= 0 {
			t.Errorf("%s contains the %s: …%s…", where, name, text[max(0, i-120):min(len(text), i+len(s)+40)])
		}
	}
}

// noSecretsIn is a plan check and a state check: it renders the CLI's JSON
// (the plan, or the state as `show -json` prints it) and looks for the
// secrets in it.
type noSecretsIn struct {
	secrets map[string]string
	where   string
}

func (c noSecretsIn) check(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for name, s := range c.secrets {
		if strings.Contains(string(b), s) {
			return fmt.Errorf("the %s contains the %s", c.where, name)
		}
	}
	return nil
}

func (c noSecretsIn) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.check(req.Plan)
}

func (c noSecretsIn) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.check(req.State)
}
