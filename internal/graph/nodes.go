package graph

import (
	"context"
	"sync"
)

// ConcurrentReads is how many single-node reads ReadEach has in flight at
// once, as many as Terraform's default -parallelism. Every read still goes
// through the client's Limiter, which spaces them when Meta's budget runs
// low.
const ConcurrentReads = 10

// ReadEach reads several nodes by id, one GET /{id} each, ConcurrentReads at
// a time: what an app created today does instead of a multi-ID request
// (legacy.go). It returns the nodes by id or, when a read fails, the id and
// error of the first failure; the reads not started by then are not sent.
// Repeated ids are read once.
func ReadEach[T any](ctx context.Context, ids []string, read func(ctx context.Context, id string) (T, error)) (map[string]T, string, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		got      = make(map[string]T, len(ids))
		failedID string
		failure  error
		wg       sync.WaitGroup
		slots    = make(chan struct{}, ConcurrentReads)
	)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-slots }()
			v, err := read(ctx, id)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				got[id] = v
			case failure == nil:
				failedID, failure = id, err
				cancel()
			}
		})
	}
	wg.Wait()
	if err := parent.Err(); err != nil {
		return nil, "", err
	}
	if failure != nil {
		return nil, failedID, failure
	}
	return got, "", nil
}
