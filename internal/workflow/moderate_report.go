package workflow

import (
	"fmt"
	"strings"
)

// What a sweep reports: progress lines while it works, and a summary.

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
