package emulator

// handleIDs serves GET /?ids=a,b&fields=… (graph-api-facts.md §13.3): an
// object keyed by id, each rendered as GET /{id} would. The request was
// metered for every id (usage.go). Called with s.mu held.
func (s *Server) handleIDs(req *request) (any, *apiError) {
	raw, _ := req.param("ids")
	if req.method != "GET" || raw == "" {
		return nil, errUnknownPath("/")
	}
	var ids []string
	seen := map[string]bool{}
	for _, id := range parseList(raw) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) > s.opts.MaxIDs {
		// Wording uncertain.
		return nil, errParam("Too many IDs. Maximum: %d", s.opts.MaxIDs)
	}
	out := map[string]any{}
	for _, id := range ids {
		sub := *req
		sub.segs, sub.nested = []string{id}, true
		node, err := s.handle(&sub, nil)
		if err != nil {
			if s.opts.MultiIDOmitFailed {
				continue
			}
			return nil, err
		}
		out[id] = node
	}
	return out, nil
}
