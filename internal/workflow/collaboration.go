package workflow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Answering an invite to co-author another account's post
// (POST /{ig-user-id}/collaboration_invites, Facebook login only,
// https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-facebook-login/collaboration).
// An answer cannot be taken back through the API and Meta allows 50 a day,
// so it is sent once:
//
//   - The account's pending invites are read first: an invite that is not
//     there (answered already, withdrawn, never sent) is refused with a
//     *NoInviteError, and nothing is sent.
//   - The Budget, the process's count of answers for the account, must have
//     room (*ResponseLimitError otherwise, nothing sent).
//   - The POST is sent only while ctx is live; it and the reads that settle
//     it run under context.WithoutCancel(ctx), bounded by WriteTimeout.
//   - A lost answer (*graph.AmbiguousError) is settled by reading: an invite
//     still pending was not answered (*CollaborationError: nothing changed,
//     safe to run again); one no longer pending was, and the account's
//     collaborative media says how (listed: accepted). When that does not
//     match what was sent, or the reads fail, *CollaborationUnknownError.

// Budget is a count of writes per rolling window, shared by every caller of
// the process for one account. Take reserves one, or reports when the next
// becomes free.
type Budget interface {
	Take() (ok bool, nextFree time.Time)
	Limit() int
}

// CollaborationResponder answers collaboration invites for one account.
type CollaborationResponder struct {
	Client    *graph.Client
	AccountID string
	// Budget bounds the answers this process sends for the account (Meta's
	// 50 a day); nil → no bound.
	Budget Budget
	// WriteTimeout bounds the answer and its settling; 0 → DefaultWriteTimeout.
	WriteTimeout time.Duration
	// ScanLimit bounds the collaborative media read to settle a lost
	// answer; 0 → maxCollaborativeScan.
	ScanLimit int
}

// maxCollaborativeScan: settling reads at most this many collaborative posts.
const maxCollaborativeScan = 500

// invitePageSize: pending invites read a page at a time (each page is one of
// Meta's 300 reads a day). Meta's default is 10; its maximum is undocumented.
const invitePageSize = 25

// CollaborationAnswer is an answered invite.
type CollaborationAnswer struct {
	Invite   graph.CollaborationInvite
	Accepted bool
	// Recovered: the answer was lost and the outcome was found by reading.
	Recovered bool
}

// Respond accepts (accept) or declines the invite to mediaID.
func (r *CollaborationResponder) Respond(ctx context.Context, mediaID string, accept bool) (*CollaborationAnswer, error) {
	invite, err := r.pending(ctx, mediaID)
	if err != nil {
		return nil, &CollaborationError{MediaID: mediaID, Err: fmt.Errorf("reading the pending invites: %w", err)}
	}
	if invite == nil {
		return nil, &NoInviteError{AccountID: r.AccountID, MediaID: mediaID}
	}
	if ctx.Err() != nil {
		return nil, stoppedAt(ctx, StepAnswerInvite)
	}
	if r.Budget != nil {
		if ok, next := r.Budget.Take(); !ok {
			return nil, &ResponseLimitError{AccountID: r.AccountID, Limit: r.Budget.Limit(), NextFree: next}
		}
	}
	wctx, cancel := detach(ctx, r.WriteTimeout, DefaultWriteTimeout)
	defer cancel()
	_, err = r.Client.Collaboration.Respond(wctx, r.AccountID, mediaID, accept)
	answer := &CollaborationAnswer{Invite: *invite, Accepted: accept}
	var amb *graph.AmbiguousError
	switch {
	case err == nil:
		return answer, nil
	case !errors.As(err, &amb):
		return nil, &CollaborationError{MediaID: mediaID, Err: err}
	}
	accepted, settled, serr := r.settle(wctx, mediaID)
	switch {
	case serr != nil:
		return nil, &CollaborationUnknownError{MediaID: mediaID, Cause: err, Err: serr}
	case !settled:
		return nil, &CollaborationError{MediaID: mediaID, Err: fmt.Errorf("the answer was lost and the invite is still pending, so it was not answered: %w", err)}
	case accepted != accept:
		return nil, &CollaborationUnknownError{MediaID: mediaID, Cause: err,
			Err: fmt.Errorf("the invite is no longer pending but was %s, not %s as sent", answerWord(accepted), answerWord(accept))}
	}
	answer.Recovered = true
	return answer, nil
}

// pending finds the account's pending invite to mediaID, or nil.
func (r *CollaborationResponder) pending(ctx context.Context, mediaID string) (*graph.CollaborationInvite, error) {
	for inv, err := range r.Client.Collaboration.Invites(ctx, r.AccountID, invitePageSize) {
		if err != nil {
			return nil, err
		}
		if inv.MediaID == mediaID {
			return inv, nil
		}
	}
	return nil, nil
}

// settle reads what became of the invite after a lost answer: settled is
// false while it is still pending; accepted says whether the post is among
// the account's collaborative media.
func (r *CollaborationResponder) settle(ctx context.Context, mediaID string) (accepted, settled bool, _ error) {
	inv, err := r.pending(ctx, mediaID)
	if err != nil || inv != nil {
		return false, false, err
	}
	limit := r.ScanLimit
	if limit <= 0 {
		limit = maxCollaborativeScan
	}
	for m, err := range r.Client.Collaboration.CollaborativeMedia(ctx, r.AccountID, []string{"id"}, limit) {
		if err != nil {
			return false, false, err
		}
		if m.ID == mediaID {
			return true, true, nil
		}
	}
	return false, true, nil
}

func answerWord(accept bool) string {
	if accept {
		return "accepted"
	}
	return "declined"
}

// NoInviteError: the account has no pending invite to the post (answered
// already, withdrawn by its owner, or never sent). Nothing was sent.
type NoInviteError struct {
	AccountID, MediaID string
}

func (e *NoInviteError) Error() string {
	return fmt.Sprintf("account %s has no pending collaboration invite for post %s (it was answered already, withdrawn, or never sent): nothing was sent",
		e.AccountID, e.MediaID)
}

// ResponseLimitError: the process has sent as many answers for the account
// as Meta allows a day. Nothing was sent.
type ResponseLimitError struct {
	AccountID string
	Limit     int
	NextFree  time.Time // zero when unknown
}

func (e *ResponseLimitError) Error() string {
	msg := fmt.Sprintf("account %s has answered %d collaboration invites in the last 24 hours, Meta's daily limit: nothing was sent", e.AccountID, e.Limit)
	if !e.NextFree.IsZero() {
		msg += fmt.Sprintf("; the next answer can be sent at about %s", e.NextFree.UTC().Format(time.RFC3339))
	}
	return msg
}

// CollaborationError: Instagram refused the answer, or reading the invites
// failed, or ctx ended before it was sent. The invite is as it was.
type CollaborationError struct {
	MediaID string
	Err     error
}

func (e *CollaborationError) Error() string {
	return fmt.Sprintf("answering the collaboration invite for post %s failed, nothing changed: %v", e.MediaID, e.Err)
}

func (e *CollaborationError) Unwrap() error { return e.Err }

// CollaborationUnknownError: the answer may or may not have been taken
// (Cause: the lost answer; Err: why reading could not tell).
type CollaborationUnknownError struct {
	MediaID string
	Cause   error
	Err     error
}

func (e *CollaborationUnknownError) Error() string {
	return fmt.Sprintf("the answer to the collaboration invite for post %s was lost (%v) and reading could not settle it: %v. "+
		"It was not sent again; check the account's pending invites (instagram_collaboration_invites) and collaborative media before answering again",
		e.MediaID, e.Cause, e.Err)
}

func (e *CollaborationUnknownError) Unwrap() error { return e.Cause }
