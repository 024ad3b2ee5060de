package graph

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// MentionsService reads and answers what other Instagram users wrote when
// they @mentioned the account, in a caption or in a comment
// (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-facebook-login/mentions).
// Meta keeps no list of mentions: the ids come from the `mentions` webhook,
// whose payload carries media_id and, for a comment mention, comment_id.
type MentionsService service

// MentionedMediaFields are the media fields read by MentionedMedia when none
// are given: the fields the mentioned_media reference documents
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media).
// owner is left out: Meta returns it only for the app user's own media.
var MentionedMediaFields = []string{
	"id", "caption", "media_type", "media_url", "timestamp", "username", "like_count", "comments_count",
}

// MentionedCommentFields are the comment fields read by MentionedComment
// when none are given, as the mentioned_comment reference documents them
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment):
// the comment has no author fields there, and its media is expanded.
var MentionedCommentFields = []string{"id", "text", "timestamp", "like_count", "media{id,media_url}"}

// MentionedMedia reads a media whose caption @mentions the account:
// GET /{ig-user-id}?fields=mentioned_media.media_id({media-id}){fields}.
// Meta strips the @ from the caption of media the account does not own.
func (s *MentionsService) MentionedMedia(ctx context.Context, igUserID, mediaID string, fields []string) (*Media, *Response, error) {
	var out struct {
		Media *Media `json:"mentioned_media"`
	}
	resp, err := s.expand(ctx, igUserID, "mentioned_media", "media_id", mediaID, fieldsParam(fields, MentionedMediaFields), &out)
	if err != nil {
		return nil, resp, err
	}
	if out.Media == nil {
		return nil, resp, errors.New("graph: the answer has no mentioned_media")
	}
	return out.Media, resp, nil
}

// MentionedComment reads a comment that @mentions the account:
// GET /{ig-user-id}?fields=mentioned_comment.comment_id({comment-id}){fields}.
// Meta refuses it when the comment's media has comments turned off.
func (s *MentionsService) MentionedComment(ctx context.Context, igUserID, commentID string, fields []string) (*MentionedComment, *Response, error) {
	var out struct {
		Comment *MentionedComment `json:"mentioned_comment"`
	}
	resp, err := s.expand(ctx, igUserID, "mentioned_comment", "comment_id", commentID, fieldsParam(fields, MentionedCommentFields), &out)
	if err != nil {
		return nil, resp, err
	}
	if out.Comment == nil {
		return nil, resp, errors.New("graph: the answer has no mentioned_comment")
	}
	return out.Comment, resp, nil
}

// MentionedComment is a comment in which another user @mentioned the
// account. Its media is the post it was written on, with the fields asked
// for in the media{…} expansion.
type MentionedComment struct {
	ID        string `json:"id"`
	Text      string `json:"text,omitempty"`
	Timestamp string `json:"timestamp,omitempty"` // TimeLayout
	LikeCount *int64 `json:"like_count,omitempty"`
	Media     *Media `json:"media,omitempty"`
}

// expand reads one argument-taking field of the IG user, e.g.
// mentioned_media.media_id(123){caption}.
func (s *MentionsService) expand(ctx context.Context, igUserID, field, arg, id, fields string, out any) (*Response, error) {
	path, err := nodePath(igUserID)
	if err != nil {
		return nil, err
	}
	if !NumericID(id) {
		return nil, errors.New("graph: " + arg + " must be a numeric id")
	}
	expr := field + "." + arg + "(" + id + "){" + fields + "}"
	return s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {expr}}}, out)
}

// Reply comments on a post that @mentioned the account in its caption, or,
// with commentID, replies to a comment that @mentioned it:
// POST /{ig-user-id}/mentions media_id, [comment_id,] message
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentions).
// It returns the new comment's id. Not idempotent: an *AmbiguousError means
// the reply may exist, and Meta offers no way to look (the comments of
// another user's post are not readable), so it is never resent.
func (s *MentionsService) Reply(ctx context.Context, igUserID, mediaID, commentID, message string) (string, *Response, error) {
	path, err := nodePath(igUserID, "mentions")
	if err != nil {
		return "", nil, err
	}
	if strings.TrimSpace(mediaID) == "" {
		return "", nil, errors.New("graph: empty media_id")
	}
	if strings.TrimSpace(message) == "" {
		return "", nil, errors.New("graph: empty message")
	}
	params := url.Values{"media_id": {mediaID}, "message": {message}}
	if commentID != "" {
		params.Set("comment_id", commentID)
	}
	return (*MediaService)(s).postForID(ctx, &Request{Method: http.MethodPost, Path: path, Params: params})
}

// NumericID reports whether id looks like a Graph id (digits only).
func NumericID(id string) bool {
	if id == "" || len(id) > 30 {
		return false
	}
	for _, r := range id {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
