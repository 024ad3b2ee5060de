package graph

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

const discoveryUserFieldList = "id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count"

const discoveryMediaFieldList = "id,caption,media_type,media_product_type,media_url,permalink,timestamp,like_count,comments_count,view_count,children{id,media_type,media_url}"

func TestDiscoveryService_GetPagesNestedMedia(t *testing.T) {
	e := setupEnv(t)
	calls := 0
	e.mux.HandleFunc("/v26.0/"+testIGUser, func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		calls++
		switch calls {
		case 1:
			testParams(t, r, map[string]string{"fields": "business_discovery.username(bluebottle){" + discoveryUserFieldList +
				",media.limit(5){" + discoveryMediaFieldList + "}}"})
			// A page shorter than asked, with next: the server capped the page size.
			writeJSON(w, 200, `{"business_discovery":{"id":"17841401441775531","username":"bluebottle","followers_count":267793,"media_count":1205,
				"media":{"data":[{"id":"1","like_count":5841},{"id":"2"},{"id":"3","view_count":10}],"paging":{"cursors":{"after":"QVFIa"},"next":"https://graph.facebook.com/v26.0/x"}}},
				"id":"`+testIGUser+`"}`)
		case 2:
			testParams(t, r, map[string]string{"fields": "business_discovery.username(bluebottle){media.limit(2).after(QVFIa){" + discoveryMediaFieldList + "}}"})
			// Meta's sample shows cursors only, no next: a short page ends the listing.
			writeJSON(w, 200, `{"business_discovery":{"id":"17841401441775531","media":{"data":[{"id":"4"}],"paging":{"cursors":{"before":"x","after":"QVFIb"}}}},"id":"`+testIGUser+`"}`)
		default:
			t.Errorf("unexpected call %d", calls)
		}
	})
	u, _, err := e.client.Discovery.Get(context.Background(), testIGUser, "bluebottle", 5)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != "17841401441775531" || !returned(u.FollowersCount, 267793) || !returned(u.MediaCount, 1205) || len(u.Media) != 4 {
		t.Fatalf("user = %+v, %d media", u, len(u.Media))
	}
	if u.Media[0].LikeCount == nil || *u.Media[0].LikeCount != 5841 || u.Media[1].LikeCount != nil || *u.Media[2].ViewCount != 10 {
		t.Fatalf("counts = %+v %+v %+v", u.Media[0], u.Media[1], u.Media[2])
	}
	if calls != 2 {
		t.Fatalf("calls = %d: a short page ends the listing", calls)
	}
}

func TestDiscoveryService_GetStopsAtLimitAndWithoutMedia(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser, func(w http.ResponseWriter, r *http.Request) {
		f := r.URL.Query().Get("fields")
		if strings.Contains(f, "media.limit") {
			testParams(t, r, map[string]string{"fields": "business_discovery.username(a.b_c){" + discoveryUserFieldList + ",media.limit(2){" + discoveryMediaFieldList + "}}"})
			writeJSON(w, 200, `{"business_discovery":{"id":"9","media":{"data":[{"id":"1"},{"id":"2"}],"paging":{"cursors":{"after":"c"},"next":"https://graph.facebook.com/x"}}},"id":"1"}`)
			return
		}
		testParams(t, r, map[string]string{"fields": "business_discovery.username(a.b_c){" + discoveryUserFieldList + "}"})
		writeJSON(w, 200, `{"business_discovery":{"id":"9"},"id":"1"}`)
	})
	u, _, err := e.client.Discovery.Get(context.Background(), testIGUser, "a.b_c", 2)
	if err != nil || len(u.Media) != 2 {
		t.Fatalf("u = %+v, err = %v", u, err)
	}
	u, _, err = e.client.Discovery.Get(context.Background(), testIGUser, "a.b_c", 0)
	if err != nil || u.ID != "9" || len(u.Media) != 0 {
		t.Fatalf("u = %+v, err = %v", u, err)
	}
	if n := e.hitCount("GET", "/v26.0/"+testIGUser); n != 2 {
		t.Fatalf("calls = %d", n)
	}
}

func TestDiscoveryService_Errors(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, graphError(110, 2207013, "Invalid user id"))
	})
	_, _, err := e.client.Discovery.Get(context.Background(), testIGUser, "nobody", 0)
	if !IsDiscoveryNotFound(err) {
		t.Fatalf("err = %v", err)
	}
	if IsDiscoveryNotFound(fmt.Errorf("wrapped: %w", &Error{Code: 100, Subcode: 33})) {
		t.Fatal("100/33 is not a discovery not-found")
	}
	for _, bad := range []string{"", "has space", "x){id}", "@handle", strings.Repeat("a", 31)} {
		if _, _, err := e.client.Discovery.Get(context.Background(), testIGUser, bad, 1); err == nil {
			t.Errorf("username %q accepted", bad)
		}
	}
	if n := e.hitCount("GET", "/v26.0/"+testIGUser); n != 1 {
		t.Fatalf("invalid usernames were sent: %d calls", n)
	}
}
