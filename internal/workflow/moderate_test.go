package workflow

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	routeComment    = "GET /{ig-comment-id}"
	routeComments   = "GET /{ig-media-id}/comments"
	routeReplies    = "GET /{ig-comment-id}/replies"
	routeHide       = "POST /{ig-comment-id}"
	routeDelete     = "DELETE /{ig-comment-id}"
	routeMedia      = "GET /{ig-media-id}"
	secondAccountID = "17841400000000002"
)

// board is one test's emulator, posts with comments, and a Moderator.
type board struct {
	emu   *emulator.Server
	mod   *Moderator
	posts []string // newest first
	lines []string // progress lines
}

// newBoard serves an emulator with the account's posts: recent ones (within
// the default 72 hours) and one a week old, each commented by others.
func newBoard(t *testing.T, token string) *board {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: token, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	b := &board{emu: emu}
	b.mod = &Moderator{Client: client, AccountID: emulator.DefaultAccountID, Now: emu.Now,
		Progress: func(p Progress) { b.lines = append(b.lines, p.String()) }}
	return b
}

// post publishes a post, then moves the clock on by age (so the posts of a
// test are, newest last, the sums of the ages after them old).
func (b *board) post(t *testing.T, caption string, age time.Duration) string {
	t.Helper()
	id, ok := b.emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Caption: caption})
	if !ok {
		t.Fatal("cannot post")
	}
	b.emu.AdvanceClock(age)
	b.posts = append([]string{id}, b.posts...)
	return id
}

func (b *board) comment(t *testing.T, mediaID, parentID, username, text string) string {
	t.Helper()
	id, err := b.emu.AddCommentFromUser(mediaID, parentID, username, text)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// spamBoard: an old post and two recent ones; spam, a fan, a reply and the
// account's own comment.
type spamBoard struct {
	*board
	old, recent1, recent2                    string
	spam1, spam2, fan, spamReply, own, oldSp string
}

func newSpamBoard(t *testing.T, token string) *spamBoard {
	b := &spamBoard{board: newBoard(t, token)}
	b.old = b.post(t, "a week ago", 7*24*time.Hour)
	b.recent1 = b.post(t, "yesterday", 24*time.Hour)
	b.recent2 = b.post(t, "today", time.Hour)
	b.oldSp = b.comment(t, b.old, "", "spam_bot", "FREE followers here")
	b.spam1 = b.comment(t, b.recent1, "", "spam_bot", "Get FREE followers now")
	b.fan = b.comment(t, b.recent1, "", "happy_fan", "Love it")
	b.spamReply = b.comment(t, b.recent1, b.fan, "other_bot", "free followers!!")
	b.spam2 = b.comment(t, b.recent2, "", "Spam_Bot", "cheap likes")
	// The account's own comment, through the API.
	_, _, err := b.mod.Client.Comments.Create(context.Background(), b.recent2, "free shipping today, free followers not included")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b.emu.Comments(b.recent2) {
		if c.ByAccount != "" {
			b.own = c.ID
		}
	}
	return b
}

func (b *board) hidden(t *testing.T, id string) bool {
	t.Helper()
	c, ok := b.emu.Comment(id)
	if !ok {
		t.Fatalf("comment %s is gone", id)
	}
	return c.Hidden
}

func ids(cs []Comment) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	slices.Sort(out)
	return out
}

func sorted(s ...string) []string { slices.Sort(s); return s }

func TestModerate_hideBySelectors(t *testing.T) {
	for _, token := range []string{emulator.DefaultFacebookToken, emulator.DefaultInstagramToken} {
		t.Run(token[:4], func(t *testing.T) {
			b := newSpamBoard(t, token)
			r, err := b.mod.Moderate(t.Context(), Sweep{
				Operation: Hide, Filter: Filter{TextMatches: regexp.MustCompile(`(?i)free followers`)}, IncludeReplies: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			// Recent posts only; replies included; the account's own comment left alone.
			if got, want := ids(r.Done), sorted(b.spam1, b.spamReply); !slices.Equal(got, want) {
				t.Fatalf("done = %v, want %v\n%s", got, want, r.Summary())
			}
			if r.Posts != 2 || r.Read != 5 || r.Own != 1 || len(r.Failed) != 0 {
				t.Fatalf("report = %+v", r)
			}
			for id, want := range map[string]bool{b.spam1: true, b.spamReply: true, b.fan: false, b.own: false, b.oldSp: false} {
				if b.hidden(t, id) != want {
					t.Errorf("comment %s hidden = %v, want %v", id, !want, want)
				}
			}
			if s := r.Summary(); !strings.Contains(s, "2 hidden") || !strings.Contains(s, "@spam_bot: \"Get FREE followers now\"") ||
				!strings.Contains(s, "1 by the account itself left alone") {
				t.Errorf("summary:\n%s", s)
			}
			if n := b.emu.CallCount(routeHide); n != 2 {
				t.Errorf("%d hide calls, want 2", n)
			}

			// Again: nothing left to do, nothing written.
			r, err = b.mod.Moderate(t.Context(), Sweep{
				Operation: Hide, Filter: Filter{TextMatches: regexp.MustCompile(`(?i)free followers`)}, IncludeReplies: true,
			})
			if err != nil || len(r.Matched) != 0 || r.Unchanged != 2 || b.emu.CallCount(routeHide) != 2 {
				t.Fatalf("second sweep = %+v, %v", r, err)
			}
		})
	}
}

func TestModerate_fromUsernamesAndUnhide(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	sweep := Sweep{Operation: Hide, MediaIDs: []string{b.old, b.recent2}, Filter: Filter{FromUsernames: []string{"spam_bot"}}}
	r, err := b.mod.Moderate(t.Context(), sweep)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(r.Done), sorted(b.oldSp, b.spam2); !slices.Equal(got, want) {
		t.Fatalf("done = %v, want %v", got, want)
	}
	sweep.Operation = Unhide
	if r, err = b.mod.Moderate(t.Context(), sweep); err != nil || len(r.Done) != 2 || b.hidden(t, b.oldSp) || b.hidden(t, b.spam2) {
		t.Fatalf("unhide = %+v, %v", r, err)
	}
	// A sweep of everything on a post, without selectors, is fine for hiding.
	r, err = b.mod.Moderate(t.Context(), Sweep{Operation: Hide, MediaIDs: []string{b.recent1}})
	if err != nil || len(r.Done) != 2 {
		t.Fatalf("hide all = %+v, %v", r, err)
	}
}

func TestModerate_dryRunChangesNothing(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Delete, DryRun: true, IncludeReplies: true,
		Filter: Filter{TextMatches: regexp.MustCompile(`(?i)free`)}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(r.Matched), sorted(b.spam1, b.spamReply, b.own); !slices.Equal(got, want) {
		t.Fatalf("matched = %v, want %v", got, want)
	}
	if len(r.Done) != 0 || b.emu.CallCount(routeDelete) != 0 || b.emu.CallCount(routeHide) != 0 || len(b.emu.Comments(b.recent1)) != 3 {
		t.Fatalf("a dry run changed something: %+v", r)
	}
	if s := r.Summary(); !strings.HasPrefix(s, "Dry run, nothing changed: 5 comments read on 2 posts; 3 would be deleted.") {
		t.Fatalf("summary:\n%s", s)
	}
}

func TestModerate_maxCommentsBound(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Hide, IncludeReplies: true, MaxComments: 2})
	var tooMany *TooManyCommentsError
	if !errors.As(err, &tooMany) || tooMany.Matched != 4 || tooMany.Max != 2 {
		t.Fatalf("err = %v", err)
	}
	if len(r.Matched) != 4 || b.emu.CallCount(routeHide) != 0 {
		t.Fatalf("the bound did not hold: %+v, %d writes", r, b.emu.CallCount(routeHide))
	}
}

func TestModerate_partialFailure(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	b.emu.InjectFault(emulator.Fault{Route: routeHide, Times: 1, Error: &emulator.ErrorBody{
		Message: "(#10) Application does not have permission for this action", Type: "OAuthException", Code: 10}})
	r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Hide, Filter: Filter{FromUsernames: []string{"spam_bot"}}})
	var partial *PartialFailureError
	if !errors.As(err, &partial) || len(r.Failed) != 1 || len(r.Done) != 1 {
		t.Fatalf("err = %v, report %+v", err, r)
	}
	failed, done := r.Failed[0], r.Done[0]
	if !b.hidden(t, done.ID) || b.hidden(t, failed.ID) {
		t.Fatal("what succeeded must stay done, what failed unchanged")
	}
	if !strings.Contains(r.Summary(), "FAILED "+failed.ID) || !strings.Contains(r.Summary(), "Application does not have permission") {
		t.Fatalf("summary lacks Meta's message:\n%s", r.Summary())
	}
	if n := b.emu.CallCount(routeHide); n != 2 {
		t.Fatalf("%d hide calls, want 2: a refused write is not retried", n)
	}
}

// A delete whose answer is lost is settled by reading the comment, never by
// resending it blindly.
func TestModerate_deleteAnswerLost(t *testing.T) {
	cases := []struct {
		name    string
		fault   emulator.Fault
		deletes int // DELETEs sent
	}{
		{"deleted, answer lost", emulator.Fault{Route: routeDelete, Times: 1, DropAfterCommit: true}, 1},
		{"not deleted, connection dropped", emulator.Fault{Route: routeDelete, Times: 1, DropBeforeCommit: true}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newSpamBoard(t, emulator.DefaultFacebookToken)
			b.emu.InjectFault(tc.fault)
			r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Delete, CommentIDs: []string{b.spam1}})
			if err != nil || len(r.Done) != 1 {
				t.Fatalf("err = %v, report %+v", err, r)
			}
			if b.emu.CommentExists(b.spam1) {
				t.Fatal("comment still exists")
			}
			if n := b.emu.CallCount(routeDelete); n != tc.deletes {
				t.Fatalf("%d DELETEs sent, want %d", n, tc.deletes)
			}
			// One read of the named comment (GET /{ig-comment-id}), one to
			// settle the lost answer.
			if n := b.emu.CallCount(routeComment); n != 2 {
				t.Fatalf("%d reads of the comment, want 2", n)
			}
		})
	}
}

func TestModerate_deleteTakesRepliesAlong(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Delete, MediaIDs: []string{b.recent1}, IncludeReplies: true,
		Filter: Filter{FromUsernames: []string{"happy_fan", "other_bot"}}})
	if err != nil || len(r.Done) != 1 || len(r.WithParent) != 1 || r.WithParent[0].ID != b.spamReply {
		t.Fatalf("err = %v, report %+v", err, r)
	}
	if b.emu.CallCount(routeDelete) != 1 || b.emu.CommentExists(b.spamReply) {
		t.Fatal("one delete takes the replies along")
	}
}

func TestModerate_onlyTheAccountsOwnPosts(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	// The same Facebook user manages a second account.
	b.emu.AddAccount(emulator.Account{ID: secondAccountID, FacebookToken: emulator.DefaultFacebookToken})
	theirs, _ := b.emu.PostOutOfBand(secondAccountID, emulator.Post{Caption: "theirs"})
	theirComment := b.comment(t, theirs, "", "spam_bot", "free followers")

	for _, sw := range []Sweep{
		{Operation: Delete, MediaIDs: []string{b.recent1, theirs}, Filter: Filter{FromUsernames: []string{"spam_bot"}}},
		{Operation: Delete, CommentIDs: []string{b.spam1, theirComment}},
	} {
		_, err := b.mod.Moderate(t.Context(), sw)
		var notOwn *NotOwnMediaError
		if !errors.As(err, &notOwn) {
			t.Fatalf("err = %v", err)
		}
	}
	if b.emu.CallCount(routeDelete) != 0 || !b.emu.CommentExists(theirComment) || !b.emu.CommentExists(b.spam1) {
		t.Fatal("refused sweeps must not write")
	}
	// An id that cannot be read is named.
	_, err := b.mod.Moderate(t.Context(), Sweep{Operation: Hide, CommentIDs: []string{b.spam1, "17859999999999999"}})
	var readErr *SweepReadError
	if !errors.As(err, &readErr) || !strings.Contains(err.Error(), "17859999999999999") {
		t.Fatalf("err = %v", err)
	}
}

func TestModerate_stopsWhenAsked(t *testing.T) {
	b := newBoard(t, emulator.DefaultFacebookToken)
	post := b.post(t, "busy", time.Hour)
	for i := range 10 {
		b.comment(t, post, "", "spam_bot", fmt.Sprintf("spam %d", i))
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	b.mod.Progress = func(p Progress) {
		if p.Writing && p.Done == 3 {
			cancel() // Terraform asks the provider to stop
		}
	}
	r, err := b.mod.Moderate(ctx, Sweep{Operation: Hide})
	var stopped *StoppedError
	if !errors.As(err, &stopped) || len(r.Done) != 3 || b.emu.CallCount(routeHide) != 3 {
		t.Fatalf("err = %v, done %d, writes %d", err, len(r.Done), b.emu.CallCount(routeHide))
	}
}

func TestModerate_progressLines(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	if _, err := b.mod.Moderate(t.Context(), Sweep{Operation: Hide, Filter: Filter{FromUsernames: []string{"spam_bot"}}}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"reading: 1 of 2 posts, 2 comments read, 1 match",
		"reading: 2 of 2 posts, 4 comments read, 2 match",
		"hiding: 1 of 2 done",
		"hiding: 2 of 2 done",
	}
	if !slices.Equal(b.lines, want) {
		t.Fatalf("progress lines:\n%s", strings.Join(b.lines, "\n"))
	}
}

// A reply whose parent could not be deleted is deleted by itself.
func TestModerate_replyOfAParentThatFailed(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	b.emu.InjectFault(emulator.Fault{Route: routeDelete, Times: 1, Error: &emulator.ErrorBody{
		Message: "(#10) Application does not have permission for this action", Type: "OAuthException", Code: 10}})
	// The reply first, as comment_ids may name them: the parent still goes first.
	r, err := b.mod.Moderate(t.Context(), Sweep{Operation: Delete, CommentIDs: []string{b.spamReply, b.fan}})
	var partial *PartialFailureError
	if !errors.As(err, &partial) || len(r.Failed) != 1 || r.Failed[0].ID != b.fan || len(r.Done) != 1 || r.Done[0].ID != b.spamReply {
		t.Fatalf("err = %v, report %+v", err, r)
	}
	if !b.emu.CommentExists(b.fan) || b.emu.CommentExists(b.spamReply) {
		t.Fatal("the parent stays, the reply goes")
	}
}

// A delete with no selector besides the posts is refused by the workflow too
// (the plan-time check cannot see a value unknown until apply).
func TestModerate_deleteNeedsASelector(t *testing.T) {
	b := newBoard(t, emulator.DefaultFacebookToken)
	b.post(t, "campaign", time.Minute)
	before := b.emu.TotalCalls()
	if _, err := b.mod.Moderate(t.Context(), Sweep{Operation: Delete, MediaIDs: b.posts}); err == nil {
		t.Fatal("a delete of every comment of a post went ahead")
	}
	if n := b.emu.TotalCalls() - before; n != 0 {
		t.Errorf("%d calls before refusing", n)
	}
}
