package workflow

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// nestedReplies is how many replies come nested with a comment (Graph's page).
const nestedReplies = 25

// routeAccount reads the account's username, to recognise its posts made in
// the Instagram app (Meta gives their owner only to the app that made them).
const routeAccount = "GET /{ig-user-id}"

// TestModerate_sweepCost measures what a sweep costs in Graph calls, from the
// emulator's per-route counters: at most one paged read per post (plus its
// further pages), and one write per matched comment. The posts come from the
// account's list or, when named, one read each that brings their first page
// of comments along (and the account's username when they were made in the
// Instagram app), so a sweep by media_ids costs no more than one by
// `within`. Run with -v for the table.
func TestModerate_sweepCost(t *testing.T) {
	cases := []struct {
		name                 string
		posts, top, replies  int // per post: top-level comments, replies to each
		byID, includeReplies bool
	}{
		{name: "1,000 comments on 20 recent posts", posts: 20, top: 50},
		{name: "the same 20 posts named in media_ids", posts: 20, top: 50, byID: true},
		{name: "500 comments + 500 replies on 20 posts", posts: 20, top: 25, replies: 1, includeReplies: true},
		{name: "the same, the posts named in media_ids", posts: 20, top: 25, replies: 1, includeReplies: true, byID: true},
		{name: "2,000 comments on 20 posts (2 pages each)", posts: 20, top: 100},
		{name: "20 comments with 49 replies each (the nested page holds 25)", posts: 20, top: 1, replies: 49, includeReplies: true},
	}
	var table strings.Builder
	fmt.Fprintf(&table, "\n| sweep (hide, 1 in 5 matches) | comments read | GET /{ig-user-id}/media | GET /{ig-media-id} | GET /{ig-media-id}/comments | GET /{ig-comment-id}/replies | POST /{ig-comment-id} (writes) | total calls | metered calls |\n|---|---|---|---|---|---|---|---|---|\n")
	var withinCost [2]int // round trips and metered calls of the first sweep, by within
	for _, tc := range cases {
		b := newBoard(t, emulator.DefaultFacebookToken)
		for range tc.posts {
			b.post(t, "campaign", time.Minute)
		}
		texts := []string{"spam: cheap followers", "love it", "great", "where to buy?", "nice"}
		if _, err := b.emu.AddCommentsFromUsers(emulator.CommentBatch{
			MediaIDs: b.posts, PerPost: tc.top, RepliesPerComment: tc.replies, Texts: texts,
		}); err != nil {
			t.Fatal(err)
		}
		sw := Sweep{Operation: Hide, Filter: Filter{TextMatches: regexp.MustCompile(`^spam:`)}, IncludeReplies: tc.includeReplies,
			MaxComments: 1000}
		if tc.byID {
			sw.MediaIDs = b.posts
		}
		r, err := b.mod.Moderate(t.Context(), sw)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		total := tc.posts * tc.top * (1 + tc.replies)
		calls := b.emu.Calls()
		pagesPerPost := (tc.top + commentPageSize - 1) / commentPageSize
		if tc.byID {
			pagesPerPost-- // the first page comes with the post
		}
		replyPages := 0 // per top-level comment, beyond the nested page
		if tc.includeReplies && tc.replies > nestedReplies {
			replyPages = (tc.replies - nestedReplies + commentPageSize - 1) / commentPageSize
		}
		switch {
		case r.Read != total || len(r.Done) != total/len(texts):
			t.Errorf("%s: read %d, hid %d; want %d and %d", tc.name, r.Read, len(r.Done), total, total/len(texts))
		case calls[routeComments] != tc.posts*pagesPerPost || calls[routeReplies] != tc.posts*tc.top*replyPages:
			t.Errorf("%s: %d comment pages and %d reply pages for %d posts, want %d and %d", tc.name,
				calls[routeComments], calls[routeReplies], tc.posts, tc.posts*pagesPerPost, tc.posts*tc.top*replyPages)
		case calls[routeHide] != len(r.Matched):
			t.Errorf("%s: %d writes for %d matched comments", tc.name, calls[routeHide], len(r.Matched))
		case calls[routeList] > (tc.posts+99)/100 || calls[routeMedia] > tc.posts || calls[routeAccount] > 1:
			t.Errorf("%s: the posts were read more than once: %v", tc.name, calls)
		case b.emu.TotalCalls() != calls[routeList]+calls[routeMedia]+calls[routeAccount]+calls[routeComments]+calls[routeReplies]+calls[routeHide]:
			t.Errorf("%s: unexpected calls %v", tc.name, calls)
		case tc.byID && (b.emu.TotalCalls() > withinCost[0] || b.emu.MeteredCalls() > withinCost[1]):
			t.Errorf("%s: %d calls (%d metered), more than the same sweep by within: %v", tc.name, b.emu.TotalCalls(), b.emu.MeteredCalls(), withinCost)
		}
		if withinCost[0] == 0 {
			withinCost = [2]int{b.emu.TotalCalls(), b.emu.MeteredCalls()}
		}
		fmt.Fprintf(&table, "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", tc.name, r.Read, calls[routeList], calls[routeMedia],
			calls[routeComments], calls[routeReplies], calls[routeHide], b.emu.TotalCalls(), b.emu.MeteredCalls())
	}
	t.Log(table.String())
}
