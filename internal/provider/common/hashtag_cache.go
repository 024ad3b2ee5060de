package common

import (
	"context"
	"sync"
)

// Hashtag search spends one of an account's 30 weekly slots the first time a
// name is queried. Ids are global and static, so one provider process (one
// terraform run) resolves each account+name once, even when several data
// sources ask for it concurrently.

// hashtagCache is ProviderData's: one per configured provider block.
type hashtagCache struct {
	mu      sync.Mutex
	entries map[string]*hashtagEntry // account id + "/" + name
}

type hashtagEntry struct {
	done chan struct{}
	id   string
	err  error
}

// HashtagID returns the id of a normalised hashtag name for the account,
// calling search only if this provider has not resolved it yet. A failed
// search is forgotten so that a later data source may try again.
func (d *ProviderData) HashtagID(ctx context.Context, accountID, name string, search func(context.Context) (string, error)) (string, error) {
	c := &d.hashtags
	key := accountID + "/" + name

	c.mu.Lock()
	e, found := c.entries[key]
	if !found {
		e = &hashtagEntry{done: make(chan struct{})}
		c.entries[key] = e
	}
	c.mu.Unlock()

	if found {
		select {
		case <-e.done:
			return e.id, e.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	e.id, e.err = search(ctx)
	if e.err != nil {
		c.mu.Lock()
		delete(c.entries, key)
		c.mu.Unlock()
	}
	close(e.done)
	return e.id, e.err
}
