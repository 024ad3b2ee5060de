package emulator

// The media routes: the IG user's media and stories edges, and the media node
// with its children and collaborators edges
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media).

// listMedia is GET /{ig-user-id}/media: posts and reels, newest first.
func (s *Server) listMedia(req *request, t *target) (any, *apiError) {
	return s.listMediaEdge(req, t.account, false)
}

// listStories is GET /{ig-user-id}/stories: stories of the last 24 hours.
func (s *Server) listStories(req *request, t *target) (any, *apiError) {
	return s.listMediaEdge(req, t.account, true)
}

func (s *Server) listMediaEdge(req *request, a *Account, stories bool) (any, *apiError) {
	fs, pr, err := req.listParams(s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	items := s.mediaList(a.ID, stories, pr)
	keys := mediaKeys(items)
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data, err := s.renderMediaItems(req, items[start:end], fs)
	if err != nil {
		return nil, err
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, req.prefixlessPath()), nil
}

// resolveMedia: a media is visible to tokens reaching its account while it
// is not deleted (nor, with Options.StoriesVanish, an expired story).
func (s *Server) resolveMedia(req *request, id, _ string) (*target, *apiError) {
	m := s.st.media[id]
	if !req.tok.reaches(m.accountID) || !s.visible(m) {
		return nil, errUnsupported(req.method, m.id)
	}
	return &target{media: m}, nil
}

// getMedia is GET /{ig-media-id}.
func (s *Server) getMedia(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	return s.renderMedia(req, t.media, fs)
}

// listChildren is GET /{ig-media-id}/children.
func (s *Server) listChildren(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	data, err := s.childrenData(req, t.media, field{Name: "children", Sub: fs})
	if err != nil {
		return nil, err
	}
	return map[string]any{"data": data}, nil
}

// ignoredParams are transport parameters that are not part of an update.
var ignoredParams = map[string]bool{
	"access_token": true, "appsecret_proof": true, "appsecret_time": true,
	"fields": true, "format": true, "pretty": true, "suppress_http_code": true, "locale": true,
}

// updateMedia is POST /{ig-media-id}: the only documented update is
// comment_enabled (the "Updating" section of the IG Media reference). Any
// other parameter is rejected; the exact wording is uncertain.
func (s *Server) updateMedia(req *request, t *target) (any, *apiError) {
	m := t.media
	for k := range req.params {
		if k != "comment_enabled" && !ignoredParams[k] {
			return nil, errParam("Param %s is not allowed for this operation", k)
		}
	}
	v, ok := req.param("comment_enabled")
	if !ok {
		return nil, errMissingParam("comment_enabled")
	}
	b, ok := parseBool(v)
	if !ok {
		return nil, errParam("Param comment_enabled must be a boolean")
	}
	if m.parentID != "" {
		return nil, errUnsupported(req.method, m.id) // album children carry no comment settings
	}
	m.commentsEnabled = b
	return map[string]any{"success": true}, nil
}

// deleteMedia is DELETE /{ig-media-id}: Facebook Login only (since Dec
// 2025); Instagram Login answers "Unsupported delete request"; carousel
// children cannot be deleted alone.
func (s *Server) deleteMedia(req *request, t *target) (any, *apiError) {
	m := t.media
	if req.tok.kind == tokenInstagram {
		return nil, errUnsupported("DELETE", m.id)
	}
	if m.parentID != "" {
		return nil, userErr(-1, 2207073, "Fatal", "Media Type Not Supported", "The media type is not supported for this endpoint")
	}
	s.markDeleted(m)
	return map[string]any{"success": true, "deleted_id": m.id}, nil
}

func (s *Server) markDeleted(m *media) {
	m.deleted = true
	for _, id := range m.children {
		s.st.media[id].deleted = true
	}
}
