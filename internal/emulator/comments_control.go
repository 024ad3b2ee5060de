package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Comments written or changed from outside the API: another user commenting
// in the app (which fires webhooks), or the account moderating in the app.

// AddCommentFromUser adds a comment (or, with parentID, a reply) by another
// Instagram user, as if written in the app, and fires the webhooks. A reply
// to a reply attaches to the top-level comment, as in the API.
func (s *Server) AddCommentFromUser(mediaID, parentID, username, text string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.media[mediaID]
	if m == nil || !s.visible(m) || m.parentID != "" {
		return "", fmt.Errorf("no commentable media %s", mediaID)
	}
	if !m.commentsEnabled {
		return "", fmt.Errorf("comments are disabled on media %s", mediaID)
	}
	if parentID != "" {
		p := s.liveComment(parentID)
		if p == nil || p.mediaID != mediaID {
			return "", fmt.Errorf("no comment %s on media %s", parentID, mediaID)
		}
		if p.parentID != "" {
			parentID = p.parentID
		}
	}
	if username == "" {
		username = "some_user"
	}
	return s.addComment(m, parentID, text, nil, username).id, nil
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
