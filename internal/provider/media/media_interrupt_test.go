//go:build unix

package media_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// A pipeline cancelled while media_publish is in flight never publishes the
// post twice. Meta commits the publish and answers seconds later (held here);
// the CLI is interrupted at that moment, then applied again:
//
//	graceful stop: the provider finishes the publish and Terraform saves it;
//	               the next apply has nothing to do.
//	immediate stop, kill: the post exists but not in state; the next apply
//	               stops before publishing and names the post with its import
//	               block; importing it converges.
//
// Every case ends with exactly one post, held in state, and an empty plan.
func TestAccMedia_interruptedPublish(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t)
	for _, how := range acctest.Interruptions {
		t.Run(how.String(), func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{Now: time.Now})
			w := env.Workdir(t)
			w.Write("main.tf", `
resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
  caption   = "Launch day #bikes"
}
`)
			env.HoldAnswer(publishRoute, 4*time.Second)
			out := w.InterruptedRun(env, publishRoute, how, "apply", "-auto-approve", "-no-color")
			posts := env.Emulator.MediaIDs(emulator.DefaultAccountID)
			if len(posts) != 1 {
				t.Fatalf("after a %s the account has %d posts, want 1:\n%s", how, len(posts), out)
			}
			id := posts[0]

			if how == acctest.Graceful {
				// The provider finished what cannot be undone; Terraform saved it.
				if !strings.Contains(w.StateList(), "instagram_media.launch") {
					t.Fatalf("a graceful stop lost the published post:\n%s", out)
				}
			} else {
				if strings.Contains(w.StateList(), "instagram_media.launch") {
					t.Fatalf("a %s saved the post in state, so this test proves nothing:\n%s", how, out)
				}
				// The next apply finds the post and refuses to publish it again.
				out, err := w.Run("apply", "-auto-approve", "-no-color")
				if err == nil {
					t.Fatalf("the apply after a %s did not stop:\n%s", how, out)
				}
				want := regexp.MustCompile(`An identical post already exists[\s\S]*Post ` + id + ` \(https://www\.instagram\.com/p/[^)]+\)[\s\S]*id = "` + id + `"`)
				if !want.MatchString(out) {
					t.Fatalf("the apply after a %s does not name post %s and its import block:\n%s", how, id, out)
				}
				// Following its advice converges.
				w.Write("adopt.tf", fmt.Sprintf("import {\n  to = instagram_media.launch\n  id = %q\n}\n", id))
				w.MustRun("apply", "-auto-approve", "-no-color")
			}
			if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 1 {
				t.Fatalf("after a %s and another apply the account has %d posts, want 1", how, n)
			}
			show := w.MustRun("state", "show", "-no-color", "instagram_media.launch")
			if !strings.Contains(show, `"`+id+`"`) {
				t.Fatalf("state does not hold post %s:\n%s", id, show)
			}
			if out, err := w.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
				t.Fatalf("the plan after converging is not empty: %v\n%s", err, out)
			}
		})
	}
}
