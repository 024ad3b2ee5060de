package emulator

// multiIDRead serves GET /?ids=a,b&fields=… ("Multiple ID Read Requests" in
// https://developers.facebook.com/docs/graph-api/advanced): an object keyed
// by id, each rendered as GET /{id} would. The request was
// metered for every id (usage.go). Called with s.mu held.
func (s *Server) multiIDRead(req *request, _ *target) (any, *apiError) {
	raw, _ := req.param("ids")
	if raw == "" { // the root serves nothing else
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
		sub.segs, sub.nested, sub.parseErr = []string{id}, true, nil
		node, err := s.handle(&sub)
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
