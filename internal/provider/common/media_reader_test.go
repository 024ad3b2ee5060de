package common_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var readerFields = []string{"id", "caption", "media_type", "permalink", "timestamp", "owner", "children{id}"}

func newReaderEnv(t *testing.T, posts int) (*emulator.Server, *graph.Client, []string) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	ids, err := emu.SeedImagePosts(emulator.DefaultAccountID, "https://cdn.example.com/%d.jpg", posts)
	if err != nil {
		t.Fatal(err)
	}
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken, RetryWaitMin: 1, RetryWaitMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	return emu, client, ids
}

// readAll reads every id with 10 concurrent readers, as terraform -parallelism=10 does.
func readAll(t *testing.T, r *common.MediaReader, account string, ids []string) (map[string]*graph.Media, map[string]error) {
	t.Helper()
	var mu sync.Mutex
	got, errs := map[string]*graph.Media{}, map[string]error{}
	work := make(chan string)
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			for id := range work {
				m, err := r.Get(context.Background(), account, id)
				mu.Lock()
				if err != nil {
					errs[id] = err
				} else {
					got[id] = m
				}
				mu.Unlock()
			}
		})
	}
	for _, id := range ids {
		work <- id
	}
	close(work)
	wg.Wait()
	return got, errs
}

func TestMediaReader_strategies(t *testing.T) {
	for _, tc := range []struct {
		name          string
		strategy      common.ReadStrategy
		account       string
		maxRoundTrips int
		maxMetered    int
	}{
		// 250 posts: 3 pages of the edge, all fetched although the oldest
		// posts are asked first. Without the account, every post is read on
		// its own (no multi-ID read: the emulator refuses one, as Meta does
		// for apps created since 2026-11-04).
		{"scan", common.ReadScan, emulator.DefaultAccountID, 8, 8},
		{"scan without account reads one by one", common.ReadScan, "", 250, 250},
		{"single", common.ReadSingle, emulator.DefaultAccountID, 250, 250},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu, client, ids := newReaderEnv(t, 250)
			gone := ids[17]
			emu.DeleteMediaOutOfBand(gone)
			r := common.NewMediaReader(client, readerFields, nil)
			r.Strategy = tc.strategy
			got, errs := readAll(t, r, tc.account, ids)
			if len(got) != 249 || len(errs) != 1 || !graph.IsNotFound(errs[gone]) {
				t.Fatalf("got %d posts, errors %v", len(got), errs)
			}
			for i, id := range ids {
				if id == gone {
					continue
				}
				want, _ := emu.Media(id)
				// Meta gives owner only to the app that made the post: seeded
				// posts (made in the Instagram app) have none.
				m := got[id]
				if m == nil || m.ID != id || m.Caption != want.Caption || m.Permalink != want.Permalink || (m.Owner != nil) != (want.ContainerID != "") {
					t.Fatalf("post %d = %+v, want %+v", i, m, want)
				}
			}
			trips, metered := emu.TotalCalls(), emu.MeteredCalls()
			t.Logf("%s: %d round trips, %d metered calls for 250 reads", tc.name, trips, metered)
			if trips > tc.maxRoundTrips || metered > tc.maxMetered {
				t.Errorf("%d round trips (max %d), %d metered calls (max %d)", trips, tc.maxRoundTrips, metered, tc.maxMetered)
			}
		})
	}
}

func TestMediaReader_beyondTheScan(t *testing.T) {
	// A few old posts of a large account: the scan stops paying for itself
	// and the rest are read one by one, each on its own (a deleted one is
	// not found, the others are read), never by a multi-ID read.
	emu, client, ids := newReaderEnv(t, 1000)
	old := ids[900:930]
	emu.DeleteMediaOutOfBand(old[3])
	r := common.NewMediaReader(client, readerFields, nil)
	got, errs := readAll(t, r, emulator.DefaultAccountID, old)
	if len(got) != 29 || len(errs) != 1 || !graph.IsNotFound(errs[old[3]]) {
		t.Fatalf("got %d, errors %v", len(got), errs)
	}
	calls := emu.Calls()
	if calls["GET /"] != 0 || calls["GET /{ig-media-id}"] == 0 || emu.MeteredCalls() > len(old)+1+len(old)/2 {
		t.Errorf("calls %v, %d metered for %d posts", calls, emu.MeteredCalls(), len(old))
	}
}

func TestMediaReader_readsAgainAfterHandingOut(t *testing.T) {
	// A post kept from a page is handed out once: a second read of the same
	// id asks Instagram again and sees a change made meanwhile.
	emu, client, ids := newReaderEnv(t, 3)
	r := common.NewMediaReader(client, readerFields, nil)
	if m, err := r.Get(context.Background(), emulator.DefaultAccountID, ids[0]); err != nil || m.Caption != "Seeded post 1" {
		t.Fatalf("%+v %v", m, err)
	}
	emu.SetCaptionOutOfBand(ids[0], "edited")
	if m, err := r.Get(context.Background(), emulator.DefaultAccountID, ids[0]); err != nil || m.Caption != "edited" {
		t.Fatalf("%+v %v", m, err)
	}
}

func TestProviderData_mediaReaderPerFieldList(t *testing.T) {
	_, client, _ := newReaderEnv(t, 0)
	d := common.NewProviderData(common.ProviderDataOptions{Client: client})
	if first := d.MediaReader(readerFields); first != d.MediaReader(readerFields) {
		t.Error("two readers for one field list")
	}
	if d.MediaReader(readerFields) == d.MediaReader([]string{"id"}) {
		t.Error("a reader of other fields answers with the first caller's fields")
	}
	if other := common.NewProviderData(common.ProviderDataOptions{Client: client}); other.MediaReader(readerFields) == d.MediaReader(readerFields) {
		t.Error("readers shared between provider configurations")
	}
}

func TestMediaReader_scanExpiresOnTheProviderClock(t *testing.T) {
	// Posts kept from a page are only handed out within a minute of the scan
	// on the provider's clock (the emulator's in tests), not the wall clock.
	emu, client, ids := newReaderEnv(t, 3)
	r := common.NewMediaReader(client, readerFields, emu.Now)
	if _, err := r.Get(context.Background(), emulator.DefaultAccountID, ids[0]); err != nil {
		t.Fatal(err)
	}
	emu.SetCaptionOutOfBand(ids[1], "edited")
	emu.AdvanceClock(2 * time.Minute)
	if m, err := r.Get(context.Background(), emulator.DefaultAccountID, ids[1]); err != nil || m.Caption != "edited" {
		t.Fatalf("a post kept before the clock moved on was handed out: %+v %v", m, err)
	}
}

func TestMediaReader_payback(t *testing.T) {
	// A few old posts of a large account: the scan stops paging when its
	// pages do not pay for themselves, so reading 4 posts costs at most 1
	// page plus one page per 2 reads more than reading them one by one.
	emu, client, ids := newReaderEnv(t, 2000)
	r := common.NewMediaReader(client, readerFields, nil)
	got, errs := readAll(t, r, emulator.DefaultAccountID, ids[:4]) // the oldest: the edge's last page
	if len(got) != 4 || len(errs) != 0 {
		t.Fatalf("got %d posts, errors %v", len(got), errs)
	}
	if metered, most := emu.MeteredCalls(), 4+1+4/2; metered > most {
		t.Errorf("%d metered calls for 4 reads, want at most %d", metered, most)
	}
}
