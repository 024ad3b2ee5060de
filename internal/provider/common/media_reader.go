package common

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// MediaReader makes refreshing many instagram_media cheap. Terraform reads
// resources concurrently (-parallelism, 10 by default) and each Read asks for
// one post; the reader answers them from a few shared requests instead of one
// call per post:
//
//  1. Edge scan (when the post's account is known): the account's media edge
//     GET /{ig-user-id}/media?limit=100 is paged on demand, one page at a
//     time for all waiting readers, and every post of a page is kept for the
//     Read that will ask for it. One call then serves up to 100 posts; Meta
//     meters it as one call. Pages are fetched only while the scan pays for
//     itself: at most one page per scanPayback reads asked of it, plus one.
//  2. Single read (the rest: stories, which the edge omits, posts beyond the
//     scan, imports without account_id): GET /{media-id}, as many at once as
//     Terraform asks, each through the client's limiter, so a deleted post
//     ends in not-found and never fails the others. There is no multi-ID
//     read (GET /?ids=a,b): apps created since 2026-11-04 may not send one
//     (graph/legacy.go), and Meta metered each of its ids as a call anyway.
//
// ProviderData owns the readers (ProviderData.MediaReader), so nothing
// outlives the provider process (one plan or apply), and a post kept from a
// page is handed out once and only within scanTTL of the scan's start.
type MediaReader struct {
	client *graph.Client
	fields []string
	now    func() time.Time

	// Strategy selects the techniques above (benchmarks compare them).
	Strategy ReadStrategy
	// PageSize is the edge page size; Graph's maximum is commonly 100 (uncertain).
	PageSize int

	mu    sync.Mutex
	scans map[string]*mediaScan // by account id
}

// ReadStrategy selects how a MediaReader reads.
type ReadStrategy int

const (
	ReadScan   ReadStrategy = iota // edge scan, then single reads (default)
	ReadSingle                     // one GET /{id} per read: no coalescing
)

const (
	scanTTL = time.Minute
	// scanPayback is how many reads a page must serve, on average, to fetch
	// another. Terraform asks at most -parallelism (10) reads at once, so
	// the first page budget is 1 + 10/scanPayback pages: at 2, a state of
	// 500 posts is read in its 5 pages even when its oldest posts are asked
	// first, while a few posts of a large account cost at most one page per
	// two reads more than reading them one by one (TestMediaReader_payback).
	scanPayback = 2
)

// NewMediaReader reads media with the given fields through client; now is
// the provider's clock (nil → time.Now).
func NewMediaReader(client *graph.Client, fields []string, now func() time.Time) *MediaReader {
	if now == nil {
		now = time.Now
	}
	return &MediaReader{client: client, fields: fields, now: now, PageSize: 100, scans: map[string]*mediaScan{}}
}

// Get reads one media, like client.Media.Get(ctx, id, fields). accountID
// (may be empty) is the account the post belongs to.
func (r *MediaReader) Get(ctx context.Context, accountID, id string) (*graph.Media, error) {
	if r.Strategy == ReadScan && accountID != "" {
		if m, err := r.fromScan(ctx, accountID, id); m != nil || err != nil {
			return m, err
		}
	}
	m, _, err := r.client.Media.Get(ctx, id, r.fields)
	return m, err
}

// mediaScan is the paging state of one account's media edge.
type mediaScan struct {
	started time.Time
	kept    map[string]*graph.Media // posts fetched, not handed out yet
	after   string                  // cursor of the next page
	pages   int
	asked   int
	done    bool          // end of the edge reached, or a page failed
	err     error         // a failure single reads would share (token, rate limit)
	busy    chan struct{} // closed when the page in flight arrives
}

// fromScan returns the post from the account's edge scan, or nil when the
// scan does not have it (and will not fetch further for it). Its error is
// one that reading the post on its own would meet as well.
func (r *MediaReader) fromScan(ctx context.Context, account, id string) (*graph.Media, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	sc := r.scans[account]
	if now := r.now(); sc == nil || now.Sub(sc.started) > scanTTL {
		sc = &mediaScan{started: now, kept: map[string]*graph.Media{}}
		r.scans[account] = sc
	}
	sc.asked++
	for {
		if m, ok := sc.kept[id]; ok {
			delete(sc.kept, id)
			return m, nil
		}
		if sc.busy != nil {
			busy := sc.busy
			r.mu.Unlock()
			select {
			case <-busy:
			case <-ctx.Done():
			}
			r.mu.Lock()
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			continue
		}
		if sc.done || sc.pages >= 1+sc.asked/scanPayback {
			return nil, sc.err
		}
		sc.busy = make(chan struct{})
		after := sc.after
		r.mu.Unlock()
		items, next, err := r.fetchPage(ctx, account, after)
		r.mu.Lock()
		close(sc.busy)
		sc.busy = nil
		sc.pages++
		for _, m := range items {
			sc.kept[m.ID] = m
		}
		sc.after = next
		sc.done = err != nil || next == ""
		if shared(err) {
			sc.err = err
		}
	}
}

// fetchPage reads one page of GET /{ig-user-id}/media.
func (r *MediaReader) fetchPage(ctx context.Context, account, after string) ([]*graph.Media, string, error) {
	page, _, err := r.client.Media.ListPage(ctx, account, graph.ListOptions{Fields: r.fields, PageSize: r.PageSize, After: after})
	if err != nil {
		return nil, "", err
	}
	return page.Items, page.After, nil
}

// shared reports an error every read of the process would meet: an invalid
// token or a rate limit longer than max_rate_limit_wait. Reading the posts
// one by one after it would only multiply the calls.
func shared(err error) bool {
	var rl *graph.RateLimitError
	return errors.As(err, &rl) || graph.IsAuth(err)
}
