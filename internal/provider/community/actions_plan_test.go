package community_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Values from variables and data sources are unknown when Terraform
// validates an action's configuration, so the validators see them first in
// the action's plan (common.RevalidateAction): a bad one is refused there,
// before any API call, as a literal one is.
func TestAccActions_valuesFromVariablesCheckedAtPlanTime(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	for _, tc := range []struct{ name, action, config, value, want string }{
		{"reply: comment id", "instagram_reply_to_comment", "comment_id = var.v\n    message = \"Thanks!\"", "abc",
			`comment_id must be a numeric Instagram comment id`},
		{"reply: blank message", "instagram_reply_to_comment", "comment_id = \"17850000000000001\"\n    message = var.v", "   ",
			`must not be blank`},
		{"mention: media id", "instagram_reply_to_mention", "media_id = var.v\n    message = \"Thanks!\"", "abc",
			`media_id must be a numeric Instagram media id`},
		{"moderation: media ids", "instagram_moderate_comments", "operation = \"hide\"\n    media_ids = [var.v]\n    text_matches = \"spam\"", "abc",
			`media_ids\[0\] must be a numeric Instagram id`},
		{"moderation: pattern", "instagram_moderate_comments", "operation = \"hide\"\n    text_matches = var.v", "(unclosed",
			`text_matches must be a regular expression in RE2 syntax`},
		{"collaboration: media id", "instagram_respond_to_collaboration", "media_id = var.v\n    accept = true", "abc",
			`media_id must be a numeric Instagram media id`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			w := env.Workdir(t)
			w.Write("main.tf", "variable \"v\" {\n  type = string\n}\n\naction \""+tc.action+"\" \"a\" {\n  config {\n    "+tc.config+"\n  }\n}\n")
			out, err := w.Invoke("action."+tc.action+".a", "-var", "v="+tc.value)
			if err == nil || !regexp.MustCompile(tc.want).MatchString(unwrapped(out)) {
				t.Fatalf("want an error matching %q, got err = %v:\n%s", tc.want, err, out)
			}
			env.RequireNoGraphCalls(t)
		})
	}
}

// unwrapped is the CLI's output (-no-color: no boxes) on one line, so that
// a pattern matches a diagnostic the CLI wrapped.
func unwrapped(out string) string { return strings.Join(strings.Fields(out), " ") }
