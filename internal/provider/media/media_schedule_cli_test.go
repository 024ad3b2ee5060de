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

// A run stopped hard right after it published a scheduled post (killed
// before Terraform recorded it; the post published out of band here) leaves
// the post scheduled in the state, or out of it when the stopped run was
// the one creating it. A run after the window must not record it as missed
// while it is on Instagram: it names the post as the duplicate guard does,
// and following the advice (forget, import) converges to the post, once.
func TestAccMedia_scheduledPublishedByAStoppedRunIsNotMissed(t *testing.T) {
	t.Parallel()
	for _, inState := range []bool{true, false} {
		t.Run(fmt.Sprintf("in state: %t", inState), func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			w := env.InProcessWorkdir(t)
			w.Write("main.tf", scheduledImage("Stopped at nine", at(env, time.Hour), `publish_window = "30m"`))
			if inState {
				w.MustRun("apply", "-auto-approve", "-no-color")
			}
			env.Emulator.AdvanceClock(time.Hour + time.Minute)
			published := env.PublishImageOutOfBand(t, "Stopped at nine") // what the stopped run published
			env.Emulator.AdvanceClock(time.Hour)                         // the window closed

			out, err := w.Run("apply", "-auto-approve", "-no-color")
			orphans := acctest.Orphans(out)
			if err == nil || len(orphans) != 1 || orphans[0].ID != published || orphans[0].InState != inState {
				t.Fatalf("want the apply to stop and name post %s (in state: %t), got %+v:\n%s", published, inState, orphans, out)
			}
			w.Adopt(orphans)
			if _, _, err := w.Converge(2); err != nil {
				t.Fatal(err)
			}
			state := w.State()["instagram_media.post"]
			if state.String("id") != published || state.String("status") != "published" {
				t.Errorf("state holds %q with status %q, want post %s published", state.String("id"), state.String("status"), published)
			}
			if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 1 {
				t.Errorf("%d posts, want 1", n)
			}
			w.MustRun("plan", "-detailed-exitcode", "-no-color")
		})
	}
}

// The apply plans again, and Terraform refuses an apply whose second plan
// differs from the one approved ("Provider produced inconsistent final
// plan"). A plan whose outcome the clock may turn before the apply (the
// post's time about to come, its window about to close, a publish_at known
// only at apply) leaves it to the apply: a saved plan applied later does
// what the clock says then, once.
func TestAccMedia_scheduledSavedPlanAppliedLater(t *testing.T) {
	t.Parallel()
	t.Run("the time comes between plan and apply", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		w := env.InProcessWorkdir(t)
		w.Write("main.tf", scheduledImage("At ten", at(env, 20*time.Minute)))
		w.MustRun("plan", "-out=tfplan", "-no-color")
		env.Emulator.AdvanceClock(25 * time.Minute)
		w.MustRun("apply", "-no-color", "tfplan")
		if got := w.State()["instagram_media.post"].String("status"); got != "published" {
			t.Errorf("status %q, want published", got)
		}
		if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 1 {
			t.Errorf("%d posts, want 1", n)
		}
		w.MustRun("plan", "-detailed-exitcode", "-no-color")
	})
	t.Run("the window closes between plan and apply", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		w := env.InProcessWorkdir(t)
		w.Write("main.tf", scheduledImage("At ten", at(env, 2*time.Hour), `publish_window = "30m"`))
		w.MustRun("apply", "-auto-approve", "-no-color")
		env.Emulator.AdvanceClock(2*time.Hour + 10*time.Minute)
		out := w.MustRun("plan", "-out=tfplan", "-no-color")
		if !strings.Contains(out, "Scheduled post publishes now") {
			t.Errorf("the plan does not say the post publishes now:\n%s", out)
		}
		env.Emulator.AdvanceClock(30 * time.Minute)
		out = w.MustRun("apply", "-no-color", "tfplan")
		if !strings.Contains(out, "Scheduled post missed its time") {
			t.Errorf("the apply does not say the post missed its time:\n%s", out)
		}
		if got := w.State()["instagram_media.post"].String("status"); got != "missed" {
			t.Errorf("status %q, want missed", got)
		}
		if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
			t.Errorf("%d posts published after the window closed", n)
		}
		w.MustRun("plan", "-detailed-exitcode", "-no-color")
	})
	t.Run("publish_at known only at apply", func(t *testing.T) {
		t.Parallel()
		env := acctest.New(t, emulator.Options{})
		w := env.InProcessWorkdir(t)
		w.Write("main.tf", fmt.Sprintf(`
resource "terraform_data" "time" {
  input = %q
}
`, at(env, 3*time.Hour))+imageConfig("Later", "publish_at = terraform_data.time.output"))
		out := w.MustRun("apply", "-auto-approve", "-no-color")
		if !strings.Contains(out, "publish_at is known only at apply") {
			t.Errorf("the plan does not say the apply decides:\n%s", out)
		}
		if got := w.State()["instagram_media.post"].String("status"); got != "scheduled" {
			t.Errorf("status %q, want scheduled", got)
		}
		if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
			t.Errorf("%d posts published before their time", n)
		}
		w.MustRun("plan", "-detailed-exitcode", "-no-color")
	})
}

// terraform apply -replace of a published post whose window is over plans
// a new post that has missed its time, and the plan shows it (Terraform
// does not show the warnings of a replacement's new half); a new post whose
// time is over warns.
func TestAccMedia_scheduledReplacePastTheWindowWarns(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	w.Write("main.tf", scheduledImage("Gone for good", at(env, -10*time.Minute), `publish_window = "30m"`))
	w.MustRun("apply", "-auto-approve", "-no-color")
	env.Emulator.AdvanceClock(time.Hour)
	out := w.MustRun("plan", "-replace=instagram_media.post", "-no-color")
	if !strings.Contains(out, `status             = "published" -> "missed"`) {
		t.Errorf("the plan does not show that the replacement publishes nothing:\n%s", out)
	}
	w.Write("main.tf", scheduledImage("Gone for good", at(env, -2*time.Hour), `publish_window = "30m"`)+
		strings.Replace(scheduledImage("Too late", at(env, -3*time.Hour)), `"post"`, `"late"`, 1))
	out = w.MustRun("plan", "-no-color")
	if !strings.Contains(out, "The post's time is over: nothing is published") {
		t.Errorf("a new post whose time is over does not warn:\n%s", out)
	}
}
