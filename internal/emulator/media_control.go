package emulator

import "net/http"

// Media changed from outside the API, as someone using the Instagram app
// would (drift), and the read accessors tests assert with.

// MediaIDs lists the account's published, not deleted top-level media
// (posts, reels and stories; not carousel children), newest first.
func (s *Server) MediaIDs(accountID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := []string{}
	for i := len(s.st.published) - 1; i >= 0; i-- {
		m := s.st.published[i]
		if m.accountID == accountID && !m.deleted {
			ids = append(ids, m.id)
		}
	}
	return ids
}

// MediaExists reports whether a media (top-level or child) exists and is not deleted.
func (s *Server) MediaExists(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.media[id]
	return m != nil && !m.deleted
}

// Media returns a copy of a published, not deleted media.
func (s *Server) Media(id string) (MediaSnapshot, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.media[id]
	if m == nil || m.deleted {
		return MediaSnapshot{}, false
	}
	return s.snapshot(m), true
}

// DeleteMediaOutOfBand simulates someone deleting the post in the app (drift).
// Carousel children cannot be deleted on their own.
func (s *Server) DeleteMediaOutOfBand(id string) bool {
	return s.editPost(id, s.markDeleted)
}

// SetCommentsEnabledOutOfBand toggles comments as if done in the app, on a
// post of a seeded account or of another user (PostByOtherUser).
func (s *Server) SetCommentsEnabledOutOfBand(id string, enabled bool) bool {
	return s.editPost(id, func(m *media) { m.commentsEnabled = enabled }) ||
		s.editOthersPost(id, func(w *otherMedia) { w.commentsDisabled = !enabled })
}

// SetCaptionOutOfBand edits the caption as if done in the app (the API cannot).
func (s *Server) SetCaptionOutOfBand(id, caption string) bool {
	return s.editPost(id, func(m *media) { m.caption = caption })
}

// editPost applies edit to a live top-level media (not a carousel item) and
// reports whether there was one.
func (s *Server) editPost(id string, edit func(*media)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.st.media[id]
	if m == nil || m.deleted || m.parentID != "" {
		return false
	}
	edit(m)
	return true
}

// controlMedia serves the media control endpoints:
//
//	DELETE /_emulator/media/{id}                      DeleteMediaOutOfBand
//	POST   /_emulator/media/{id}?comments_enabled=…   SetCommentsEnabledOutOfBand
//	POST   /_emulator/media/{id}?caption=…            SetCaptionOutOfBand
func (s *Server) controlMedia(w http.ResponseWriter, r *http.Request, id string) {
	switch r.Method {
	case http.MethodDelete:
		if !s.DeleteMediaOutOfBand(id) {
			controlError(w, http.StatusNotFound, "no deletable media "+id)
			return
		}
	case http.MethodPost:
		q := r.URL.Query()
		if !q.Has("comments_enabled") && !q.Has("caption") {
			controlError(w, http.StatusBadRequest, "give comments_enabled or caption")
			return
		}
		if q.Has("comments_enabled") {
			b, ok := parseBool(q.Get("comments_enabled"))
			if !ok {
				controlError(w, http.StatusBadRequest, "comments_enabled must be true or false")
				return
			}
			if !s.SetCommentsEnabledOutOfBand(id, b) {
				controlError(w, http.StatusNotFound, "no media "+id)
				return
			}
		}
		if q.Has("caption") && !s.SetCaptionOutOfBand(id, q.Get("caption")) {
			controlError(w, http.StatusNotFound, "no media "+id)
			return
		}
	default:
		controlError(w, http.StatusMethodNotAllowed, "use DELETE or POST")
		return
	}
	controlOK(w)
}
