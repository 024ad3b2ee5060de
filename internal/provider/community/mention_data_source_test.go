package community_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// The data source needs no actions: it works on every CLI.
func TestAccMentionDataSource(t *testing.T) {
	t.Parallel()
	for _, login := range []string{"facebook", "instagram"} {
		t.Run(login, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			if login == "instagram" {
				env.InstagramLogin()
			}
			post, err := env.Emulator.PostByOtherUser(emulator.OtherPost{Username: "coffee.critic", Caption: "Ten out of ten @emulator_brand #coffee"})
			if err != nil {
				t.Fatal(err)
			}
			comment, err := env.Emulator.AddCommentFromUser(post, "", "a_friend", "agreed, @emulator_brand is the best")
			if err != nil {
				t.Fatal(err)
			}
			story, _ := env.Emulator.PostByOtherUser(emulator.OtherPost{Type: "STORY", Caption: "@emulator_brand"})
			tagged, _ := env.Emulator.PostByOtherUser(emulator.OtherPost{Tagged: []string{emulator.DefaultUsername}, Caption: "look"})

			value := func(addr, attr string, v knownvalue.Check) statecheck.StateCheck {
				return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), v)
			}
			env.Test(t, resource.TestCase{
				Steps: []resource.TestStep{
					{
						Config: fmt.Sprintf(`
data "instagram_mention" "caption" {
  media_id = %[1]q
}

data "instagram_mention" "comment" {
  media_id   = %[1]q
  comment_id = %[2]q
}`, post, comment),
						ConfigStateChecks: []statecheck.StateCheck{
							value("data.instagram_mention.caption", "kind", knownvalue.StringExact("caption")),
							value("data.instagram_mention.caption", "text", knownvalue.StringExact("Ten out of ten emulator_brand #coffee")),
							value("data.instagram_mention.caption", "username", knownvalue.StringExact("coffee.critic")),
							value("data.instagram_mention.caption", "media_type", knownvalue.StringExact("IMAGE")),
							value("data.instagram_mention.caption", "comments_count", knownvalue.Int64Exact(1)),
							value("data.instagram_mention.caption", "account_id", knownvalue.StringExact(emulator.DefaultAccountID)),
							value("data.instagram_mention.comment", "kind", knownvalue.StringExact("comment")),
							value("data.instagram_mention.comment", "text", knownvalue.StringExact("agreed, @emulator_brand is the best")),
							value("data.instagram_mention.comment", "username", knownvalue.Null()),
							value("data.instagram_mention.comment", "media_url", knownvalue.NotNull()),
							value("data.instagram_mention.comment", "timestamp", knownvalue.StringRegexp(rfc3339UTC)),
						},
					},
					{
						Config:      fmt.Sprintf(`data "instagram_mention" "story" { media_id = %q }`, story),
						PlanOnly:    true,
						ExpectError: acctest.ExpectError(`Mentions on Stories are not supported`),
					},
					{
						Config:      fmt.Sprintf(`data "instagram_mention" "tag" { media_id = %q }`, tagged),
						PlanOnly:    true,
						ExpectError: acctest.ExpectError(`only tagged`),
					},
				},
			})
		})
	}
}
