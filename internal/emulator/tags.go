package emulator

import (
	"slices"
)

// listTagged is GET /{ig-user-id}/tags
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/tags):
// public media of professional accounts in which others tagged this account,
// newest first. Both logins. Default item = {id}.
func (s *Server) listTagged(req *request, t *target) (any, *apiError) {
	a := t.account
	fs, pr, err := req.listParams(s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	var items []*otherMedia
	for _, m := range s.others().media {
		if m.owner.accountType == "PERSONAL" || !slices.Contains(m.tagged, a.Username) {
			continue
		}
		if pr.since != nil && m.timestamp.Before(*pr.since) || pr.until != nil && m.timestamp.After(*pr.until) {
			continue
		}
		items = append(items, m)
	}
	keys := make([]int64, len(items))
	for i, m := range items {
		keys[i] = m.key()
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, m := range items[start:end] {
		node, err := renderOtherMedia(m, fs, taggedMediaFields)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	out := pageResponse(req, data, keys[start:end], hasPrev, hasNext, req.prefixlessPath())
	if s.opts.TagsOmitPagingURLs {
		if p, ok := out["paging"].(map[string]any); ok {
			delete(p, "next")
			delete(p, "previous")
		}
	}
	return out, nil
}
