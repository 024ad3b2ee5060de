package media_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Caption add-ons, licensed audio and the collaborators' answers: Meta's
// 2026 publishing features (issue 22).

func pollConfig(options string) string {
	return fmt.Sprintf(`
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/coffee.jpg"
  caption   = "Flat white or cortado?"
  poll = {
    options           = %s
    duration_extended = true
  }
}`, options)
}

// lastContainerParams is the parameters of the newest container request.
func lastContainerParams(env *acctest.Env) map[string]string {
	reqs := env.Emulator.ContainerRequests()
	if len(reqs) == 0 {
		return nil
	}
	return reqs[len(reqs)-1].Params
}

func expectParam(env *acctest.Env, name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := lastContainerParams(env)[name]; got != want {
			return fmt.Errorf("container parameter %s = %q, want %q", name, got, want)
		}
		return nil
	}
}

// A poll is sent as poll_attachment with is_poll_duration_extended; its
// options are write-once, so changing them republishes the post.
func TestAccMedia_poll(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: pollConfig(`["Flat white", "Cortado"]`),
				Check: resource.ComposeAggregateTestCheckFunc(
					expectParam(env, "poll_attachment", `{"option_a":"Flat white","option_b":"Cortado"}`),
					expectParam(env, "is_poll_duration_extended", "true"),
				),
				ConfigPlanChecks: acctest.NoDrift(),
			},
			{
				// 23 characters, 27 bytes: Instagram counts characters.
				Config:           pollConfig(`["Flat white", "Cortado", "Crème brûlée à l'orange"]`),
				ConfigPlanChecks: acctest.Republishes(imageAddr),
				Check:            expectParam(env, "poll_attachment", `{"option_a":"Flat white","option_b":"Cortado","option_c":"Crème brûlée à l'orange"}`),
			},
		},
	})
}

// A comment prompt, and licensed audio on a reel.
func TestAccMedia_commentPromptAndAudio(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	track := emulator.AudioIDs("music")[0]
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "instagram_media" "reel" {
  type           = "REELS"
  video_url      = "https://cdn.example.com/teaser.mp4"
  caption        = "Name this track in the comments"
  comment_prompt = true
  audio = {
    audio_id     = %q
    audio_volume = 40
    video_volume = 0
  }
}`, track),
			Check: resource.ComposeAggregateTestCheckFunc(
				expectParam(env, "is_comment_prompt_used", "true"),
				expectParam(env, "audio_configuration", fmt.Sprintf(`{"audio_id":%q,"audio_volume":40,"video_volume":0}`, track)),
				env.CheckMediaCount(emulator.DefaultAccountID, 1),
			),
		}},
	})
}

// A track withdrawn before the reel is published fails the apply; nothing
// is published.
func TestAccMedia_audioWithdrawnPublishesNothing(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	track := emulator.AudioIDs("music")[0]
	env.Emulator.SetAudioAvailable(track, false)
	env.ApplyError(t, fmt.Sprintf(`
resource "instagram_media" "reel" {
  type      = "REELS"
  video_url = "https://cdn.example.com/teaser.mp4"
  audio     = { audio_id = %q }
}`, track), `(?i)(audio|track).*(not|no longer) available`)
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 0 {
		t.Fatalf("%d posts published with a withdrawn track", n)
	}
}

// Meta's rules for add-ons and audio are plan-time errors, with no API
// call: one add-on per post, a caption, feed posts only, audio on reels,
// Facebook login.
func TestAccMedia_addOnRulesAtPlanTime(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, config, pattern string
		instagramLogin        bool
	}{
		{"poll and prompt", `
resource "instagram_media" "post" {
  type           = "IMAGE"
  image_url      = "https://cdn.example.com/a.jpg"
  caption        = "Which one?"
  comment_prompt = true
  poll           = { options = ["A", "B"] }
}`, `One caption add-on per post`, false},
		{"no caption", `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  poll      = { options = ["A", "B"] }
}`, `A caption add-on needs a caption`, false},
		{"story", `
resource "instagram_media" "post" {
  type      = "STORIES"
  image_url = "https://cdn.example.com/a.jpg"
  poll      = { options = ["A", "B"] }
}`, `poll cannot be set when type is "STORIES"`, false},
		{"one option", `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  caption   = "Yes?"
  poll      = { options = ["Yes"] }
}`, `options list must contain at least 2 elements`, false},
		{"long option", `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  caption   = "Which?"
  poll      = { options = ["An option far longer than Instagram allows", "B"] }
}`, `poll.options\[0\] is 42 characters long; Instagram allows at most 25`, false},
		{"blank option", `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  caption   = "Which?"
  poll      = { options = ["  ", "B"] }
}`, `poll.options\[0\] must not be blank`, false},
		{"blank caption", `
resource "instagram_media" "post" {
  type           = "IMAGE"
  image_url      = "https://cdn.example.com/a.jpg"
  caption        = " "
  comment_prompt = true
}`, `A caption add-on needs a caption`, false},
		{"null collaborator", `
variable "partner" {
  type    = string
  default = null
}
resource "instagram_media" "post" {
  type          = "IMAGE"
  image_url     = "https://cdn.example.com/a.jpg"
  collaborators = [var.partner]
}`, `(?s)collaborators.*null value`, false},
		{"audio on an image", `
resource "instagram_media" "post" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/a.jpg"
  audio     = { audio_id = "587784541076604" }
}`, `audio cannot be set when type is "IMAGE"`, false},
		{"audio volume", `
resource "instagram_media" "post" {
  type      = "REELS"
  video_url = "https://cdn.example.com/a.mp4"
  audio     = { audio_id = "587784541076604", audio_volume = 101 }
}`, `audio_volume value must be between 0 and 100`, false},
		{"instagram login", `
resource "instagram_media" "post" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/a.jpg"
  caption         = "Which one?"
  comment_prompt  = true
  deletion_policy = "retain"
}`, `comment_prompt needs Facebook login`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			if tc.instagramLogin {
				env.InstagramLogin()
				env.Vars["INSTAGRAM_ACCOUNT_ID"] = emulator.DefaultAccountID
			}
			env.PlanOnlyError(t, tc.config, tc.pattern)
			env.RequireNoGraphCalls(t)
		})
	}
}

// collaborator_invites follows the invitees' answers: pending when the
// post is published, accepted after the invitee accepts.
func TestAccMedia_collaboratorInvites(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	config := imageConfig("With a partner", `collaborators = ["partner_brand"]`)
	var id string
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  acctest.CaptureID(imageAddr, &id),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("collaborator_invites"),
					knownvalue.MapExact(map[string]knownvalue.Check{"partner_brand": knownvalue.StringExact("pending")}))},
			},
			{
				PreConfig: func() {
					if err := env.Emulator.SetCollaboratorStatus(emulator.CollaboratorStatus{MediaID: id, Username: "partner_brand", Status: "Accepted"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(imageAddr, tfjsonpath.New("collaborator_invites"),
					knownvalue.MapExact(map[string]knownvalue.Check{"partner_brand": knownvalue.StringExact("accepted")}))},
			},
		},
	})
}
