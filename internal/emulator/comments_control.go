package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Comments written or changed from outside the API: another user commenting
// in the app (which fires webhooks), or the account moderating in the app.

// AddCommentFromUser adds a comment (or, with parentID, a reply) by another
// Instagram user, as if written in the app, and fires the webhooks: on a
// post of a seeded account, or on another user's post (PostByOtherUser, or
// the seeded public posts), where an @mention of a seeded account is what
// Meta reports to it. A reply to a reply attaches to the top-level comment,
// as in the API.
func (s *Server) AddCommentFromUser(mediaID, parentID, username, text string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commentFromUser(mediaID, parentID, username, text)
}

func (s *Server) commentFromUser(mediaID, parentID, username, text string) (string, error) {
	m := s.st.media[mediaID]
	w := s.others().byID[mediaID]
	switch {
	case m != nil && (!s.visible(m) || m.parentID != ""), m == nil && (w == nil || w.isChild):
		return "", fmt.Errorf("no commentable media %s", mediaID)
	case m != nil && !m.commentsEnabled, w != nil && w.commentsDisabled:
		return "", fmt.Errorf("comments are disabled on media %s", mediaID)
	}
	if parentID != "" {
		p := s.st.comments.byID[parentID]
		if p == nil || p.deleted || p.mediaID != mediaID {
			return "", fmt.Errorf("no comment %s on media %s", parentID, mediaID)
		}
		if p.parentID != "" {
			parentID = p.parentID
		}
	}
	if username == "" {
		username = "some_user"
	}
	if m == nil {
		return s.addOthersComment(w, parentID, text, nil, username).id, nil
	}
	return s.addComment(m, parentID, text, nil, username).id, nil
}

// CommentBatch asks for many comments by other users at once: PerPost
// top-level comments on each post, each with RepliesPerComment replies.
// Authors and texts are taken in turn from Usernames and Texts (defaults:
// fan_1…fan_7 and "Comment {n}"); "%d" in a text becomes the comment's
// number (1-based, over the whole batch).
type CommentBatch struct {
	MediaIDs          []string `json:"media_ids"`
	PerPost           int      `json:"per_post"`
	RepliesPerComment int      `json:"replies_per_comment"`
	Usernames         []string `json:"usernames"`
	Texts             []string `json:"texts"`
}

// maxCommentBatch bounds one batch of the control plane.
const maxCommentBatch = 100000

// AddCommentsFromUsers adds a CommentBatch, as AddCommentFromUser would one
// by one (webhooks included), and returns the new ids in creation order.
// Nothing is added when the batch is invalid.
func (s *Server) AddCommentsFromUsers(b CommentBatch) ([]string, error) {
	total := len(b.MediaIDs) * b.PerPost * (1 + b.RepliesPerComment)
	if b.PerPost < 1 || b.RepliesPerComment < 0 || total > maxCommentBatch {
		return nil, fmt.Errorf("per_post must be at least 1, replies_per_comment at least 0, and the batch at most %d comments", maxCommentBatch)
	}
	users, texts := b.Usernames, b.Texts
	if len(users) == 0 {
		users = []string{"fan_1", "fan_2", "fan_3", "fan_4", "fan_5", "fan_6", "fan_7"}
	}
	if len(texts) == 0 {
		texts = []string{"Comment %d"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range b.MediaIDs {
		m, w := s.st.media[id], s.others().byID[id]
		if m == nil && w == nil || m != nil && (!m.commentsEnabled || !s.visible(m)) || w != nil && w.commentsDisabled {
			return nil, fmt.Errorf("no media %s that takes comments", id)
		}
	}
	ids := make([]string, 0, total)
	add := func(mediaID, parentID string) (string, error) {
		n := len(ids)
		text := strings.ReplaceAll(texts[n%len(texts)], "%d", strconv.Itoa(n+1))
		id, err := s.commentFromUser(mediaID, parentID, users[n%len(users)], text)
		if err == nil {
			ids = append(ids, id)
		}
		return id, err
	}
	for _, mediaID := range b.MediaIDs {
		for range b.PerPost {
			top, err := add(mediaID, "")
			if err != nil {
				return ids, err
			}
			for range b.RepliesPerComment {
				if _, err := add(mediaID, top); err != nil {
					return ids, err
				}
			}
		}
	}
	return ids, nil
}

// SetCommentHiddenOutOfBand hides or shows a comment as if done in the app.
func (s *Server) SetCommentHiddenOutOfBand(id string, hidden bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.liveComment(id)
	if c == nil {
		return false
	}
	c.hidden = hidden
	return true
}

// DeleteCommentOutOfBand deletes a comment (and its replies) as if done in the app.
func (s *Server) DeleteCommentOutOfBand(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.liveComment(id)
	if c == nil {
		return false
	}
	s.markCommentDeleted(c)
	return true
}

// Comment returns a copy of a live comment.
func (s *Server) Comment(id string) (CommentSnapshot, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.liveComment(id)
	if c == nil {
		return CommentSnapshot{}, false
	}
	return c.snapshot(), true
}

// CommentExists reports whether a comment exists and is readable.
func (s *Server) CommentExists(id string) bool {
	_, ok := s.Comment(id)
	return ok
}

// Comments lists a media's live comments and replies, oldest first.
func (s *Server) Comments(mediaID string) []CommentSnapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []CommentSnapshot{}
	for _, c := range s.st.comments.all {
		if c.mediaID == mediaID && !c.deleted {
			out = append(out, c.snapshot())
		}
	}
	return out
}

// controlComment is POST /_emulator/comments, JSON {media_id, parent_id?,
// username?, text}: a comment (or reply) from another user (AddCommentFromUser).
func (s *Server) controlComment(w http.ResponseWriter, r *http.Request, _ string) {
	var in struct {
		MediaID  string `json:"media_id"`
		ParentID string `json:"parent_id"`
		Username string `json:"username"`
		Text     string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Text == "" {
		controlError(w, http.StatusBadRequest, "want JSON {media_id, parent_id?, username?, text}")
		return
	}
	id, err := s.AddCommentFromUser(in.MediaID, in.ParentID, in.Username, in.Text)
	if err != nil {
		controlError(w, http.StatusNotFound, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id})
}

// controlCommentBatch is POST /_emulator/comments/bulk, JSON CommentBatch:
// AddCommentsFromUsers.
func (s *Server) controlCommentBatch(w http.ResponseWriter, r *http.Request, _ string) {
	var b CommentBatch
	if !decodeControlJSON(w, r, "comment batch JSON", &b) {
		return
	}
	ids, err := s.AddCommentsFromUsers(b)
	if err != nil {
		controlError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ids": ids})
}

// controlCommentByID serves
//
//	POST   /_emulator/comments/{id}?hidden=true|false   SetCommentHiddenOutOfBand
//	DELETE /_emulator/comments/{id}                     DeleteCommentOutOfBand
func (s *Server) controlCommentByID(w http.ResponseWriter, r *http.Request, id string) {
	switch r.Method {
	case http.MethodDelete:
		if !s.DeleteCommentOutOfBand(id) {
			controlError(w, http.StatusNotFound, "no comment "+id)
			return
		}
	case http.MethodPost:
		b, valid := parseBool(r.URL.Query().Get("hidden"))
		if !valid {
			controlError(w, http.StatusBadRequest, "hidden must be true or false")
			return
		}
		if !s.SetCommentHiddenOutOfBand(id, b) {
			controlError(w, http.StatusNotFound, "no comment "+id)
			return
		}
	default:
		controlError(w, http.StatusMethodNotAllowed, "use DELETE or POST")
		return
	}
	controlOK(w)
}
