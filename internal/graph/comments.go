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

// CommentsService creates, reads, hides and deletes IG Comments.
type CommentsService service

// Comment is an IG Comment node
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment).
type Comment struct {
	ID        string        `json:"id"`
	Text      string        `json:"text,omitempty"`
	Timestamp string        `json:"timestamp,omitempty"` // TimeLayout
	Username  string        `json:"username,omitempty"`
	From      *CommentFrom  `json:"from,omitempty"`
	LikeCount *int64        `json:"like_count,omitempty"`
	Hidden    *bool         `json:"hidden,omitempty"`
	Media     *CommentMedia `json:"media,omitempty"`
	ParentID  string        `json:"parent_id,omitempty"` // replies only
	User      *MediaOwner   `json:"user,omitempty"`      // only when the app user wrote it
	// Replies is the nested replies{…} field of a top-level comment, present
	// only when requested (CommentListOptions.ReplyFields).
	Replies *NestedComments `json:"replies,omitempty"`
}

// IsHidden reports whether the account hid the comment (absent = shown).
func (c *Comment) IsHidden() bool { return c.Hidden != nil && *c.Hidden }

// NestedComments is the first page of a comment edge read as a field of its
// node ({data, paging}): a comment's replies{…}, a media's comments{…}.
type NestedComments struct {
	Data   []*Comment `json:"data"`
	Paging *Paging    `json:"paging,omitempty"`
}

// HasMore reports whether Graph has more comments than the nested page
// holds, so the edge itself (GET /{comment-id}/replies,
// GET /{media-id}/comments) is read from After for the rest.
func (r *NestedComments) HasMore() bool {
	return r != nil && r.Paging != nil && r.Paging.Next != "" && r.Paging.Cursors.After != ""
}

// After is the cursor the edge continues from ("" when there is no more).
func (r *NestedComments) After() string {
	if !r.HasMore() {
		return ""
	}
	return r.Paging.Cursors.After
}

// CommentFrom is the author of a comment.
type CommentFrom struct {
	ID       string `json:"id"`
	Username string `json:"username"`
}

// CommentMedia is the media a comment is on, with what the nested
// media{…} field asked for.
type CommentMedia struct {
	ID               string      `json:"id"`
	MediaProductType string      `json:"media_product_type,omitempty"`
	Username         string      `json:"username,omitempty"`
	Owner            *MediaOwner `json:"owner,omitempty"`
}

// CommentFields are the fields read when none are given.
var CommentFields = []string{"id", "text", "timestamp", "username", "like_count", "hidden", "media", "parent_id"}

// Create sends POST /{media-id}/comments?message=… and returns the comment
// id. Not idempotent: an *AmbiguousError means the comment may exist.
func (s *CommentsService) Create(ctx context.Context, mediaID, message string) (string, *Response, error) {
	path, err := nodePath(mediaID, "comments")
	if err != nil {
		return "", nil, err
	}
	return s.postMessage(ctx, path, message)
}

// Reply sends POST /{comment-id}/replies?message=…. Graph attaches a reply
// to a reply to the top-level comment. Not idempotent.
func (s *CommentsService) Reply(ctx context.Context, commentID, message string) (string, *Response, error) {
	path, err := nodePath(commentID, "replies")
	if err != nil {
		return "", nil, err
	}
	return s.postMessage(ctx, path, message)
}

func (s *CommentsService) postMessage(ctx context.Context, path, message string) (string, *Response, error) {
	if message == "" {
		return "", nil, errors.New("graph: empty comment message")
	}
	return (*MediaService)(s).postForID(ctx, &Request{Method: http.MethodPost, Path: path, Params: url.Values{"message": {message}}})
}

// Get reads GET /{comment-id}?fields=…; nil fields → CommentFields.
func (s *CommentsService) Get(ctx context.Context, id string, fields []string) (*Comment, *Response, error) {
	path, err := nodePath(id)
	if err != nil {
		return nil, nil, err
	}
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {fieldsParam(fields, CommentFields)}}}
	c := new(Comment)
	resp, err := s.client.Do(ctx, req, c)
	if err != nil {
		return nil, resp, err
	}
	return c, resp, nil
}

// CommentListOptions bound a comment list.
type CommentListOptions struct {
	Fields   []string // nil → CommentFields
	Limit    int      // stop after this many items; 0 = all
	PageSize int      // limit= per page; 0 = min(Limit, 50) or Graph's default
	// ReplyFields, when non-empty, also requests the nested
	// replies{ReplyFields} field, so each top-level comment carries its first
	// page of replies (Comment.Replies) without a call per comment.
	ReplyFields []string
	// After starts the list at this cursor, e.g. Comment.Replies.Paging's
	// after cursor to read the replies the nested page did not hold.
	After string
}

func (o CommentListOptions) params() url.Values {
	v := url.Values{"fields": {o.fields()}}
	if o.After != "" {
		v.Set("after", o.After)
	}
	if size := o.pageSize(); size > 0 {
		v.Set("limit", strconv.Itoa(size))
	}
	return v
}

func (o CommentListOptions) fields() string {
	fields := fieldsParam(o.Fields, CommentFields)
	if len(o.ReplyFields) > 0 {
		fields += ",replies{" + strings.Join(o.ReplyFields, ",") + "}"
	}
	return fields
}

func (o CommentListOptions) pageSize() int {
	if o.PageSize == 0 && o.Limit > 0 {
		return min(o.Limit, 50)
	}
	return o.PageSize
}

// nested is the comments edge as a field of its media:
// comments.limit(n){fields,replies{…}}.
func (o CommentListOptions) nested() string {
	f := "comments"
	if size := o.pageSize(); size > 0 {
		f += ".limit(" + strconv.Itoa(size) + ")"
	}
	return f + "{" + o.fields() + "}"
}

// CommentPage is one page of a comment list, newest first; After is the
// cursor of the next page ("" on the last).
type CommentPage = PageOf[*Comment]

// ListPage reads one page of GET /{media-id}/comments (opts.After is the
// cursor to start from). A sweep over many posts reads page by page, so it
// knows what each call cost and where to stop.
func (s *CommentsService) ListPage(ctx context.Context, mediaID string, opts CommentListOptions) (*CommentPage, *Response, error) {
	path, err := nodePath(mediaID, "comments")
	if err != nil {
		return nil, nil, err
	}
	return getPage[*Comment](ctx, s.client, &Request{Method: http.MethodGet, Path: path, Params: opts.params()}, "")
}

// List iterates GET /{media-id}/comments: top-level comments, newest first.
func (s *CommentsService) List(ctx context.Context, mediaID string, opts CommentListOptions) iter.Seq2[*Comment, error] {
	return s.list(ctx, mediaID, "comments", opts)
}

// AllReplies iterates every reply of a listed comment: the page nested in it
// (CommentListOptions.ReplyFields), then GET /{comment-id}/replies from that
// page's cursor when Graph has more. opts gives the fields and page size of
// the further pages.
func (s *CommentsService) AllReplies(ctx context.Context, c *Comment, opts CommentListOptions) iter.Seq2[*Comment, error] {
	return func(yield func(*Comment, error) bool) {
		if c.Replies == nil {
			return
		}
		for _, r := range c.Replies.Data {
			if !yield(r, nil) {
				return
			}
		}
		if !c.Replies.HasMore() {
			return
		}
		opts.After = c.Replies.Paging.Cursors.After
		for r, err := range s.Replies(ctx, c.ID, opts) {
			if !yield(r, err) || err != nil {
				return
			}
		}
	}
}

// Replies iterates GET /{comment-id}/replies.
func (s *CommentsService) Replies(ctx context.Context, commentID string, opts CommentListOptions) iter.Seq2[*Comment, error] {
	return s.list(ctx, commentID, "replies", opts)
}

func (s *CommentsService) list(ctx context.Context, id, edge string, opts CommentListOptions) iter.Seq2[*Comment, error] {
	path, err := nodePath(id, edge)
	if err != nil {
		return func(yield func(*Comment, error) bool) { yield(nil, err) }
	}
	return Paginate[*Comment](ctx, s.client, &Request{Method: http.MethodGet, Path: path, Params: opts.params()}, opts.Limit)
}

// SetHidden sends POST /{comment-id}?hide=true|false. Idempotent, so retried.
// The media owner's own comments are always shown and cannot be hidden.
func (s *CommentsService) SetHidden(ctx context.Context, commentID string, hidden bool) (*Response, error) {
	path, err := nodePath(commentID)
	if err != nil {
		return nil, err
	}
	return s.client.doSuccess(ctx, &Request{Method: http.MethodPost, Path: path,
		Params: url.Values{"hide": {strconv.FormatBool(hidden)}}, Idempotent: true})
}

// Delete sends DELETE /{comment-id} (only the media owner may).
func (s *CommentsService) Delete(ctx context.Context, commentID string) (*Response, error) {
	return s.delete(ctx, commentID, false)
}

// DeleteOnce is Delete never resent once it may have reached Meta: a lost
// answer is an *AmbiguousError, which the caller settles by reading the
// comment (gone: deleted). A resent DELETE would answer "does not exist"
// either way and tell nothing.
func (s *CommentsService) DeleteOnce(ctx context.Context, commentID string) (*Response, error) {
	return s.delete(ctx, commentID, true)
}

func (s *CommentsService) delete(ctx context.Context, commentID string, once bool) (*Response, error) {
	path, err := nodePath(commentID)
	if err != nil {
		return nil, err
	}
	return s.client.doSuccess(ctx, &Request{Method: http.MethodDelete, Path: path, SendOnce: once})
}
