package common

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// A token that reaches several accounts fails discovery once per run, not
// once per resource: every later caller gets the same error without calls.
func TestAccountID_failedDiscoveryIsNotRepeated(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	emu.AddAccount(emulator.Account{ID: "17841400000000002", Username: "second_brand", FacebookToken: emulator.DefaultFacebookToken})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	d := NewProviderData(ProviderDataOptions{Client: client})
	for range 3 {
		if _, diags := d.AccountID(context.Background(), "", path.Root("account_id")); !diags.HasError() {
			t.Fatal("two reachable accounts must be an error asking for account_id")
		}
	}
	if n := emu.CallCount("GET /me/accounts"); n != 1 {
		t.Fatalf("/me/accounts listed %d times, want once per run", n)
	}
}
