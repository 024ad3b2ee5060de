package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestMediaService_ListPage(t *testing.T) {
	for _, tc := range []struct {
		name      string
		opts      ListOptions
		params    map[string]string
		body      string
		wantIDs   int
		wantAfter string
	}{
		{
			name:   "first page, more to come",
			opts:   ListOptions{Fields: []string{"id", "timestamp"}, PageSize: 2},
			params: map[string]string{"fields": "id,timestamp", "limit": "2"},
			body: `{"data":[{"id":"1"},{"id":"2"}],"paging":{"cursors":{"before":"b","after":"QVFIUmx"},` +
				`"next":"https://graph.facebook.com/v26.0/x/media?after=QVFIUmx"}}`,
			wantIDs: 2, wantAfter: "QVFIUmx",
		},
		{
			name:    "next page from a cursor, the last",
			opts:    ListOptions{Fields: []string{"id"}, PageSize: 2, After: "QVFIUmx"},
			params:  map[string]string{"fields": "id", "limit": "2", "after": "QVFIUmx"},
			body:    `{"data":[{"id":"3"}],"paging":{"cursors":{"before":"c","after":"d"}}}`,
			wantIDs: 1,
		},
		{
			name:    "empty page ends even with a next link",
			opts:    ListOptions{Fields: []string{"id"}, Limit: 5},
			params:  map[string]string{"fields": "id", "limit": "5"},
			body:    `{"data":[],"paging":{"cursors":{"after":"e"},"next":"https://graph.facebook.com/next"}}`,
			wantIDs: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
				testMethod(t, r, "GET")
				testParams(t, r, tc.params)
				writeJSON(w, 200, tc.body)
			})
			page, resp, err := client.Media.ListPage(context.Background(), testIGUser, tc.opts)
			if err != nil || resp == nil || resp.StatusCode != 200 {
				t.Fatalf("resp=%+v err=%v", resp, err)
			}
			if len(page.Items) != tc.wantIDs || page.After != tc.wantAfter {
				t.Errorf("page = %d items, after %q; want %d, %q", len(page.Items), page.After, tc.wantIDs, tc.wantAfter)
			}
		})
	}
}

func TestMediaService_ListStoriesPage(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/stories", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,media_type"})
		writeJSON(w, 200, `{"data":[{"id":"1","media_type":"VIDEO"}]}`)
	})
	page, _, err := client.Media.ListStoriesPage(context.Background(), testIGUser, ListOptions{Fields: []string{"id", "media_type"}})
	if err != nil || len(page.Items) != 1 || page.Items[0].MediaType != "VIDEO" || page.After != "" {
		t.Fatalf("page=%+v err=%v", page, err)
	}
}

// List is ListPage in a loop: it follows the cursors and honours Limit.
func TestMediaService_ListFollowsPages(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			testParams(t, r, map[string]string{"fields": "id", "limit": "2"})
			writeJSON(w, 200, `{"data":[{"id":"1"},{"id":"2"}],"paging":{"cursors":{"after":"p2"},"next":"n"}}`)
		case "p2":
			testParams(t, r, map[string]string{"fields": "id", "limit": "2", "after": "p2"})
			writeJSON(w, 200, `{"data":[{"id":"3"},{"id":"4"}],"paging":{"cursors":{"after":"p3"},"next":"n"}}`)
		default:
			t.Errorf("unexpected page %q", r.URL.Query().Get("after"))
		}
	})
	items, err := Collect(client.Media.List(context.Background(), testIGUser, ListOptions{Fields: []string{"id"}, PageSize: 2, Limit: 3}))
	if err != nil || len(items) != 3 || items[2].ID != "3" {
		t.Fatalf("items=%+v err=%v", items, err)
	}
}
