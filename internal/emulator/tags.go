package emulator

import (
	"slices"
	"strconv"
)

// listTagged is GET /{ig-user-id}/tags (graph-api-facts.md §5.4): public
// media of professional accounts in which others tagged this account, newest
// first. Both logins. Default item = {id}.
func (s *Server) listTagged(req *request, a *Account, path string) (any, *apiError) {
	if req.method != "GET" {
		return nil, errMethodNotAllowed(req.method)
	}
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	pr, err := pageReqFromParams(req.param, s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	var items []*worldMedia
	for _, m := range s.world().media {
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
		node, err := renderWorldMedia(m, fs, taggedMediaFields)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	out := pageResponse(req, data, keys[start:end], hasPrev, hasNext, path)
	if s.opts.TagsOmitPagingURLs {
		if p, ok := out["paging"].(map[string]any); ok {
			delete(p, "next")
			delete(p, "previous")
		}
	}
	return out, nil
}

// Post is media that appears on a seeded account as if posted in the
// Instagram app: no container, no publishing quota.
type Post struct {
	Type     string // FEED (default), REELS, STORY or CAROUSEL
	Video    bool   // FEED and STORY: a video instead of an image
	Caption  string
	AltText  string
	Children int // CAROUSEL: number of items (2–10; default 2), images except the second
}

// PostOutOfBand publishes p on the account at the current emulator clock and
// returns the media id. It is the way to give read-only data sources
// (instagram_media, instagram_account_media, instagram_stories) something to read.
func (s *Server) PostOutOfBand(accountID string, p Post) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.accounts[accountID] == nil {
		return "", false
	}
	now := s.now()
	newMedia := func(parent string) *media {
		id := strconv.FormatInt(s.st.nextMedia, 10)
		s.st.nextMedia++
		s.st.nextSeq++
		m := &media{
			id: id, accountID: accountID, parentID: parent, seq: s.st.nextSeq, mediaType: "IMAGE", productType: "FEED",
			commentsEnabled: true, timestamp: now, shortcode: shortcodeFor(id),
		}
		s.st.media[id] = m
		return m
	}
	m := newMedia("")
	m.caption, m.altText = p.Caption, p.AltText
	switch p.Type {
	case "REELS":
		m.mediaType, m.productType = "VIDEO", "REELS"
	case "STORY":
		m.productType = "STORY"
	case "CAROUSEL":
		m.mediaType = "CAROUSEL_ALBUM"
		n := p.Children
		if n < 2 {
			n = 2
		}
		for i := range n {
			c := newMedia(m.id)
			c.imageURL = "https://example.com/emulator/" + c.id + ".jpg"
			if i == 1 {
				c.mediaType, c.imageURL, c.videoURL = "VIDEO", "", "https://example.com/emulator/"+c.id+".mp4"
			}
			m.children = append(m.children, c.id)
		}
	}
	if p.Video && (p.Type == "" || p.Type == "FEED" || p.Type == "STORY") {
		m.mediaType = "VIDEO"
	}
	if m.mediaType == "VIDEO" {
		m.videoURL = "https://example.com/emulator/" + m.id + ".mp4"
	} else {
		m.imageURL = "https://example.com/emulator/" + m.id + ".jpg"
	}
	s.st.published = append(s.st.published, m)
	return m.id, true
}
