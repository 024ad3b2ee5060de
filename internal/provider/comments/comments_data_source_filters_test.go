package comments_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The filters of the moderation action preview what a sweep would touch:
// hidden flags, authors, reply counts, and which comments match.
func TestAccCommentsDataSource_filters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	mid := env.PublishImageOutOfBand(t, "launch")
	add := func(parent, user, text string) string {
		env.Emulator.AdvanceClock(1e9)
		id, err := env.Emulator.AddCommentFromUser(mid, parent, user, text)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	spam := add("", "spam_bot", "FREE followers")
	fan := add("", "happy_fan", "Congratulations")
	reply := add(fan, "other_bot", "free followers for you")
	add(fan, "happy_fan", "thanks!")
	env.Emulator.SetCommentHiddenOutOfBand(spam, true)
	from, _ := env.Emulator.Comment(spam)

	const addr = "data.instagram_comments.spam"
	comment := func(i int, attr string) tfjsonpath.Path {
		return tfjsonpath.New("comments").AtSliceIndex(i).AtMapKey(attr)
	}
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "instagram_comments" "spam" {
  media_id     = %q
  text_matches = "free ("
}`, mid),
				PlanOnly:    true,
				ExpectError: acctest.ExpectError(`Invalid regular expression`),
			},
			{
				Config: fmt.Sprintf(`data "instagram_comments" "spam" {
  media_id        = %q
  text_matches    = "(?i)free followers"
  include_replies = true
}`, mid),
				ConfigStateChecks: []statecheck.StateCheck{
					// Newest first: the fan's thread (for its matching reply), then the spam.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("comments"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(addr, comment(0, "id"), knownvalue.StringExact(fan)),
					statecheck.ExpectKnownValue(addr, comment(0, "matched"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(addr, comment(0, "reply_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(addr, comment(0, "replies"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(reply), "username": knownvalue.StringExact("other_bot"),
							"matched": knownvalue.Bool(true), "parent_id": knownvalue.StringExact(fan),
						}),
					})),
					statecheck.ExpectKnownValue(addr, comment(1, "id"), knownvalue.StringExact(spam)),
					statecheck.ExpectKnownValue(addr, comment(1, "matched"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(addr, comment(1, "hidden"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(addr, comment(1, "from_id"), knownvalue.StringExact(from.FromID)),
					statecheck.ExpectKnownValue(addr, comment(1, "reply_count"), knownvalue.Int64Exact(0)),
				},
			},
			{
				// Without replies, only top-level comments can match; the
				// reply count comes nested, at no extra call.
				Config: fmt.Sprintf(`data "instagram_comments" "spam" {
  media_id       = %q
  from_usernames = ["@Happy_Fan"]
}`, mid),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("comments"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(fan), "matched": knownvalue.Bool(true), "reply_count": knownvalue.Int64Exact(2),
							"replies": knownvalue.ListSizeExact(0),
						}),
					})),
				},
			},
		},
	})
	if n := env.Emulator.CallCount("GET /{ig-comment-id}/replies"); n != 0 {
		t.Fatalf("GET /{ig-comment-id}/replies called %d times, want 0", n)
	}
}
