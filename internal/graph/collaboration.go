package graph

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// CollaborationService is collaboration on posts, Facebook login only
// (https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-facebook-login/collaboration):
// the invites an account received, its answer to one, the posts it is an
// accepted collaborator on, and (for the owner) each invitee's status.
type CollaborationService service

// Meta's daily caps on collaboration_invites, per IG user.
const (
	CollaborationInviteReadsPerDay = 300
	CollaborationResponsesPerDay   = 50
)

// CollaborationInvite is a pending invite to co-author another account's post.
type CollaborationInvite struct {
	MediaID string `json:"media_id"`
	// MediaOwnerUsername: the reference calls it the inviter's id, its
	// samples hold usernames (doc-conflict; read as a username).
	MediaOwnerUsername string `json:"media_owner_username"`
	Caption            string `json:"caption,omitempty"`
	MediaURL           string `json:"media_url,omitempty"`
}

// Invite statuses of the collaborators edge.
const (
	InviteAccepted = "Accepted"
	InvitePending  = "Pending"
	InviteDeclined = "Declined"
)

// InviteAnswer is an invite_status as a lowercase word: "accepted",
// "pending" or "declined".
func InviteAnswer(status string) string { return strings.ToLower(status) }

// Collaborator is an invitee of a post, as its owner sees it.
type Collaborator struct {
	ID           string `json:"id"`
	Username     string `json:"username"`
	InviteStatus string `json:"invite_status"` // InviteAccepted, InvitePending or InviteDeclined
}

// CollaborativeMediaFields are the fields Meta allows on collaborative media.
var CollaborativeMediaFields = []string{
	"id", "caption", "comments_count", "like_count", "media_product_type", "media_type", "media_url", "permalink",
	"thumbnail_url", "username", "timestamp", "total_like_count", "total_comments_count", "reposts_count",
	"saved_count", "shares_count", "total_views_count",
}

// Invites iterates GET /{ig-user-id}/collaboration_invites: the account's
// pending invites, pageSize a page (0 = Meta's default, 10). Each page is
// one of the 300 reads a day.
func (s *CollaborationService) Invites(ctx context.Context, igUserID string, pageSize int) iter.Seq2[*CollaborationInvite, error] {
	path, err := nodePath(igUserID, "collaboration_invites")
	params := url.Values{}
	if pageSize > 0 {
		params.Set("limit", strconv.Itoa(pageSize))
	}
	return iteratePages(func(after string) (*PageOf[*CollaborationInvite], error) {
		if err != nil {
			return nil, err
		}
		p, _, err := getPage[*CollaborationInvite](ctx, s.client, &Request{Method: http.MethodGet, Path: path, Params: params}, after)
		return p, err
	}, "", 0)
}

// Respond sends POST /{ig-user-id}/collaboration_invites media_id=…&accept=…:
// accept (true) or decline (false) the invite to a post. Sent once: an
// answer that may have been lost is an *AmbiguousError, which the caller
// settles by reading (workflow.CollaborationResponder). One of the 50 a day.
func (s *CollaborationService) Respond(ctx context.Context, igUserID, mediaID string, accept bool) (*Response, error) {
	path, err := nodePath(igUserID, "collaboration_invites")
	if err != nil {
		return nil, err
	}
	if mediaID == "" {
		return nil, errors.New("graph: empty media_id")
	}
	req := &Request{Method: http.MethodPost, Path: path, Params: url.Values{"media_id": {mediaID}, "accept": {strconv.FormatBool(accept)}}}
	return s.client.doSuccess(ctx, req)
}

// CollaborativeMedia iterates GET /{ig-user-id}/collaborative_media: others'
// posts on which the account is an accepted collaborator (nil fields →
// CollaborativeMediaFields), up to limit (0 = all).
func (s *CollaborationService) CollaborativeMedia(ctx context.Context, igUserID string, fields []string, limit int) iter.Seq2[*Media, error] {
	path, err := nodePath(igUserID, "collaborative_media")
	params := url.Values{"fields": {fieldsParam(fields, CollaborativeMediaFields)}}
	if limit > 0 {
		params.Set("limit", strconv.Itoa(min(limit, 100)))
	}
	return iteratePages(func(after string) (*PageOf[*Media], error) {
		if err != nil {
			return nil, err
		}
		p, _, err := getPage[*Media](ctx, s.client, &Request{Method: http.MethodGet, Path: path, Params: params}, after)
		return p, err
	}, "", limit)
}

// Collaborators reads GET /{ig-media-id}/collaborators: the owner's view of
// each invitee and their invite_status.
func (s *CollaborationService) Collaborators(ctx context.Context, mediaID string) ([]Collaborator, *Response, error) {
	path, err := nodePath(mediaID, "collaborators")
	if err != nil {
		return nil, nil, err
	}
	var out page[Collaborator]
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {"id,username,invite_status"}}}, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.Data, resp, nil
}
