package emulator

import (
	"testing"
	"time"
)

func TestTaggedMedia(t *testing.T) {
	for _, omit := range []bool{false, true} {
		h := newHarness(t, Options{TagsOmitPagingURLs: omit})
		path := "/v25.0/" + DefaultAccountID + "/tags"
		var users []string
		b := h.get(path, igl, "fields", "id,username,caption,media_type,permalink,timestamp", "limit", "3").mustOK(t)
		for {
			for _, d := range asList(b["data"]) {
				users = append(users, str(asMap(d)["username"]))
			}
			p := asMap(b["paging"])
			if _, ok := p["next"]; ok == omit && len(users) < 4 {
				t.Fatalf("omit=%v: paging = %v", omit, p)
			}
			if len(asList(b["data"])) < 3 {
				break
			}
			b = h.get(path, igl, "fields", "id,username", "limit", "3", "after", str(asMap(p["cursors"])["after"])).mustOK(t)
		}
		// Newest first; the personal account's post is never returned.
		want := []string{"bluebottle", "northwind_outfitters", "fernweh.studio", "bluebottle"}
		if len(users) != len(want) {
			t.Fatalf("tagged by %v, want %v", users, want)
		}
		for i := range want {
			if users[i] != want[i] {
				t.Fatalf("tagged by %v, want %v", users, want)
			}
		}
	}
	h := newHarness(t, Options{})
	h.get("/v25.0/"+DefaultAccountID+"/tags", fbl, "fields", "owner").wantError(t, 400, 10, 0)
	h.get("/v25.0/"+DefaultAccountID+"/tags", fbl, "fields", "nope").wantError(t, 400, 100, 0)
	if n := h.emu.CallCount("GET /{ig-user-id}/tags"); n != 2 {
		t.Fatalf("tags count = %d", n)
	}
}

func TestPostOutOfBand(t *testing.T) {
	h := newHarness(t, Options{})
	feed, _ := h.emu.PostOutOfBand(DefaultAccountID, Post{Caption: "hello", AltText: "a cat"})
	h.emu.AdvanceClock(time.Minute)
	album, _ := h.emu.PostOutOfBand(DefaultAccountID, Post{Type: "CAROUSEL", Caption: "album", Children: 3})
	story, _ := h.emu.PostOutOfBand(DefaultAccountID, Post{Type: "STORY", Video: true})
	if _, ok := h.emu.PostOutOfBand("17841499999999999", Post{}); ok {
		t.Fatal("posted on an unknown account")
	}
	b := h.get("/v25.0/"+DefaultAccountID+"/media", fbl, "fields", "id,caption,media_type,children{media_type}").mustOK(t)
	data := asList(b["data"])
	if len(data) != 2 || asMap(data[0])["id"] != album || asMap(data[1])["id"] != feed {
		t.Fatalf("media = %v", b)
	}
	if kids := asList(asMap(asMap(data[0])["children"])["data"]); len(kids) != 3 || asMap(kids[1])["media_type"] != "VIDEO" {
		t.Fatalf("children = %v", kids)
	}
	b = h.get("/v25.0/"+DefaultAccountID+"/stories", fbl, "fields", "id,media_type,media_product_type").mustOK(t)
	if data := asList(b["data"]); len(data) != 1 || asMap(data[0])["id"] != story || asMap(data[0])["media_type"] != "VIDEO" {
		t.Fatalf("stories = %v", b)
	}
	b = h.get("/v25.0/"+feed, fbl, "fields", "alt_text,media_url,permalink").mustOK(t)
	if b["alt_text"] != "a cat" || str(b["media_url"]) == "" || str(b["permalink"]) == "" {
		t.Fatalf("feed = %v", b)
	}
}
