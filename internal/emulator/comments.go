package emulator

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// comment is an IG Comment (top-level or reply) on a published media.
type comment struct {
	id, mediaID, parentID string // parentID: the top-level comment of a reply
	text                  string
	fromID, username      string // author (IGSID and username)
	byAccount             string // IG account id when the account wrote it through the API (the `user` field)
	hidden                bool
	seq                   int64 // creation order; the sort key of lists
	timestamp             time.Time
	deleted               bool
}

// commentStore holds the comments of every media. Part of state, so Reset clears it.
type commentStore struct {
	byID map[string]*comment
	all  []*comment // creation order (oldest first)
	next int64
	seq  int64
}

func newCommentStore() *commentStore {
	return &commentStore{byID: map[string]*comment{}, next: 17850000000000001}
}

// CommentSnapshot is an exported copy of a comment, for test assertions.
type CommentSnapshot struct {
	ID        string    `json:"id"`
	MediaID   string    `json:"media_id"`
	ParentID  string    `json:"parent_id,omitempty"`
	Text      string    `json:"text"`
	Username  string    `json:"username"`
	FromID    string    `json:"from_id"`
	ByAccount string    `json:"by_account,omitempty"`
	Hidden    bool      `json:"hidden"`
	Timestamp time.Time `json:"timestamp"`
}

func (c *comment) snapshot() CommentSnapshot {
	return CommentSnapshot{ID: c.id, MediaID: c.mediaID, ParentID: c.parentID, Text: c.text, Username: c.username,
		FromID: c.fromID, ByAccount: c.byAccount, Hidden: c.hidden, Timestamp: c.timestamp}
}

// liveComment returns a comment the request may see: not deleted, on a
// visible media the token reaches.
func (s *Server) liveComment(id string) *comment {
	c := s.st.comments.byID[id]
	if c == nil || c.deleted {
		return nil
	}
	m := s.st.media[c.mediaID]
	if m == nil || !s.visible(m) {
		return nil
	}
	return c
}

// commentsCount counts a media's live comments and replies (the IG Media
// comments_count field).
func (s *Server) commentsCount(mediaID string) int {
	n := 0
	for _, c := range s.st.comments.all {
		if c.mediaID == mediaID && !c.deleted {
			n++
		}
	}
	return n
}

// listMediaComments is GET /{ig-media-id}/comments: top-level comments,
// newest first (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/comments).
func (s *Server) listMediaComments(req *request, t *target) (any, *apiError) {
	return s.listComments(req, s.commentsOf(t.media), req.prefixlessPath())
}

// commentsOf lists a media's live top-level comments, newest first (v3.2+).
func (s *Server) commentsOf(m *media) []*comment {
	var items []*comment
	for i := len(s.st.comments.all) - 1; i >= 0; i-- {
		c := s.st.comments.all[i]
		if c.mediaID == m.id && c.parentID == "" && !c.deleted {
			items = append(items, c)
		}
	}
	return items
}

// createComment is POST /{ig-media-id}/comments?message=… by the account.
func (s *Server) createComment(req *request, t *target) (any, *apiError) {
	m := t.media
	if m.parentID != "" {
		return nil, errUnsupported(req.method, m.id) // album children carry no comments
	}
	if !m.commentsEnabled {
		return nil, errCommentsDisabled()
	}
	text, err := s.commentMessage(req)
	if err != nil {
		return nil, err
	}
	c := s.addComment(m, "", text, s.st.accounts[m.accountID], "")
	return map[string]any{"id": c.id}, nil
}

// errCommentsDisabled: the wording Meta uses when commenting on media with
// comments turned off is not documented (uncertain).
func errCommentsDisabled() *apiError {
	return userErr(100, 0, "(#100) Comments are disabled for this media", "Comments disabled",
		"Comments on this post have been turned off.")
}

// commentMessage reads and checks the required message parameter. The
// length limit is Instagram's app limit; whether the API applies the same
// one is undocumented (Options.MaxCommentLength).
func (s *Server) commentMessage(req *request) (string, *apiError) {
	v, ok := req.params["message"]
	if !ok || len(v) == 0 || strings.TrimSpace(v[0]) == "" {
		return "", errMissingParam("message")
	}
	if n := utf8.RuneCountInString(v[0]); n > s.opts.MaxCommentLength {
		return "", errParam("The comment is too long: %d characters, at most %d are allowed", n, s.opts.MaxCommentLength)
	}
	return v[0], nil
}

// addComment stores a comment and fires the webhooks it causes. author is
// the account writing through the API, or nil with a username for a comment
// "from another user".
func (s *Server) addComment(m *media, parentID, text string, author *Account, otherUser string) *comment {
	c := s.storeComment(m.id, parentID, text, author, otherUser)
	s.commentCreated(m, c)
	return c
}

// storeComment stores a comment on a media of the emulator's accounts or of
// another user (mentions.go) without firing webhooks.
func (s *Server) storeComment(mediaID, parentID, text string, author *Account, otherUser string) *comment {
	cs := s.st.comments
	cs.seq++
	c := &comment{
		id: strconv.FormatInt(cs.next, 10), mediaID: mediaID, parentID: parentID, text: text,
		seq: cs.seq, timestamp: s.now(),
	}
	cs.next++
	if author != nil {
		c.byAccount, c.fromID, c.username = author.ID, author.ID, author.Username
	} else {
		c.username = otherUser
		c.fromID = strconv.FormatInt(legacyID("igsid:"+otherUser)+1234560000000000, 10)
	}
	cs.byID[c.id] = c
	cs.all = append(cs.all, c)
	return c
}

// listComments renders a cursor-paged list of comments, newest first.
func (s *Server) listComments(req *request, items []*comment, path string) (any, *apiError) {
	fs, pr, err := req.listParams(s.opts.MaxCommentPageSize)
	if err != nil {
		return nil, err
	}
	keys := make([]int64, len(items))
	for i, c := range items {
		keys[i] = c.seq
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, c := range items[start:end] {
		node, err := s.renderComment(req, c, fs, true)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, path), nil
}

// repliesOf lists a top-level comment's live replies, newest first.
func (s *Server) repliesOf(c *comment) []*comment {
	var out []*comment
	for i := len(s.st.comments.all) - 1; i >= 0; i-- {
		r := s.st.comments.all[i]
		if r.parentID == c.id && !r.deleted {
			out = append(out, r)
		}
	}
	return out
}

// renderComment projects an IG Comment node
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment).
// Without fields a node
// read gives id only and a list item id, text and timestamp (the doc sample).
func (s *Server) renderComment(req *request, c *comment, fs []field, listItem bool) (map[string]any, *apiError) {
	if fs == nil && listItem {
		fs = []field{{Name: "timestamp"}, {Name: "text"}, {Name: "id"}}
	}
	out := map[string]any{"id": c.id}
	for _, f := range fs {
		switch f.Name {
		case "id":
		case "text":
			out["text"] = c.text
		case "timestamp":
			out["timestamp"] = c.timestamp.UTC().Format(timeLayout)
		case "username":
			out["username"] = c.username
		case "from":
			out["from"] = map[string]any{"id": c.fromID, "username": c.username}
		case "like_count":
			out["like_count"] = likeCount(c.id) % 50
		case "hidden":
			out["hidden"] = c.hidden
		case "media":
			node, err := s.commentMedia(req, c, f.Sub)
			if err != nil {
				return nil, err
			}
			out["media"] = node
		case "parent_id":
			if c.parentID != "" {
				out["parent_id"] = c.parentID
			}
		case "user":
			if c.byAccount != "" {
				out["user"] = map[string]any{"id": c.byAccount}
			}
		case "legacy_instagram_comment_id":
			out[f.Name] = strconv.FormatInt(legacyID(c.id), 10)
		case "replies":
			if c.parentID != "" {
				continue
			}
			page, err := s.nestedComments(req, s.repliesOf(c), f, "/"+c.id+"/replies")
			if err != nil {
				return nil, err
			}
			out["replies"] = page
		default:
			return nil, errNonexistingField(f.Name, "IGComment")
		}
	}
	return out, nil
}

// commentMedia is a comment's media{…} field: the media id and, expanded,
// the media's fields as GET /{ig-media-id} gives them (for a post of
// another user, what its comment's author may read: the product type).
func (s *Server) commentMedia(req *request, c *comment, fs []field) (map[string]any, *apiError) {
	if m := s.st.media[c.mediaID]; m != nil {
		return s.renderMedia(req, m, fs)
	}
	node := map[string]any{"id": c.mediaID}
	for _, sf := range fs {
		if sf.Name == "media_product_type" {
			node["media_product_type"] = s.productTypeOf(c.mediaID)
		}
	}
	return node, nil
}

// nestedComments serves a comment edge as a field of its node:
// `replies.limit(n){…}` inside a comment, `comments.limit(n){…}` inside a
// media. It is the first page of the edge (25 without a limit, like any
// Graph page; uncertain for nested edges), with paging that continues on
// the edge itself (path).
func (s *Server) nestedComments(req *request, items []*comment, f field, path string) (any, *apiError) {
	pr, err := pageReqFromParams(f.mod, s.opts.MaxCommentPageSize)
	if err != nil {
		return nil, err
	}
	keys := make([]int64, len(items))
	for i, r := range items {
		keys[i] = r.seq
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, r := range items[start:end] {
		node, err := s.renderComment(req, r, f.Sub, true)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	// The paging URLs are the edge's own (never the parent's query).
	q := url.Values{"limit": {strconv.Itoa(pr.limit)}}
	if f.Sub != nil {
		q.Set("fields", fieldsString(f.Sub))
	}
	nreq := *req
	nreq.r = req.r.Clone(req.r.Context())
	nreq.r.URL.RawQuery = q.Encode()
	return pageResponse(&nreq, data, keys[start:end], hasPrev, hasNext, path), nil
}

// resolveComment: a live comment on a visible media is visible to tokens
// reaching the media's account. A comment the account wrote on another
// user's post (answering a mention) can be read by its author only, and
// nothing else done with it: "requests cannot be performed on comments
// discovered through the Mentions API unless the request is made by the
// comment's owner" (the IG Comment reference).
func (s *Server) resolveComment(req *request, id, edge string) (*target, *apiError) {
	if c := s.liveComment(id); c != nil {
		if m := s.st.media[c.mediaID]; req.tok.reaches(m.accountID) {
			return &target{comment: c, media: m}, nil
		}
	}
	if c := s.st.comments.byID[id]; c != nil && !c.deleted && s.onOthersPost(c) &&
		c.byAccount != "" && req.tok.reaches(c.byAccount) && req.method == "GET" && edge == "" {
		return &target{comment: c}, nil
	}
	return nil, errUnsupported(req.method, id)
}

// onOthersPost reports a comment on a post of another Instagram user, or of
// a seeded account that the request's token does not reach.
func (s *Server) onOthersPost(c *comment) bool {
	m := s.st.media[c.mediaID]
	return m == nil && s.others().byID[c.mediaID] != nil || m != nil && s.visible(m)
}

// productTypeOf is media_product_type of a media of the emulator's accounts
// or of another user.
func (s *Server) productTypeOf(mediaID string) string {
	if m := s.st.media[mediaID]; m != nil {
		return m.productType
	}
	if w := s.others().byID[mediaID]; w != nil {
		return w.productType
	}
	return ""
}

// getComment is GET /{ig-comment-id}.
func (s *Server) getComment(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	return s.renderComment(req, t.comment, fs, false)
}

// deleteComment is DELETE /{ig-comment-id}. Only the media owner may delete;
// every token that reaches the media is the owner's.
func (s *Server) deleteComment(_ *request, t *target) (any, *apiError) {
	s.markCommentDeleted(t.comment)
	return map[string]any{"success": true}, nil
}

// markCommentDeleted deletes a comment; its replies go with it.
func (s *Server) markCommentDeleted(c *comment) {
	c.deleted = true
	for _, r := range s.repliesOf(c) {
		r.deleted = true
	}
}

// topComment is the comment replies attach to: a reply to a reply attaches
// to the top-level comment.
func (s *Server) topComment(c *comment) *comment {
	if c.parentID != "" {
		return s.st.comments.byID[c.parentID]
	}
	return c
}

// listReplies is GET /{ig-comment-id}/replies.
func (s *Server) listReplies(req *request, t *target) (any, *apiError) {
	return s.listComments(req, s.repliesOf(s.topComment(t.comment)), req.prefixlessPath())
}

// createReply is POST /{ig-comment-id}/replies?message=… by the account.
func (s *Server) createReply(req *request, t *target) (any, *apiError) {
	m, top := t.media, s.topComment(t.comment)
	if !m.commentsEnabled {
		return nil, errCommentsDisabled()
	}
	if top.hidden {
		// Uncertain wording: Meta documents that hidden comments take no replies.
		return nil, errParam("Cannot reply to a hidden comment")
	}
	text, err := s.commentMessage(req)
	if err != nil {
		return nil, err
	}
	r := s.addComment(m, top.id, text, s.st.accounts[m.accountID], "")
	return map[string]any{"id": r.id}, nil
}

// hideComment is POST /{ig-comment-id}?hide=true|false. The media owner's own
// comments are always shown (the IG Comment reference, "Updating"); answering
// that with an error is our reading (uncertain).
func (s *Server) hideComment(req *request, t *target) (any, *apiError) {
	c, m := t.comment, t.media
	for k := range req.params {
		if k != "hide" && !ignoredParams[k] {
			return nil, errParam("Param %s is not allowed for this operation", k)
		}
	}
	v, ok := req.param("hide")
	if !ok {
		return nil, errMissingParam("hide")
	}
	b, ok := parseBool(v)
	if !ok {
		return nil, errParam("Param hide must be a boolean")
	}
	if b && c.byAccount == m.accountID {
		return nil, errParam("Comments by the media owner are always shown and cannot be hidden")
	}
	c.hidden = b
	return map[string]any{"success": true}, nil
}
