package workflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	routeWriteComment  = "POST /{ig-media-id}/comments"
	routeWriteReply    = "POST /{ig-comment-id}/replies"
	routeDeleteComment = "DELETE /{ig-comment-id}"
	routeListComments  = "GET /{ig-media-id}/comments"
	routeListReplies   = "GET /{ig-comment-id}/replies"
)

// commentWorld is one test's emulator with a post to comment on, and a
// Commenter on the emulator's clock that holds what held holds.
type commentWorld struct {
	emu  *emulator.Server
	c    *Commenter
	post string

	mu   sync.Mutex
	held map[string]bool
}

func newCommentWorld(t *testing.T, wrap func(http.Handler) http.Handler) *commentWorld {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	h := emu.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { emu.ReleaseHeld() }) // before srv.Close, which waits for held requests
	client, err := graph.New(graph.Options{
		BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	post, _ := emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Caption: "Launch day"})
	w := &commentWorld{emu: emu, post: post, held: map[string]bool{}}
	w.c = &Commenter{Client: client, Now: emu.Now, Held: w.isHeld}
	return w
}

func (w *commentWorld) isHeld(id string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.held[id]
}

func (w *commentWorld) hold(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.held[id] = true
}

// ownComment writes a comment by the account directly (as an earlier run did).
func (w *commentWorld) ownComment(t *testing.T, parent, text string) string {
	t.Helper()
	var id string
	var err error
	if parent != "" {
		id, _, err = w.c.Client.Comments.Reply(context.Background(), parent, text)
	} else {
		id, _, err = w.c.Client.Comments.Create(context.Background(), w.post, text)
	}
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// withText lists the post's live comments and replies with this text.
func (w *commentWorld) withText(text string) []emulator.CommentSnapshot {
	var out []emulator.CommentSnapshot
	for _, c := range w.emu.Comments(w.post) {
		if c.Text == text {
			out = append(out, c)
		}
	}
	return out
}

// stopWhenHeld holds the answer of the next request to route for a moment
// after it committed, and returns a context cancelled meanwhile, as
// Terraform cancels it when asked to stop.
func (w *commentWorld) stopWhenHeld(t *testing.T, route string) context.Context {
	w.emu.InjectFault(emulator.Fault{Route: route, HoldAfterCommit: 200 * time.Millisecond, Times: 1})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() {
		if _, err := w.emu.WaitHeld(ctx, route); err == nil {
			cancel()
		}
	}()
	return ctx
}

// checkWritten asserts that Write returned the one comment with this text,
// read back, and that the POST was sent posts times.
func (w *commentWorld) checkWritten(t *testing.T, cm CommentDraft, res *CommentResult, err error, route string, posts int) {
	t.Helper()
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	got := w.withText(cm.Message)
	if len(got) != 1 || got[0].ID != res.ID || got[0].ParentID != cm.ParentID {
		t.Fatalf("comments with text %q = %+v, want exactly [%s] under %q", cm.Message, got, res.ID, cm.ParentID)
	}
	if res.ReadErr != nil || res.Comment == nil || res.Comment.ID != res.ID || res.Comment.Text != cm.Message {
		t.Errorf("read back %+v, %v", res.Comment, res.ReadErr)
	}
	if n := w.emu.CallCount(route); n != posts {
		t.Errorf("%s sent %d times, want %d", route, n, posts)
	}
}

func TestWrite_commentAndReply(t *testing.T) {
	w := newCommentWorld(t, nil)
	cm := CommentDraft{MediaID: w.post, Message: "#launch #bikes"}
	res, err := w.c.Write(context.Background(), cm)
	w.checkWritten(t, cm, res, err, routeWriteComment, 1)
	if res.Recovered {
		t.Error("recovered without a lost answer")
	}
	reply := CommentDraft{MediaID: w.post, ParentID: res.ID, Message: "More on the blog"}
	res, err = w.c.Write(context.Background(), reply)
	w.checkWritten(t, reply, res, err, routeWriteReply, 1)
}

// The connection drops after Instagram wrote the comment: reading finds it,
// and it is never written twice. An older identical comment that a resource
// holds, and a newer one by someone else, are not taken for it.
func TestWrite_lostAnswerRecovered(t *testing.T) {
	for name, reply := range map[string]bool{"comment": false, "reply": true} {
		t.Run(name, func(t *testing.T) {
			w := newCommentWorld(t, nil)
			cm := CommentDraft{MediaID: w.post, Message: "Lost and found"}
			route := routeWriteComment
			if reply {
				cm.ParentID = w.ownComment(t, "", "Top")
				w.hold(cm.ParentID)
				route = routeWriteReply
			}
			w.hold(w.ownComment(t, cm.ParentID, cm.Message)) // a resource of this run holds it
			w.emu.AdvanceClock(time.Minute)
			w.emu.InjectFault(emulator.Fault{Route: route, DropAfterCommit: true, Times: 1})
			res, err := w.c.Write(context.Background(), cm)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			got := w.withText(cm.Message)
			if len(got) != 2 || got[1].ID != res.ID || !res.Recovered {
				t.Fatalf("comments %+v, result %+v: want the held one and exactly one new, recovered", got, res)
			}
			if n := w.emu.CallCount(route); n != 2 { // +1 for the held comment
				t.Errorf("%s sent %d times for this comment, want 1", route, n-1)
			}
			if res.Comment == nil || res.Comment.ID != res.ID {
				t.Errorf("read back %+v, %v", res.Comment, res.ReadErr)
			}
		})
	}
}

// Answers lost before Instagram wrote anything (5xx, a drop before commit):
// reading proves nothing was written, so the comment is sent again, and
// exists once. An identical comment a resource holds is not taken for it.
func TestWrite_lostAnswerNotWrittenIsSentAgain(t *testing.T) {
	for name, f := range map[string]emulator.Fault{
		"5xx":                {Status: http.StatusInternalServerError},
		"drop before commit": {DropBeforeCommit: true},
	} {
		t.Run(name, func(t *testing.T) {
			w := newCommentWorld(t, nil)
			cm := CommentDraft{MediaID: w.post, Message: "Second time lucky"}
			held := w.ownComment(t, "", cm.Message)
			w.hold(held)
			f.Route, f.Times = routeWriteComment, 1
			w.emu.InjectFault(f)
			res, err := w.c.Write(context.Background(), cm)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			got := w.withText(cm.Message)
			if len(got) != 2 || got[0].ID != held || got[1].ID != res.ID || res.Recovered {
				t.Fatalf("comments %+v, result %+v: want the held one and one new, written by the second POST", got, res)
			}
			if n := w.emu.CallCount(routeWriteComment); n != 3 { // +1 for the held comment
				t.Errorf("sent %d times for this comment, want 2", n-1)
			}
		})
	}
}

// Every answer is lost and every read proves nothing was written: the POST is
// sent maxLostAnswers times, then given up on.
func TestWrite_lostAnswersExhausted(t *testing.T) {
	w := newCommentWorld(t, nil)
	w.emu.InjectFault(emulator.Fault{Route: routeWriteComment, Status: http.StatusServiceUnavailable})
	_, err := w.c.Write(context.Background(), CommentDraft{MediaID: w.post, Message: "never"})
	var nw *CommentNotWrittenError
	var lost *LostAnswersError
	var amb *graph.AmbiguousError
	if !errors.As(err, &nw) || !errors.As(err, &lost) || lost.Times != maxLostAnswers || errors.As(err, &amb) || MayHaveCommented(err) {
		t.Fatalf("err = %v, want *CommentNotWrittenError of a *LostAnswersError, no longer ambiguous", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "nothing was done") || strings.Contains(msg, "may or may not") {
		t.Errorf("Error() = %q: want it to say that nothing was written", msg)
	}
	if n := w.emu.CallCount(routeWriteComment); n != maxLostAnswers || len(w.withText("never")) != 0 {
		t.Errorf("sent %d times, %d written", n, len(w.withText("never")))
	}
}

// The answer is lost and the comments cannot be read: the comment may exist,
// and it is not sent again.
func TestWrite_lostAnswerUnreadable(t *testing.T) {
	w := newCommentWorld(t, nil)
	cm := CommentDraft{MediaID: w.post, Message: "maybe", AllowDuplicate: true} // no search before
	w.emu.InjectFault(emulator.Fault{Route: routeWriteComment, DropAfterCommit: true, Times: 1})
	w.emu.InjectFault(emulator.Fault{Route: routeListComments, Error: &emulator.ErrorBody{Code: 10, Message: "(#10) denied"}})
	_, err := w.c.Write(context.Background(), cm)
	var unknown *CommentUnknownError
	var amb *graph.AmbiguousError
	if !errors.As(err, &unknown) || !errors.As(err, &amb) || !MayHaveCommented(err) {
		t.Fatalf("err = %v, want *CommentUnknownError", err)
	}
	if n := w.emu.CallCount(routeWriteComment); n != 1 {
		t.Errorf("sent %d times, want 1", n)
	}
}

// Instagram refuses the comment: nothing was written, and it is not resent.
func TestWrite_refused(t *testing.T) {
	w := newCommentWorld(t, nil)
	w.emu.SetCommentsEnabledOutOfBand(w.post, false)
	_, err := w.c.Write(context.Background(), CommentDraft{MediaID: w.post, Message: "closed"})
	var nw *CommentNotWrittenError
	var gerr *graph.Error
	if !errors.As(err, &nw) || !errors.As(err, &gerr) || gerr.Code != 100 || MayHaveCommented(err) {
		t.Fatalf("err = %v, want *CommentNotWrittenError with Meta's error", err)
	}
	if n := w.emu.CallCount(routeWriteComment); n != 1 {
		t.Errorf("sent %d times, want 1", n)
	}
}

// Terraform asks to stop while the POST is in flight (Instagram wrote the
// comment and answers later): the answer is still awaited, and the comment
// is reported and read back.
func TestWrite_stopWhileWriting(t *testing.T) {
	w := newCommentWorld(t, nil)
	ctx := w.stopWhenHeld(t, routeWriteComment)
	cm := CommentDraft{MediaID: w.post, Message: "In flight"}
	res, err := w.c.Write(ctx, cm)
	w.checkWritten(t, cm, res, err, routeWriteComment, 1)
	if ctx.Err() == nil || res.Recovered {
		t.Errorf("ctx=%v recovered=%v: want the stop to have come during the POST, answered", ctx.Err(), res.Recovered)
	}
}

// Stopped before anything was sent: nothing is written, nothing is read.
func TestWrite_stopBeforeWriting(t *testing.T) {
	w := newCommentWorld(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := w.c.Write(ctx, CommentDraft{MediaID: w.post, Message: "x"})
	var stopped *StoppedError
	if !errors.As(err, &stopped) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want *StoppedError", err)
	}
	if n := w.emu.TotalCalls(); n != 0 {
		t.Errorf("%d calls after the stop", n)
	}
}

// The stop arrives while the duplicate search runs: the POST is never sent.
func TestWrite_stopWhileSearching(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newCommentWorld(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(rw, r)
			if strings.HasSuffix(r.URL.Path, "/comments") {
				cancel()
			}
		})
	})
	_, err := w.c.Write(ctx, CommentDraft{MediaID: w.post, Message: "x"})
	var stopped *StoppedError
	if !errors.As(err, &stopped) {
		t.Fatalf("err = %v, want *StoppedError", err)
	}
	if n := w.emu.CallCount(routeWriteComment); n != 0 {
		t.Errorf("sent %d times after the stop", n)
	}
}

// An identical comment by the account that no resource holds stops the write
// and is named; everything that is not identical, or is accounted for, does not.
func TestWrite_duplicate(t *testing.T) {
	const text = "#launch #bikes"
	for _, tc := range []struct {
		name    string
		arrange func(t *testing.T, w *commentWorld) (cm CommentDraft, dup string)
	}{
		{"identical comment left behind", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			id := w.ownComment(t, "", text)
			w.emu.AdvanceClock(23 * time.Hour)
			return CommentDraft{MediaID: w.post, Message: text}, id
		}},
		{"identical reply left behind", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			parent := w.ownComment(t, "", "Top")
			return CommentDraft{MediaID: w.post, ParentID: parent, Message: text}, w.ownComment(t, parent, text)
		}},
		{"the newest of two is named", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, "", text)
			w.emu.AdvanceClock(time.Minute)
			return CommentDraft{MediaID: w.post, Message: text}, w.ownComment(t, "", text)
		}},
		{"held by a resource of this run", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.hold(w.ownComment(t, "", text))
			return CommentDraft{MediaID: w.post, Message: text}, ""
		}},
		{"older than the window", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, "", text)
			w.emu.AdvanceClock(DuplicateCommentWindow + time.Second)
			return CommentDraft{MediaID: w.post, Message: text}, ""
		}},
		{"by another user", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			if _, err := w.emu.AddCommentFromUser(w.post, "", "a_fan", text); err != nil {
				t.Fatal(err)
			}
			return CommentDraft{MediaID: w.post, Message: text}, ""
		}},
		{"other text", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, "", text+" ")
			return CommentDraft{MediaID: w.post, Message: text}, ""
		}},
		{"a reply is not a comment", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, w.ownComment(t, "", "Top"), text)
			return CommentDraft{MediaID: w.post, Message: text}, ""
		}},
		{"under another parent", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, w.ownComment(t, "", "One"), text)
			return CommentDraft{MediaID: w.post, ParentID: w.ownComment(t, "", "Two"), Message: text}, ""
		}},
		{"on another post", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, "", text)
			other, _ := w.emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Caption: "Another"})
			return CommentDraft{MediaID: other, Message: text}, ""
		}},
		{"allow_duplicate", func(t *testing.T, w *commentWorld) (CommentDraft, string) {
			w.ownComment(t, "", text)
			return CommentDraft{MediaID: w.post, Message: text, AllowDuplicate: true}, ""
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newCommentWorld(t, nil)
			cm, dup := tc.arrange(t, w)
			route := routeWriteComment
			if cm.ParentID != "" {
				route = routeWriteReply
			}
			sentBefore := w.emu.CallCount(route)
			res, err := w.c.Write(context.Background(), cm)
			sent := w.emu.CallCount(route) - sentBefore
			if dup == "" {
				if err != nil || res.ID == "" || sent != 1 {
					t.Fatalf("res=%+v err=%v sent=%d: want it written once", res, err, sent)
				}
				return
			}
			var de *DuplicateError
			if !errors.As(err, &de) || de.Comment.ID != dup || de.Comment.Text != cm.Message || MayHaveCommented(err) {
				t.Fatalf("err = %v, want *DuplicateError naming %s", err, dup)
			}
			if sent != 0 {
				t.Errorf("sent %d times despite the duplicate", sent)
			}
		})
	}
}

// A post that drew more comments within the window than the search reads
// cannot be searched: the write stops rather than guess.
func TestWrite_searchTooLong(t *testing.T) {
	w := newCommentWorld(t, nil)
	for i := range maxCommentsSearched + 1 {
		if _, err := w.emu.AddCommentFromUser(w.post, "", "a_fan", fmt.Sprint("nice ", i)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := w.c.Write(context.Background(), CommentDraft{MediaID: w.post, Message: "x"})
	var se *SearchError
	if !errors.As(err, &se) || MayHaveCommented(err) {
		t.Fatalf("err = %v, want *SearchError", err)
	}
	if n := w.emu.CallCount(routeWriteComment); n != 0 {
		t.Errorf("sent %d times", n)
	}
}

func TestDelete(t *testing.T) {
	w := newCommentWorld(t, nil)
	id := w.ownComment(t, "", "bye")
	reply := w.ownComment(t, id, "bye too")
	if err := w.c.Delete(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if w.emu.CommentExists(id) || w.emu.CommentExists(reply) {
		t.Error("the comment or its reply still exists")
	}
	// Already gone: done.
	if err := w.c.Delete(context.Background(), id); err != nil {
		t.Errorf("deleting a deleted comment: %v", err)
	}
}

// Terraform asks to stop while the DELETE is in flight: it is still answered,
// so the deletion is reported as done.
func TestDelete_stopWhileDeleting(t *testing.T) {
	w := newCommentWorld(t, nil)
	id := w.ownComment(t, "", "bye")
	ctx := w.stopWhenHeld(t, routeDeleteComment)
	if err := w.c.Delete(ctx, id); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if ctx.Err() == nil || w.emu.CommentExists(id) || w.emu.CallCount(routeDeleteComment) != 1 {
		t.Errorf("ctx=%v exists=%v deletes=%d", ctx.Err(), w.emu.CommentExists(id), w.emu.CallCount(routeDeleteComment))
	}
}

func TestDelete_stopBeforeDeleting(t *testing.T) {
	w := newCommentWorld(t, nil)
	id := w.ownComment(t, "", "stay")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stopped *StoppedError
	if err := w.c.Delete(ctx, id); !errors.As(err, &stopped) || !w.emu.CommentExists(id) {
		t.Fatalf("err = %v, exists=%v: want it stopped before deleting", err, w.emu.CommentExists(id))
	}
}
