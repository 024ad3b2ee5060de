package graph

import (
	"context"
	"iter"
	"net/url"
)

// Paging is the "paging" object of a Graph list response.
type Paging struct {
	Cursors struct {
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"cursors"`
	Next     string `json:"next"`
	Previous string `json:"previous"`
}

// page is one list response.
type page[T any] struct {
	Data   []T     `json:"data"`
	Paging *Paging `json:"paging"`
}

// Paginate iterates over every item of a list edge, fetching pages lazily.
// It follows paging.cursors.after while paging.next is present, by resending
// req with after=<cursor>; it never requests the next URL itself, which may
// carry a token or point at another host. limit > 0 stops after that many
// items. An error is yielded once, as the last element.
func Paginate[T any](ctx context.Context, c *Client, req *Request, limit int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		r := *req
		r.Params = url.Values{}
		for k, v := range req.Params {
			r.Params[k] = append([]string(nil), v...)
		}
		n := 0
		for {
			var p page[T]
			if _, err := c.Do(ctx, &r, &p); err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range p.Data {
				if !yield(item, nil) {
					return
				}
				n++
				if limit > 0 && n >= limit {
					return
				}
			}
			// Hashtag edges repeat the same "after" on every page and still
			// advance, so a repeated cursor is not an end; an empty page is.
			if len(p.Data) == 0 || p.Paging == nil || p.Paging.Next == "" || p.Paging.Cursors.After == "" {
				return
			}
			r.Params.Set("after", p.Paging.Cursors.After)
		}
	}
}

// Collect drains an iterator into a slice, stopping at the first error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}
