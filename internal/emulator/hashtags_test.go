package emulator

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestHashtagSearchAndNode(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", "BlueBottle").mustOK(t)
	if !reflect.DeepEqual(b, map[string]any{"data": []any{map[string]any{"id": "17843857450040591"}}}) {
		t.Fatalf("search = %v", b)
	}
	b = h.get("/v25.0/17843857450040591", fbl, "fields", "id,name").mustOK(t)
	if b["name"] != "bluebottle" {
		t.Fatalf("node = %v", b)
	}
	if n := h.emu.CallCount("GET ig_hashtag_search"); n != 0 {
		t.Fatalf("route key without a slash counted: %d", n)
	}
	if n := h.emu.CallCount("GET /ig_hashtag_search"); n != 1 {
		t.Fatalf("GET /ig_hashtag_search count = %d", n)
	}
	if n := h.emu.CallCount("GET /{ig-hashtag-id}"); n != 1 {
		t.Fatalf("GET /{ig-hashtag-id} count = %d, calls %v", n, h.emu.Calls())
	}
	// New names get stable 17-digit ids.
	id := str(asMap(asList(h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", "tofu").mustOK(t)["data"])[0])["id"])
	if len(id) != 17 || id != h.emu.HashtagID("tofu") {
		t.Fatalf("id = %q", id)
	}
	for _, q := range []string{"coffee ☕", "☕", "two words", "#coffee"} {
		h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", q).wantError(t, 400, 100, 0)
	}
	h.get("/v25.0/ig_hashtag_search", fbl, "q", "coffee").wantError(t, 400, 100, 0)
	h.get("/v25.0/ig_hashtag_search", fbl, "user_id", "17841499999999999", "q", "coffee").wantError(t, 400, 10, 0)
	h.get("/v25.0/ig_hashtag_search", igl, "user_id", DefaultAccountID, "q", "coffee").wantError(t, 400, 100, 33)
	if got := h.emu.SearchedHashtags(DefaultAccountID); !reflect.DeepEqual(got, []string{"bluebottle", "tofu"}) {
		t.Fatalf("searched = %v", got)
	}
}

func TestHashtagMediaTopAndRecent(t *testing.T) {
	h := newHarness(t, Options{})
	id := h.emu.HashtagID("coffee")
	fields := "id,caption,like_count,comments_count,media_type,media_url,permalink,timestamp,children{id,media_type,media_url}"
	collect := func(edge string) []map[string]any {
		var out []map[string]any
		b := h.get("/v25.0/"+id+"/"+edge, fbl, "user_id", DefaultAccountID, "fields", fields, "limit", "3").mustOK(t)
		for {
			for _, d := range asList(b["data"]) {
				out = append(out, asMap(d))
			}
			p := asMap(b["paging"])
			if _, ok := asMap(p["cursors"])["before"]; ok {
				t.Fatalf("hashtag paging has a before cursor: %v", p)
			}
			next := str(p["next"])
			if next == "" {
				return out
			}
			b = h.getURL(next).mustOK(t)
		}
	}
	top := collect("top_media")
	if len(top) != 8 {
		t.Fatalf("top = %d items", len(top))
	}
	for i := 1; i < len(top); i++ {
		if num(top[i]["like_count"]) > num(top[i-1]["like_count"]) {
			t.Fatalf("top not by likes: %v", top)
		}
	}
	recent := collect("recent_media")
	if len(recent) != 5 {
		t.Fatalf("recent = %d items: %v", len(recent), recent)
	}
	now := h.emu.Now()
	for _, m := range recent {
		ts, _ := time.Parse(timeLayout, str(m["timestamp"]))
		if now.Sub(ts) >= 24*time.Hour {
			t.Fatalf("recent item older than 24 h: %v", m)
		}
		if m["media_type"] == "CAROUSEL_ALBUM" {
			if _, ok := m["media_url"]; ok {
				t.Fatalf("album with media_url: %v", m)
			}
			if len(asList(asMap(m["children"])["data"])) == 0 {
				t.Fatalf("album without children: %v", m)
			}
		}
	}
	// A day later the seeded posts are no longer recent.
	h.emu.AdvanceClock(25 * time.Hour)
	if got := collect("recent_media"); len(got) != 0 {
		t.Fatalf("recent after a day = %v", got)
	}
	h.get("/v25.0/"+id+"/top_media", fbl, "user_id", DefaultAccountID, "fields", "id,username").wantError(t, 400, 10, 0)
	h.get("/v25.0/"+id+"/top_media", fbl, "fields", "id").wantError(t, 400, 100, 0)
	h.get("/v25.0/"+id+"/top_media", igl, "user_id", DefaultAccountID).wantError(t, 400, 100, 33)
	// At most 50 per page.
	b := h.get("/v25.0/"+id+"/top_media", fbl, "user_id", DefaultAccountID, "limit", "500").mustOK(t)
	if len(asList(b["data"])) != 8 {
		t.Fatalf("limit 500 = %v", b)
	}
}

func TestHashtagWeeklyLimit(t *testing.T) {
	h := newHarness(t, Options{HashtagLimit: 3})
	search := func(q string) resp {
		return h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", q)
	}
	for i := range 3 {
		search(fmt.Sprintf("tag%d", i)).mustOK(t)
	}
	search("tag0").mustOK(t) // already counted
	e := search("tag3").wantError(t, 400, 24, 0)
	if e["error_user_title"] != "Hashtag limit reached" {
		t.Fatalf("error = %v", e)
	}
	// Media of a hashtag not yet counted spends a slot too.
	h.get("/v25.0/"+h.emu.HashtagID("coffee")+"/top_media", fbl, "user_id", DefaultAccountID).wantError(t, 400, 24, 0)

	b := h.get("/v25.0/"+DefaultAccountID+"/recently_searched_hashtags", fbl, "fields", "id,name", "limit", "2").mustOK(t)
	data := asList(b["data"])
	if len(data) != 2 || asMap(data[0])["name"] != "tag2" || str(asMap(b["paging"])["next"]) == "" {
		t.Fatalf("recently searched = %v", b)
	}
	b = h.getURL(str(asMap(b["paging"])["next"])).mustOK(t)
	if data := asList(b["data"]); len(data) != 1 || asMap(data[0])["name"] != "tag0" {
		t.Fatalf("page 2 = %v", b)
	}
	h.get("/v25.0/"+DefaultAccountID+"/recently_searched_hashtags", igl).wantError(t, 400, 2500, 0)

	// Slots free up seven days after first use; re-querying did not restart tag0's timer.
	h.emu.AdvanceClock(7*24*time.Hour + time.Second)
	search("tag3").mustOK(t)
	if got := h.emu.SearchedHashtags(DefaultAccountID); !reflect.DeepEqual(got, []string{"tag3"}) {
		t.Fatalf("searched = %v", got)
	}
}

func TestHashtagLimitErrorConfigurable(t *testing.T) {
	h := newHarness(t, Options{HashtagLimit: 1, HashtagLimitError: &ErrorBody{Message: "(#100) limit", Type: "OAuthException", Code: 100, Subcode: 2207034}})
	h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", "a").mustOK(t)
	h.get("/v25.0/ig_hashtag_search", fbl, "user_id", DefaultAccountID, "q", "b").wantError(t, 400, 100, 2207034)
}
