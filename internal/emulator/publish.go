package emulator

import (
	"time"
)

// publishContainer is POST /{ig-user-id}/media_publish?creation_id=…
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish).
// @mentions in the caption notify the mentioned accounts' webhooks.
func (s *Server) publishContainer(req *request, t *target) (any, *apiError) {
	id, err := s.publish(req, t.account)
	if err != nil {
		return nil, err
	}
	s.mediaPublished(id)
	return map[string]any{"id": id}, nil
}

// publish publishes a FINISHED container within the quota and returns the media id.
func (s *Server) publish(req *request, a *Account) (string, *apiError) {
	cid, _ := req.param("creation_id")
	if cid == "" {
		return "", errMissingParam("creation_id")
	}
	c := s.st.containers[cid]
	if c == nil || c.accountID != a.ID {
		// Code 24/2207006 is Meta's "media not found"; which error an unknown
		// creation_id really gets is uncertain.
		return "", userErr(24, 2207006, "The media with id "+cid+" cannot be found.", "Media not found",
			"The media could not be found. It may have been deleted or the access token may be missing permissions.")
	}
	if c.isCarouselItem {
		// Uncertain: Meta's answer for publishing a carousel item on its own is undocumented.
		return "", errParam("Carousel item containers cannot be published on their own; publish the CAROUSEL container")
	}
	code, sub := s.status(c, false)
	switch code {
	case "PUBLISHED":
		// Uncertain: the error for re-publishing is undocumented. We answer a
		// non-retryable 100 (no subcode 33, it is not "gone") so a client that
		// lost the first response re-reads the container instead of retrying.
		return "", userErr(100, 0, "(#100) The media container "+cid+" has already been published.",
			"Already published", "This media has already been published.")
	case "EXPIRED":
		return "", userErr(-2, 2207020, "The media you are trying to publish has expired. Please try publishing a new media.",
			"Media expired", "The media has expired. Please upload it again.")
	case "ERROR":
		// Uncertain: we repeat the processing failure (e.g. 9004/2207052).
		if sub == 2207052 {
			return "", errFetch(c.videoURL)
		}
		return "", userErr(-1, 2207032, "Create media failed", "Create media failed", "Creating the media failed. Please try again.")
	case "IN_PROGRESS":
		return "", userErr(9007, 2207027, "Media ID is not available", "Cannot publish",
			"The media is not ready to be published. Please wait a moment.")
	}

	if c.audio != nil && !s.audioAvailable(c.audio.AudioID) {
		// The track was withdrawn since the container was made: the reel is
		// not published without it (community report; uncertain).
		return "", s.errAudioUnavailable(c.audio.AudioID)
	}
	now := s.now()
	if s.quotaUsage(a.ID, now.Add(-s.opts.QuotaDuration)) >= s.opts.QuotaTotal {
		return "", userErr(9, 2207042, "You reached maximum number of posts that is allowed to be published by Content Publishing API.",
			"Limit reached", "You have reached the maximum number of posts that can be published in 24 hours. Please try again later.")
	}
	s.st.publishes[a.ID] = append(s.st.publishes[a.ID], now) // a carousel counts as one

	m := s.newMedia(c, "", now)
	for _, childID := range c.children {
		child := s.st.containers[childID]
		cm := s.newMedia(child, m.id, now)
		m.children = append(m.children, cm.id)
	}
	s.list(m)
	return m.id, nil
}

// newMedia turns a FINISHED container into media and marks the container PUBLISHED.
func (s *Server) newMedia(c *container, parentID string, now time.Time) *media {
	m := s.addMedia(c.accountID, parentID, now)
	m.containerID, m.inputs = c.id, c.inputs
	if c.upload != nil {
		m.uploadedBytes = c.upload.fileSize
	}
	m.mediaType, m.productType = publishedType(c.kind, c.isVideo())
	if parentID != "" {
		m.caption = "" // album children carry no caption
	}
	c.mediaID = m.id
	return m
}

// quotaUsage counts publishes at or after since.
func (s *Server) quotaUsage(accountID string, since time.Time) int {
	n := 0
	for _, t := range s.st.publishes[accountID] {
		if t.After(since) {
			n++
		}
	}
	return n
}

// publishingLimit is GET /{ig-user-id}/content_publishing_limit
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
func (s *Server) publishingLimit(req *request, t *target) (any, *apiError) {
	a := t.account
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	if fs == nil {
		fs = []field{{Name: "quota_usage"}} // the default field
	}
	now := s.now()
	since := now.Add(-s.opts.QuotaDuration)
	if v, ok := req.param("since"); ok && v != "" {
		t, ok := parseTime(v)
		if !ok {
			return nil, errParam("The parameter since must be a unix timestamp")
		}
		if t.After(since) { // older than the window is clamped to it
			since = t.Add(-time.Nanosecond) // since is inclusive
		}
	}
	item := map[string]any{}
	for _, f := range fs {
		switch f.Name {
		case "quota_usage":
			item["quota_usage"] = s.quotaUsage(a.ID, since)
		case "config":
			item["config"] = map[string]any{"quota_total": s.opts.QuotaTotal, "quota_duration": int(s.opts.QuotaDuration / time.Second)}
		default:
			return nil, errNonexistingField(f.Name, "ContentPublishingLimitResponse")
		}
	}
	return map[string]any{"data": []any{item}}, nil
}
