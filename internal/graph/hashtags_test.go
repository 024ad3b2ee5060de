package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestNormalizeHashtag(t *testing.T) {
	for in, want := range map[string]string{
		"#BlueBottle": "bluebottle", "coffee": "coffee", " #Latte_Art2 ": "latte_art2", "café": "café", "日本": "日本",
	} {
		got, err := NormalizeHashtag(in)
		if err != nil || got != want {
			t.Errorf("NormalizeHashtag(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "#", "two words", "coffee☕", "❤️", "c-o", "##x"} {
		if got, err := NormalizeHashtag(in); err == nil {
			t.Errorf("NormalizeHashtag(%q) = %q, want an error", in, got)
		}
	}
}

func TestHashtagsService_Search(t *testing.T) {
	c, mux := setup(t)
	mux.HandleFunc("/v26.0/ig_hashtag_search", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"user_id": testIGUser, "q": "bluebottle"})
		writeJSON(w, 200, `{"data":[{"id":"17843857450040591"}]}`)
	})
	id, _, err := c.Hashtags.Search(context.Background(), testIGUser, "bluebottle")
	if err != nil || id != "17843857450040591" {
		t.Fatalf("id = %q, err = %v", id, err)
	}
}

func TestHashtagsService_GetAndRecentlySearched(t *testing.T) {
	c, mux := setup(t)
	mux.HandleFunc("/v26.0/17841593698074073", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,name"})
		writeJSON(w, 200, `{"id":"17841593698074073","name":"coke"}`)
	})
	mux.HandleFunc("/v26.0/"+testIGUser+"/recently_searched_hashtags", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,name", "limit": "30"})
		writeJSON(w, 200, `{"data":[{"id":"17841562906103814","name":"a"},{"id":"17841563587120501","name":"b"}]}`)
	})
	h, _, err := c.Hashtags.Get(context.Background(), "17841593698074073")
	if err != nil || h.Name != "coke" {
		t.Fatalf("h = %+v, err = %v", h, err)
	}
	list, _, err := c.Hashtags.RecentlySearched(context.Background(), testIGUser)
	if err != nil || len(list) != 2 || list[1].Name != "b" {
		t.Fatalf("list = %+v, err = %v", list, err)
	}
}

func TestHashtagsService_MediaPagesWithRepeatedCursor(t *testing.T) {
	c, mux := setup(t)
	calls := 0
	mux.HandleFunc("/v26.0/17873440459141021/recent_media", func(w http.ResponseWriter, r *http.Request) {
		calls++
		want := map[string]string{
			"user_id": testIGUser, "limit": "50",
			"fields": "id,caption,media_type,media_url,permalink,timestamp,like_count,comments_count,children{id,media_type,media_url}",
		}
		if calls > 1 {
			want["after"] = "NTAZD" // Meta repeats the same value and still advances
		}
		testParams(t, r, want)
		switch calls {
		case 1:
			writeJSON(w, 200, `{"data":[{"id":"1","like_count":3},{"id":"2"}],"paging":{"cursors":{"after":"NTAZD"},"next":"https://graph.facebook.com/v26.0/x?after=NTAZD"}}`)
		case 2:
			writeJSON(w, 200, `{"data":[{"id":"3"}],"paging":{"cursors":{"after":"NTAZD"},"next":"https://graph.facebook.com/v26.0/x?after=NTAZD"}}`)
		default:
			writeJSON(w, 200, `{"data":[]}`)
		}
	})
	got, err := Collect(c.Hashtags.Media(context.Background(), "17873440459141021", testIGUser, HashtagEdgeRecent, 120))
	if err != nil || len(got) != 3 || got[1].LikeCount != nil || *got[0].LikeCount != 3 {
		t.Fatalf("got %d items, err = %v", len(got), err)
	}
	if calls != 3 {
		t.Fatalf("calls = %d", calls)
	}
}

func TestHashtagsService_MediaTopLimitAndBadEdge(t *testing.T) {
	c, mux := setup(t)
	mux.HandleFunc("/v26.0/1/top_media", func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query().Get("limit"); got != "2" {
			t.Errorf("limit = %s", got)
		}
		writeJSON(w, 200, `{"data":[{"id":"1"},{"id":"2"}],"paging":{"cursors":{"after":"a"},"next":"n"}}`)
	})
	got, err := Collect(c.Hashtags.Media(context.Background(), "1", testIGUser, HashtagEdgeTop, 2))
	if err != nil || len(got) != 2 {
		t.Fatalf("got %d, err = %v", len(got), err)
	}
	if _, err := Collect(c.Hashtags.Media(context.Background(), "1", testIGUser, "popular", 2)); err == nil {
		t.Fatal("edge popular accepted")
	}
}

func TestIsHashtagLimit(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&Error{Code: 24, Message: "(#24) limit"}, true},
		{&Error{Code: 100, UserMsg: "You have reached the maximum number of hashtags"}, true},
		{&Error{Code: 100, Subcode: 33}, false},
		{&Error{Code: 4, Message: "(#4) Application request limit reached"}, false},
	} {
		if got := IsHashtagLimit(tc.err); got != tc.want {
			t.Errorf("IsHashtagLimit(%v) = %v", tc.err, got)
		}
	}
}
