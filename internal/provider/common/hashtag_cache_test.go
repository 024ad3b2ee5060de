package common

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestHashtagIDSearchesOncePerAccountAndName(t *testing.T) {
	d := NewProviderData(ProviderDataOptions{})
	var calls atomic.Int32
	release := make(chan struct{})
	search := func(context.Context) (string, error) { //nolint:unparam // the signature HashtagID takes
		calls.Add(1)
		<-release // hold the first search so the others must wait for it
		return "17843857450040591", nil
	}
	var wg sync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Go(func() {
			id, err := d.HashtagID(context.Background(), "1", "coffee", search)
			if err != nil {
				t.Error(err)
			}
			ids[i] = id
		})
	}
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Fatalf("searched %d times", calls.Load())
	}
	for _, id := range ids {
		if id != "17843857450040591" {
			t.Fatalf("ids = %v", ids)
		}
	}
	// Another account has its own slots; another provider its own cache.
	if id, _ := d.HashtagID(context.Background(), "2", "coffee", func(context.Context) (string, error) { return "x", nil }); id != "x" {
		t.Fatalf("account 2 got %q from account 1's cache", id)
	}
	other := NewProviderData(ProviderDataOptions{})
	if id, _ := other.HashtagID(context.Background(), "1", "coffee", func(context.Context) (string, error) { return "fresh", nil }); id != "fresh" {
		t.Fatalf("second provider got %q from the first one's cache", id)
	}
}

func TestHashtagIDForgetsFailures(t *testing.T) {
	d := NewProviderData(ProviderDataOptions{})
	boom := errors.New("boom")
	if _, err := d.HashtagID(context.Background(), "1", "tea", func(context.Context) (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	id, err := d.HashtagID(context.Background(), "1", "tea", func(context.Context) (string, error) { return "42", nil })
	if err != nil || id != "42" {
		t.Fatalf("retry = %q, %v", id, err)
	}
}
