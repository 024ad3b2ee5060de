package common_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

func TestPlanQuotaWarnsBeyondQuota(t *testing.T) {
	emu := emulator.New(emulator.Options{QuotaTotal: 2})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	data := common.NewProviderData(common.ProviderDataOptions{Client: client, DefaultAccount: emulator.DefaultAccountID, Now: emu.Now})

	var warnings []string
	for range 3 {
		var diags diag.Diagnostics
		data.PlanQuota.NotePublish(context.Background(), emulator.DefaultAccountID, &diags)
		for _, d := range diags.Warnings() {
			warnings = append(warnings, d.Detail())
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "at least 3 posts") || !strings.Contains(warnings[0], "only 2 of its 2 posts") {
		t.Fatalf("want one warning for the third post, got %q", warnings)
	}
	// The quota is read once per configured provider and account, not per resource.
	if n := emu.CallCount("GET /{ig-user-id}/content_publishing_limit"); n != 1 {
		t.Fatalf("content_publishing_limit read %d times", n)
	}
}
