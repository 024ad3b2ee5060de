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
//  2. Multi-id read (the rest: stories, which the edge omits, posts beyond the
//     scan, imports without account_id): concurrent reads are merged into
//     GET /?ids=a,b,… (≤ 50). Meta meters each id as a call, so this saves
//     round trips, not budget.
//  3. Single read: ids a multi-id read did not return, or all its ids when
//     it failed (one bad id may fail the whole request), are read one by one,
//     so a deleted post still ends in not-found and never fails the others.
//
// ProviderData owns the readers (ProviderData.MediaReader), so nothing
// outlives the provider process (one plan or apply), and a post kept from a
// page is handed out once and only within scanTTL of the scan's start.
type MediaReader struct {
	client *graph.Client
	fields []string
	now    func() time.Time
	// sleep waits out BatchWindow; tests may replace it.
	sleep func(context.Context, time.Duration)

	// Strategy selects the techniques above (benchmarks compare them).
	Strategy ReadStrategy
	// PageSize is the edge page size; Graph's maximum is commonly 100 (uncertain).
	PageSize int
	// BatchWindow is how long the first of a multi-id batch waits for others.
	BatchWindow time.Duration

	mu    sync.Mutex
	scans map[string]*mediaScan // by account id
	batch *idBatch              // open multi-id batch, if any
}

// ReadStrategy selects how a MediaReader reads.
type ReadStrategy int

const (
	ReadScan    ReadStrategy = iota // edge scan, then multi-id, then single reads (default)
	ReadMultiID                     // multi-id, then single reads
	ReadSingle                      // one GET /{id} per read: no coalescing
)

const (
	scanTTL     = time.Minute
	scanPayback = 5 // reads a page must serve, on average, to fetch another
)

// NewMediaReader reads media with the given fields through client; now is
// the provider's clock (nil → time.Now).
func NewMediaReader(client *graph.Client, fields []string, now func() time.Time) *MediaReader {
	if now == nil {
		now = time.Now
	}
	return &MediaReader{
		client: client, fields: fields, now: now, sleep: func(ctx context.Context, d time.Duration) { _ = graph.Sleep(ctx, d) },
		PageSize: 100, BatchWindow: 2 * time.Millisecond,
		scans: map[string]*mediaScan{},
	}
}

// Get reads one media, like client.Media.Get(ctx, id, fields). accountID
// (may be empty) is the account the post belongs to.
func (r *MediaReader) Get(ctx context.Context, accountID, id string) (*graph.Media, error) {
	if r.Strategy == ReadScan && accountID != "" {
		if m, err := r.fromScan(ctx, accountID, id); m != nil || err != nil {
			return m, err
		}
	}
	if r.Strategy != ReadSingle {
		if m, err, ok := r.fromBatch(ctx, id); ok {
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

// idBatch is one multi-id read shared by concurrent readers.
type idBatch struct {
	ids  []string
	done chan struct{}
	got  map[string]*graph.Media
	err  error
}

// fromBatch reads the id within a multi-id read. ok is false when the caller
// must read the id on its own (the batch failed or left it out); an error
// that would fail the single read as well (token, rate limit) is returned.
func (r *MediaReader) fromBatch(ctx context.Context, id string) (m *graph.Media, err error, ok bool) {
	r.mu.Lock()
	b := r.batch
	leader := b == nil
	if leader {
		b = &idBatch{done: make(chan struct{})}
		r.batch = b
	}
	b.ids = append(b.ids, id)
	if len(b.ids) == graph.MaxIDsPerRequest {
		r.batch = nil // full: the next reader opens a new one
	}
	r.mu.Unlock()

	if leader {
		r.sleep(ctx, r.BatchWindow)
		r.mu.Lock()
		if r.batch == b {
			r.batch = nil
		}
		ids := b.ids
		r.mu.Unlock()
		if len(ids) > 1 {
			b.got, _, b.err = r.client.Media.GetMany(ctx, ids, r.fields)
		}
		close(b.done)
	}
	select {
	case <-b.done:
	case <-ctx.Done():
		return nil, ctx.Err(), true
	}
	if shared(b.err) {
		return nil, b.err, true
	}
	if m := b.got[id]; m != nil && b.err == nil {
		return m, nil, true
	}
	return nil, nil, false
}

// shared reports an error every read of the process would meet: an invalid
// token or a rate limit longer than max_rate_limit_wait. Reading the posts
// one by one after it would only multiply the calls.
func shared(err error) bool {
	var rl *graph.RateLimitError
	return errors.As(err, &rl) || graph.IsAuth(err)
}
