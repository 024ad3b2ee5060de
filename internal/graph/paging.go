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

// PageOf is one page of a list edge: its items and the cursor to pass as
// "after" for the next page ("" when this is the last).
type PageOf[T any] struct {
	Items []T
	After string
}

// getPage sends req once, with after=<cursor> when after is not empty.
func getPage[T any](ctx context.Context, c *Client, req *Request, after string) (*PageOf[T], *Response, error) {
	r := *req
	r.Params = url.Values{}
	for k, v := range req.Params {
		r.Params[k] = append([]string(nil), v...)
	}
	if after != "" {
		r.Params.Set("after", after)
	}
	var p page[T]
	resp, err := c.Do(ctx, &r, &p)
	if err != nil {
		return nil, resp, err
	}
	return &PageOf[T]{Items: p.Data, After: nextCursor(p)}, resp, nil
}

// nextCursor is paging.cursors.after while paging.next says there is more.
// Hashtag edges repeat the same "after" on every page and still advance, so a
// repeated cursor is not an end; an empty page is.
func nextCursor[T any](p page[T]) string {
	if len(p.Data) == 0 || p.Paging == nil || p.Paging.Next == "" {
		return ""
	}
	return p.Paging.Cursors.After
}

// Paginate iterates over every item of a list edge, fetching pages lazily.
// It follows paging.cursors.after while paging.next is present, by resending
// req with after=<cursor>; it never requests the next URL itself, which may
// carry a token or point at another host. limit > 0 stops after that many
// items. An error is yielded once, as the last element.
func Paginate[T any](ctx context.Context, c *Client, req *Request, limit int) iter.Seq2[T, error] {
	return iteratePages(func(after string) (*PageOf[T], error) {
		p, _, err := getPage[T](ctx, c, req, after)
		return p, err
	}, "", limit)
}

// iteratePages yields the items of successive pages, fetched lazily by
// fetch(after) from the cursor start on. limit > 0 stops after that many
// items. An error is yielded once, as the last element.
func iteratePages[T any](fetch func(after string) (*PageOf[T], error), start string, limit int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		after, n := start, 0
		for {
			p, err := fetch(after)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range p.Items {
				if !yield(item, nil) {
					return
				}
				n++
				if limit > 0 && n >= limit {
					return
				}
			}
			if p.After == "" {
				return
			}
			after = p.After
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
