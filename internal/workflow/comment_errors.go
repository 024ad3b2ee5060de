package workflow

import (
	"errors"
	"fmt"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The errors of Commenter.Write. All but CommentUnknownError mean nothing
// was written (see MayHaveCommented).

// DuplicateCommentError: the account already has an identical comment (same
// post, same parent, same text, within DuplicateCommentWindow) that no
// resource of this run holds, most likely written by an interrupted run.
// Nothing was written.
type DuplicateCommentError struct {
	Comment *graph.Comment // id, text, timestamp, username
}

func (e *DuplicateCommentError) Error() string {
	return fmt.Sprintf("an identical comment %s by %s (written %s) already exists and no resource of this run holds it; nothing was written",
		e.Comment.ID, e.Comment.Username, e.Comment.Timestamp)
}

// CommentSearchError: the search for an identical comment failed, so a
// duplicate cannot be ruled out. Nothing was written.
type CommentSearchError struct{ Err error }

func (e *CommentSearchError) Error() string {
	return "cannot look for an identical comment before writing (nothing was written): " + e.Err.Error()
}

func (e *CommentSearchError) Unwrap() error { return e.Err }

// CommentInterruptedError: ctx ended before the comment was sent (or sent
// again). Nothing was written.
type CommentInterruptedError struct{ Err error }

func (e *CommentInterruptedError) Error() string {
	return "stopped before writing the comment: nothing was written: " + e.Err.Error()
}

func (e *CommentInterruptedError) Unwrap() error { return e.Err }

// CommentNotWrittenError: Instagram refused the comment (Err is its answer),
// or its answers were lost and reading proved each time that nothing was
// written (Err is a *LostAnswersError).
type CommentNotWrittenError struct{ Err error }

func (e *CommentNotWrittenError) Error() string {
	return "writing the comment failed, nothing was written: " + e.Err.Error()
}

func (e *CommentNotWrittenError) Unwrap() error { return e.Err }

// CommentUnknownError: the answer was lost and reading the comments
// afterwards failed too. The comment may exist.
type CommentUnknownError struct {
	Cause error // the lost answer (*graph.AmbiguousError)
	Err   error // why the comments could not be read
}

func (e *CommentUnknownError) Error() string {
	return fmt.Sprintf("the comment may or may not have been written (%v); reading the comments afterwards failed: %v", e.Cause, e.Err)
}

func (e *CommentUnknownError) Unwrap() []error { return []error{e.Cause, e.Err} }

// MayHaveCommented reports an error after which the comment may exist: the
// caller must not write it again without looking.
func MayHaveCommented(err error) bool {
	var unknown *CommentUnknownError
	return errors.As(err, &unknown)
}
