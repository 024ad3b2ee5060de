package workflow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
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

// Progress is where a sweep is, for progress lines.
type Progress struct {
	Operation    Operation
	Posts        int // posts in scope (0 for a sweep by comment id)
	PostsRead    int
	Read         int // comments and replies read
	Matched      int // reading: comments the selectors match; writing: comments to change
	Done, Failed int
	Writing      bool
}

func (p Progress) String() string {
	if !p.Writing {
		posts := ""
		if p.Posts > 0 {
			posts = fmt.Sprintf("%d of %d posts, ", p.PostsRead, p.Posts)
		}
		return fmt.Sprintf("reading: %s%d comments read, %d match", posts, p.Read, p.Matched)
	}
	msg := fmt.Sprintf("%s: %d of %d done", verb(p.Operation, false), p.Done, p.Matched)
	if p.Failed > 0 {
		msg += fmt.Sprintf(", %d failed", p.Failed)
	}
	return msg
}

// Comment is a comment a sweep selected.
type Comment struct {
	ID, MediaID, ParentID string
	Username, Text        string
	Hidden                bool
	Own                   bool // written by the account
}

// FirstWords is the start of the text, for summaries.
func (c Comment) FirstWords(n int) string {
	words := strings.Fields(c.Text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// Failure is a write Meta refused, or whose outcome stayed unknown.
type Failure struct {
	Comment
	Err error
}

// Report is what a sweep read, matched and did.
type Report struct {
	Operation Operation
	DryRun    bool
	Posts     int // posts whose comments were read
	Read      int // comments and replies read
	// Matched are the comments the operation changes (in a dry run: would
	// change), newest first per post.
	Matched []Comment
	// Unchanged counts comments that passed the selectors but need no
	// write: already hidden (or shown), or, to hide, the account's own.
	Unchanged, Own int
	Done           []Comment
	// WithParent are replies deleted together with their matched parent:
	// no write of their own.
	WithParent []Comment
	Failed     []Failure
}

// Summary describes the report for a person: counts, then one line per
// comment changed (or to change) and per failure.
func (r *Report) Summary() string {
	var b strings.Builder
	scope := fmt.Sprintf("%d comments read", r.Read)
	if r.Posts > 0 {
		scope = fmt.Sprintf("%d comments read on %d posts", r.Read, r.Posts)
	}
	switch {
	case r.DryRun:
		fmt.Fprintf(&b, "Dry run, nothing changed: %s; %d would be %s.", scope, len(r.Matched), verb(r.Operation, true))
	default:
		fmt.Fprintf(&b, "%s; %d %s", scope, len(r.Done)+len(r.WithParent), verb(r.Operation, true))
		if len(r.Failed) > 0 {
			fmt.Fprintf(&b, ", %d failed", len(r.Failed))
		}
		b.WriteString(".")
	}
	if r.Unchanged > 0 {
		fmt.Fprintf(&b, " %d already %s.", r.Unchanged, stateAfter(r.Operation))
	}
	if r.Own > 0 {
		fmt.Fprintf(&b, " %d by the account itself left alone (Instagram always shows them).", r.Own)
	}
	list := r.Done
	if r.DryRun {
		list = r.Matched
	}
	// Failures first: they are what needs attention.
	lines := make([]string, 0, len(r.Failed)+len(list)+len(r.WithParent))
	for _, f := range r.Failed {
		lines = append(lines, fmt.Sprintf("FAILED %s @%s: %q: %v", f.ID, f.Username, f.FirstWords(6), f.Err))
	}
	for _, c := range list {
		lines = append(lines, fmt.Sprintf("%s @%s: %q", c.ID, c.Username, c.FirstWords(6)))
	}
	for _, c := range r.WithParent {
		lines = append(lines, fmt.Sprintf("%s @%s: %q (reply, deleted with %s)", c.ID, c.Username, c.FirstWords(6), c.ParentID))
	}
	for i, l := range lines {
		if i == maxSummaryLines {
			fmt.Fprintf(&b, "\n  … and %d more", len(lines)-i)
			break
		}
		b.WriteString("\n  " + l)
	}
	return b.String()
}

// maxSummaryLines bounds the comments a summary lists one by one.
const maxSummaryLines = 100

func verb(op Operation, past bool) string {
	switch {
	case op == Hide && past:
		return "hidden"
	case op == Unhide && past:
		return "shown again"
	case op == Delete && past:
		return "deleted"
	case op == Unhide:
		return "showing"
	case op == Delete:
		return "deleting"
	}
	return "hiding"
}

func stateAfter(op Operation) string {
	if op == Unhide {
		return "shown"
	}
	return "hidden"
}

// Moderate runs a sweep. It returns the report with every error once the
// comments could be read; errors: *SweepReadError, *NotOwnMediaError and
// *TooManyCommentsError (nothing changed), *SweepStoppedError (ctx ended:
// what was done stays done) and *PartialFailureError (some writes failed).
func (m *Moderator) Moderate(ctx context.Context, sw Sweep) (*Report, error) {
	if !slices.Contains(Operations, sw.Operation) {
		return nil, fmt.Errorf("unknown operation %q", sw.Operation)
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

// readPosts reads the comments (and replies) of the sweep's posts.
func (m *Moderator) readPosts(ctx context.Context, sw Sweep, r *Report) ([]Comment, error) {
	posts, username, err := m.posts(ctx, sw)
	if err != nil {
		return nil, err
	}
	var out []Comment
	for i, p := range posts {
		comments, err := m.readPost(ctx, p.ID, username, sw.IncludeReplies)
		if err != nil {
			return nil, &SweepReadError{What: "the comments of post " + p.ID, Err: err}
		}
		r.Posts++
		r.Read += len(comments)
		out = append(out, comments...)
		if every(len(posts), i) {
			m.emit(Progress{Operation: sw.Operation, Posts: len(posts), PostsRead: i + 1, Read: r.Read,
				Matched: countMatches(sw.Filter, out)})
		}
	}
	return out, nil
}

// postFields are what a sweep reads of posts given by id: the owner, to
// refuse others' posts, and the username, to know the account's comments.
var postFields = []string{"id", "owner", "username"}

// posts returns the sweep's posts and the account's username (to know its
// own comments), refusing posts of other accounts before anything is sent.
func (m *Moderator) posts(ctx context.Context, sw Sweep) ([]*graph.Media, string, error) {
	var posts []*graph.Media
	if len(sw.MediaIDs) == 0 {
		since := clock(m.Now).Add(-cmpOr(sw.Within, DefaultWithin))
		for media, err := range m.Client.Media.List(ctx, m.AccountID, graph.ListOptions{
			Fields: []string{"id", "username"}, Since: since, PageSize: 100,
		}) {
			if err != nil {
				return nil, "", &SweepReadError{What: "the account's posts", Err: err}
			}
			posts = append(posts, media)
		}
	} else {
		media, err := m.getMedia(ctx, sw.MediaIDs)
		if err != nil {
			return nil, "", err
		}
		var others []string
		for _, id := range sw.MediaIDs {
			if media[id].Owner == nil || media[id].Owner.ID != m.AccountID {
				others = append(others, id)
			}
			posts = append(posts, media[id])
		}
		if len(others) > 0 {
			return nil, "", &NotOwnMediaError{AccountID: m.AccountID, MediaIDs: others}
		}
	}
	username := ""
	if len(posts) > 0 {
		username = posts[0].Username
	}
	return posts, username, nil
}

// getMedia reads posts by id, 50 a request; a post that cannot be read
// fails the sweep, naming it.
func (m *Moderator) getMedia(ctx context.Context, ids []string) (map[string]*graph.Media, error) {
	return getAll(ids, "post", func(chunk []string) (map[string]*graph.Media, error) {
		out, _, err := m.Client.Media.GetMany(ctx, chunk, postFields)
		return out, err
	}, func(id string) error {
		_, _, err := m.Client.Media.Get(ctx, id, []string{"id"})
		return err
	})
}

// getAll reads ids in multi-id requests. When one fails, the ids of that
// chunk are read one by one to name the one that cannot be read (Meta may
// fail the whole request for one id).
func getAll[T any](ids []string, what string, many func([]string) (map[string]*T, error), one func(string) error) (map[string]*T, error) {
	out := map[string]*T{}
	for chunk := range slices.Chunk(slices.Compact(slices.Sorted(slices.Values(ids))), graph.MaxIDsPerRequest) {
		got, err := many(chunk)
		if err == nil {
			for _, id := range chunk {
				if got[id] == nil {
					return nil, &SweepReadError{What: what + " " + id, Err: errors.New("Instagram did not return it")}
				}
			}
			maps.Copy(out, got)
			continue
		}
		for _, id := range chunk {
			if e := one(id); e != nil {
				return nil, &SweepReadError{What: what + " " + id, Err: e}
			}
		}
		return nil, &SweepReadError{What: what + "s " + strings.Join(chunk, ","), Err: err}
	}
	return out, nil
}

// readPost reads one post's comments page by page, with each comment's
// first page of replies nested, and the rest of the replies only for a
// comment that has more.
func (m *Moderator) readPost(ctx context.Context, mediaID, username string, replies bool) ([]Comment, error) {
	opts := graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize}
	if replies {
		opts.ReplyFields = commentFields
	}
	var out []Comment
	for {
		page, _, err := m.Client.Comments.ListPage(ctx, mediaID, opts)
		if err != nil {
			return nil, err
		}
		for _, c := range page.Items {
			out = append(out, m.comment(c, mediaID, username))
			if !replies || c.Replies == nil {
				continue
			}
			for _, rc := range c.Replies.Data {
				out = append(out, m.comment(rc, mediaID, username))
			}
			if c.Replies.HasMore() {
				more := graph.CommentListOptions{Fields: commentFields, PageSize: commentPageSize, After: c.Replies.Paging.Cursors.After}
				for rc, err := range m.Client.Comments.Replies(ctx, c.ID, more) {
					if err != nil {
						return nil, err
					}
					out = append(out, m.comment(rc, mediaID, username))
				}
			}
		}
		if page.After == "" {
			return out, nil
		}
		opts.After = page.After
	}
}

// readByID reads the sweep's comments by id and refuses, before anything is
// sent, comments on posts of other accounts.
func (m *Moderator) readByID(ctx context.Context, ids []string, r *Report) ([]Comment, error) {
	fields := append(slices.Clone(commentFields), "media")
	byID, err := getAll(ids, "comment", func(chunk []string) (map[string]*graph.Comment, error) {
		out, _, err := m.Client.Comments.GetMany(ctx, chunk, fields)
		return out, err
	}, func(id string) error {
		_, _, err := m.Client.Comments.Get(ctx, id, []string{"id"})
		return err
	})
	if err != nil {
		return nil, err
	}
	var mediaIDs []string
	for _, c := range byID {
		if c.Media == nil {
			return nil, &SweepReadError{What: "comment " + c.ID, Err: errors.New("Instagram did not say which post it is on")}
		}
		mediaIDs = append(mediaIDs, c.Media.ID)
	}
	media, err := m.getMedia(ctx, mediaIDs)
	if err != nil {
		return nil, err
	}
	var out []Comment
	var others []string
	for _, id := range ids {
		c := byID[id]
		p := media[c.Media.ID]
		if p.Owner == nil || p.Owner.ID != m.AccountID {
			others = append(others, id)
			continue
		}
		if !slices.ContainsFunc(out, func(x Comment) bool { return x.ID == id }) {
			out = append(out, m.comment(c, p.ID, p.Username))
		}
	}
	if len(others) > 0 {
		return nil, &NotOwnMediaError{AccountID: m.AccountID, CommentIDs: others}
	}
	r.Read = len(out)
	return out, nil
}

func (m *Moderator) comment(c *graph.Comment, mediaID, username string) Comment {
	own := c.User != nil && c.User.ID == m.AccountID || username != "" && strings.EqualFold(c.Username, username)
	return Comment{ID: c.ID, MediaID: mediaID, ParentID: c.ParentID, Username: c.Username, Text: c.Text, Hidden: c.Hidden, Own: own}
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
			return &SweepStoppedError{Report: r, Err: ctx.Err()}
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
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cmpOr(m.WriteTimeout, DefaultWriteTimeout))
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
		if m.Logger != nil {
			m.Logger.Warn(ctx, "comment delete outcome unknown; reading the comment to find out", map[string]any{"comment_id": c.ID, "error": err.Error()})
		}
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

// clock is now, or time.Now when nil.
func clock(now func() time.Time) time.Time {
	if now == nil {
		return time.Now()
	}
	return now()
}

func cmpOr[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}
