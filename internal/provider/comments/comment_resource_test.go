package comments_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	commentAddr = "instagram_comment.first"
	replyAddr   = "instagram_comment.reply"
)

func commentConfig(mediaID, message string) string {
	return fmt.Sprintf(`
resource "instagram_comment" "first" {
  media_id = %[1]q
  message  = %[2]q
}

resource "instagram_comment" "reply" {
  media_id = %[1]q
  reply_to = instagram_comment.first.id
  message  = "More on the blog"
}
`, mediaID, message)
}

// checkNoComments is a CheckDestroy: the post has no comments left.
func checkNoComments(env *acctest.Env, mediaID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if c := env.Emulator.Comments(mediaID); len(c) != 0 {
			return fmt.Errorf("%d comments left on %s after destroy", len(c), mediaID)
		}
		return nil
	}
}

func TestAccComment_commentAndReply(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "launch")
	var first, reply string
	env.Test(t, resource.TestCase{
		CheckDestroy: checkNoComments(env, mid),
		Steps: []resource.TestStep{
			{
				Config: commentConfig(mid, "#launch #bikes"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(commentAddr, tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
					statecheck.ExpectKnownValue(commentAddr, tfjsonpath.New("timestamp"), knownvalue.StringRegexp(rfc3339UTC)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureID(commentAddr, &first),
					acctest.CaptureID(replyAddr, &reply),
					func(*terraform.State) error {
						c, ok := env.Emulator.Comment(reply)
						if !ok || c.ParentID != first || c.Text != "More on the blog" || c.ByAccount != emulator.DefaultAccountID {
							return fmt.Errorf("reply on the emulator = %+v", c)
						}
						return nil
					},
				),
				ConfigPlanChecks: acctest.NoDrift(),
			},
			acctest.ImportStep(commentAddr),
			acctest.ImportStep(replyAddr),
			{
				// Comments cannot be edited: a new message is a new comment (and a new reply under it).
				Config: commentConfig(mid, "#launch #cycling"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(commentAddr, plancheck.ResourceActionDestroyBeforeCreate),
						plancheck.ExpectResourceAction(replyAddr, plancheck.ResourceActionDestroyBeforeCreate),
					},
				},
				Check: func(*terraform.State) error {
					if env.Emulator.CommentExists(first) {
						return fmt.Errorf("old comment %s still exists", first)
					}
					if n := len(env.Emulator.Comments(mid)); n != 2 {
						return fmt.Errorf("%d comments on the post, want 2", n)
					}
					return nil
				},
			},
			{
				// Deleted in the app: written again.
				PreConfig: func() {
					for _, c := range env.Emulator.Comments(mid) {
						if c.ParentID == "" {
							env.Emulator.DeleteCommentOutOfBand(c.ID)
						}
					}
				},
				Config: commentConfig(mid, "#launch #cycling"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(commentAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction(replyAddr, plancheck.ResourceActionCreate),
					},
				},
			},
		},
	})
}

func TestAccComment_planTimeValidation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	for _, tc := range []struct{ message, want string }{
		{"   ", `message must not be blank`},
		{"", `message must not be blank`},
		{strings.Repeat("a", 2201), `message is 2201 characters long; Instagram allows at most 2200`},
		{uniqueHashtags(31), `message has 31 hashtags; Instagram allows at most 30`},
	} {
		env.PlanOnlyError(t, fmt.Sprintf("resource \"instagram_comment\" \"c\" {\n  media_id = \"17900000000000001\"\n  message  = %q\n}", tc.message), tc.want)
	}
}

func TestAccComment_commentsDisabled(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "quiet")
	env.Emulator.SetCommentsEnabledOutOfBand(mid, false)
	env.ApplyError(t, fmt.Sprintf("resource \"instagram_comment\" \"c\" {\n  media_id = %q\n  message  = \"hello\"\n}", mid),
		`Comments disabled.*code 100.*fbtrace_id`)
}

func TestAccComment_replyToAReplyWarnsAndAttachesToTop(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "thread")
	top, _ := env.Emulator.AddCommentFromUser(mid, "", "fan", "question?")
	fanReply, _ := env.Emulator.AddCommentFromUser(mid, top, "fan2", "same question")
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "instagram_comment" "answer" {
  media_id = %q
  reply_to = %q
  message  = "Answered in the FAQ"
}`, mid, fanReply),
			Check: func(s *terraform.State) error {
				c, _ := env.Emulator.Comment(s.RootModule().Resources["instagram_comment.answer"].Primary.ID)
				if c.ParentID != top {
					return fmt.Errorf("reply attached to %q, want top-level %s", c.ParentID, top)
				}
				return nil
			},
			ConfigPlanChecks: acctest.NoDrift(),
		}},
	})
}

// A comment an interrupted run wrote but did not record is not written
// again: the apply stops and names it with its import block; importing it
// converges; allow_duplicate writes a second, identical comment on purpose.
func TestAccComment_duplicateLeftByAnInterruptedRun(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "launch")
	client, err := graph.New(graph.Options{BaseURL: env.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	left, _, err := client.Comments.Create(t.Context(), mid, "#launch #bikes") // the interrupted run's
	if err != nil {
		t.Fatal(err)
	}
	config := fmt.Sprintf(`
resource "instagram_comment" "first" {
  media_id = %q
  message  = "#launch #bikes"
}
`, mid)
	adopt := fmt.Sprintf("import {\n  to = instagram_comment.first\n  id = %q\n}\n", left)
	again := fmt.Sprintf(`
resource "instagram_comment" "again" {
  media_id        = %q
  message         = "#launch #bikes"
  allow_duplicate = true
}
`, mid)
	countComments := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := len(env.Emulator.Comments(mid)); n != want {
				return fmt.Errorf("%d comments on the post, want %d", n, want)
			}
			return nil
		}
	}
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ImportBlocks),
		CheckDestroy:           checkNoComments(env, mid),
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: regexp.MustCompile(`An identical comment already exists[\s\S]*Comment ` + left +
					` by @` + emulator.DefaultUsername + `[\s\S]*id = "` + left + `"`),
			},
			{
				Config: config + adopt,
				Check:  countComments(1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(commentAddr, tfjsonpath.New("id"), knownvalue.StringExact(left)),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			{
				Config: config + again,
				Check:  countComments(2),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(commentAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction("instagram_comment.again", plancheck.ResourceActionCreate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// uniqueHashtags is a message of n different hashtags.
func uniqueHashtags(n int) string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = fmt.Sprintf("#tag%d", i)
	}
	return strings.Join(tags, " ")
}
