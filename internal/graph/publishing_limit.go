package graph

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// PublishingLimit is the content_publishing_limit of an IG user: how many
// media_publish calls were used in the moving window, out of how many.
type PublishingLimit struct {
	QuotaUsage int `json:"quota_usage"`
	Config     struct {
		QuotaTotal    int `json:"quota_total"`
		QuotaDuration int `json:"quota_duration"` // seconds, 86400
	} `json:"config"`
}

// Remaining is QuotaTotal - QuotaUsage, never negative.
func (l *PublishingLimit) Remaining() int { return max(l.Config.QuotaTotal-l.QuotaUsage, 0) }

// PublishingLimit reads GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config.
func (s *MediaService) PublishingLimit(ctx context.Context, igUserID string) (*PublishingLimit, *Response, error) {
	p, err := nodePath(igUserID, "content_publishing_limit")
	if err != nil {
		return nil, nil, err
	}
	req := &Request{Method: http.MethodGet, Path: p, Params: url.Values{"fields": {"quota_usage,config"}}}
	var out page[PublishingLimit]
	resp, err := s.client.Do(ctx, req, &out)
	if err != nil {
		return nil, resp, err
	}
	if len(out.Data) == 0 {
		return nil, resp, errors.New("graph: GET " + p + ": empty content_publishing_limit response")
	}
	return &out.Data[0], resp, nil
}
