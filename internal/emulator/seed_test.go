package emulator

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// listAll pages through an edge with a small limit and returns the items in
// listing order.
func (h *harness) listAll(path, fields string) []map[string]any {
	h.t.Helper()
	var out []map[string]any
	b := h.get(path, fbl, "fields", fields, "limit", "3").mustOK(h.t)
	for {
		for _, d := range asList(b["data"]) {
			out = append(out, asMap(d))
		}
		next := str(asMap(b["paging"])["next"])
		if next == "" {
			return out
		}
		b = h.getURL(next).mustOK(h.t)
	}
}

func ids(items []map[string]any) []string {
	var out []string
	for _, m := range items {
		out = append(out, str(m["id"]))
	}
	return out
}

func TestSeedPosts(t *testing.T) {
	h := newHarness(t, Options{})
	before := h.publishImage("published through the API before seeding")
	seeded, err := h.emu.SeedPosts(DefaultAccountID, 10)
	if err != nil || len(seeded) != 10 {
		t.Fatalf("SeedPosts = %v, %v", seeded, err)
	}
	after := h.publishImage("published after seeding")

	// Posts 1..10 cycle image, reel, carousel, story; 4 and 8 are stories.
	media := h.listAll(userPath+"/media", "id,caption,media_type,media_product_type,timestamp,children{id}")
	want := []string{after, before, seeded[9], seeded[8], seeded[6], seeded[5], seeded[4], seeded[2], seeded[1], seeded[0]}
	if got := ids(media); !slices.Equal(got, want) {
		t.Fatalf("media edge = %v\nwant %v", got, want)
	}
	kinds := map[string][2]string{ // post number → media_type, media_product_type
		"1": {"IMAGE", "FEED"}, "2": {"VIDEO", "REELS"}, "3": {"CAROUSEL_ALBUM", "FEED"},
		"5": {"IMAGE", "FEED"}, "6": {"VIDEO", "REELS"}, "7": {"CAROUSEL_ALBUM", "FEED"},
		"9": {"IMAGE", "FEED"}, "10": {"VIDEO", "REELS"},
	}
	var last time.Time
	for i, m := range media {
		ts, err := time.Parse(timeLayout, str(m["timestamp"]))
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && ts.After(last) {
			t.Fatalf("not newest first at %d: %v after %v", i, ts, last)
		}
		last = ts
		n, ok := strings.CutPrefix(str(m["caption"]), "Seeded post ")
		if !ok {
			continue
		}
		n, ok = strings.CutSuffix(n, " #emulator")
		if k := kinds[n]; !ok || m["media_type"] != k[0] || m["media_product_type"] != k[1] {
			t.Fatalf("post %s = %v", n, m)
		}
		if m["media_type"] == "CAROUSEL_ALBUM" {
			if got, want := len(asList(asMap(m["children"])["data"])), map[string]int{"3": 2, "7": 3}[n]; got != want {
				t.Fatalf("post %s has %d children, want %d", n, got, want)
			}
		}
	}

	stories := h.listAll(userPath+"/stories", "id,media_product_type,caption,timestamp")
	if got := ids(stories); !slices.Equal(got, []string{seeded[7], seeded[3]}) {
		t.Fatalf("stories edge = %v", got)
	}
	for _, s := range stories {
		ts, _ := time.Parse(timeLayout, str(s["timestamp"]))
		if s["media_product_type"] != "STORY" || s["caption"] != nil || h.emu.Now().Sub(ts) >= 24*time.Hour {
			t.Fatalf("story = %v", s)
		}
	}

	// Carousel items are readable on their own.
	album, _ := h.emu.Media(seeded[6])
	kids := asList(h.get("/v25.0/"+seeded[6]+"/children", fbl, "fields", "id,media_type,media_url").mustOK(t)["data"])
	if len(kids) != 3 || len(album.Children) != 3 {
		t.Fatalf("children = %v", kids)
	}
	for _, k := range album.Children {
		if b := h.get("/v25.0/"+k, fbl, "fields", "media_type,media_url").mustOK(t); str(b["media_url"]) == "" {
			t.Fatalf("child %s = %v", k, b)
		}
	}

	// Pre-existing posts use no quota but count in media_count.
	limit := h.get(userPath+"/content_publishing_limit", fbl).mustOK(t)
	if got := asMap(asList(limit["data"])[0])["quota_usage"]; got != 2.0 {
		t.Fatalf("quota_usage = %v, want the 2 API publishes", got)
	}
	if got := h.get(userPath, fbl, "fields", "media_count").mustOK(t)["media_count"]; got != 10.0 {
		t.Fatalf("media_count = %v", got)
	}

	if _, err := h.emu.SeedPosts("17841499999999999", 1); err == nil {
		t.Fatal("seeded an unknown account")
	}
	if _, err := h.emu.SeedPosts(DefaultAccountID, -1); err == nil {
		t.Fatal("seeded -1 posts")
	}
}

func TestControlSeedPosts(t *testing.T) {
	h := newHarness(t, Options{})
	got := asList(h.ctl("POST", ControlPrefix+"/seed/posts?n=4", "")["ids"])
	if len(got) != 4 || !slices.Equal(h.emu.MediaIDs(DefaultAccountID), []string{str(got[3]), str(got[2]), str(got[1]), str(got[0])}) {
		t.Fatalf("seeded %v, media %v", got, h.emu.MediaIDs(DefaultAccountID))
	}
	for path, status := range map[string]int{
		"/seed/posts":     http.StatusBadRequest,
		"/seed/posts?n=0": http.StatusBadRequest,
		"/seed/posts?n=" + strconv.Itoa(maxSeedPosts+1): http.StatusBadRequest,
		"/seed/posts?n=1&account_id=17841499999999999":  http.StatusNotFound,
	} {
		req, _ := http.NewRequestWithContext(t.Context(), "POST", h.srv.URL+ControlPrefix+path, nil)
		if r := h.send(req); r.status != status {
			t.Errorf("%s = %d, want %d", path, r.status, status)
		}
	}
}
