package emulator

import (
	"net/url"
	"reflect"
	"testing"
)

func TestBusinessDiscoveryProfileAndPaging(t *testing.T) {
	h := newHarness(t, Options{})
	path := "/v25.0/" + DefaultAccountID
	b := h.get(path, fbl, "fields",
		"business_discovery.username(bluebottle){id,username,followers_count,media_count,media.limit(3){id,caption,like_count,media_type,timestamp}}").mustOK(t)
	if b["id"] != DefaultAccountID {
		t.Fatalf("outer id = %v", b["id"])
	}
	bd := asMap(b["business_discovery"])
	if bd["id"] != "17841401441775531" || bd["username"] != "bluebottle" || bd["followers_count"] != 267793.0 || bd["media_count"] != 7.0 {
		t.Fatalf("business_discovery = %v", bd)
	}
	media := asMap(bd["media"])
	data := asList(media["data"])
	if len(data) != 3 || asMap(data[0])["caption"] != "Morning pour-over. #coffee #bluebottle" || asMap(data[0])["like_count"] != 5841.0 {
		t.Fatalf("first page = %v", media)
	}
	// Page on with the cursor moved into the expansion, via paging.next.
	next := str(asMap(media["paging"])["next"])
	u, _ := url.Parse(next)
	if f := u.Query().Get("fields"); f != "business_discovery.username(bluebottle){id,username,followers_count,media_count,media.limit(3).after("+
		str(asMap(asMap(media["paging"])["cursors"])["after"])+"){id,caption,like_count,media_type,timestamp}}" {
		t.Fatalf("next fields = %s", f)
	}
	var ids []string
	for _, d := range data {
		ids = append(ids, str(asMap(d)["id"]))
	}
	for next != "" {
		page := asMap(asMap(h.getURL(next).mustOK(t)["business_discovery"])["media"])
		for _, d := range asList(page["data"]) {
			ids = append(ids, str(asMap(d)["id"]))
		}
		next = str(asMap(page["paging"])["next"])
	}
	if len(ids) != 7 {
		t.Fatalf("paged %d media: %v", len(ids), ids)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("duplicate %s in %v", id, ids)
		}
		seen[id] = true
	}
}

func TestBusinessDiscoveryErrors(t *testing.T) {
	h := newHarness(t, Options{})
	path := "/v25.0/" + DefaultAccountID
	for _, name := range []string{"jane.personal", "nobody_here"} {
		e := h.get(path, fbl, "fields", "business_discovery.username("+name+"){id}").wantError(t, 400, 110, 2207013)
		if e["message"] != "Invalid user id" {
			t.Fatalf("%s: %v", name, e)
		}
	}
	h.get(path, fbl, "fields", "business_discovery.username(bluebottle){stories}").wantError(t, 400, 10, 0)
	h.get(path, fbl, "fields", "business_discovery.username(bluebottle){live_media}").wantError(t, 400, 36104, 0)
	h.get(path, fbl, "fields", "business_discovery.username(bluebottle){media{is_comment_enabled}}").wantError(t, 400, 10, 0)
	h.get(path, fbl, "fields", "business_discovery.username(bluebottle){nonsense}").wantError(t, 400, 100, 0)
	h.get(path, fbl, "fields", "business_discovery{id}").wantError(t, 400, 100, 0)
	// Instagram login has no business discovery.
	h.get(path, igl, "fields", "business_discovery.username(bluebottle){id}").wantError(t, 400, 100, 0)
}

func TestBusinessDiscoveryHiddenLikesAndReels(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get("/v25.0/"+DefaultAccountID, fbl, "fields",
		"business_discovery.username(fernweh.studio){media.limit(1){id,like_count,view_count,media_product_type,comments_count}}").mustOK(t)
	item := asMap(asList(asMap(asMap(b["business_discovery"])["media"])["data"])[0])
	if _, ok := item["like_count"]; ok {
		t.Fatalf("hidden likes must be omitted: %v", item)
	}
	if item["view_count"] != 250000.0 || item["media_product_type"] != "REELS" || item["comments_count"] != 140.0 {
		t.Fatalf("reel = %v", item)
	}
	if got := h.emu.BusinessDiscoveryUsernames(); !reflect.DeepEqual(got, map[string]string{
		"bluebottle": "BUSINESS", "fernweh.studio": "MEDIA_CREATOR", "northwind_outfitters": "BUSINESS", "jane.personal": "PERSONAL",
	}) {
		t.Fatalf("usernames = %v", got)
	}
}
