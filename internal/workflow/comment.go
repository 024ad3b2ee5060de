package workflow

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Comments: POST /{ig-media-id}/comments (a comment on a post) and
// POST /{ig-comment-id}/replies (a reply), and DELETE /{ig-comment-id}.
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies
//
// Writing a comment is not idempotent: a POST whose answer is lost may have
// written it, and sending it again would write it twice, visible to every
// follower. So, as with media_publish:
//
//   - Before writing, the duplicate guard (guard.go) searches the post's (or
//     the parent's) recent comments for an identical one by the account that
//     the caller does not hold: most likely what an interrupted run wrote.
//     Finding one stops the write with a *DuplicateError naming it.
//   - The POST is sent only while ctx is live. Once sent, it and the reads
//     that settle it run under context.WithoutCancel(ctx), bounded by
//     Timeout, so a comment written while Terraform asks the provider to stop
//     is still reported with its id, and recorded.
//   - A lost answer (*graph.AmbiguousError) is settled by reading: an
//     identical comment by the account that was not there before the POST
//     and that no resource holds is the one it wrote. When there is none, the
//     POST provably did nothing and is sent again (at most maxLostAnswers
//     times); when the read fails, a *CommentUnknownError says it may exist.
//
// "Identical" is the same post, the same parent (none, or the same top-level
// comment), exactly the same text, and written by the account that owns the
// post (the comment's username is the post's). Instagram keeps no link from
// a comment to the app or request that wrote it, so two identical comments
// cannot be told apart: one written on purpose within DuplicateCommentWindow
// is taken for a leftover too (CommentDraft.AllowDuplicate settles it).

const (
	// DefaultCommentTimeout bounds a comment's POST, the reads that settle a
	// lost answer and the read-back, once the POST was sent, whatever happens
	// to ctx: Terraform waits for operations in flight after the first
	// interrupt, so the comment is recorded.
	DefaultCommentTimeout = 2 * time.Minute

	// maxCommentsSearched bounds the search (10 pages of 50): a post that
	// drew more comments than that within the window cannot be searched
	// cheaply, and the search says so (*CommentSearchError) rather than
	// guessing.
	maxCommentsSearched = 500
)

// Commenter writes and deletes the account's comments. The zero values of
// the optional fields are the documented defaults. It is safe for concurrent
// use.
type Commenter struct {
	Client *graph.Client

	// Exclusive, when set, makes two writes of the same comment in one
	// process take turns (see guard.go): it waits until no other caller holds
	// key and returns the release. nil → no coordination.
	Exclusive func(key string) (release func())
	// OnWritten, when set, learns a written comment's id as soon as it is
	// known, before the turn ends: the caller records it, so that the next
	// identical write does not take it for a leftover.
	OnWritten func(commentID string)

	// Held reports a comment that a resource of this run holds (written,
	// imported or read by it): never a leftover, never what a lost answer
	// wrote. nil → none.
	Held func(commentID string) bool
	// Now is the clock of the duplicate window and of the settling search;
	// nil → time.Now.
	Now func() time.Time
	// Timeout: see DefaultCommentTimeout; 0 → that.
	Timeout time.Duration
	// ReadFields are read back from the written comment; nil → graph.CommentFields.
	ReadFields []string
	Logger     graph.Logger
}

// CommentDraft is what to write.
type CommentDraft struct {
	MediaID string
	// ParentID is the top-level comment a reply goes to; "" for a comment on
	// the post. (Instagram attaches a reply to a reply to its top-level
	// comment, so the caller resolves that first.)
	ParentID string
	Message  string
	// AllowDuplicate writes even when an identical comment by the account
	// exists (no search before writing).
	AllowDuplicate bool
}

// CommentResult is a written comment.
type CommentResult struct {
	ID string
	// Recovered: the answer was lost and the comment was found by reading.
	Recovered bool
	// Comment is the comment read back with ReadFields, or ReadErr why not:
	// it is written either way.
	Comment *graph.Comment
	ReadErr error
}

// Write writes cm once (see the comment at the top of this file). On error
// nothing was written, unless MayHaveCommented(err); a *DuplicateError
// names the identical comment that stopped it.
func (c *Commenter) Write(ctx context.Context, cm CommentDraft) (*CommentResult, error) {
	defer exclusive(c.Exclusive, cm.exclusiveKey())()
	if ctx.Err() != nil {
		return nil, stoppedAt(ctx, StepDuplicateCheck)
	}
	search := &commentSearch{c: c, cm: cm}
	before, err := c.checkDuplicate(ctx, search)
	if err != nil {
		return nil, err
	}
	started := c.now()
	for lost := 1; ; lost++ {
		if ctx.Err() != nil {
			return nil, stoppedAt(ctx, StepComment)
		}
		res, err := c.writeRound(ctx, search, started, before)
		var absent *lostAndAbsent
		if !errors.As(err, &absent) {
			return res, err
		}
		if lost >= maxLostAnswers {
			return nil, &CommentNotWrittenError{Err: &LostAnswersError{Request: "the comment", Times: lost, Last: absent.cause}}
		}
	}
}

// lostAndAbsent is a lost answer after which the comment provably does not
// exist: the POST may be sent again.
type lostAndAbsent struct{ cause error }

func (e *lostAndAbsent) Error() string { return "answer lost, comment not written: " + e.cause.Error() }

// writeRound sends the POST once and settles its answer, under a context that
// ctx's cancellation does not reach.
func (c *Commenter) writeRound(ctx context.Context, search *commentSearch, started time.Time, before map[string]bool) (*CommentResult, error) {
	wctx, cancel := c.detached(ctx)
	defer cancel()
	id, err := c.post(wctx, search.cm)
	recovered := false
	if err != nil {
		var amb *graph.AmbiguousError
		if !errors.As(err, &amb) {
			return nil, &CommentNotWrittenError{Err: err}
		}
		c.log().Warn(ctx, "comment outcome uncertain; reading the comments to find out whether it was written",
			map[string]any{"media_id": search.cm.MediaID, "parent_id": search.cm.ParentID, "error": err.Error()})
		// Timestamps have whole seconds, and clocks differ.
		found, rerr := search.own(wctx, started.Add(-recoveryMargin))
		if rerr != nil {
			return nil, &CommentUnknownError{Cause: err, Err: rerr}
		}
		for _, f := range found { // newest first
			if !before[f.ID] && !c.held(f.ID) {
				id = f.ID
				break
			}
		}
		if id == "" {
			return nil, &lostAndAbsent{cause: err}
		}
		recovered = true
		c.log().Warn(ctx, "recovered the id of a comment whose answer was lost", map[string]any{"comment_id": id})
	}
	if c.OnWritten != nil {
		c.OnWritten(id)
	}
	res := &CommentResult{ID: id, Recovered: recovered}
	res.Comment, _, res.ReadErr = c.Client.Comments.Get(wctx, id, c.ReadFields)
	return res, nil
}

func (c *Commenter) post(ctx context.Context, cm CommentDraft) (string, error) {
	var id string
	var err error
	if cm.ParentID != "" {
		id, _, err = c.Client.Comments.Reply(ctx, cm.ParentID, cm.Message)
	} else {
		id, _, err = c.Client.Comments.Create(ctx, cm.MediaID, cm.Message)
	}
	return id, err
}

// Delete deletes a comment (and, for a top-level comment, its replies). A
// comment already gone is deleted. Like a write, it is sent only while ctx is
// live and then finished under Timeout, so that a deletion that happened is
// reported as done.
func (c *Commenter) Delete(ctx context.Context, id string) error {
	if ctx.Err() != nil {
		return stoppedAt(ctx, StepDeleteComment)
	}
	dctx, cancel := c.detached(ctx)
	defer cancel()
	_, err := c.Client.Comments.Delete(dctx, id)
	if graph.IsNotFound(err) {
		return nil
	}
	return err
}

// commentSearch finds the account's comments identical to cm.
type commentSearch struct {
	c     *Commenter
	cm    CommentDraft
	owner string // the post's owner's username, read once
}

// own returns the comments identical to cm by the post's owner written at or
// after since, newest first.
func (s *commentSearch) own(ctx context.Context, since time.Time) ([]*graph.Comment, error) {
	if s.owner == "" {
		m, _, err := s.c.Client.Media.Get(ctx, s.cm.MediaID, []string{"id", "username"})
		if err != nil {
			return nil, err
		}
		s.owner = m.Username
	}
	opts := graph.CommentListOptions{Fields: []string{"id", "text", "timestamp", "username"}, PageSize: 50}
	list, newestFirst := s.c.Client.Comments.List(ctx, s.cm.MediaID, opts), true
	if s.cm.ParentID != "" {
		// The order of replies is not documented: read them all.
		list, newestFirst = s.c.Client.Comments.Replies(ctx, s.cm.ParentID, opts), false
	}
	var out []*graph.Comment
	searched := 0
	for cmt, err := range list {
		if err != nil {
			return nil, err
		}
		if searched++; searched > maxCommentsSearched {
			return nil, errTooManyComments
		}
		ts, err := graph.ParseTime(cmt.Timestamp)
		if err != nil {
			continue // cannot tell its age
		}
		if ts.Before(since) {
			if newestFirst {
				break
			}
			continue
		}
		if cmt.Text == s.cm.Message && cmt.Username == s.owner {
			out = append(out, cmt)
		}
	}
	slices.SortStableFunc(out, func(a, b *graph.Comment) int { return commentTime(b).Compare(commentTime(a)) })
	return out, nil
}

var errTooManyComments = fmt.Errorf("more than %d comments to search within the window", maxCommentsSearched)

func commentTime(c *graph.Comment) time.Time {
	t, _ := graph.ParseTime(c.Timestamp)
	return t
}

func (c *Commenter) held(id string) bool { return c.Held != nil && c.Held(id) }

// detached outlives ctx's cancellation, for at most Timeout.
func (c *Commenter) detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return detach(ctx, c.Timeout, DefaultCommentTimeout)
}

func (c *Commenter) now() time.Time { return clock(c.Now) }

func (c *Commenter) log() graph.Logger { return logger(c.Logger) }
