package provider_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// examples/content-calendar runs as a team would run it: merged a week
// ahead (everything scheduled, nothing published, an empty plan after),
// then the pipeline on its timer: each post goes out at the first run at or
// after its time, the carousel's video is staged the night before, and the
// calendar ends with every post published once.
func TestAccExamples_contentCalendar(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.ProviderFunctions)
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	w.Write("providers.tf", "") // the example's versions.tf declares the provider
	for _, name := range []string{"versions.tf", "calendar.tf", "posts.tf"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "content-calendar", name))
		if err != nil {
			t.Fatal(err)
		}
		w.Write(name, string(b))
	}
	published := func() int { return len(env.Emulator.MediaIDs(emulator.DefaultAccountID)) }
	at := func(when string) {
		t.Helper()
		target, err := time.Parse(time.RFC3339, when)
		if err != nil {
			t.Fatal(err)
		}
		env.Emulator.AdvanceClock(target.Sub(env.Emulator.Now()))
	}

	at("2026-12-07T10:00:00+01:00") // merged a week ahead
	out := w.MustRun("apply", "-auto-approve", "-no-color")
	if n := strings.Count(out, "Warning: Post scheduled for"); n == 0 || published() != 0 {
		t.Fatalf("the merge should schedule the calendar and publish nothing (%d published):\n%s", published(), out)
	}
	w.MustRun("plan", "-detailed-exitcode", "-no-color")

	for _, step := range []struct {
		when      string
		published int
	}{
		{"2026-12-14T09:05:00+01:00", 1}, // the launch, at the first run after 9:00
		{"2026-12-15T01:00:00+01:00", 1}, // the carousel's video is staged, nothing published
		{"2026-12-15T12:30:00+01:00", 2},
		{"2026-12-16T18:15:00+01:00", 3},
		{"2026-12-17T08:00:00+01:00", 4},
	} {
		at(step.when)
		w.MustRun("apply", "-auto-approve", "-no-color")
		if n := published(); n != step.published {
			t.Fatalf("at %s %d posts are published, want %d", step.when, n, step.published)
		}
	}
	if n := env.Emulator.CallCount("POST /{ig-user-id}/media_publish"); n != 4 {
		t.Errorf("media_publish sent %d times for 4 posts", n)
	}
	out = w.MustRun("output", "-no-color", "calendar")
	if strings.Count(out, `"published"`) != 4 {
		t.Errorf("the calendar output does not show four published posts:\n%s", out)
	}
	w.MustRun("plan", "-detailed-exitcode", "-no-color")
}
