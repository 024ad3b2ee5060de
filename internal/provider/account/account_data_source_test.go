package account_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const accountAddr = "data.instagram_account.me"

func TestAccAccountDataSource_facebookLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	// No account_id anywhere: discovered through the token's Pages.
	env.Apply(t, `data "instagram_account" "me" {}`,
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("account_type"), knownvalue.Null()),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("followers_count"), knownvalue.NotNull()),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("media_count"), knownvalue.NotNull()),
	)
	if n := env.Emulator.CallCount("GET /me/accounts"); n == 0 {
		t.Fatalf("the default account was not discovered through /me/accounts")
	}
}

func TestAccAccountDataSource_instagramLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.Apply(t, `data "instagram_account" "me" {}`,
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
		statecheck.ExpectKnownValue(accountAddr, tfjsonpath.New("account_type"), knownvalue.NotNull()),
	)
}

func TestAccAccountDataSource_unknownAccount(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{}).ApplyError(t,
		`data "instagram_account" "other" { account_id = "17841499999999999" }`, `code 100, subcode 33.*fbtrace_id`)
}

// A profile without a website: Meta leaves the field out, and the
// data source reports null, never "".
func TestAccAccountDataSource_absentFieldsAreNull(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Emulator.AddAccount(emulator.Account{
		ID: "17841400000000077", Username: "bare_profile", FollowersCount: 12, FacebookToken: emulator.DefaultFacebookToken,
		PageID: "104000000000077", PageName: "Bare",
	})
	env.Apply(t, `data "instagram_account" "bare" { account_id = "17841400000000077" }`,
		statecheck.ExpectKnownValue("data.instagram_account.bare", tfjsonpath.New("website"), knownvalue.Null()),
		statecheck.ExpectKnownValue("data.instagram_account.bare", tfjsonpath.New("followers_count"), knownvalue.Int64Exact(12)),
	)
}
