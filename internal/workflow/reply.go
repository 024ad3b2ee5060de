package workflow

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Answering comments and @mentions. A reply cannot be taken back unnoticed,
// so it is sent once, while ctx is live, and settled under
// context.WithoutCancel(ctx): a reply to a comment whose answer was lost is
// looked for among the comment's replies (found: that is the reply); a reply
// to a mention cannot be looked for (Meta does not let the account read the
// comments of another user's post), so its loss is reported, never resent.

// lostReplyMargin reaches back before the reply was sent when looking for it:
// clocks differ.
const lostReplyMargin = 2 * time.Minute

// Replier answers comments and mentions on behalf of one account.
type Replier struct {
	Client    *graph.Client
	AccountID string
	// Now is the clock of the search for a reply whose answer was lost; nil
	// → time.Now.
	Now func() time.Time
	// WriteTimeout bounds the reply and its settling; 0 → DefaultWriteTimeout.
	WriteTimeout time.Duration
}

// Reply is a reply the account wrote.
type Reply struct {
	ID string
	// ParentID is the top-level comment it is under ("" for a comment on a
	// caption mention): Instagram attaches a reply to a reply to the
	// top-level comment.
	ParentID string
	MediaID  string
	// Recovered: the answer was lost and the reply was found by reading.
	Recovered bool
}

// ReplyToComment replies to a comment on the account's posts. It reads the
// comment first: Meta takes no replies to hidden comments (*CommentHiddenError,
// nothing sent).
func (p *Replier) ReplyToComment(ctx context.Context, commentID, message string) (*Reply, error) {
	c, _, err := p.Client.Comments.Get(ctx, commentID, []string{"id", "hidden", "parent_id", "media"})
	if err != nil {
		return nil, &ReplyError{Target: "comment " + commentID, Err: err}
	}
	if c.IsHidden() {
		return nil, &CommentHiddenError{CommentID: commentID}
	}
	parent := commentID
	if c.ParentID != "" {
		parent = c.ParentID
	}
	mediaID := ""
	if c.Media != nil {
		mediaID = c.Media.ID
	}
	// The account's identical replies already there (a reply sent twice on
	// purpose, or by an earlier run) must not settle a lost answer: note
	// them before sending. Nothing is sent when this read fails.
	started := clock(p.Now)
	since := started.Add(-lostReplyMargin)
	before, err := p.identicalReplies(ctx, parent, message, since)
	if err != nil {
		return nil, &ReplyError{Target: "comment " + commentID, Err: fmt.Errorf("reading the comment's replies before replying: %w", err)}
	}
	if err := ctx.Err(); err != nil {
		return nil, &ReplyError{Target: "comment " + commentID, Err: err}
	}
	wctx, cancel := p.detached(ctx)
	defer cancel()
	id, _, err := p.Client.Comments.Reply(wctx, parent, message)
	if err == nil {
		return &Reply{ID: id, ParentID: parent, MediaID: mediaID}, nil
	}
	var amb *graph.AmbiguousError
	if !errors.As(err, &amb) {
		return nil, &ReplyError{Target: "comment " + commentID, Err: err}
	}
	after, ferr := p.identicalReplies(wctx, parent, message, since)
	found := ""
	for _, id := range after {
		if !slices.Contains(before, id) {
			found = id
			break
		}
	}
	switch {
	case ferr != nil:
		return nil, &ReplyUnknownError{Target: "comment " + commentID, Cause: err, Err: ferr}
	case found == "":
		// Not among the replies: it was not posted, and sending again is
		// safe — but the caller decides, with the error in hand.
		return nil, &ReplyError{Target: "comment " + commentID, Err: fmt.Errorf("the answer was lost and the reply is not among the comment's replies, so it was not posted: %w", err)}
	}
	return &Reply{ID: found, ParentID: parent, MediaID: mediaID, Recovered: true}, nil
}

// identicalReplies lists the replies to a comment by the account with this
// text written since then.
func (p *Replier) identicalReplies(ctx context.Context, parent, message string, since time.Time) ([]string, error) {
	opts := graph.CommentListOptions{Fields: []string{"id", "text", "timestamp", "user"}, PageSize: commentPageSize}
	var ids []string
	for c, err := range p.Client.Comments.Replies(ctx, parent, opts) {
		if err != nil {
			return nil, err
		}
		ts, terr := graph.ParseTime(c.Timestamp)
		if terr == nil && ts.Before(since) {
			continue // replies are not documented to be ordered: read them all
		}
		if c.User != nil && c.User.ID == p.AccountID && strings.TrimSpace(c.Text) == strings.TrimSpace(message) {
			ids = append(ids, c.ID)
		}
	}
	return ids, nil
}

// ReplyToMention answers a mention: a comment on the post whose caption
// @mentioned the account, or, with commentID, a reply to the comment that
// did (POST /{ig-user-id}/mentions).
func (p *Replier) ReplyToMention(ctx context.Context, mediaID, commentID, message string) (*Reply, error) {
	target := "the caption mention on post " + mediaID
	if commentID != "" {
		target = "the comment mention " + commentID + " on post " + mediaID
	}
	if err := ctx.Err(); err != nil {
		return nil, &ReplyError{Target: target, Err: err}
	}
	wctx, cancel := p.detached(ctx)
	defer cancel()
	id, _, err := p.Client.Mentions.Reply(wctx, p.AccountID, mediaID, commentID, message)
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &amb):
		return nil, &ReplyUnknownError{Target: target, Cause: err}
	case err != nil:
		return nil, &ReplyError{Target: target, Err: err}
	}
	return &Reply{ID: id, ParentID: commentID, MediaID: mediaID}, nil
}

func (p *Replier) detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return detach(ctx, p.WriteTimeout, DefaultWriteTimeout)
}
