package common_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

func newQuotaData(t *testing.T, quota int) (*emulator.Server, *common.ProviderData) {
	t.Helper()
	emu := emulator.New(emulator.Options{QuotaTotal: quota})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	return emu, common.NewProviderData(common.ProviderDataOptions{Client: client, DefaultAccount: emulator.DefaultAccountID, Now: emu.Now})
}

func note(data *common.ProviderData, posts ...common.PlannedPost) (warnings []string) {
	for _, p := range posts {
		var diags diag.Diagnostics
		data.PlanQuota.Note(context.Background(), emulator.DefaultAccountID, p, &diags)
		for _, d := range diags.Warnings() {
			warnings = append(warnings, d.Detail())
		}
	}
	return warnings
}

func TestPlanQuotaWarnsBeyondQuota(t *testing.T) {
	emu, data := newQuotaData(t, 2)
	now := emu.Now()
	warnings := note(data,
		common.PlannedPost{At: now, Label: `"first"`, Changes: true},
		common.PlannedPost{At: now, Label: `"second"`, Changes: true},
		common.PlannedPost{At: now, Label: `"third"`, Changes: true},
		common.PlannedPost{At: now, Label: `"fourth"`, Changes: true},
	)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "may publish 2 posts in any 24 hours") ||
		!strings.Contains(warnings[0], "3 would go out") || !strings.Contains(warnings[0], `"third"`) {
		t.Fatalf("want one warning for the window, when the third post exceeds it; got %q", warnings)
	}
	// The quota is read once per configured provider and account, not per resource.
	if n := emu.CallCount("GET /{ig-user-id}/content_publishing_limit"); n != 1 {
		t.Fatalf("content_publishing_limit read %d times", n)
	}
}

// A calendar of scheduled posts is checked window by window: three posts
// in one day exceed a quota of two, the same posts a day apart do not.
func TestPlanQuotaChecksTheScheduledCalendar(t *testing.T) {
	emu, data := newQuotaData(t, 2)
	monday := emu.Now().Add(48 * time.Hour)
	spread := note(data,
		common.PlannedPost{At: monday, Label: "a", Changes: true},
		common.PlannedPost{At: monday.Add(24 * time.Hour), Label: "b", Changes: true},
		common.PlannedPost{At: monday.Add(48 * time.Hour), Label: "c", Changes: true},
	)
	if len(spread) != 0 {
		t.Fatalf("posts a day apart warned: %q", spread)
	}
	crowded := note(data, common.PlannedPost{At: monday.Add(time.Hour), Label: `"crowded"`, Changes: true},
		common.PlannedPost{At: monday.Add(2 * time.Hour), Label: `"too many"`, Changes: true})
	// Two moving windows hold three posts: Monday 12:00–14:00, and Monday
	// 13:00 to Tuesday 12:00 (b). Each is named once.
	if len(crowded) != 2 || !strings.Contains(crowded[0], "Between "+monday.Format(time.RFC3339)) || !strings.Contains(crowded[0], `"too many"`) ||
		!strings.Contains(crowded[1], ": b") {
		t.Fatalf("want a warning for each window beyond the quota, naming its posts; got %q", crowded)
	}
}

// Scheduled posts that the plan does not change cost no API call and warn
// about nothing, however crowded: the plan is about other things.
func TestPlanQuotaUnchangedCalendarIsQuiet(t *testing.T) {
	emu, data := newQuotaData(t, 1)
	at := emu.Now().Add(time.Hour)
	if w := note(data, common.PlannedPost{At: at, Label: "a"}, common.PlannedPost{At: at, Label: "b"}); len(w) != 0 {
		t.Fatalf("warnings: %q", w)
	}
	if n := emu.CallCount("GET /{ig-user-id}/content_publishing_limit"); n != 0 {
		t.Fatalf("content_publishing_limit read %d times", n)
	}
	// A new post joins them: now the calendar is checked, with all three.
	if w := note(data, common.PlannedPost{At: at, Label: "new", Changes: true}); len(w) != 1 || !strings.Contains(w[0], "3 would go out") {
		t.Fatalf("warnings: %q", w)
	}
}
