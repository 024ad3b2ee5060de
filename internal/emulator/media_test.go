package emulator

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestMediaPaging(t *testing.T) {
	h := newHarness(t, Options{MaxPageSize: 3})
	var ids []string // oldest first
	for i := 0; i < 5; i++ {
		ids = append(ids, h.publishImage("post"))
		h.emu.AdvanceClock(time.Hour)
	}
	page := func(r resp) ([]string, map[string]any) {
		b := r.mustOK(t)
		var got []string
		for _, d := range asList(b["data"]) {
			got = append(got, str(asMap(d)["id"]))
		}
		p, _ := b["paging"].(map[string]any)
		return got, p
	}
	got, p := page(h.get(userPath+"/media", fbl, "fields", "id,caption", "limit", "2"))
	if strings.Join(got, ",") != ids[4]+","+ids[3] {
		t.Fatalf("page 1 = %v", got)
	}
	if _, ok := p["previous"]; ok {
		t.Fatal("first page has previous")
	}
	next := str(p["next"])
	u, _ := url.Parse(next)
	if u.Host != strings.TrimPrefix(h.srv.URL, "http://") || u.Path != userPath+"/media" || u.Query().Get("limit") != "2" || u.Query().Get("fields") != "id,caption" {
		t.Fatalf("next = %s", next)
	}
	got, p = page(h.getURL(next))
	if strings.Join(got, ",") != ids[2]+","+ids[1] {
		t.Fatalf("page 2 = %v", got)
	}
	after2 := str(asMap(p["cursors"])["after"])
	before2 := str(asMap(p["cursors"])["before"])
	got, p = page(h.getURL(str(p["next"])))
	if strings.Join(got, ",") != ids[0] {
		t.Fatalf("page 3 = %v", got)
	}
	if _, ok := p["next"]; ok {
		t.Fatalf("last page has next: %v", p)
	}
	if str(p["previous"]) == "" {
		t.Fatal("last page has no previous")
	}
	// before goes back to the page just before the cursor.
	got, _ = page(h.get(userPath+"/media", fbl, "limit", "2", "before", before2))
	if strings.Join(got, ",") != ids[4]+","+ids[3] {
		t.Fatalf("before page = %v", got)
	}
	// A cursor survives deletion of its item.
	h.emu.DeleteMediaOutOfBand(ids[1])
	got, _ = page(h.get(userPath+"/media", fbl, "limit", "2", "after", after2))
	if strings.Join(got, ",") != ids[0] {
		t.Fatalf("after deleted cursor = %v", got)
	}
	// limit is clamped to MaxPageSize; default is 25.
	got, _ = page(h.get(userPath+"/media", fbl, "limit", "1000"))
	if len(got) != 3 {
		t.Fatalf("clamped page = %v", got)
	}
	// since/until filter on the publish time (unix seconds, inclusive).
	start := h.emu.Now().Add(-5 * time.Hour) // first publish time
	got, _ = page(h.get(userPath+"/media", fbl, "since", itoa(start.Add(time.Hour).Unix()), "until", itoa(start.Add(3*time.Hour).Unix())))
	if strings.Join(got, ",") != ids[3]+","+ids[2] { // ids[1] deleted
		t.Fatalf("since/until = %v", got)
	}
	h.get(userPath+"/media", fbl, "after", "garbage!").wantError(t, 400, 100, 0)
	h.get(userPath+"/media", fbl, "since", "yesterday-ish").wantError(t, 400, 100, 0)
	// An empty page has no paging.
	h.emu.Reset()
	b := h.get(userPath+"/media", fbl).mustOK(t)
	if _, ok := b["paging"]; ok || len(asList(b["data"])) != 0 {
		t.Fatalf("empty list = %v", b)
	}
}

func TestCommentEnabledUpdate(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("x")
	b := h.post("/v25.0/"+mid, igl, "comment_enabled", "false").mustOK(t)
	if b["success"] != true || len(b) != 1 {
		t.Fatalf("update = %v", b)
	}
	if s, _ := h.emu.Media(mid); s.CommentsEnabled {
		t.Fatal("comments still enabled")
	}
	if b := h.get("/v25.0/"+mid, fbl, "fields", "is_comment_enabled").mustOK(t); b["is_comment_enabled"] != false {
		t.Fatalf("read back = %v", b)
	}
	h.post("/v25.0/"+mid, fbl, "comment_enabled", "true", "caption", "new").wantError(t, 400, 100, 0)
	h.post("/v25.0/"+mid, fbl, "caption", "new").wantError(t, 400, 100, 0)
	h.post("/v25.0/"+mid, fbl, "comment_enabled", "maybe").wantError(t, 400, 100, 0)
	if s, _ := h.emu.Media(mid); s.Caption != "x" || s.CommentsEnabled {
		t.Fatalf("rejected update changed state: %+v", s)
	}
}

func TestDeleteByLogin(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("x")
	e := h.call("DELETE", "/v25.0/"+mid, igl, nil).wantError(t, 400, 100, 33)
	if !strings.HasPrefix(str(e["message"]), "Unsupported delete request. Object with ID '"+mid+"'") {
		t.Fatalf("IGL delete message = %v", e["message"])
	}
	if !h.emu.MediaExists(mid) {
		t.Fatal("IGL delete removed the media")
	}
	b := h.call("DELETE", "/v25.0/"+mid, fbl, nil).mustOK(t)
	if b["success"] != true || b["deleted_id"] != mid {
		t.Fatalf("delete = %v", b)
	}
	if h.emu.MediaExists(mid) || len(h.emu.MediaIDs(DefaultAccountID)) != 0 {
		t.Fatal("media still exists")
	}
	h.get("/v25.0/"+mid, fbl, "fields", "id").wantError(t, 400, 100, 33)
	h.call("DELETE", "/v25.0/"+mid, fbl, nil).wantError(t, 400, 100, 33)
	// Containers cannot be deleted.
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.call("DELETE", "/v25.0/"+cid, fbl, nil).wantError(t, 400, 100, 33)
}

func TestOutOfBandChanges(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("original")
	if !h.emu.SetCaptionOutOfBand(mid, "edited in the app") || !h.emu.SetCommentsEnabledOutOfBand(mid, false) {
		t.Fatal("out-of-band edit failed")
	}
	b := h.get("/v25.0/"+mid, fbl, "fields", "caption,is_comment_enabled").mustOK(t)
	if b["caption"] != "edited in the app" || b["is_comment_enabled"] != false {
		t.Fatalf("after OOB = %v", b)
	}
	calls := h.emu.TotalCalls()
	if !h.emu.DeleteMediaOutOfBand(mid) || h.emu.DeleteMediaOutOfBand(mid) {
		t.Fatal("DeleteMediaOutOfBand results wrong")
	}
	if h.emu.TotalCalls() != calls {
		t.Fatal("out-of-band change counted as a Graph call")
	}
	h.get("/v25.0/"+mid, fbl).wantError(t, 400, 100, 33)
	if h.emu.SetCaptionOutOfBand(mid, "x") || h.emu.SetCommentsEnabledOutOfBand("nope", true) {
		t.Fatal("OOB edit of missing media succeeded")
	}
	if b := h.get(userPath, fbl, "fields", "media_count").mustOK(t); b["media_count"] != 0.0 {
		t.Fatalf("media_count after delete = %v", b)
	}
}

func TestCallCounters(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("x")
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.get("/v25.0/"+cid, fbl, "fields", "status_code")
	h.get("/v25.0/"+mid, fbl)
	h.post("/v25.0/"+mid, fbl, "comment_enabled", "false")
	h.get(userPath+"/media", fbl)
	h.get(userPath+"/content_publishing_limit", fbl)
	h.get(userPath, fbl)
	h.get("/me", fbl)
	h.get("/me/accounts", fbl)
	h.get("/"+DefaultPageID, fbl)
	h.get("/v25.0/12345", fbl)
	h.get("/v25.0/12345", "") // auth failures are counted too
	h.call("DELETE", "/v25.0/"+mid, fbl, nil)
	want := map[string]int{
		"POST /{ig-user-id}/media":                   2,
		"POST /{ig-user-id}/media_publish":           1,
		"GET /{container-id}":                        1,
		"GET /{ig-media-id}":                         1,
		"POST /{ig-media-id}":                        1,
		"GET /{ig-user-id}/media":                    1,
		"GET /{ig-user-id}/content_publishing_limit": 1,
		"GET /{ig-user-id}":                          1,
		"GET /me":                                    1,
		"GET /me/accounts":                           1,
		"GET /{page-id}":                             1,
		"GET /{unknown}":                             2,
		"DELETE /{ig-media-id}":                      1,
	}
	got := h.emu.Calls()
	total := 0
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
		total += v
	}
	if len(got) != len(want) || h.emu.TotalCalls() != total {
		t.Errorf("calls = %v, total %d", got, h.emu.TotalCalls())
	}
	if h.emu.CallCount("POST /{ig-user-id}/media_publish") != 1 {
		t.Error("CallCount")
	}
	h.emu.Reset()
	if h.emu.TotalCalls() != 0 || len(h.emu.Calls()) != 0 {
		t.Error("Reset kept counters")
	}
}
