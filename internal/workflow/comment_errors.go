package workflow

import (
	"errors"
	"fmt"
)

// The errors of Commenter.Write. All but CommentUnknownError mean nothing
// was written (see MayHaveCommented).

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
