package workflow

import (
	"fmt"
	"strings"
)

// Errors of comment moderation (moderate.go). SweepReadError,
// NotOwnMediaError and TooManyCommentsError mean nothing was changed.

// SweepReadError: reading what a sweep selects failed, so nothing was
// changed.
type SweepReadError struct {
	What string // e.g. "the comments of post 1790…"
	Err  error
}

func (e *SweepReadError) Error() string {
	return fmt.Sprintf("reading %s failed, nothing was changed: %v", e.What, e.Err)
}

func (e *SweepReadError) Unwrap() error { return e.Err }

// NotOwnMediaError: the sweep names posts, or comments on posts, that are
// not the account's. Meta lets an account moderate the comments of its own
// posts only; the sweep refused before sending anything.
type NotOwnMediaError struct {
	AccountID  string
	MediaIDs   []string
	CommentIDs []string
}

func (e *NotOwnMediaError) Error() string {
	what := "posts " + strings.Join(e.MediaIDs, ", ") + " are"
	if len(e.CommentIDs) > 0 {
		what = "comments " + strings.Join(e.CommentIDs, ", ") + " are on posts that are"
	}
	return fmt.Sprintf("%s not posts of account %s: an account can only moderate the comments of its own posts. Nothing was changed", what, e.AccountID)
}

// TooManyCommentsError: more comments match than the sweep may change
// (MaxComments), so nothing was changed.
type TooManyCommentsError struct {
	Operation    Operation
	Matched, Max int
}

func (e *TooManyCommentsError) Error() string {
	return fmt.Sprintf("the selectors match %d comments to %s, more than max_comments (%d): nothing was changed. "+
		"Narrow the selectors (a dry run lists what they match) or raise max_comments", e.Matched, e.Operation, e.Max)
}

// PartialFailureError: Meta refused some of the writes (Report.Failed, each
// with its answer); the others are done and stay done.
type PartialFailureError struct {
	Report *Report
}

func (e *PartialFailureError) Error() string {
	r := e.Report
	return fmt.Sprintf("%d of %d comments could not be %s (the other %d were)", len(r.Failed), len(r.Matched),
		verb(r.Operation, true), len(r.Done)+len(r.WithParent))
}

func (e *PartialFailureError) Unwrap() []error {
	out := make([]error, len(e.Report.Failed))
	for i, f := range e.Report.Failed {
		out[i] = f.Err
	}
	return out
}

// DeleteUnknownError: the answer to a comment's delete was lost, and reading
// the comment afterwards did not tell whether it is gone.
type DeleteUnknownError struct {
	CommentID string
	Cause     error // the lost answer
	Err       error // why reading failed; nil when every answer was lost
}

func (e *DeleteUnknownError) Error() string {
	msg := fmt.Sprintf("deleting comment %s may or may not have succeeded: %v", e.CommentID, e.Cause)
	if e.Err != nil {
		msg += fmt.Sprintf("; reading it afterwards failed: %v", e.Err)
	}
	return msg
}

func (e *DeleteUnknownError) Unwrap() []error { return causes(e.Cause, e.Err) }

// Errors of replies (reply.go).

// ReplyError: the reply was refused (Err is Meta's answer) or never sent;
// nothing was posted.
type ReplyError struct {
	Target string // e.g. "comment 1787…"
	Err    error
}

func (e *ReplyError) Error() string {
	return fmt.Sprintf("replying to %s failed, nothing was posted: %v", e.Target, e.Err)
}

func (e *ReplyError) Unwrap() error { return e.Err }

// CommentHiddenError: the comment is hidden, and Meta takes no replies to
// hidden comments. Nothing was sent.
type CommentHiddenError struct {
	CommentID string
}

func (e *CommentHiddenError) Error() string {
	return fmt.Sprintf("comment %s is hidden, and Instagram takes no replies to hidden comments: show it again first "+
		"(instagram_moderate_comments with operation = \"unhide\"); nothing was posted", e.CommentID)
}

// ReplyUnknownError: the answer to the reply was lost and it could not be
// found out whether the reply was posted. It may exist: look before
// replying again.
type ReplyUnknownError struct {
	Target string
	Cause  error // the lost answer
	Err    error // why looking for the reply failed; nil when it cannot be looked for (mentions)
}

func (e *ReplyUnknownError) Error() string {
	msg := fmt.Sprintf("the reply to %s may or may not have been posted: %v", e.Target, e.Cause)
	if e.Err != nil {
		msg += fmt.Sprintf("; looking for it afterwards failed: %v", e.Err)
	}
	return msg + ". It was not sent again: check the post before replying again"
}

func (e *ReplyUnknownError) Unwrap() []error { return causes(e.Cause, e.Err) }

// causes are an error's causes without the nil ones.
func causes(errs ...error) []error {
	var out []error
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}
