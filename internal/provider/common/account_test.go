package common

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

func newAccountTestData(t *testing.T, opts emulator.Options, token string) (*ProviderData, *emulator.Server) {
	t.Helper()
	emu := emulator.New(opts)
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: token, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	login := LoginFacebook
	if strings.HasPrefix(token, "IG") {
		login = LoginInstagram
	}
	return NewProviderData(ProviderDataOptions{Client: client, Login: login}), emu
}

// An account the token cannot reach is reported on account_id, naming the
// account and the ones the token does reach, with Meta's answer; a Page id
// is named as one. Each account is checked once per run, however many
// resources ask, concurrently or not.
func TestCheckAccount(t *testing.T) {
	d, emu := newAccountTestData(t, emulator.Options{}, emulator.DefaultFacebookToken)
	attr := path.Root("account_id")
	for _, tc := range []struct {
		account string
		want    []string // in the error's detail; none: reachable
	}{
		{emulator.DefaultAccountID, nil},
		{"17841400000000999", []string{"No Instagram account 17841400000000999 is reachable with this token",
			"This token reaches:\n  - " + emulator.DefaultAccountID + " (@" + emulator.DefaultUsername, "code 100, subcode 33"}},
		{emulator.DefaultPageID, []string{emulator.DefaultPageID + " is the id of a Facebook Page, not of an Instagram account",
			"  - " + emulator.DefaultAccountID}},
	} {
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() {
				var diags diag.Diagnostics
				ok := d.CheckAccount(context.Background(), tc.account, attr, &diags)
				if ok != (tc.want == nil) || ok == diags.HasError() {
					t.Errorf("%s: ok %t, diags %v", tc.account, ok, diags)
					return
				}
				for _, dg := range diags {
					if a, isAttr := dg.(diag.DiagnosticWithPath); !isAttr || !a.Path().Equal(attr) {
						t.Errorf("%s: the error is not on account_id: %v", tc.account, dg)
					}
					for _, w := range tc.want {
						if !strings.Contains(dg.Detail(), w) {
							t.Errorf("%s: the detail lacks %q:\n%s", tc.account, w, dg.Detail())
						}
					}
				}
			})
		}
		wg.Wait()
	}
	if n := emu.CallCount("GET /{ig-user-id}") + emu.CallCount("GET /{unknown}") + emu.CallCount("GET /{page-id}"); n != 3 {
		t.Errorf("%d account reads for 3 accounts asked 5 times each, want 3: %v", n, emu.Calls())
	}
}

// The account discovered from the token needs no check; errors that say
// nothing about the account are not reported, nor remembered.
func TestCheckAccount_discoveredAndInconclusive(t *testing.T) {
	d, emu := newAccountTestData(t, emulator.Options{}, emulator.DefaultFacebookToken)
	var diags diag.Diagnostics
	account, ok := d.ReachableAccount(context.Background(), types.StringNull(), &diags)
	if !ok || account != emulator.DefaultAccountID || emu.CallCount("GET /{ig-user-id}") != 0 {
		t.Fatalf("discovered account: %q %t %v, %d reads", account, ok, diags, emu.CallCount("GET /{ig-user-id}"))
	}

	emu.InjectFault(emulator.Fault{Route: "GET /{unknown}", Times: 1, Status: 500,
		Error: &emulator.ErrorBody{Code: 2, Type: "OAuthException", Message: "An unexpected error has occurred.", IsTransient: true}})
	if !d.CheckAccount(context.Background(), "17841400000000999", path.Root("account_id"), &diags) || diags.HasError() {
		t.Fatalf("a server error was reported as the account's fault: %v", diags)
	}
	if d.CheckAccount(context.Background(), "17841400000000999", path.Root("account_id"), &diags) {
		t.Fatal("after an inconclusive answer the account was not checked again")
	}
}

// With Instagram login the token reaches its own account only.
func TestCheckAccount_instagramLogin(t *testing.T) {
	d, _ := newAccountTestData(t, emulator.Options{}, emulator.DefaultInstagramToken)
	var diags diag.Diagnostics
	if d.CheckAccount(context.Background(), "17841400000000999", path.Root("account_id"), &diags) {
		t.Fatal("an unknown account passed")
	}
	if detail := diags[0].Detail(); !strings.Contains(detail, "This token reaches:\n  - "+emulator.DefaultAccountID) {
		t.Errorf("the detail does not name the token's account:\n%s", detail)
	}
	diags = nil
	if !d.CheckAccount(context.Background(), emulator.DefaultAccountID, path.Root("account_id"), &diags) {
		t.Fatalf("the token's own account failed: %v", diags)
	}
}
