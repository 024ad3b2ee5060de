package preview

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The golden plans in testdata/plans/ are what Terraform 1.16.4 prints for
// `terraform show -json` of the configurations below, planned with the
// provider against the emulator. TestAccPreview_goldenPlans makes them
// again on every `make test` and fails when a committed one is stale (a
// change of the provider's schema or plan); UPDATE_GOLDEN=1 rewrites them:
//
//	UPDATE_GOLDEN=1 scripts/gotest.sh ./internal/preview -run 'TestAccPreview_goldenPlans|TestPreview_golden' -count=1
//
// The provider runs in the test process on the emulator's clock, which
// starts at its fixed time (Sun 2026-11-01T12:00:00Z) and moves only when a
// test moves it, so ids, timestamps and the status of scheduled posts
// repeat from run to run; the plan's own timestamp (the wall clock) is set
// to the emulator's.

// goldenToken is the emulator's seeded token, given as a sensitive
// variable: the plan JSON holds it in clear, the preview must not print it.
const goldenToken = emulator.DefaultFacebookToken

// goldenSecretCaption is a caption from a sensitive variable.
const goldenSecretCaption = "A caption the plan marks sensitive: never shown"

const goldenProvider = `
variable "token" {
  type      = string
  sensitive = true
}

provider "instagram" {
  access_token = var.token
}
`

const goldenCreate = goldenProvider + `
variable "secret_caption" {
  type      = string
  sensitive = true
  default   = "` + goldenSecretCaption + `"
}

data "instagram_account_media" "current" {
  limit = 9
}

data "instagram_content_publishing_limit" "quota" {}

resource "instagram_media" "launch" {
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/spring/launch.jpg"
  caption       = "Spring is here 🌷 Our new collection drops today.\n\nShot with @studio.lumen in Lisbon, thanks team! Tell us your favourite look below and tag a friend who needs a new shirt this season.\n#spring #launch #newcollection"
  alt_text      = "Three linen shirts in pastel colours on a wooden rail"
  location_id   = "110843418940484"
  user_tags     = [{ username = "studio.lumen", x = 0.25, y = 0.75 }]
  collaborators = ["lumen.partner"]
}

resource "instagram_media" "teaser" {
  type            = "REELS"
  video_url       = "https://cdn.example.com/spring/teaser.mp4"
  cover_url       = "https://cdn.example.com/spring/teaser-cover.jpg"
  caption         = "30 seconds of spring. #reels #spring"
  share_to_feed   = true
  audio_name      = "Spring teaser (original audio)"
  is_ai_generated = true
}

resource "instagram_media" "behind_the_scenes" {
  type         = "REELS"
  video_file   = "clip.mp4"
  caption      = "Behind the scenes, uploaded straight from the repository."
  trial_params = { graduation_strategy = "MANUAL" }
}

resource "instagram_media" "lookbook" {
  type                = "CAROUSEL"
  caption             = "The spring lookbook: swipe for all three looks. #lookbook"
  is_paid_partnership = true

  children {
    image_url = "https://cdn.example.com/spring/look-1.jpg"
    alt_text  = "Look 1: a sage shirt"
  }
  children {
    image_url = "https://cdn.example.com/spring/look-2.jpg"
    user_tags = [{ username = "model.ana", x = 0.5, y = 0.4 }]
  }
  children {
    video_url = "https://cdn.example.com/spring/look-3.mp4"
  }
}

resource "instagram_media" "story" {
  type      = "STORIES"
  image_url = "https://cdn.example.com/spring/story.jpg"
}

resource "instagram_media" "secret" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/spring/secret.jpg"
  caption   = var.secret_caption
}

resource "instagram_comment" "first" {
  media_id = instagram_media.launch.id
  message  = "Which look is your favourite? #spring"
}

resource "instagram_comment_settings" "teaser" {
  media_id         = instagram_media.teaser.id
  comments_enabled = false
}
`

// goldenChangesBefore is applied; goldenChangesAfter is then planned.
const goldenChangesBefore = goldenProvider + `
resource "instagram_media" "summer" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/summer/sale.jpg"
  caption   = "Summer sale: 20% off everything. #sale"
}

resource "instagram_media" "old_promo" {
  depends_on = [instagram_media.summer] # one after the other: the same ids every run
  type      = "IMAGE"
  image_url = "https://cdn.example.com/summer/old-promo.jpg"
  caption   = "Last year's promo. #promo"
}

resource "instagram_media" "archive" {
  depends_on = [instagram_media.old_promo] # one after the other: the same ids every run
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/summer/archive.jpg"
  caption         = "A post we keep on Instagram when Terraform lets go of it."
  deletion_policy = "retain"
}

resource "instagram_media" "forgotten" {
  depends_on = [instagram_media.archive] # one after the other: the same ids every run
  type      = "IMAGE"
  image_url = "https://cdn.example.com/summer/forgotten.jpg"
  caption   = "A post a removed block forgets."
}

resource "instagram_media" "policy" {
  depends_on = [instagram_media.forgotten] # one after the other: the same ids every run
  type      = "IMAGE"
  image_url = "https://cdn.example.com/summer/policy.jpg"
  caption   = "A post whose deletion_policy changes."
}

resource "instagram_comment" "promo" {
  depends_on = [instagram_media.policy]
  media_id = instagram_media.old_promo.id
  message  = "Sold out, thank you!"
}

resource "instagram_comment_settings" "policy" {
  depends_on = [instagram_comment.promo]
  media_id         = instagram_media.policy.id
  comments_enabled = false
}
`

const goldenChangesAfter = goldenProvider + `
data "instagram_account_media" "current" {
  limit = 9
}

resource "instagram_media" "summer" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/summer/sale.jpg"
  caption   = "Summer sale: 30% off everything, this weekend only. #sale"
}

removed {
  from = instagram_media.forgotten
  lifecycle {
    destroy = false
  }
}

resource "instagram_media" "policy" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/summer/policy.jpg"
  caption         = "A post whose deletion_policy changes."
  deletion_policy = "retain"
}

resource "instagram_comment_settings" "policy" {
  media_id         = instagram_media.policy.id
  comments_enabled = true
}
`

// goldenOtherOnly changes no Instagram resource.
const goldenOtherOnly = goldenProvider + `
resource "terraform_data" "unrelated" {
  input = "not an Instagram change"
}
`

// goldenScheduled is a content calendar planned on Sun 1 Nov 2026 at
// 12:00 UTC (13:00 at +01:00), on an account whose quota is 3 posts per 24
// hours: a post published now, then posts on Monday, Tuesday (three, and
// one more on Wednesday morning: four within 24 hours), and Friday; a reel
// with licensed audio found by instagram_audio, a poll, a comment prompt and
// a carousel.
const goldenScheduled = goldenProvider + `
data "instagram_account_media" "current" {
  limit = 9
}

data "instagram_content_publishing_limit" "quota" {}

data "instagram_audio" "morning" {
  audio_type = "music"
  query      = "Morning Pour"
}

resource "instagram_media" "now" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/winter/now.jpg"
  caption   = "Out with this apply: the winter collection is coming. #winter"
}

resource "instagram_media" "monday_launch" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/winter/launch.jpg"
  caption    = "Monday: the winter collection is here, shot with @studio.lumen. #winter #launch"
  alt_text   = "Four wool coats on a rail in the snow"
  publish_at = "2026-11-02T09:00:00+01:00"
}

resource "instagram_media" "monday_reel" {
  type       = "REELS"
  video_url  = "https://cdn.example.com/winter/reel.mp4"
  cover_url  = "https://cdn.example.com/winter/reel-cover.jpg"
  caption    = "Monday evening: the collection in 30 seconds. #winter #reels"
  publish_at = "2026-11-02T18:30:00+01:00"
  audio = {
    audio_id     = data.instagram_audio.morning.tracks[0].id
    audio_volume = 80
    video_volume = 20
  }
}

resource "instagram_media" "tuesday_poll" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/winter/poll.jpg"
  caption    = "Which colour should the next coat come in?"
  publish_at = "2026-11-03T12:00:00+01:00"
  poll = {
    options = ["Sage", "Sand", "Sky"]
  }
}

resource "instagram_media" "tuesday_lookbook" {
  type       = "CAROUSEL"
  caption    = "The winter lookbook: swipe for both looks. #lookbook"
  publish_at = "2026-11-03T17:00:00+01:00"

  children {
    image_url = "https://cdn.example.com/winter/look-1.jpg"
  }
  children {
    image_url = "https://cdn.example.com/winter/look-2.jpg"
  }
}

resource "instagram_media" "tuesday_prompt" {
  type           = "IMAGE"
  image_url      = "https://cdn.example.com/winter/prompt.jpg"
  caption        = "Where will you wear yours first? Tell us in the comments."
  comment_prompt = true
  publish_at     = "2026-11-03T20:00:00+01:00"
}

resource "instagram_media" "wednesday_morning" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/winter/wednesday.jpg"
  caption    = "Wednesday morning, one more post than the quota allows in 24 hours."
  publish_at = "2026-11-04T08:15:00+01:00"
}

resource "instagram_media" "friday" {
  type           = "IMAGE"
  image_url      = "https://cdn.example.com/winter/friday.jpg"
  caption        = "Friday at nine, or not at all: a window of 30 minutes."
  publish_at     = "2026-11-06T09:00:00+01:00"
  publish_window = "30m"
}
`

// goldenLifecycle is applied on Sun 1 Nov 2026 at 12:00 UTC; goldenLifecycleAfter is
// planned at 16:30 UTC (see TestAccPreview_goldenPlans).
const goldenLifecycle = goldenProvider + `
resource "instagram_media" "late" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/late.jpg"
  caption    = "Scheduled for 14:00; no apply ran before 16:00."
  publish_at = "2026-11-01T14:00:00+01:00"
}

resource "instagram_media" "due" {
  depends_on = [instagram_media.late] # one after the other: the same ids every run
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/due.jpg"
  caption    = "Scheduled for 17:00, published by the first apply after. #autumn"
  publish_at = "2026-11-01T17:00:00+01:00"
}

resource "instagram_media" "rescheduled" {
  depends_on = [instagram_media.due]
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/rescheduled.jpg"
  caption    = "Moved from Wednesday to Friday."
  publish_at = "2026-11-04T09:00:00+01:00"
}

resource "instagram_media" "cancelled" {
  depends_on = [instagram_media.rescheduled]
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/cancelled.jpg"
  caption    = "A scheduled post taken out of the calendar."
  publish_at = "2026-11-05T09:00:00+01:00"
}

resource "instagram_media" "edited" {
  depends_on    = [instagram_media.cancelled]
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/autumn/edited.jpg"
  caption       = "Published this morning, with a typo. #autum"
  collaborators = ["lumen.partner", "studio.north"]
}

resource "instagram_media" "edited_kept" {
  depends_on      = [instagram_media.edited]
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/autumn/keep-v1.jpg"
  caption         = "A post whose picture changes; the old one stays. #autumn"
  deletion_policy = "retain"
}

resource "instagram_media" "leftover" {
  depends_on = [instagram_media.edited_kept]
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/leftover.jpg"
  caption    = "Republished once; the old post could not be deleted then."
}

resource "instagram_media" "replaced" {
  depends_on = [instagram_media.leftover]
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/replaced.jpg"
  caption    = "Replaced with terraform apply -replace."
}

resource "instagram_media" "retired" {
  depends_on      = [instagram_media.replaced]
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/autumn/retired.jpg"
  caption         = "Taken out of the configuration; it stays on Instagram."
  deletion_policy = "retain"
}

resource "instagram_media" "settings" {
  depends_on = [instagram_media.retired]
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/settings.jpg"
  caption    = "Only Terraform settings change."
}
`

// goldenLifecycleAfter: late and due reach their time (missed, published
// now), rescheduled moves, cancelled is removed, edited gets a new caption
// (republished, the old post deleted), edited_kept a new picture (the old
// post retained), leftover's old post is deleted at last, retired is
// removed with deletion_policy "retain", settings changes settings only
// (and replaced is planned with -replace).
const goldenLifecycleAfter = goldenProvider + `
data "instagram_account_media" "current" {
  limit = 9
}

resource "instagram_media" "late" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/late.jpg"
  caption    = "Scheduled for 14:00; no apply ran before 16:00."
  publish_at = "2026-11-01T14:00:00+01:00"
}

resource "instagram_media" "due" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/due.jpg"
  caption    = "Scheduled for 17:00, published by the first apply after. #autumn"
  publish_at = "2026-11-01T17:00:00+01:00"
}

resource "instagram_media" "rescheduled" {
  type       = "IMAGE"
  image_url  = "https://cdn.example.com/autumn/rescheduled.jpg"
  caption    = "Moved from Wednesday to Friday."
  publish_at = "2026-11-06T09:00:00+01:00"
}

resource "instagram_media" "edited" {
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/autumn/edited.jpg"
  caption       = "Published this morning, typo fixed. #autumn"
  collaborators = ["lumen.partner", "studio.north"]
}

resource "instagram_media" "edited_kept" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/autumn/keep-v2.jpg"
  caption         = "A post whose picture changes; the old one stays. #autumn"
  deletion_policy = "retain"
}

resource "instagram_media" "leftover" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/autumn/leftover.jpg"
  caption   = "Republished once; the old post is deleted now."
}

resource "instagram_media" "replaced" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/autumn/replaced.jpg"
  caption   = "Replaced with terraform apply -replace."
}

resource "instagram_media" "settings" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/autumn/settings.jpg"
  caption         = "Only Terraform settings change."
  deletion_policy = "retain"
  allow_duplicate = true
  publish_at      = "2026-11-01T12:00:00+01:00"
}
`

func TestAccPreview_goldenPlans(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		// The provider as its own process, which resolves video_file in the
		// directory the CLI runs in (the in-process one would look in this
		// package's); nothing of this plan depends on the clock.
		env := goldenEnv(t, emulator.Options{})
		w := env.Workdir(t)
		w.Write("main.tf", goldenCreate)
		// The smallest file the provider takes for an MP4: an ftyp box.
		w.Write("clip.mp4", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
		checkGoldenPlan(t, env, w, "create")
	})
	t.Run("changes", func(t *testing.T) {
		env, w := goldenWorkdir(t, emulator.Options{})
		w.Write("main.tf", goldenChangesBefore)
		goldenApply(w)
		w.Write("main.tf", goldenChangesAfter)
		checkGoldenPlan(t, env, w, "changes")
	})
	t.Run("no-changes", func(t *testing.T) {
		env, w := goldenWorkdir(t, emulator.Options{})
		w.Write("main.tf", goldenChangesBefore)
		goldenApply(w)
		checkGoldenPlan(t, env, w, "no-changes")
	})
	t.Run("other-only", func(t *testing.T) {
		env, w := goldenWorkdir(t, emulator.Options{})
		w.Write("main.tf", goldenOtherOnly)
		checkGoldenPlan(t, env, w, "other-only")
	})
	t.Run("scheduled", func(t *testing.T) {
		env, w := goldenWorkdir(t, emulator.Options{QuotaTotal: 3})
		w.Write("main.tf", goldenScheduled)
		checkGoldenPlan(t, env, w, "scheduled")
	})
	t.Run("lifecycle", func(t *testing.T) {
		env, w := goldenWorkdir(t, emulator.Options{})
		w.Write("main.tf", goldenLifecycle)
		goldenApply(w)
		// leftover is republished, and deleting its old post fails: the
		// state keeps the old post in replaced_id.
		w.Write("main.tf", strings.Replace(goldenLifecycle, "could not be deleted then", "is deleted now", 1))
		env.Emulator.InjectFault(emulator.Fault{Route: "DELETE /{ig-media-id}", Times: 1,
			Error: &emulator.ErrorBody{Code: 10, Message: "(#10) Application does not have permission for this action"}})
		if out, err := w.Run("apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=1", "-var=token="+goldenToken); err == nil ||
			!strings.Contains(out, "the old one is not deleted yet") {
			t.Fatalf("the apply whose delete fails: %v\n%s", err, out)
		}
		// The collaborators answer the invites of edited.
		goldenInvites(t, env, w, "instagram_media.edited", map[string]string{"lumen.partner": "Accepted", "studio.north": "Pending"})
		env.Emulator.AdvanceClock(4*time.Hour + 30*time.Minute) // 16:30 UTC: due's time has come, late's window is over
		w.Write("main.tf", goldenLifecycleAfter)
		checkGoldenPlan(t, env, w, "lifecycle", "-replace=instagram_media.replaced")
	})
}

// goldenWorkdir is a directory for the real CLI, with the provider in the
// test process on the emulator's clock (goldenEnv).
func goldenWorkdir(t *testing.T, opts emulator.Options) (*acctest.Env, *acctest.Workdir) {
	t.Helper()
	env := goldenEnv(t, opts)
	return env, env.InProcessWorkdir(t)
}

// goldenEnv is an emulator whose account has six posts.
func goldenEnv(t *testing.T, opts emulator.Options) *acctest.Env {
	t.Helper()
	env := acctest.New(t, opts)
	if _, err := env.Emulator.SeedPosts(emulator.DefaultAccountID, 6); err != nil {
		t.Fatal(err)
	}
	// The token comes from the sensitive variable only.
	delete(env.Vars, "INSTAGRAM_ACCESS_TOKEN")
	return env
}

func goldenApply(w *acctest.Workdir) {
	w.MustRun("apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=1", "-var=token="+goldenToken)
}

// goldenInvites records the collaborators' answers to the invites of the
// post at address, as if given in the app.
func goldenInvites(t *testing.T, env *acctest.Env, w *acctest.Workdir, address string, answers map[string]string) {
	t.Helper()
	var state struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string `json:"address"`
					Values  struct {
						ID string `json:"id"`
					} `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(w.MustRun("show", "-json")), &state); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == address {
			id = r.Values.ID
		}
	}
	for username, status := range answers {
		if err := env.Emulator.SetCollaboratorStatus(emulator.CollaboratorStatus{MediaID: id, Username: username, Status: status}); err != nil {
			t.Fatalf("%s's answer to post %q: %v", username, id, err)
		}
	}
}

// checkGoldenPlan plans (with extra arguments), shows the plan as JSON,
// and compares it with testdata/plans/NAME.json (or writes it, with
// UPDATE_GOLDEN=1). Plans of another CLI than Terraform 1.16.4 are only
// rendered.
func checkGoldenPlan(t *testing.T, env *acctest.Env, w *acctest.Workdir, name string, extra ...string) {
	t.Helper()
	w.MustRun(append([]string{"plan", "-out=plan.tfplan", "-input=false", "-no-color", "-parallelism=1", "-var=token=" + goldenToken}, extra...)...)
	cmd := w.Command(t.Context(), "show", "-json", "plan.tfplan")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("show -json: %v\n%s", err, stderr.String())
	}
	got := normalizePlan(t, out, env.Emulator.Now())
	plan, err := ReadPlan(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("the CLI's plan does not read: %v", err)
	}
	md := Build(plan, Options{}).Markdown(0)
	if strings.Contains(md, goldenToken) {
		t.Errorf("the Markdown of the %s plan prints the token", name)
	}
	if plan.TerraformVersion != "1.16.4" {
		t.Logf("golden plans are Terraform 1.16.4's; %s %s is only rendered", acctest.CLIKind(), plan.TerraformVersion)
		return
	}
	path := filepath.Join("testdata", "plans", name+".json")
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		// Kept after the test, for the diff.
		diff := filepath.Join(os.TempDir(), "instagram-preview-golden-"+name+".json") //nolint:usetesting // outlives the test
		_ = os.WriteFile(diff, got, 0o600)
		t.Errorf("%s is stale: the provider plans this configuration differently now (the new plan is %s; "+
			"compare with: diff %s %s). Regenerate the golden plans with\n"+
			"  UPDATE_GOLDEN=1 scripts/gotest.sh ./internal/preview -run 'TestAccPreview_goldenPlans|TestPreview_golden' -count=1",
			path, diff, path, diff)
	}
}

// normalizePlan sets the plan's timestamp (the wall clock) to the
// emulator's clock and indents the JSON, keys sorted.
func normalizePlan(t *testing.T, raw []byte, now time.Time) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("show -json printed no JSON: %v\n%s", err, raw)
	}
	v["timestamp"] = now.UTC().Format(time.RFC3339)
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
