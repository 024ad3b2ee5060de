package media_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// What a person running a pipeline sees, through the real CLI with the
// provider on the emulator's clock: the apply that schedules a post says
// when it goes out; `plan -detailed-exitcode` before its time exits 0 and
// warns about nothing; at its time the plan says it publishes now.
func TestAccMedia_scheduledPlansThroughTheCLI(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	nine := at(env, time.Hour)
	w.Write("main.tf", scheduledImage("Monday 9:00", nine))

	out := w.MustRun("apply", "-auto-approve", "-no-color")
	if !strings.Contains(out, "Post scheduled for "+nine) || !strings.Contains(out, "status") {
		t.Errorf("the apply does not say when the post goes out:\n%s", out)
	}
	env.Emulator.AdvanceClock(30 * time.Minute)
	before := env.Emulator.TotalCalls()
	out = w.MustRun("plan", "-detailed-exitcode", "-no-color") // exit code 2 (changes) would be an error
	if strings.Contains(out, "Warning") || !strings.Contains(out, "No changes") {
		t.Errorf("a plan before the post's time is not empty and quiet:\n%s", out)
	}
	if n := env.Emulator.TotalCalls() - before; n != 0 {
		t.Errorf("a plan before the post's time made %d API calls: %v", n, env.Emulator.Calls())
	}

	env.Emulator.AdvanceClock(30 * time.Minute)
	out, err := w.Run("plan", "-detailed-exitcode", "-no-color")
	if err == nil || !strings.Contains(out, "exit status 2") && !strings.Contains(err.Error(), "exit status 2") {
		t.Errorf("the plan at the post's time should exit 2 (changes): %v", err)
	}
	if !strings.Contains(out, "Scheduled post publishes now") || !strings.Contains(out, "scheduled for "+nine) ||
		!strings.Contains(out, "update in-place") {
		t.Errorf("the plan at the post's time does not say it publishes now:\n%s", out)
	}
	w.MustRun("apply", "-auto-approve", "-no-color")
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 1 {
		t.Fatalf("%d posts after the apply at the post's time, want 1", n)
	}
	w.MustRun("plan", "-detailed-exitcode", "-no-color")
}

// A run past the window says once that the post missed its time, and how
// to reschedule it; the next plan is empty and quiet.
func TestAccMedia_scheduledMissedWarnsOnce(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	w.Write("main.tf", scheduledImage("Too late", at(env, time.Hour)))
	w.MustRun("apply", "-auto-approve", "-no-color")
	env.Emulator.AdvanceClock(4 * time.Hour)
	out := w.MustRun("apply", "-auto-approve", "-no-color")
	if n := strings.Count(out, "Warning: Scheduled post missed its time"); n == 0 || !strings.Contains(out, "set publish_at to a new time") {
		t.Errorf("want the missed warning with how to reschedule:\n%s", out)
	}
	out = w.MustRun("plan", "-detailed-exitcode", "-no-color")
	if strings.Contains(out, "Warning") {
		t.Errorf("a missed post warns again on the next plan:\n%s", out)
	}
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
		t.Fatalf("a missed post was published")
	}
}

// A calendar that would publish more posts in some 24 hours than the
// account's quota warns at plan time, naming the window and the posts.
func TestAccMedia_calendarBeyondTheQuotaWarns(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{QuotaTotal: 2})
	w := env.InProcessWorkdir(t)
	var config strings.Builder
	for i, hours := range []int{20, 22, 23, 60} {
		fmt.Fprintf(&config, `
resource "instagram_media" "p%d" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/%d.jpg"
  caption    = "Calendar post %d"
  publish_at = %q
}
`, i, i, i, at(env, time.Duration(hours)*time.Hour))
	}
	w.Write("main.tf", config.String())
	out := w.MustRun("plan", "-no-color")
	warning := warningText(out, "The posts of this plan exceed the publishing quota")
	if strings.Count(out, "exceed the publishing quota") != 1 || !strings.Contains(warning, "may publish 2 posts in any 24 hours") ||
		!strings.Contains(warning, `"Calendar post 2"`) || strings.Contains(warning, `"Calendar post 3"`) {
		t.Errorf("want one warning naming the crowded day and its posts (not the post two days later):\n%s", out)
	}
	if n := env.Emulator.TotalCalls(); n > 3 {
		t.Errorf("the calendar check made %d calls: %v", n, env.Emulator.Calls())
	}
}

// Old posts stay quiet: a workspace with 500 published posts and 100 stories
// that expired plans without a single warning.
func TestAccMedia_oldPostsStayQuiet(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{QuotaTotal: 1000, ContainerLimit: 1000})
	w := env.InProcessWorkdir(t)
	w.Write("main.tf", `
resource "instagram_media" "past" {
  count     = 500
  type      = "IMAGE"
  image_url = "https://cdn.example.com/past-${count.index}.jpg"
  caption   = "Past post ${count.index}"
}

resource "instagram_media" "story" {
  count     = 100
  type      = "STORIES"
  image_url = "https://cdn.example.com/story-${count.index}.jpg"
}
`)
	w.MustRun("apply", "-auto-approve", "-no-color", "-parallelism=20")
	env.Emulator.AdvanceClock(25 * time.Hour) // every story has expired
	out := w.MustRun("plan", "-detailed-exitcode", "-no-color")
	if strings.Contains(out, "Warning") || !strings.Contains(out, "No changes") {
		t.Errorf("a plan over 500 past posts and 100 expired stories is not empty and quiet:\n%s", lastLines(out, 40))
	}
}

// warningText is the text of the CLI's warning with this summary.
func warningText(out, summary string) string {
	_, after, ok := strings.Cut(out, "Warning: "+summary)
	if !ok {
		return ""
	}
	text, _, _ := strings.Cut(after, "Warning: ")
	return text
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
