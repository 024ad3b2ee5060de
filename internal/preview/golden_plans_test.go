package preview

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The golden plans in testdata/plans/ (all but the spec-*.json, which are
// made by hand) are what Terraform 1.16.4 prints for `terraform show -json`
// of the configurations below, planned with the provider against the
// emulator. TestAccPreview_goldenPlans makes them again on every `make
// test` and fails when a committed one is stale (a change of the provider's
// schema or plan); UPDATE_GOLDEN=1 rewrites them:
//
//	UPDATE_GOLDEN=1 scripts/gotest.sh ./internal/preview -run 'TestAccPreview_goldenPlans|TestPreview_golden' -count=1
//
// The emulator runs on its fixed clock (2026-11-01T12:00:00Z), so ids and
// timestamps repeat from run to run; the plan's own timestamp (the wall
// clock) is set to the emulator's.

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

func TestAccPreview_goldenPlans(t *testing.T) {
	t.Run("create", func(t *testing.T) {
		w := goldenWorkdir(t)
		w.Write("main.tf", goldenCreate)
		// The smallest file the provider takes for an MP4: an ftyp box.
		w.Write("clip.mp4", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
		checkGoldenPlan(t, w, "create")
	})
	t.Run("changes", func(t *testing.T) {
		w := goldenWorkdir(t)
		w.Write("main.tf", goldenChangesBefore)
		w.MustRun("apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=1", "-var=token="+goldenToken)
		w.Write("main.tf", goldenChangesAfter)
		checkGoldenPlan(t, w, "changes")
	})
	t.Run("no-changes", func(t *testing.T) {
		w := goldenWorkdir(t)
		w.Write("main.tf", goldenChangesBefore)
		w.MustRun("apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=1", "-var=token="+goldenToken)
		checkGoldenPlan(t, w, "no-changes")
	})
	t.Run("other-only", func(t *testing.T) {
		w := goldenWorkdir(t)
		w.Write("main.tf", goldenOtherOnly)
		checkGoldenPlan(t, w, "other-only")
	})
}

// goldenWorkdir is a directory for the real CLI and the provider binary
// against an emulator on its fixed clock, whose account has six posts.
func goldenWorkdir(t *testing.T) *acctest.Workdir {
	t.Helper()
	env := acctest.New(t, emulator.Options{})
	if _, err := env.Emulator.SeedPosts(emulator.DefaultAccountID, 6); err != nil {
		t.Fatal(err)
	}
	// The token comes from the sensitive variable only.
	delete(env.Vars, "INSTAGRAM_ACCESS_TOKEN")
	return env.Workdir(t)
}

// checkGoldenPlan plans, shows the plan as JSON, and compares it with
// testdata/plans/NAME.json (or writes it, with UPDATE_GOLDEN=1). Plans of
// another CLI than Terraform 1.16.4 are only rendered.
func checkGoldenPlan(t *testing.T, w *acctest.Workdir, name string) {
	t.Helper()
	w.MustRun("plan", "-out=plan.tfplan", "-input=false", "-no-color", "-parallelism=1", "-var=token="+goldenToken)
	cmd := w.Command(t.Context(), "show", "-json", "plan.tfplan")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("show -json: %v\n%s", err, stderr.String())
	}
	got := normalizePlan(t, out)
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
// emulator's fixed clock and indents the JSON, keys sorted.
func normalizePlan(t *testing.T, raw []byte) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("show -json printed no JSON: %v\n%s", err, raw)
	}
	v["timestamp"] = "2026-11-01T12:00:00Z"
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}
