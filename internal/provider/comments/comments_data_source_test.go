package comments_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`data "instagram_comments" "all" {
  media_id        = %q
  include_replies = true
}`, mid),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "comments.#", "3"),
					resource.TestCheckResourceAttr(addr, "comments.0.id", ids[2]), // newest first
					resource.TestCheckResourceAttr(addr, "comments.0.text", "third"),
					resource.TestCheckResourceAttr(addr, "comments.0.username", "fan_2"),
					resource.TestCheckResourceAttr(addr, "comments.1.hidden", "true"),
					resource.TestCheckNoResourceAttr(addr, "comments.2.parent_id"),
					resource.TestCheckResourceAttr(addr, "comments.2.replies.#", "1"),
					resource.TestCheckResourceAttr(addr, "comments.2.replies.0.id", reply),
					resource.TestCheckResourceAttr(addr, "comments.2.replies.0.parent_id", ids[0]),
					resource.TestCheckResourceAttrSet(addr, "comments.0.timestamp"),
					resource.TestMatchResourceAttr(addr, "comments.0.timestamp", rfc3339UTC),
					resource.TestMatchResourceAttr(addr, "comments.2.replies.0.timestamp", rfc3339UTC),
					resource.TestCheckResourceAttrSet(addr, "comments.0.like_count"),
					// Replies come nested in the comment list: no call per comment.
					func(*terraform.State) error {
						if n := env.Emulator.CallCount("GET /{ig-comment-id}/replies"); n != 0 {
							return fmt.Errorf("GET /{ig-comment-id}/replies called %d times, want 0", n)
						}
						return nil
					},
				),
			},
			{
				Config: fmt.Sprintf(`data "instagram_comments" "all" {
  media_id = %q
  limit    = 1
}`, mid),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "comments.#", "1"),
					resource.TestCheckResourceAttr(addr, "comments.0.replies.#", "0"),
				),
			},
		},
	})
}
