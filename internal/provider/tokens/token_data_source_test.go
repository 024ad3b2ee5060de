package tokens_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const tokenAddr = "data.instagram_token.current"

// guardedConfig fails when fewer than 14 days remain, with the same
// condition as the check block of the example.
const guardedConfig = `
data "instagram_token" "current" {
  lifecycle {
    postcondition {
      condition     = try(self.expires_in_days >= 14, true)
      error_message = "Renew the Instagram access token: it expires in ${coalesce(self.expires_in_days, -1)} days."
    }
  }
}
`

func TestAccTokenDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).WithAppCredentials()
	now := env.Emulator.Now()
	env.Vars["INSTAGRAM_ACCESS_TOKEN"] = env.Emulator.IssueToken(emulator.DefaultAccountID, "facebook", 20*24*time.Hour)
	rfc := func(t time.Time) knownvalue.Check { return knownvalue.StringExact(t.UTC().Format(time.RFC3339)) }

	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: guardedConfig,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("is_valid"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("type"), knownvalue.StringExact("USER")),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("app_id"), knownvalue.StringExact(emulator.DefaultAppID)),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("user_id"), knownvalue.StringExact(emulator.DefaultFacebookUserID)),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("issued_at"), rfc(now)),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("expires_at"), rfc(now.Add(20*24*time.Hour))),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("data_access_expires_at"), rfc(now.Add(90*24*time.Hour))),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("expires_in_days"), knownvalue.Int64Exact(20)),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("error"), knownvalue.Null()),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("scopes"), knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.StringExact("instagram_basic"),
					})),
					statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("granular_scopes").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"scope":      knownvalue.StringExact("instagram_basic"),
						"target_ids": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(emulator.DefaultAccountID)}),
					})),
				},
			},
			{
				// Seven days later fewer than 14 remain: the guard fails the run.
				PreConfig:   func() { env.Emulator.AdvanceClock(7 * 24 * time.Hour) },
				Config:      guardedConfig,
				ExpectError: acctest.ExpectError(`Renew the Instagram access token: it expires in 13 days`),
			},
		},
	})
	if n := env.Emulator.TokenInURLCount(); n != 0 {
		t.Errorf("%d requests carried access_token in the URL", n)
	}
}

func TestAccTokenDataSource_neverExpires(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).WithAppCredentials()
	// The seeded token does not expire: nulls, and the guard passes.
	env.Apply(t, guardedConfig,
		statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("is_valid"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("expires_at"), knownvalue.Null()),
		statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("expires_in_days"), knownvalue.Null()),
		statecheck.ExpectKnownValue(tokenAddr, tfjsonpath.New("issued_at"), knownvalue.Null()),
	)
}

func TestAccTokenDataSource_refusedBeforeCalling(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		env     func(*testing.T) *acctest.Env
		pattern string
	}{
		"instagram login": {
			func(t *testing.T) *acctest.Env {
				return acctest.New(t, emulator.Options{}).WithAppCredentials().InstagramLogin()
			},
			`instagram_token \(Meta's debug_token\) needs Facebook login`,
		},
		"no app credentials": {
			func(t *testing.T) *acctest.Env { return acctest.New(t, emulator.Options{}) },
			`instagram_token needs the app credentials.*Set app_id and app_secret`,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c.env(t).PlanOnlyError(t, `data "instagram_token" "current" {}`, c.pattern)
		})
	}
}
