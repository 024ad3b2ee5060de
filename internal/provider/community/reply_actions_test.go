package community_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const routeReply = "POST /{ig-comment-id}/replies"

func TestAccReplyToComment_invoke(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	env := acctest.New(t, emulator.Options{Now: time.Now})
	th := seedThread(t, env)
	env.Emulator.SetCommentHiddenOutOfBand(th.spam, true)
	w := env.Workdir(t)
	w.Write("main.tf", fmt.Sprintf(`
action "instagram_reply_to_comment" "thanks" {
  config {
    comment_id = %q
    message    = "Thank you! #launchday"
  }
}

action "instagram_reply_to_comment" "hidden" {
  config {
    comment_id = %q
    message    = "Hello"
  }
}
`, th.spamReply, th.spam))

	// A reply to a reply goes under the top-level comment.
	out := mustInvoke(t, w, "action.instagram_reply_to_comment.thanks")
	m := regexp.MustCompile(`Replied to comment \d+ with comment (\d+), under its top-level comment (\d+) \(on post (\d+)\)`).FindStringSubmatch(out)
	if m == nil || m[2] != th.fan || m[3] != th.post {
		t.Fatalf("output:\n%s", out)
	}
	if c, ok := env.Emulator.Comment(m[1]); !ok || c.ParentID != th.fan || c.ByAccount != emulator.DefaultAccountID || c.Text != "Thank you! #launchday" {
		t.Fatalf("reply = %+v", c)
	}

	// Hidden comments take no replies: refused before sending.
	out, err := w.Invoke("action.instagram_reply_to_comment.hidden")
	if err == nil || !strings.Contains(out, "The comment is hidden") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if n := env.Emulator.CallCount(routeReply); n != 1 {
		t.Fatalf("%d replies sent, want 1", n)
	}
}

// Someone @mentions the account in a caption and in a comment; Meta sends
// signed mentions webhooks with the ids; the data source reads what was
// written and the action answers both, through the real CLI.
func TestAccMention_webhookToReply(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	for _, login := range []string{"facebook", "instagram"} {
		t.Run(login, func(t *testing.T) {
			t.Parallel()
			hooks := acctest.NewWebhookReceiver(t, "s3cret")
			env := acctest.New(t, emulator.Options{Now: time.Now, WebhookHTTPClient: hooks.Client()}).WithAppCredentials()
			if login == "instagram" {
				env.InstagramLogin()
			}
			w := env.Workdir(t)
			w.Write("webhooks.tf", fmt.Sprintf(`
resource "instagram_webhook_subscription" "mentions" {
  callback_url         = %q
  fields               = ["comments", "mentions"]
  include_values       = true
  verify_token         = "s3cret"
  verify_token_version = 1
}

resource "instagram_subscribed_app" "account" {
  subscribed_fields = [%q]
  depends_on        = [instagram_webhook_subscription.mentions]
}
`, hooks.URL, map[string]string{"facebook": "feed", "instagram": "mentions"}[login]))
			w.MustRun("apply", "-auto-approve", "-no-color")

			// Other people mention the account.
			review, err := env.Emulator.PostByOtherUser(emulator.OtherPost{Username: "coffee.critic", Caption: "Best flat white in town at @emulator_brand!"})
			if err != nil {
				t.Fatal(err)
			}
			trip, err := env.Emulator.PostByOtherUser(emulator.OtherPost{Username: "travel.diary", Caption: "Lisbon mornings"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := env.Emulator.AddCommentFromUser(trip, "", "friend_of_travel", "you must try @emulator_brand next time"); err != nil {
				t.Fatal(err)
			}
			// Deliveries are asynchronous: tell them apart by comment_id.
			got := hooks.WaitFor(t, "mentions", 2)
			caption, comment := got[0].Value, got[1].Value
			if caption["comment_id"] != nil {
				caption, comment = comment, caption
			}
			commentID, _ := comment["comment_id"].(string)
			if caption["media_id"] != review || caption["comment_id"] != nil || comment["media_id"] != trip || commentID == "" ||
				got[0].AccountID != emulator.DefaultAccountID || got[1].AccountID != emulator.DefaultAccountID {
				t.Fatalf("mentions delivered: %+v", got)
			}

			// The ids the webhook delivered, as variables a pipeline would pass.
			w.Write("mentions.tf", `
variable "caption_media_id" { type = string }
variable "comment_media_id" { type = string }
variable "comment_id" { type = string }

data "instagram_mention" "caption" {
  media_id = var.caption_media_id
}

data "instagram_mention" "comment" {
  media_id   = var.comment_media_id
  comment_id = var.comment_id
}

output "caption" { value = data.instagram_mention.caption }
output "comment" { value = data.instagram_mention.comment }

action "instagram_reply_to_mention" "caption" {
  config {
    media_id = var.caption_media_id
    message  = "Thanks @${data.instagram_mention.caption.username}, see you soon!"
  }
}

action "instagram_reply_to_mention" "comment" {
  config {
    media_id   = var.comment_media_id
    comment_id = var.comment_id
    message    = "We would love to have you!"
  }
}
`)
			vars := []string{"-var", "caption_media_id=" + review, "-var", "comment_media_id=" + trip, "-var", "comment_id=" + commentID}
			w.MustRun(append([]string{"apply", "-auto-approve", "-no-color"}, vars...)...)
			var outputs struct {
				Caption struct{ Value map[string]any } `json:"caption"`
				Comment struct{ Value map[string]any } `json:"comment"`
			}
			if err := json.Unmarshal([]byte(w.MustRun("output", "-json")), &outputs); err != nil {
				t.Fatal(err)
			}
			c, m := outputs.Caption.Value, outputs.Comment.Value
			if c["kind"] != "caption" || c["text"] != "Best flat white in town at emulator_brand!" || c["username"] != "coffee.critic" ||
				m["kind"] != "comment" || m["text"] != "you must try @emulator_brand next time" || m["username"] != nil || m["media_url"] == nil {
				t.Fatalf("outputs:\n%+v\n%+v", c, m)
			}

			out, err := w.Invoke("action.instagram_reply_to_mention.caption", vars...)
			if err != nil || !strings.Contains(out, "Answered the caption mention on post "+review+" with comment") {
				t.Fatalf("err = %v\n%s", err, out)
			}
			out, err = w.Invoke("action.instagram_reply_to_mention.comment", vars...)
			if err != nil || !strings.Contains(out, "Replied to the comment mention "+commentID) {
				t.Fatalf("err = %v\n%s", err, out)
			}
			onReview, onTrip := env.Emulator.Comments(review), env.Emulator.Comments(trip)
			if len(onReview) != 1 || onReview[0].Text != "Thanks @coffee.critic, see you soon!" || onReview[0].ByAccount != emulator.DefaultAccountID ||
				len(onTrip) != 2 || onTrip[1].ParentID != comment["comment_id"] || onTrip[1].ByAccount != emulator.DefaultAccountID {
				t.Fatalf("answers: %+v / %+v", onReview, onTrip)
			}
		})
	}
}
