package graph

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestMediaService_ListTagged(t *testing.T) {
	items := func(from, n int) string {
		var parts []string
		for i := from; i < from+n; i++ {
			parts = append(parts, fmt.Sprintf(`{"id":"%d","username":"u%d"}`, i, i))
		}
		return strings.Join(parts, ",")
	}
	for _, tc := range []struct {
		name                    string
		limit                   int
		pageSize                string
		wantItems, wantRequests int
	}{
		{"stops at the limit", 2, "2", 2, 1},
		// One reference says /tags returns cursors without next URLs: a full
		// page with an after cursor is followed anyway; a short page ends it.
		{"full page without next continues", 0, "25", 26, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, mux := setup(t)
			calls := 0
			mux.HandleFunc("/v26.0/"+testIGUser+"/tags", func(w http.ResponseWriter, r *http.Request) {
				calls++
				want := map[string]string{
					"fields": "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,timestamp,username,like_count,comments_count",
					"limit":  tc.pageSize,
				}
				if calls == 1 {
					testParams(t, r, want)
					writeJSON(w, 200, `{"data":[`+items(0, 25)+`],"paging":{"cursors":{"before":"c0","after":"c1"}}}`)
					return
				}
				want["after"] = "c1"
				testParams(t, r, want)
				writeJSON(w, 200, `{"data":[`+items(25, 1)+`],"paging":{"cursors":{"before":"c2","after":"c2"}}}`)
			})
			got, err := Collect(c.Media.ListTagged(context.Background(), testIGUser, tc.limit))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.wantItems || calls != tc.wantRequests || got[0].Username != "u0" {
				t.Fatalf("%d items in %d requests, want %d in %d", len(got), calls, tc.wantItems, tc.wantRequests)
			}
		})
	}
}
