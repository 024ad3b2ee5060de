package workflow

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The duplicate guard: never write what an interrupted run already wrote.
//
// A run stopped hard while a post's media_publish or a comment's POST was in
// flight (a second Ctrl-C, a killed CI runner) may have written it without
// the caller recording it, and the next run would write it again. So right
// before a post is published (before the quota check and any container) or
// a comment is written, what that write would produce is looked for: among
// the account's recent posts, one of the same product and media type with
// the same caption and as many carousel items (Post.Matches); among the
// post's or thread's comments, one by the account with the same text. When
// one exists that the caller does not hold (Publisher.Held, Commenter.Held:
// written by this run, or held by another resource, or a replaced post kept
// on Instagram), the write stops with a *DuplicateError naming it. The
// caller refuses, naming it with the import that adopts it: the convention
// of Terraform providers for an object that already exists. Adopting it
// silently could tie two resources to one post, and destroying one would
// delete the other's. When the search fails, the write stops too
// (*SearchError): writing without it is what could post twice.
//
// Two writes of the same thing in one run take turns (Exclusive), so that
// neither takes the other's, written but not recorded yet, for a leftover.
//
// Limits: Instagram keeps no link from a post or a comment to the app or
// request that made it, so two identical ones cannot be told apart. A post
// with a caption is looked for over DuplicatePostWindow; a post without a
// caption (every story) matches any post of its kind, so only over
// UncaptionedPostWindow, to keep legitimate repeats (a daily story) from
// being refused; a comment over DuplicateCommentWindow. Something identical
// written on purpose within the window is refused too: the caller's
// AllowDuplicate settles it.

const (
	// DuplicatePostWindow is how far back an identical captioned post counts
	// as a leftover: a day covers a pipeline re-run the next morning.
	DuplicatePostWindow = 24 * time.Hour
	// UncaptionedPostWindow is the same for a post without a caption.
	UncaptionedPostWindow = time.Hour
	// DuplicateCommentWindow is the same for a comment or a reply: a
	// legitimate identical comment by the account on the same post and
	// thread within a day is rare.
	DuplicateCommentWindow = 24 * time.Hour
)

// DuplicateError: the account already has what this write would make, and
// the caller does not hold it: most likely an interrupted run wrote it.
// Nothing was written.
type DuplicateError struct {
	Post    *graph.Media   // the identical post (id, permalink, timestamp); nil for a comment
	Comment *graph.Comment // the identical comment or reply (id, username, timestamp); nil for a post
}

func (e *DuplicateError) Error() string {
	if e.Post != nil {
		return "an identical post " + e.Post.ID + " (published " + e.Post.Timestamp + ") already exists and the caller does not hold it; nothing was published"
	}
	return "an identical comment " + e.Comment.ID + " by " + e.Comment.Username + " (written " + e.Comment.Timestamp +
		") already exists and the caller does not hold it; nothing was written"
}

// SearchError: looking for an identical earlier write failed, so a
// duplicate cannot be ruled out. Nothing was written.
type SearchError struct{ Err error }

func (e *SearchError) Error() string {
	return "cannot look for an identical earlier write (nothing was written): " + e.Err.Error()
}

func (e *SearchError) Unwrap() error { return e.Err }

// searchFailed is the error of a duplicate search that failed: a stop when
// ctx ended, else a *SearchError.
func searchFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return stoppedAt(ctx, StepDuplicateCheck)
	}
	return &SearchError{Err: err}
}

// checkDuplicate looks for a post like post that p.Held does not rule out.
func (p *Publisher) checkDuplicate(ctx context.Context, post Post) error {
	since := p.now().Add(-DuplicatePostWindow)
	if post.uncaptioned() {
		since = p.now().Add(-UncaptionedPostWindow)
	}
	return p.refuseMatchSince(ctx, post, since)
}

// uncaptioned: a story, or a post without a caption, which looks like any
// other of its kind, so the guard looks back a short while only.
func (p Post) uncaptioned() bool {
	return p.Parent.Param("caption") == "" || p.ProductType() == graph.ProductStory
}

// refuseMatchSince: a post like post published since since that p.Held does
// not rule out is a *DuplicateError; a failed search a *SearchError.
func (p *Publisher) refuseMatchSince(ctx context.Context, post Post, since time.Time) error {
	dup, err := p.FindRecentMatch(ctx, post, since, p.Held)
	switch {
	case err != nil:
		return searchFailed(ctx, err)
	case dup != nil:
		return &DuplicateError{Post: dup}
	}
	return nil
}

// CheckNotPublishedSince is the duplicate guard of a scheduled post about to
// be recorded as missed (its window closed before a run published it). A
// run stopped hard right after it published the post at its time, before
// the caller recorded it, leaves the post on Instagram: recording it as
// missed would say nothing was published. So it looks for a post like post
// published since since (less recoveryMargin, for clocks) that p.Held does
// not rule out: a *DuplicateError names it, a *SearchError says the search
// failed. A story or a post without a caption looks like any other of its
// kind, so for those, as for the guard, only UncaptionedPostWindow back is
// searched. With AllowDuplicate there is no guard, and nothing to look for.
func (p *Publisher) CheckNotPublishedSince(ctx context.Context, post Post, since time.Time) error {
	if post.AllowDuplicate {
		return nil
	}
	since = since.Add(-recoveryMargin)
	if post.uncaptioned() {
		since = later(since, p.now().Add(-UncaptionedPostWindow))
	}
	return p.refuseMatchSince(ctx, post, since)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// exclusiveKey names what a post looks like to the guard: two posts of one
// run with the same key take turns.
func (p Post) exclusiveKey(account string) string {
	return strings.Join([]string{"post", account, p.ProductType(), p.MediaType(), p.Parent.Param("caption"), strconv.Itoa(len(p.Items))}, "\x00")
}

// checkDuplicate looks for a comment like cm that c.Held does not rule out,
// and returns the identical comments it holds (the lost-answer search must
// not take those for the one it wrote). With AllowDuplicate it only notes
// the identical comments of the last moments.
func (c *Commenter) checkDuplicate(ctx context.Context, search *commentSearch) (before map[string]bool, err error) {
	window := DuplicateCommentWindow
	if search.cm.AllowDuplicate {
		window = recoveryMargin
	}
	found, err := search.own(ctx, c.now().Add(-window))
	if err != nil {
		if search.cm.AllowDuplicate && ctx.Err() == nil {
			return map[string]bool{}, nil // nothing to rule out: the lost-answer search reads again
		}
		return nil, searchFailed(ctx, err)
	}
	before = map[string]bool{}
	for _, f := range found {
		if !search.cm.AllowDuplicate && !c.held(f.ID) {
			return nil, &DuplicateError{Comment: f}
		}
		before[f.ID] = true
	}
	return before, nil
}

// exclusiveKey names a comment to the guard (see Post.exclusiveKey).
func (cm CommentDraft) exclusiveKey() string {
	return strings.Join([]string{"comment", cm.MediaID, cm.ParentID, cm.Message}, "\x00")
}

// exclusive runs lock(key) when the caller gave a lock, and returns its
// release.
func exclusive(lock func(key string) (release func()), key string) func() {
	if lock == nil {
		return func() {}
	}
	return lock(key)
}
