package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// MaxIDsPerRequest is the most ids one multi-id read may carry (50 in
// "Multiple ID Read Requests",
// https://developers.facebook.com/docs/graph-api/advanced; uncertain for
// current versions).
const MaxIDsPerRequest = 50

// GetMany reads several media in one round trip: GET /?ids=a,b&fields=….
// Meta still meters every id as one call, so this saves round trips, not
// budget. Ids Graph leaves out of its answer are missing from the map. An
// error for one id may fail the whole request (uncertain): callers that need
// to tell which id failed read them one by one.
func (s *MediaService) GetMany(ctx context.Context, ids []string, fields []string) (map[string]*Media, *Response, error) {
	return getMany[Media](ctx, s.client, ids, fieldsParam(fields, MediaFields))
}

// getMany is the multi-id read of nodes of one type.
func getMany[T any](ctx context.Context, c *Client, ids []string, fields string) (map[string]*T, *Response, error) {
	if len(ids) == 0 {
		return map[string]*T{}, nil, nil
	}
	if len(ids) > MaxIDsPerRequest {
		return nil, nil, fmt.Errorf("graph: %d ids in one multi-id read, at most %d", len(ids), MaxIDsPerRequest)
	}
	for _, id := range ids {
		if strings.TrimSpace(id) == "" || strings.Contains(id, ",") {
			return nil, nil, fmt.Errorf("graph: invalid id %q in a multi-id read", id)
		}
	}
	req := &Request{Method: http.MethodGet, Path: "/", Params: url.Values{
		"ids":    {strings.Join(ids, ",")},
		"fields": {fields},
	}}
	out := map[string]*T{}
	resp, err := c.Do(ctx, req, &out)
	if err != nil {
		return nil, resp, err
	}
	for id, v := range out {
		if v == nil {
			delete(out, id)
		}
	}
	return out, resp, nil
}
