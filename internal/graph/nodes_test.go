package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestReadEach(t *testing.T) {
	var inFlight, most atomic.Int32
	var mu sync.Mutex
	var asked []string
	read := func(_ context.Context, id string) (string, error) {
		mu.Lock()
		asked = append(asked, id)
		mu.Unlock()
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(time.Millisecond)
		return "node " + id, nil
	}
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprint(i%35)) // 5 repeated
	}
	got, failed, err := ReadEach(context.Background(), ids, read)
	if err != nil || failed != "" || len(got) != 35 || got["7"] != "node 7" {
		t.Fatalf("got %d nodes, %q %v", len(got), failed, err)
	}
	if len(asked) != 35 {
		t.Errorf("%d reads for 35 distinct ids", len(asked))
	}
	if m := most.Load(); m > ConcurrentReads || m < 2 {
		t.Errorf("%d reads at once, want 2..%d", m, ConcurrentReads)
	}
}

func TestReadEach_stopsAtTheFirstFailure(t *testing.T) {
	gone := errors.New("gone")
	var reads atomic.Int32
	ids := make([]string, 100)
	for i := range ids {
		ids[i] = fmt.Sprint(i)
	}
	_, failed, err := ReadEach(context.Background(), ids, func(ctx context.Context, id string) (int, error) {
		reads.Add(1)
		if id == "3" {
			return 0, gone
		}
		<-ctx.Done() // the others are still in flight when 3 fails
		return 0, ctx.Err()
	})
	if failed != "3" || !errors.Is(err, gone) {
		t.Fatalf("failed %q, %v; want 3, gone", failed, err)
	}
	if n := reads.Load(); n > ConcurrentReads {
		t.Errorf("%d reads sent after the failure stopped them (at most %d in flight)", n, ConcurrentReads)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := ReadEach(ctx, ids, func(context.Context, string) (int, error) { return 1, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestMediaGetWithComments(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17895695668004550", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,owner,username,comments.limit(50){id,text,replies{id}}"})
		writeJSON(w, 200, `{"id":"17895695668004550","username":"brand","owner":{"id":"1"},
			"comments":{"data":[{"id":"3","text":"c","replies":{"data":[{"id":"4"}]}}],
				"paging":{"cursors":{"after":"Y"},"next":"https://graph.facebook.com/v26.0/17895695668004550/comments?after=Y"}}}`)
	})
	m, _, err := client.Media.GetWithComments(context.Background(), "17895695668004550", []string{"id", "owner", "username"},
		CommentListOptions{Fields: []string{"id", "text"}, ReplyFields: []string{"id"}, PageSize: 50, After: "ignored", Limit: 7})
	if err != nil || m.Owner.ID != "1" || m.Comments == nil || len(m.Comments.Data) != 1 || m.Comments.Data[0].Replies.Data[0].ID != "4" {
		t.Fatalf("GetWithComments = %+v, %v", m, err)
	}
	if m.Comments.After() != "Y" {
		t.Errorf("After() = %q", m.Comments.After())
	}
	if last := (&NestedComments{Data: []*Comment{{ID: "1"}}}); last.After() != "" || last.HasMore() {
		t.Error("a nested page without paging.next has more")
	}
}
