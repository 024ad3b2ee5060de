package graph

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// TaggedMediaFields are read from media in which others tagged the account.
// Owner-only fields (is_comment_enabled, owner, insights…) are not readable there.
var TaggedMediaFields = []string{
	"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url",
	"permalink", "timestamp", "username", "like_count", "comments_count",
}

// ListTagged iterates GET /{ig-user-id}/tags, newest first: public media
// where other accounts tagged this one. One reference says this edge returns
// cursors without next URLs (uncertain), so a full page with an after cursor
// is followed too.
func (s *MediaService) ListTagged(ctx context.Context, igUserID string, limit int) iter.Seq2[*Media, error] {
	return func(yield func(*Media, error) bool) {
		path, err := nodePath(igUserID, "tags")
		if err != nil {
			yield(nil, err)
			return
		}
		size := 25
		if limit > 0 {
			size = min(limit, 100)
		}
		params := url.Values{"fields": {strings.Join(TaggedMediaFields, ",")}, "limit": {strconv.Itoa(size)}}
		n := 0
		for {
			var p page[*Media]
			if _, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path, Params: params}, &p); err != nil {
				yield(nil, err)
				return
			}
			for _, m := range p.Data {
				if !yield(m, nil) {
					return
				}
				if n++; limit > 0 && n >= limit {
					return
				}
			}
			if !morePages(&p, size) {
				return
			}
			params.Set("after", p.Paging.Cursors.After)
		}
	}
}
