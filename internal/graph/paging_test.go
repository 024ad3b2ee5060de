package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
)

// threePages serves ids 1..6, two per page, with next URLs that must never be
// followed (another host, a token in the query).
func threePages(t *testing.T, mux *http.ServeMux) *[]url.Values {
	path := "/v26.0/" + testIGUser + "/media"
	var mu sync.Mutex
	var seen []url.Values
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		seen = append(seen, q)
		mu.Unlock()
		next := func(after string) string {
			return fmt.Sprintf(`,"next":"https://evil.example.com%s?access_token=LEAK&after=%s"`, path, after)
		}
		switch q.Get("after") {
		case "":
			writeJSON(w, 200, `{"data":[{"id":"1"},{"id":"2"}],"paging":{"cursors":{"before":"x","after":"c1"}`+next("c1")+`}}`)
		case "c1":
			writeJSON(w, 200, `{"data":[{"id":"3"},{"id":"4"}],"paging":{"cursors":{"before":"c1","after":"c2"}`+next("c2")+`,"previous":"p"}}`)
		case "c2":
			writeJSON(w, 200, `{"data":[{"id":"5"},{"id":"6"}],"paging":{"cursors":{"before":"c2","after":"c3"}}}`)
		default:
			t.Errorf("unexpected after=%q", q.Get("after"))
			writeJSON(w, 400, graphError(100, 0, "bad cursor"))
		}
	})
	return &seen
}

func ids(t *testing.T, seq func(func(*Media, error) bool)) []string {
	t.Helper()
	var out []string
	for m, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m.ID)
	}
	return out
}

func TestPaginate_allPages(t *testing.T) {
	e := setupEnv(t)
	seen := threePages(t, e.mux)
	got := ids(t, e.client.Media.List(context.Background(), testIGUser, ListOptions{Fields: []string{"id"}}))
	if fmt.Sprint(got) != "[1 2 3 4 5 6]" {
		t.Errorf("ids = %v", got)
	}
	if len(*seen) != 3 {
		t.Fatalf("requests = %d, want 3", len(*seen))
	}
	for i, want := range []string{"", "c1", "c2"} {
		q := (*seen)[i]
		if q.Get("after") != want || q.Get("fields") != "id" || q.Has("limit") {
			t.Errorf("request %d query = %v", i, q)
		}
	}
}

func TestPaginate_limit(t *testing.T) {
	e := setupEnv(t)
	seen := threePages(t, e.mux)
	got := ids(t, e.client.Media.List(context.Background(), testIGUser, ListOptions{Fields: []string{"id"}, Limit: 5}))
	if fmt.Sprint(got) != "[1 2 3 4 5]" || len(*seen) != 3 {
		t.Errorf("ids = %v after %d requests", got, len(*seen))
	}
	if (*seen)[0].Get("limit") != "5" {
		t.Errorf("limit param = %q, want 5", (*seen)[0].Get("limit"))
	}

	e2 := setupEnv(t)
	seen2 := threePages(t, e2.mux)
	got = ids(t, e2.client.Media.List(context.Background(), testIGUser, ListOptions{Fields: []string{"id"}, Limit: 3}))
	if fmt.Sprint(got) != "[1 2 3]" || len(*seen2) != 2 {
		t.Errorf("limit 3: ids = %v after %d requests, want 2 requests", got, len(*seen2))
	}
}

func TestPaginate_consumerStops(t *testing.T) {
	e := setupEnv(t)
	seen := threePages(t, e.mux)
	for m, err := range e.client.Media.List(context.Background(), testIGUser, ListOptions{}) {
		if err != nil || m.ID != "1" {
			t.Fatalf("m=%v err=%v", m, err)
		}
		break
	}
	if len(*seen) != 1 {
		t.Errorf("requests = %d, want 1", len(*seen))
	}
}

func TestPaginate_errorYieldedOnce(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/x/media", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			writeJSON(w, 200, `{"data":[{"id":"1"}],"paging":{"cursors":{"after":"c1"},"next":"n"}}`)
			return
		}
		writeJSON(w, 400, graphError(190, 463, "expired"))
	})
	var got []string
	var errs []error
	for m, err := range e.client.Media.List(context.Background(), "x", ListOptions{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, m.ID)
	}
	if len(got) != 1 || len(errs) != 1 || !IsAuth(errs[0]) {
		t.Errorf("got=%v errs=%v", got, errs)
	}
	items, err := Collect(e.client.Media.List(context.Background(), "x", ListOptions{}))
	if len(items) != 1 || !IsAuth(err) {
		t.Errorf("Collect = %v, %v", items, err)
	}
}

func TestPaginate_repeatedCursorStillAdvances(t *testing.T) {
	// Hashtag edges send the same "after" on every page; an empty page ends.
	e := setupEnv(t)
	var mu sync.Mutex
	n := 0
	e.mux.HandleFunc("/v26.0/h/recent_media", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		i := n
		mu.Unlock()
		if i > 1 && r.URL.Query().Get("after") != "NTAZD" {
			t.Errorf("after = %q", r.URL.Query().Get("after"))
		}
		if i == 3 {
			writeJSON(w, 200, `{"data":[],"paging":{"cursors":{"after":"NTAZD"},"next":"n"}}`)
			return
		}
		writeJSON(w, 200, fmt.Sprintf(`{"data":[{"id":"%d"}],"paging":{"cursors":{"after":"NTAZD"},"next":"n"}}`, i))
	})
	req := &Request{Method: "GET", Path: "/h/recent_media", Params: url.Values{"user_id": {"1"}}}
	items, err := Collect(Paginate[Media](context.Background(), e.client, req, 0))
	if err != nil || len(items) != 2 {
		t.Errorf("items=%v err=%v", items, err)
	}
	if req.Params.Has("after") {
		t.Error("Paginate modified the caller's request")
	}
}

func TestPaginate_badID(t *testing.T) {
	client, _ := setup(t)
	_, err := Collect(client.Media.List(context.Background(), "", ListOptions{}))
	if err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}
