package comments_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// rfc3339UTC is how the provider renders Graph timestamps (common.GraphTime).
var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

func TestAccCommentsDataSource(t *testing.T) {
	t.Parallel()
	// Page size 2 makes the data source follow cursors.
	env := acctest.New(t, emulator.Options{MaxCommentPageSize: 2})
	mid := env.PublishImageOutOfBand(t, "popular")
	var ids []string
	for i, text := range []string{"first", "second", "third"} {
		env.Emulator.AdvanceClock(1e9)
		id, err := env.Emulator.AddCommentFromUser(mid, "", fmt.Sprintf("fan_%d", i), text)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	reply, _ := env.Emulator.AddCommentFromUser(mid, ids[0], "fan_9", "a reply")
	env.Emulator.SetCommentHiddenOutOfBand(ids[1], true)

	const addr = "data.instagram_comments.all"
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "instagram_comments" "all" {
  media_id        = %q
  include_replies = true
}`, mid),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("comments"), knownvalue.ListExact([]knownvalue.Check{
						// Newest first.
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id":         knownvalue.StringExact(ids[2]),
							"text":       knownvalue.StringExact("third"),
							"username":   knownvalue.StringExact("fan_2"),
							"timestamp":  knownvalue.StringRegexp(rfc3339UTC),
							"like_count": knownvalue.NotNull(),
						}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"hidden": knownvalue.Bool(true)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"parent_id": knownvalue.Null(),
							"replies": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"id":        knownvalue.StringExact(reply),
								"parent_id": knownvalue.StringExact(ids[0]),
								"timestamp": knownvalue.StringRegexp(rfc3339UTC),
							})}),
						}),
					})),
				},
				// Replies come nested in the comment list: no call per comment.
				Check: func(*terraform.State) error {
					if n := env.Emulator.CallCount("GET /{ig-comment-id}/replies"); n != 0 {
						return fmt.Errorf("GET /{ig-comment-id}/replies called %d times, want 0", n)
					}
					return nil
				},
			},
			{
				Config: fmt.Sprintf(`data "instagram_comments" "all" {
  media_id = %q
  limit    = 1
}`, mid),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("comments"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"replies": knownvalue.ListSizeExact(0)}),
					})),
				},
			},
		},
	})
}
