package workflow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Comment moderation as plain Go: a sweep reads the comments its selectors
// name, then hides, shows or deletes the ones that match, one write per
// comment, following Meta's comment moderation guide
// (https://developers.facebook.com/docs/instagram-platform/comment-moderation).
//
// Meta's rules are checked before anything is sent: only comments on the
// account's own posts (others are refused before any write), and the
// account's own comments cannot be hidden (they are left alone). A sweep never
// writes to more than MaxComments comments: when more match, nothing is
// changed at all.
//
// Writes are not retried blindly: hide and unhide are idempotent and the
// client retries them; a delete is sent once, and when its answer is lost the
// comment is read to learn whether it went (and, only if it provably did not,
// sent once more). Like a publish, a write is sent only while ctx is live and
// then finished under context.WithoutCancel(ctx), bounded by WriteTimeout, so
// a stopped sweep still reports what it did.

// Operation is what a sweep does to the comments it matches.
type Operation string

const (
	Hide   Operation = "hide"
	Unhide Operation = "unhide"
	Delete Operation = "delete"
)

// Operations are the valid operations, in the order the docs list them.
var Operations = []Operation{Hide, Unhide, Delete}

const (
	// DefaultWithin is how far back a sweep without MediaIDs looks for posts.
	DefaultWithin = 72 * time.Hour
	// DefaultMaxComments bounds the writes of one sweep.
	DefaultMaxComments = 300
	// DefaultWriteTimeout bounds one write and what settles it once sent,
	// whatever happens to ctx.
	DefaultWriteTimeout = time.Minute

	// commentPageSize is the largest comment page Meta serves (uncertain).
	commentPageSize = 50
	// sendsPerDelete bounds how often one delete is sent: again only after
	// reading proved that the first did not delete the comment.
	sendsPerDelete = 2
)

// commentFields are what a sweep reads of each comment and reply; `user` is
// set only on the account's own comments.
var commentFields = []string{"id", "text", "username", "timestamp", "hidden", "parent_id", "user"}

// Filter selects comments by text and author; the zero Filter matches every
// comment. The instagram_comments data source uses the same one, so that a
// plan shows what a sweep will touch.
type Filter struct {
	TextMatches   *regexp.Regexp // nil: any text
	FromUsernames []string       // as NormalizeUsername gives them; empty: anyone
}

// NewFilter builds a Filter from an RE2 pattern ("" for any text) and
// usernames (with or without @, any case).
func NewFilter(pattern string, usernames []string) (Filter, error) {
	var f Filter
	if pattern != "" {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return f, err
		}
		f.TextMatches = re
	}
	for _, u := range usernames {
		f.FromUsernames = append(f.FromUsernames, NormalizeUsername(u))
	}
	return f, nil
}

// Match reports whether a comment by username with this text passes.
func (f Filter) Match(username, text string) bool {
	if f.TextMatches != nil && !f.TextMatches.MatchString(text) {
		return false
	}
	return len(f.FromUsernames) == 0 || slices.Contains(f.FromUsernames, NormalizeUsername(username))
}

// NormalizeUsername is how usernames are compared: lower case, no @, no spaces.
func NormalizeUsername(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "@"))
}

// Sweep is one moderation run.
type Sweep struct {
	Operation Operation
	// MediaIDs are the account's posts whose comments are read; when empty,
	// the posts published in the last Within (DefaultWithin when 0).
	MediaIDs []string
	Within   time.Duration
	// CommentIDs, when set, are the only comments considered (replies
	// included), read by id; MediaIDs and Within are then unused.
	CommentIDs []string
	Filter     Filter
	// IncludeReplies also reads and considers replies to the posts' comments.
	IncludeReplies bool
	// DryRun reads and reports what would be done, and changes nothing.
	DryRun bool
	// MaxComments bounds the writes (DefaultMaxComments when 0): when more
	// comments match, nothing is changed.
	MaxComments int
}

// Moderator runs sweeps on one account. It is safe for concurrent use.
type Moderator struct {
	Client    *graph.Client
	AccountID string
	// Now is the clock of Within; nil → time.Now.
	Now func() time.Time
	// Progress, when set, receives the sweep's progress as it goes.
	Progress func(Progress)
	// WriteTimeout bounds each write and its settling; 0 → DefaultWriteTimeout.
	WriteTimeout time.Duration
	// Logger receives warnings (a lost answer); nil → none.
	Logger graph.Logger
}

// Moderate runs a sweep. It returns the report with every error once the
// comments could be read; errors: *SweepReadError, *NotOwnMediaError and
// *TooManyCommentsError (nothing changed), *StoppedError (ctx ended:
// what was done stays done) and *PartialFailureError (some writes failed).
func (m *Moderator) Moderate(ctx context.Context, sw Sweep) (*Report, error) {
	if !slices.Contains(Operations, sw.Operation) {
		return nil, fmt.Errorf("unknown operation %q", sw.Operation)
	}
	// Checked here too, not only at plan time (a value unknown then): a delete
	// that only names posts would delete every comment on them.
	if sw.Operation == Delete && len(sw.CommentIDs) == 0 && sw.Filter.TextMatches == nil && len(sw.Filter.FromUsernames) == 0 {
		return nil, errors.New("a delete needs a selector besides the posts (comment ids, a text pattern or authors); nothing was deleted")
	}
	r := &Report{Operation: sw.Operation, DryRun: sw.DryRun}
	var candidates []Comment
	var err error
	if len(sw.CommentIDs) > 0 {
		if candidates, err = m.readByID(ctx, sw.CommentIDs, r); err == nil {
			m.emit(Progress{Operation: sw.Operation, Read: r.Read, Matched: countMatches(sw.Filter, candidates)})
		}
	} else {
		candidates, err = m.readPosts(ctx, sw, r)
	}
	if err != nil {
		return nil, err
	}
	classify(sw, candidates, r)
	if limit := cmpOr(sw.MaxComments, DefaultMaxComments); len(r.Matched) > limit {
		return r, &TooManyCommentsError{Matched: len(r.Matched), Max: limit, Operation: sw.Operation}
	}
	if sw.DryRun || len(r.Matched) == 0 {
		return r, nil
	}
	return r, m.write(ctx, r)
}

// classify keeps the candidates the operation changes.
func classify(sw Sweep, candidates []Comment, r *Report) {
	for _, c := range candidates {
		if !sw.Filter.Match(c.Username, c.Text) {
			continue
		}
		switch {
		case sw.Operation == Hide && c.Own:
			r.Own++ // Meta: the media owner's comments are always shown
		case sw.Operation == Hide && c.Hidden, sw.Operation == Unhide && !c.Hidden:
			r.Unchanged++
		default:
			r.Matched = append(r.Matched, c)
		}
	}
}

// write changes the matched comments, one write each, while ctx is live.
func (m *Moderator) write(ctx context.Context, r *Report) error {
	// Deleting a comment deletes its replies: a reply whose parent is
	// deleted too needs no write of its own. Parents go first, so that a
	// reply whose parent could not be deleted is deleted by itself.
	deleting := map[string]bool{}
	if r.Operation == Delete {
		for _, c := range r.Matched {
			deleting[c.ID] = true
		}
	}
	order := slices.Clone(r.Matched)
	slices.SortStableFunc(order, func(a, b Comment) int {
		return cmp.Compare(btoi(deleting[a.ParentID]), btoi(deleting[b.ParentID]))
	})
	deleted := map[string]bool{}
	for i, c := range order {
		switch {
		case deleted[c.ParentID]:
			r.WithParent = append(r.WithParent, c)
		case ctx.Err() != nil:
			return &StoppedError{Step: StepSweep, Report: r, Err: ctx.Err()}
		default:
			if err := m.writeOne(ctx, r.Operation, c); err != nil {
				r.Failed = append(r.Failed, Failure{Comment: c, Err: err})
			} else {
				r.Done = append(r.Done, c)
				deleted[c.ID] = r.Operation == Delete
			}
		}
		if every(len(order), i) {
			m.emit(Progress{Operation: r.Operation, Posts: r.Posts, PostsRead: r.Posts, Read: r.Read, Matched: len(r.Matched),
				Done: len(r.Done) + len(r.WithParent), Failed: len(r.Failed), Writing: true})
		}
	}
	if len(r.Failed) > 0 {
		return &PartialFailureError{Report: r}
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writeOne sends one write under a context ctx's cancellation does not reach.
func (m *Moderator) writeOne(ctx context.Context, op Operation, c Comment) error {
	wctx, cancel := detach(ctx, m.WriteTimeout, DefaultWriteTimeout)
	defer cancel()
	if op != Delete {
		_, err := m.Client.Comments.SetHidden(wctx, c.ID, op == Hide)
		return err
	}
	for range sendsPerDelete {
		_, err := m.Client.Comments.DeleteOnce(wctx, c.ID)
		var amb *graph.AmbiguousError
		switch {
		case err == nil:
			return nil
		case graph.IsNotFound(err):
			return nil // gone already: deleted in the app meanwhile
		case !errors.As(err, &amb):
			return err
		}
		logger(m.Logger).Warn(ctx, "comment delete outcome unknown; reading the comment to find out", map[string]any{"comment_id": c.ID, "error": err.Error()})
		_, _, rerr := m.Client.Comments.Get(wctx, c.ID, []string{"id"})
		switch {
		case graph.IsNotFound(rerr):
			return nil // the delete went through; its answer was lost
		case rerr != nil:
			return &DeleteUnknownError{CommentID: c.ID, Cause: err, Err: rerr}
		}
		// Still there: the delete provably did not happen, send it again.
	}
	return &DeleteUnknownError{CommentID: c.ID, Cause: errors.New("every answer was lost, and the comment still exists")}
}

func (m *Moderator) emit(p Progress) {
	if m.Progress != nil {
		m.Progress(p)
	}
}

// every thins progress out to about ten lines per phase: true for the last
// item and for every tenth of n.
func every(n, i int) bool {
	step := max(1, (n+9)/10)
	return (i+1)%step == 0 || i == n-1
}

// countMatches counts the candidates the filter passes, for progress lines.
func countMatches(f Filter, cs []Comment) int {
	n := 0
	for _, c := range cs {
		if f.Match(c.Username, c.Text) {
			n++
		}
	}
	return n
}

func cmpOr[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
