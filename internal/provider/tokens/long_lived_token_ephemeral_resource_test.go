package tokens_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const sixtyDays = 60 * 24 * time.Hour

// echoConfig opens the ephemeral resource with the given body and echoes it.
func echoConfig(body string) string {
	return fmt.Sprintf(`
ephemeral "instagram_long_lived_token" "t" {
%s
}

provider "echo" {
  data = ephemeral.instagram_long_lived_token.t
}

resource "echo" "t" {}
`, body)
}

func echoed(attr string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("echo.t", tfjsonpath.New("data").AtMapKey(attr), v)
}

func TestAccLongLivedToken_instagramExchange(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin().WithEcho()
	env.Vars["INSTAGRAM_APP_SECRET"] = emulator.DefaultAppSecret
	short := env.Emulator.IssueToken(emulator.DefaultAccountID, "instagram", time.Hour)
	expiresAt := env.Emulator.Now().Add(sixtyDays).Format(time.RFC3339)

	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.EphemeralResources),
		Steps: []resource.TestStep{{
			// The long-lived token configures a second provider that reads the
			// account with it: the exchanged token is a working token.
			Config: echoConfig(fmt.Sprintf("  mode  = \"exchange\"\n  token = %q", short)) + `
provider "instagram" {
  alias        = "long"
  access_token = ephemeral.instagram_long_lived_token.t.access_token
}

data "instagram_account" "a" {
  provider = instagram.long
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				echoed("access_token", knownvalue.StringRegexp(regexp.MustCompile(`^IGAAEmulatorIssuedToken`))),
				echoed("token_type", knownvalue.StringExact("bearer")),
				echoed("expires_in", knownvalue.Int64Exact(int64(sixtyDays/time.Second))),
				echoed("expires_at", knownvalue.StringExact(expiresAt)),
				statecheck.ExpectKnownValue("data.instagram_account.a", tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
			},
		}},
	})
	if env.Emulator.CallCount("GET /access_token") == 0 {
		t.Error("the exchange endpoint was never called")
	}
	if n := env.Emulator.TokenInURLCount(); n != 0 {
		t.Errorf("%d requests carried access_token in the URL", n)
	}
}

func TestAccLongLivedToken_instagramRefresh(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin().WithEcho()
	fresh := env.Emulator.IssueToken(emulator.DefaultAccountID, "instagram", sixtyDays)

	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.EphemeralResources),
		Steps: []resource.TestStep{
			{
				// Meta refuses to refresh a token younger than 24 hours.
				Config:      echoConfig(fmt.Sprintf("  mode  = \"refresh\"\n  token = %q", fresh)),
				ExpectError: acctest.ExpectError(`Cannot get a long-lived Instagram token.*can only be refreshed 24 hours after it was issued`),
			},
			{
				// The provider's own (seeded, long-lived) token; refresh needs no app secret.
				// Last, so that the final destroy (which opens it again) succeeds.
				Config: echoConfig(`  mode = "refresh"`),
				ConfigStateChecks: []statecheck.StateCheck{
					echoed("access_token", knownvalue.StringRegexp(regexp.MustCompile(`^IGAAEmulatorIssuedToken`))),
					echoed("token", knownvalue.Null()),
				},
			},
		},
	})
	if n := env.Emulator.CallCount("GET /refresh_access_token"); n == 0 {
		t.Error("the refresh endpoint was never called")
	}
}

func TestAccLongLivedToken_facebookExchange(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).WithAppCredentials().WithEcho()

	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.EphemeralResources),
		Steps: []resource.TestStep{{
			Config: echoConfig(`  mode = "exchange"`),
			ConfigStateChecks: []statecheck.StateCheck{
				echoed("access_token", knownvalue.StringRegexp(regexp.MustCompile(`^EAAEmulatorIssuedToken`))),
				echoed("expires_at", knownvalue.StringExact(env.Emulator.Now().Add(sixtyDays).Format(time.RFC3339))),
			},
		}},
	})
	if env.Emulator.CallCount("GET /oauth/access_token") == 0 {
		t.Error("the exchange endpoint was never called")
	}
}

func TestAccLongLivedToken_refusedBeforeCalling(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body, pattern string
		instagram           bool
	}{
		{"facebook refresh", `  mode = "refresh"`, `Facebook login has no token refresh.*mode = "exchange"`, false},
		{"facebook exchange without app credentials", `  mode = "exchange"`,
			`needs the app credentials.*app_id and app_secret \(or INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET\)`, false},
		{"instagram exchange without app secret", `  mode = "exchange"`, `needs the app credentials.*Set app_secret \(or INSTAGRAM_APP_SECRET\): the Instagram app secret`, true},
		{"bad mode", `  mode = "renew"`, `Attribute mode value must be one of`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{}).WithEcho()
			if c.instagram {
				env.InstagramLogin()
			}
			env.PlanOnlyError(t, echoConfig(c.body), c.pattern, acctest.SkipWithout(acctest.EphemeralResources))
		})
	}
}
