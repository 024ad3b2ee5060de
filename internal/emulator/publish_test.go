package emulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

const userPath = "/v25.0/" + DefaultAccountID

func (h *harness) statusCode(cid, token string) (string, string) {
	h.t.Helper()
	b := h.get("/v25.0/"+cid, token, "fields", "id,status_code,status").mustOK(h.t)
	return str(b["status_code"]), str(b["status"])
}

func TestPublishImage(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg", "caption", "Hello #world", "alt_text", "a cat",
		"location_id", "123", "user_tags", `[{"username":"friend","x":0.5,"y":0.8}]`, "collaborators", "a,b")
	if cid != "17880000000000001" {
		t.Fatalf("container id = %s", cid)
	}
	if code, _ := h.statusCode(cid, fbl); code != "FINISHED" {
		t.Fatalf("image status = %s", code)
	}
	mid := str(h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)["id"])
	if mid != "17900000000000001" || mid == cid {
		t.Fatalf("media id = %s", mid)
	}
	if code, _ := h.statusCode(cid, fbl); code != "PUBLISHED" {
		t.Fatalf("status after publish = %s", code)
	}
	b := h.get("/v25.0/"+mid, fbl, "fields", "id,caption,media_type,media_product_type,permalink,shortcode,timestamp,username,owner,alt_text,media_url,thumbnail_url,is_comment_enabled,comments_count,like_count,is_shared_to_feed").mustOK(t)
	sc := str(b["shortcode"])
	if len(sc) != 11 || b["permalink"] != "https://www.instagram.com/p/"+sc+"/" {
		t.Fatalf("shortcode/permalink = %v / %v", sc, b["permalink"])
	}
	if b["timestamp"] != "2026-11-01T12:00:00+0000" || b["media_type"] != "IMAGE" || b["media_product_type"] != "FEED" ||
		b["caption"] != "Hello #world" || b["alt_text"] != "a cat" || b["username"] != DefaultUsername || b["is_comment_enabled"] != true {
		t.Fatalf("media = %v", b)
	}
	if _, ok := b["thumbnail_url"]; ok {
		t.Fatal("image has thumbnail_url")
	}
	if _, ok := b["is_shared_to_feed"]; ok {
		t.Fatal("image has is_shared_to_feed")
	}
	if asMap(b["owner"])["id"] != DefaultAccountID || !strings.HasPrefix(str(b["media_url"]), "https://") {
		t.Fatalf("owner/media_url = %v", b)
	}
	snap, ok := h.emu.Media(mid)
	if !ok || snap.ContainerID != cid || snap.LocationID != "123" || len(snap.UserTags) != 1 || snap.UserTags[0].Y != 0.8 ||
		strings.Join(snap.Collaborators, ",") != "a,b" || snap.Permalink != b["permalink"] || snap.Shortcode != sc {
		t.Fatalf("snapshot = %+v", snap)
	}
	if ids := h.emu.MediaIDs(DefaultAccountID); len(ids) != 1 || ids[0] != mid {
		t.Fatalf("MediaIDs = %v", ids)
	}
	// Republishing is an error that is not "gone" and not retryable.
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, 400, 100, 0)
	h.post(userPath+"/media_publish", fbl).wantError(t, 400, 100, 0)
	h.post(userPath+"/media_publish", fbl, "creation_id", "123").wantError(t, 400, 24, 2207006)
}

func TestVideoContainerStateMachine(t *testing.T) {
	h := newHarness(t, Options{}) // video polls default 2
	cid := str(h.post(userPath+"/media", igl, "media_type", "REELS", "video_url", "https://example.com/v.mp4", "share_to_feed", "false", "caption", "reel").mustOK(t)["id"])
	// Publishing before FINISHED: 9007/2207027.
	e := h.post(userPath+"/media_publish", igl, "creation_id", cid).wantError(t, 400, 9007, 2207027)
	if e["message"] != "Media ID is not available" || e["error_user_msg"] != "The media is not ready to be published. Please wait a moment." {
		t.Fatalf("envelope = %v", e)
	}
	for i := 0; i < 2; i++ {
		if code, status := h.statusCode(cid, igl); code != "IN_PROGRESS" || !strings.HasPrefix(status, "In Progress") {
			t.Fatalf("read %d: %s %s", i, code, status)
		}
	}
	if code, _ := h.statusCode(cid, igl); code != "FINISHED" {
		t.Fatalf("third read = %s", code)
	}
	mid := str(h.post(userPath+"/media_publish", igl, "creation_id", cid).mustOK(t)["id"])
	b := h.get("/v25.0/"+mid, igl, "fields", "media_type,media_product_type,permalink,is_shared_to_feed,thumbnail_url").mustOK(t)
	if b["media_type"] != "VIDEO" || b["media_product_type"] != "REELS" || !strings.Contains(str(b["permalink"]), "/reel/") ||
		b["is_shared_to_feed"] != false || str(b["thumbnail_url"]) == "" {
		t.Fatalf("reel = %v", b)
	}
}

func TestProcessingDelayAndExpiry(t *testing.T) {
	h := newHarness(t, Options{ProcessingDelay: time.Minute})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	if code, _ := h.statusCode(cid, fbl); code != "IN_PROGRESS" {
		t.Fatalf("before delay = %s", code)
	}
	h.emu.AdvanceClock(time.Minute)
	if code, _ := h.statusCode(cid, fbl); code != "FINISHED" {
		t.Fatalf("after delay = %s", code)
	}
	h.emu.AdvanceClock(24 * time.Hour)
	if code, status := h.statusCode(cid, fbl); code != "EXPIRED" || !strings.HasPrefix(status, "Expired") {
		t.Fatalf("after 24h = %s %s", code, status)
	}
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, 400, -2, 2207020)
}

func TestUnfetchableURLs(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: 1})
	// Images fail synchronously.
	e := h.post(userPath+"/media", fbl, "image_url", "https://cdn.example.invalid/a.jpg").wantError(t, 400, 9004, 2207052)
	if !strings.Contains(str(e["error_user_msg"]), "cdn.example.invalid") {
		t.Fatalf("user msg = %v", e["error_user_msg"])
	}
	h.post(userPath+"/media", fbl, "image_url", "ftp://example.com/a.jpg").wantError(t, 400, 9004, 2207052)
	// Videos fail asynchronously.
	cid := str(h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://cdn.example.invalid/v.mp4").mustOK(t)["id"])
	if code, _ := h.statusCode(cid, fbl); code != "IN_PROGRESS" {
		t.Fatalf("first read = %s", code)
	}
	if code, status := h.statusCode(cid, fbl); code != "ERROR" || status != "Error: 2207052" {
		t.Fatalf("second read = %s %q", code, status)
	}
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, 400, 9004, 2207052)
}

func TestContainerValidation(t *testing.T) {
	h := newHarness(t, Options{})
	img := func(kv ...string) resp {
		return h.post(userPath+"/media", fbl, append([]string{"image_url", "https://example.com/a.jpg"}, kv...)...)
	}
	img("caption", strings.Repeat("x", 2201)).wantError(t, 400, 36004, 2207010)
	img("caption", strings.Repeat("é", 2200)).mustOK(t) // runes, not bytes
	img("caption", strings.Repeat("#tag ", 31)).wantError(t, 400, 36004, 2207010)
	img("caption", strings.Repeat("#tag ", 30)).mustOK(t)
	img("caption", strings.Repeat("@user ", 21)).wantError(t, 400, 100, 2207040)
	img("media_type", "GIF").wantError(t, 400, 100, 2207023)
	h.post(userPath+"/media", fbl, "media_type", "VIDEO", "video_url", "https://example.com/v.mp4").wantError(t, 400, 100, 2207023)
	h.post(userPath+"/media", fbl, "caption", "no url").wantError(t, 400, 100, 0)
	h.post(userPath+"/media", fbl, "media_type", "REELS").wantError(t, 400, 100, 0)
	h.post(userPath+"/media", fbl, "media_type", "STORIES").wantError(t, 400, 100, 0)
	img("user_tags", "not json").wantError(t, 400, 100, 0)
	img("user_tags", `[{"username":"a","x":1.5,"y":0}]`).wantError(t, 400, 100, 0)
	img("user_tags", `[{"username":"a"}]`).wantError(t, 400, 100, 0) // images need x/y
	h.post(userPath+"/media", fbl, "media_type", "STORIES", "image_url", "https://example.com/s.jpg", "user_tags", `[{"username":"a"}]`).mustOK(t)
	img("collaborators", `["a","b","c","d"]`).wantError(t, 400, 100, 0)
	img("location_id", "paris").wantError(t, 400, 100, 0)
	img("alt_text", strings.Repeat("a", 1001)).wantError(t, 400, 100, 0)
	h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4", "thumb_offset", "-1").wantError(t, 400, 1, 2207057)
}

func TestCarousel(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: 1})
	child := func(kv ...string) string {
		return str(h.post(userPath+"/media", fbl, append([]string{"is_carousel_item", "true"}, kv...)...).mustOK(t)["id"])
	}
	c1 := child("image_url", "https://example.com/1.jpg", "alt_text", "first")
	c2 := child("media_type", "VIDEO", "video_url", "https://example.com/2.mp4")
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", c1).wantError(t, 400, 100, 2207028)
	ids := make([]string, 11)
	for i := range ids {
		ids[i] = c1
	}
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", strings.Join(ids, ",")).wantError(t, 400, 100, 2207028)
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL").wantError(t, 400, 100, 0)
	h.post(userPath+"/media", fbl, "media_type", "REELS", "is_carousel_item", "true", "video_url", "https://example.com/2.mp4").wantError(t, 400, 100, 2207023)

	// children as a JSON array in a JSON body.
	body, _ := json.Marshal(map[string]any{"media_type": "CAROUSEL", "children": []string{c1, c2}, "caption": "album"})
	req, _ := http.NewRequestWithContext(t.Context(), "POST", h.srv.URL+userPath+"/media", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+fbl)
	parent := str(h.send(req).mustOK(t)["id"])

	// The parent waits for the video child; reading the parent advances it.
	if code, _ := h.statusCode(parent, fbl); code != "IN_PROGRESS" {
		t.Fatalf("parent first read = %s", code)
	}
	if code, _ := h.statusCode(parent, fbl); code != "FINISHED" {
		t.Fatalf("parent second read = %s", code)
	}
	mid := str(h.post(userPath+"/media_publish", fbl, "creation_id", parent).mustOK(t)["id"])
	b := h.get("/v25.0/"+mid, fbl, "fields", "media_type,caption,permalink,children{id,media_type,permalink,alt_text}").mustOK(t)
	if b["media_type"] != "CAROUSEL_ALBUM" || b["caption"] != "album" || !strings.Contains(str(b["permalink"]), "/p/") {
		t.Fatalf("album = %v", b)
	}
	kids := asList(asMap(b["children"])["data"])
	if len(kids) != 2 {
		t.Fatalf("children = %v", kids)
	}
	k0, k1 := asMap(kids[0]), asMap(kids[1])
	if k0["media_type"] != "IMAGE" || k0["alt_text"] != "first" || k1["media_type"] != "VIDEO" {
		t.Fatalf("children = %v", kids)
	}
	if _, ok := k0["permalink"]; ok {
		t.Fatal("child has a permalink")
	}
	// Children are readable nodes, listed by the edge, not in /media.
	kid := str(k0["id"])
	h.get("/v25.0/"+kid, fbl, "fields", "media_type").mustOK(t)
	if d := asList(h.get("/v25.0/"+mid+"/children", fbl).mustOK(t)["data"]); len(d) != 2 {
		t.Fatalf("children edge = %v", d)
	}
	if d := asList(h.get(userPath+"/media", fbl).mustOK(t)["data"]); len(d) != 1 {
		t.Fatalf("/media lists children: %v", d)
	}
	// A child cannot be deleted alone; the album can.
	e := h.call("DELETE", "/v25.0/"+kid, fbl, nil).wantError(t, 400, -1, 2207073)
	if e["message"] != "Fatal" || e["error_user_title"] != "Media Type Not Supported" {
		t.Fatalf("envelope = %v", e)
	}
	h.call("DELETE", "/v25.0/"+mid, fbl, nil).mustOK(t)
	if h.emu.MediaExists(kid) {
		t.Fatal("child survived album delete")
	}
	// A carousel counts once against the quota.
	q := h.get(userPath+"/content_publishing_limit", fbl).mustOK(t)
	if asMap(asList(q["data"])[0])["quota_usage"] != 1.0 {
		t.Fatalf("quota = %v", q)
	}
}

func TestQuota(t *testing.T) {
	h := newHarness(t, Options{QuotaTotal: 2})
	h.publishImage("1")
	h.emu.AdvanceClock(time.Hour)
	h.publishImage("2")
	cid := h.createImage(fbl, "https://example.com/3.jpg")
	e := h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, 400, 9, 2207042)
	if e["message"] != "You reached maximum number of posts that is allowed to be published by Content Publishing API." {
		t.Fatalf("message = %v", e["message"])
	}
	b := h.get(userPath+"/content_publishing_limit", fbl, "fields", "quota_usage,config").mustOK(t)
	want := `{"data":[{"config":{"quota_duration":86400,"quota_total":2},"quota_usage":2}]}`
	if got, _ := json.Marshal(b); string(got) != want {
		t.Fatalf("limit = %s", got)
	}
	// since narrows the count.
	since := itoa(h.emu.Now().Add(-30 * time.Minute).Unix())
	b = h.get(userPath+"/content_publishing_limit", fbl, "since", since).mustOK(t)
	if asMap(asList(b["data"])[0])["quota_usage"] != 1.0 {
		t.Fatalf("since usage = %v", b)
	}
	// The first publish leaves the trailing window after 24 h.
	h.emu.AdvanceClock(23 * time.Hour)
	h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)
	h.get(userPath+"/content_publishing_limit", fbl, "fields", "foo").wantError(t, 400, 100, 0)
}

func TestContainerLimit(t *testing.T) {
	h := newHarness(t, Options{ContainerLimit: 2})
	h.createImage(igl, "https://example.com/1.jpg") // the limit is per account, whatever the login
	h.createImage(fbl, "https://example.com/2.jpg")
	e := h.post(userPath+"/media", fbl, "image_url", "https://example.com/3.jpg").wantError(t, 400, 9, 2207042)
	if !strings.Contains(str(e["message"]), "containers") {
		t.Fatalf("message = %v", e["message"])
	}
	h.emu.AdvanceClock(24 * time.Hour)
	h.createImage(fbl, "https://example.com/3.jpg")
}

func TestStories(t *testing.T) {
	h := newHarness(t, Options{})
	post := h.publishImage("post")
	cid := str(h.post(userPath+"/media", fbl, "media_type", "STORIES", "image_url", "https://example.com/s.jpg").mustOK(t)["id"])
	story := str(h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)["id"])
	d := asList(h.get(userPath+"/media", fbl).mustOK(t)["data"])
	if len(d) != 1 || asMap(d[0])["id"] != post {
		t.Fatalf("/media = %v", d)
	}
	d = asList(h.get(userPath+"/stories", fbl, "fields", "media_product_type,permalink").mustOK(t)["data"])
	if len(d) != 1 || asMap(d[0])["id"] != story || asMap(d[0])["media_product_type"] != "STORY" {
		t.Fatalf("/stories = %v", d)
	}
	if !regexp.MustCompile(`/stories/` + DefaultUsername + `/\d+/$`).MatchString(str(asMap(d[0])["permalink"])) {
		t.Fatalf("story permalink = %v", d[0])
	}
	if b := h.get(userPath, fbl, "fields", "media_count").mustOK(t); b["media_count"] != 1.0 {
		t.Fatalf("stories counted in media_count: %v", b)
	}
	h.emu.AdvanceClock(24 * time.Hour)
	if d := asList(h.get(userPath+"/stories", fbl).mustOK(t)["data"]); len(d) != 0 {
		t.Fatalf("expired story listed: %v", d)
	}
	h.get("/v25.0/"+story, fbl).mustOK(t) // still readable by id unless StoriesVanish
}

func TestStoriesVanish(t *testing.T) {
	h := newHarness(t, Options{StoriesVanish: true})
	cid := str(h.post(userPath+"/media", fbl, "media_type", "STORIES", "video_url", "https://example.com/s.mp4").mustOK(t)["id"])
	h.statusCode(cid, fbl)
	h.statusCode(cid, fbl)
	story := str(h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)["id"])
	if b := h.get("/v25.0/"+story, fbl, "fields", "media_type").mustOK(t); b["media_type"] != "VIDEO" {
		t.Fatalf("video story = %v", b)
	}
	h.emu.AdvanceClock(24 * time.Hour)
	h.get("/v25.0/"+story, fbl).wantError(t, 400, 100, 33)
}

func TestProcessingRulesForceOutcome(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.AddProcessingRule(ProcessingRule{URLContains: "bad-codec", Outcome: "ERROR", Subcode: 2207026})
	h.emu.AddProcessingRule(ProcessingRule{URLContains: "too-slow", Outcome: "EXPIRED"})

	for _, tc := range []struct{ url, code, status string }{
		{"https://cdn.example.com/bad-codec.mp4", "ERROR", "Error: 2207026"},
		{"https://cdn.example.com/too-slow.mp4", "EXPIRED", ""},
		{"https://cdn.example.com/fine.mp4", "FINISHED", ""},
	} {
		cid := str(h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", tc.url).mustOK(t)["id"])
		var code, status string
		for range 5 { // past the video processing polls
			code, status = h.statusCode(cid, fbl)
		}
		if code != tc.code || (tc.status != "" && status != tc.status) {
			t.Errorf("%s: status %s (%s), want %s %s", tc.url, code, status, tc.code, tc.status)
		}
	}
}
