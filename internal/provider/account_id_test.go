package provider_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const unknownAccount = "17841400000000999"

// What the user is told about unknownAccount (acctest.ExpectError patterns):
// the account, and the accounts the token does reach; onAccountID shows it
// on the account_id line of the configuration.
const (
	reaches             = `This token reaches: - 17841400000000001 \(@emulator_brand, Page "`
	unknownAccountError = `Unknown Instagram account .*No Instagram account 17841400000000999 is reachable with this token.* ` + reaches
	onAccountID         = `Unknown Instagram account .*account_id = "17841400000000999".*No Instagram account 17841400000000999 is reachable with this token.* ` + reaches
)

// An account_id that names no account the token reaches is reported on
// account_id, naming the account and the accounts the token does reach,
// before anything else is sent: at plan time for data sources, before any
// write for a resource, a query or an action. Never as advice to retry.
func TestAccAccountID_unreachable(t *testing.T) {
	t.Parallel()

	t.Run("data source, at plan time", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		env.Test(t, planError(`
data "instagram_account" "a" {
  account_id = "17841400000000999"
}
`, onAccountID))
		requireOnlyAccountChecks(t, env)
	})

	t.Run("the provider's account_id", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		env.Vars["INSTAGRAM_ACCOUNT_ID"] = unknownAccount
		env.Test(t, planError(`data "instagram_content_publishing_limit" "q" {}`, unknownAccountError))
		requireOnlyAccountChecks(t, env)
	})

	t.Run("a Page id", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		env.Test(t, planError(`
data "instagram_stories" "s" {
  account_id = "`+emulator.DefaultPageID+`"
}
`, `Unknown Instagram account .*`+emulator.DefaultPageID+` is the id of a Facebook Page, not of an Instagram account.* `+
			`This token reaches: - 17841400000000001`))
	})

	t.Run("resource, before any write", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		post := env.PostOutOfBand(t, emulator.Post{Caption: "In the app"})
		env.ApplyError(t, `
resource "instagram_comment_settings" "c" {
  media_id         = "`+post+`"
  comments_enabled = false
  account_id       = "17841400000000999"
}
`, onAccountID)
		requireOnlyAccountChecks(t, env)
	})

	t.Run("query", func(t *testing.T) {
		t.Parallel()
		acctest.SkipUnless(t, acctest.ListResources)
		env := acctest.New(t, emulator.Options{Now: time.Now})
		requireCLIError(t, env, "all.tfquery.hcl", `
list "instagram_media" "all" {
  provider = instagram
  config {
    account_id = "17841400000000999"
  }
}
`, func(w *acctest.Workdir) (string, error) { return w.Run("query", "-no-color") })
	})

	t.Run("action", func(t *testing.T) {
		t.Parallel()
		acctest.SkipUnless(t, acctest.Actions)
		env := acctest.New(t, emulator.Options{Now: time.Now})
		requireCLIError(t, env, "main.tf", `
action "instagram_moderate_comments" "hide" {
  config {
    operation    = "hide"
    text_matches = "(?i)free followers"
    account_id   = "17841400000000999"
  }
}
`, func(w *acctest.Workdir) (string, error) { return w.Invoke("action.instagram_moderate_comments.hide") })
	})
}

// requireCLIError runs the CLI (run) on a configuration of one file and
// requires it to fail with unknownAccountError, having sent nothing else.
func requireCLIError(t *testing.T, env *acctest.Env, file, content string, run func(*acctest.Workdir) (string, error)) {
	t.Helper()
	w := env.Workdir(t)
	w.Write(file, content)
	out, err := run(w)
	if err == nil || !acctest.ExpectError(unknownAccountError).MatchString(out) {
		t.Fatalf("%v\n%s", err, out)
	}
	requireOnlyAccountChecks(t, env)
}

func planError(config, pattern string) resource.TestCase {
	return resource.TestCase{Steps: []resource.TestStep{{Config: config, PlanOnly: true, ExpectError: acctest.ExpectError(pattern)}}}
}

// requireOnlyAccountChecks fails unless the provider read nothing but the
// unknown account (the check) and the token's Pages (the accounts it
// reaches): nothing else was sent, let alone written.
func requireOnlyAccountChecks(t *testing.T, env *acctest.Env) {
	t.Helper()
	calls := slices.Sorted(maps.Keys(env.Emulator.Calls()))
	for _, c := range calls {
		if c != "GET /{unknown}" && c != "GET /me/accounts" {
			t.Errorf("the provider sent %s (calls: %s)", c, strings.Join(calls, ", "))
		}
	}
	if env.Emulator.CallCount("GET /{unknown}") != 1 {
		t.Errorf("the unknown account was read %d times, want once", env.Emulator.CallCount("GET /{unknown}"))
	}
}
