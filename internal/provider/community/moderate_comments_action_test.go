package community_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	routeHide   = "POST /{ig-comment-id}"
	routeDelete = "DELETE /{ig-comment-id}"
)

// thread is a post of the account with comments by others: two spam
// comments (one a reply), a fan's comment and the account's own.
type thread struct {
	post                             string
	spam, spamReply, fan, ownComment string
}

func seedThread(t *testing.T, env *acctest.Env) thread {
	t.Helper()
	th := thread{post: env.PublishImageOutOfBand(t, "Launch day")}
	add := func(parent, user, text string) string {
		id, err := env.Emulator.AddCommentFromUser(th.post, parent, user, text)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	th.spam = add("", "spam_bot", "FREE followers at example.com")
	th.fan = add("", "happy_fan", "Congratulations on the launch")
	th.spamReply = add(th.fan, "other_bot", "free followers, dm me")
	th.ownComment = ownComment(t, env, th.post, "free shipping today, free followers not included")
	return th
}

// ownComment writes a comment as the account, through the Graph API, and
// returns its id.
func ownComment(t *testing.T, env *acctest.Env, mediaID, message string) string {
	t.Helper()
	client, err := graph.New(graph.Options{BaseURL: env.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := client.Comments.Create(t.Context(), mediaID, message)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// checkHidden asserts which comments are hidden on the emulator.
func checkHidden(env *acctest.Env, want map[string]bool) error {
	for id, hidden := range want {
		c, ok := env.Emulator.Comment(id)
		if !ok {
			return fmt.Errorf("comment %s is gone", id)
		}
		if c.Hidden != hidden {
			return fmt.Errorf("comment %s hidden = %v, want %v", id, c.Hidden, hidden)
		}
	}
	return nil
}

const moderateActions = `
action "instagram_moderate_comments" "hide" {
  config {
    operation       = "hide"
    text_matches    = "(?i)free followers"
    include_replies = true
  }
}

action "instagram_moderate_comments" "unhide" {
  config {
    operation      = "unhide"
    from_usernames = ["@Spam_Bot"]
  }
}

action "instagram_moderate_comments" "delete" {
  config {
    operation       = "delete"
    text_matches    = "(?i)free followers"
    from_usernames  = ["spam_bot", "other_bot"]
    include_replies = true
  }
}
`

// Every operation invoked on demand, with Facebook and Instagram login.
func TestAccModerateComments_invoke(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	for _, login := range []string{"facebook", "instagram"} {
		t.Run(login, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{Now: time.Now})
			if login == "instagram" {
				env.InstagramLogin()
			}
			th := seedThread(t, env)
			w := env.Workdir(t)
			w.Write("main.tf", moderateActions)

			out := mustInvoke(t, w, "action.instagram_moderate_comments.hide")
			for _, want := range []string{"reading: 1 of 1 posts, 4 comments read, 3 match", "hiding: 2 of 2 done",
				"4 comments read on 1 posts; 2 hidden. 1 by the account itself left alone", th.spam + ` @spam_bot: "FREE followers at example.com"`} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if err := checkHidden(env, map[string]bool{th.spam: true, th.spamReply: true, th.fan: false}); err != nil {
				t.Fatal(err)
			}

			out = mustInvoke(t, w, "action.instagram_moderate_comments.unhide")
			if !strings.Contains(out, "1 shown again") {
				t.Errorf("output:\n%s", out)
			}
			if err := checkHidden(env, map[string]bool{th.spam: false, th.spamReply: true}); err != nil {
				t.Fatal(err)
			}

			mustInvoke(t, w, "action.instagram_moderate_comments.delete")
			if env.Emulator.CommentExists(th.spam) || env.Emulator.CommentExists(th.spamReply) || !env.Emulator.CommentExists(th.fan) {
				t.Fatalf("after delete: %+v", env.Emulator.Comments(th.post))
			}
			if n := env.Emulator.CallCount(routeDelete); n != 2 {
				t.Fatalf("%d deletes, want 2", n)
			}
		})
	}
}

func mustInvoke(t *testing.T, w *acctest.Workdir, address string) string {
	t.Helper()
	out, err := w.Invoke(address)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A dry run reads and reports, and changes nothing; more matches than
// max_comments change nothing either.
func TestAccModerateComments_dryRunAndBound(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	env := acctest.New(t, emulator.Options{Now: time.Now})
	th := seedThread(t, env)
	w := env.Workdir(t)
	w.Write("main.tf", `
action "instagram_moderate_comments" "preview" {
  config {
    operation       = "delete"
    text_matches    = "(?i)free"
    include_replies = true
    dry_run         = true
  }
}

action "instagram_moderate_comments" "bounded" {
  config {
    operation       = "hide"
    include_replies = true
    max_comments    = 2
  }
}
`)
	out := mustInvoke(t, w, "action.instagram_moderate_comments.preview")
	if !strings.Contains(out, "Dry run, nothing changed: 4 comments read on 1 posts; 3 would be deleted.") ||
		!strings.Contains(out, th.spamReply+` @other_bot: "free followers, dm me"`) {
		t.Errorf("output:\n%s", out)
	}
	out, err := w.Invoke("action.instagram_moderate_comments.bounded")
	if err == nil || !strings.Contains(out, "More comments match than max_comments allows") ||
		!strings.Contains(out, "match 3 comments to hide, more than max_comments (2): nothing was changed") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if n := env.Emulator.CallCount(routeHide) + env.Emulator.CallCount(routeDelete); n != 0 {
		t.Fatalf("%d writes, want none", n)
	}
	if len(env.Emulator.Comments(th.post)) != 4 {
		t.Fatal("comments changed")
	}
}

// Instagram refuses one write: the others stay done, the refusal is listed
// with Instagram's message.
func TestAccModerateComments_partialFailure(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	env := acctest.New(t, emulator.Options{Now: time.Now})
	th := seedThread(t, env)
	env.Emulator.InjectFault(emulator.Fault{Route: routeHide, Times: 1, Error: &emulator.ErrorBody{
		Message: "(#10) Application does not have permission for this action", Type: "OAuthException", Code: 10}})
	w := env.Workdir(t)
	w.Write("main.tf", moderateActions)
	out, err := w.Invoke("action.instagram_moderate_comments.hide")
	if err == nil || !strings.Contains(out, "Some comments could not be moderated") || !strings.Contains(out, "FAILED") ||
		!strings.Contains(out, "Application does not have permission") || !strings.Contains(out, "1 of 2 comments could not be hidden") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	spam, _ := env.Emulator.Comment(th.spam)
	reply, _ := env.Emulator.Comment(th.spamReply)
	if spam.Hidden == reply.Hidden {
		t.Fatalf("exactly one of the two should be hidden: %+v %+v", spam, reply)
	}
	// Running again finishes the job.
	mustInvoke(t, w, "action.instagram_moderate_comments.hide")
	if err := checkHidden(env, map[string]bool{th.spam: true, th.spamReply: true}); err != nil {
		t.Fatal(err)
	}
}

// A sweep after each campaign post goes live: action_trigger after_create,
// one operation per post.
func TestAccModerateComments_actionTrigger(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	var th thread
	post := func(name, action string) string {
		return fmt.Sprintf(`
resource "instagram_media" %[1]q {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/%[1]s.jpg"
  caption   = "Campaign %[1]s"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.instagram_moderate_comments.%[2]s]
    }
  }
}
`, name, action)
	}
	posted := func(name string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("instagram_media."+name, tfjsonpath.New("id"), knownvalue.NotNull())
	}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.Actions),
		CheckDestroy:           env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig:         func() { th = seedThread(t, env) },
				Config:            moderateActions + post("first", "hide"),
				ConfigStateChecks: []statecheck.StateCheck{posted("first")},
				Check: func(*terraform.State) error {
					return checkHidden(env, map[string]bool{th.spam: true, th.spamReply: true, th.fan: false})
				},
			},
			{
				Config:            moderateActions + post("first", "hide") + post("second", "unhide"),
				ConfigStateChecks: []statecheck.StateCheck{posted("second")},
				Check: func(*terraform.State) error {
					return checkHidden(env, map[string]bool{th.spam: false, th.spamReply: true})
				},
			},
			{
				Config:            moderateActions + post("first", "hide") + post("second", "unhide") + post("third", "delete"),
				ConfigStateChecks: []statecheck.StateCheck{posted("third")},
				Check: func(*terraform.State) error {
					if env.Emulator.CommentExists(th.spam) || env.Emulator.CommentExists(th.spamReply) || !env.Emulator.CommentExists(th.fan) {
						return fmt.Errorf("after the delete sweep: %+v", env.Emulator.Comments(th.post))
					}
					return nil
				},
			},
		},
	})
}

// What Instagram would refuse is refused at plan time, before any API call.
func TestAccModerateComments_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	tags := ""
	for i := range 31 {
		tags += fmt.Sprintf(" #tag%d", i)
	}
	cases := []struct {
		name, config, err string
	}{
		{"a bad pattern", `
action "instagram_moderate_comments" "x" {
  config {
    operation    = "hide"
    text_matches = "(?i)free("
  }
}`, `Invalid regular expression.*missing closing \)`},
		{"a delete without selectors", `
action "instagram_moderate_comments" "x" {
  config {
    operation = "delete"
    media_ids = ["17900000000000001"]
  }
}`, `Delete needs a selector`},
		{"an unknown operation", `
action "instagram_moderate_comments" "x" {
  config {
    operation = "archive"
  }
}`, `operation value must be one of`},
		{"posts two ways", `
action "instagram_moderate_comments" "x" {
  config {
    operation = "hide"
    media_ids = ["17900000000000001"]
    within    = "24h"
  }
}`, `cannot be configured together`},
		{"a bad duration", `
action "instagram_moderate_comments" "x" {
  config {
    operation = "hide"
    within    = "3 days"
  }
}`, `Invalid duration`},
		{"a blank reply", `
action "instagram_reply_to_comment" "x" {
  config {
    comment_id = "17850000000000001"
    message    = "  "
  }
}`, `Empty message`},
		{"a reply with too many hashtags", `
action "instagram_reply_to_mention" "x" {
  config {
    media_id = "18000000000000001"
    message  = "` + tags + `"
  }
}`, `message has 31 hashtags; Instagram allows at most 30`},
		{"a reply to a comment id that is not an id", `
action "instagram_reply_to_mention" "x" {
  config {
    media_id   = "18000000000000001"
    comment_id = "@fan"
    message    = "hi"
  }
}`, `must be a numeric Instagram comment id`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: acctest.ExpectError(c.err)})
	}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.Actions),
		Steps:                  steps,
	})
	env.RequireNoGraphCalls(t)
}
