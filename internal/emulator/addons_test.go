package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func (h *harness) publish(cid string) string {
	h.t.Helper()
	return str(h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(h.t)["id"])
}

func TestPoll_publishAndRead(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg", "caption", "Flat white or cortado?",
		"poll_attachment", `{"option_a":"Flat white","option_b":"Cortado","option_c":"Both"}`)
	mid := h.publish(cid)
	if snap, _ := h.emu.Media(mid); strings.Join(snap.PollOptions, "|") != "Flat white|Cortado|Both" || snap.PollDurationExtended {
		t.Fatalf("snapshot = %+v", snap)
	}
	if !h.emu.SetPollVotes(mid, 6, 3, 1) {
		t.Fatal("SetPollVotes")
	}
	b := h.get("/v25.0/"+mid+"/poll_attachment", fbl).mustOK(t)
	if b["option_a"] != "Flat white" || b["option_c"] != "Both" || b["option_a_votes_percentage"] != 0.6 ||
		b["option_c_votes_percentage"] != 0.1 || b["option_d"] != nil {
		t.Fatalf("poll = %v", b)
	}
	if b["expiration_timestamp"] != "2026-11-04T12:00:00+0000" {
		t.Fatalf("expiration = %v", b["expiration_timestamp"])
	}
	// date_format is refused to an app created today (legacy.go); an older
	// app gets the expiration as a Unix time.
	h.get("/v25.0/"+mid+"/poll_attachment", fbl, "date_format", "U").wantError(t, http.StatusBadRequest, 3, 0)
	old := newHarness(t, Options{LegacyApp: true})
	oldPoll := old.publish(old.createImage(fbl, "https://example.com/a.jpg", "caption", "Flat white or cortado?",
		"poll_attachment", `{"option_a":"Flat white","option_b":"Cortado"}`))
	if u := old.get("/v25.0/"+oldPoll+"/poll_attachment", fbl, "date_format", "U").mustOK(t); num(u["expiration_timestamp"]) != float64(time.Date(2026, 11, 4, 12, 0, 0, 0, time.UTC).Unix()) {
		t.Fatalf("unix expiration = %v", u["expiration_timestamp"])
	}
	m := h.get("/v25.0/"+mid, fbl, "fields", "has_poll,is_ai_generated").mustOK(t)
	if m["has_poll"] != true || m["is_ai_generated"] != false {
		t.Fatalf("media = %v", m)
	}
	// No poll: null. Instagram login: the edge does not exist.
	plain := h.publishImage("no poll")
	if r := h.get("/v25.0/"+plain+"/poll_attachment", fbl); r.status != http.StatusOK || r.raw != "null\n" {
		t.Fatalf("no poll: %d %q", r.status, r.raw)
	}
	h.get("/v25.0/"+mid+"/poll_attachment", igl).wantError(t, http.StatusBadRequest, 2500, 0)
}

func TestPoll_extendedHasNoExpiry(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publish(h.createImage(fbl, "https://example.com/a.jpg", "caption", "Vote",
		"poll_attachment", `{"option_a":"Yes","option_b":"No"}`, "is_poll_duration_extended", "true"))
	b := h.get("/v25.0/"+mid+"/poll_attachment", fbl).mustOK(t)
	if _, ok := b["expiration_timestamp"]; ok || num(b["option_a_votes_percentage"])+num(b["option_b_votes_percentage"]) < 0.999 {
		t.Fatalf("poll = %v", b)
	}
}

// Meta's rules for caption add-ons, each refused before a container exists.
func TestAddons_rules(t *testing.T) {
	h := newHarness(t, Options{})
	poll := `{"option_a":"Yes","option_b":"No"}`
	child := h.createImage(fbl, "https://example.com/c.jpg", "is_carousel_item", "true")
	cases := []struct {
		name string
		kv   []string
		want string
	}{
		{"no caption", []string{"image_url", "https://example.com/a.jpg", "poll_attachment", poll}, "needs a caption"},
		{"both add-ons", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", poll, "is_comment_prompt_used", "true"}, "at most one caption add-on"},
		{"story", []string{"media_type", "STORIES", "image_url", "https://example.com/a.jpg", "caption", "q", "is_comment_prompt_used", "true"}, "not supported on stories"},
		{"carousel item", []string{"image_url", "https://example.com/a.jpg", "is_carousel_item", "true", "caption", "q", "poll_attachment", poll}, "carousel container"},
		{"one option", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", `{"option_a":"Yes"}`}, "option_b is required"},
		{"d without c", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", `{"option_a":"a","option_b":"b","option_d":"d"}`}, "option_d needs option_c"},
		{"unknown key", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", `{"option_a":"a","option_b":"b","question":"q"}`}, "unknown key question"},
		{"long option", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", `{"option_a":"` + strings.Repeat("x", 26) + `","option_b":"b"}`}, "1 to 25 characters"},
		{"not JSON", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "poll_attachment", `option_a=Yes`}, "not a JSON object"},
		{"extended without poll", []string{"image_url", "https://example.com/a.jpg", "caption", "q", "is_poll_duration_extended", "true"}, "needs poll_attachment"},
		{"audio on an image", []string{"image_url", "https://example.com/a.jpg", "audio_configuration", `{"audio_id":"587784541076604"}`}, "only supported for REELS"},
		{"audio volume", []string{"media_type", "REELS", "video_url", "https://example.com/v.mp4", "audio_configuration", `{"audio_id":"587784541076604","audio_volume":101}`}, "between 0 and 100"},
		{"audio unknown key", []string{"media_type", "REELS", "video_url", "https://example.com/v.mp4", "audio_configuration", `{"audio_id":"587784541076604","volume":5}`}, "unknown field"},
		{"unknown track", []string{"media_type", "REELS", "video_url", "https://example.com/v.mp4", "audio_configuration", `{"audio_id":"1"}`}, "not available"},
	}
	for _, tc := range cases {
		e := h.post(userPath+"/media", fbl, tc.kv...).wantError(t, http.StatusBadRequest, 100, 0)
		if msg := str(e["message"]) + str(e["error_user_msg"]); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %q lacks %q", tc.name, msg, tc.want)
		}
	}
	// On a carousel the add-on goes on the parent.
	child2 := h.createImage(fbl, "https://example.com/d.jpg", "is_carousel_item", "true")
	h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", child+","+child2, "caption", "Which?", "poll_attachment", poll).mustOK(t)
	// A comment prompt on a reel.
	h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4", "caption", "Tell us", "is_comment_prompt_used", "true").mustOK(t)
}

// A reel with licensed music reads back MUSIC; a track withdrawn before
// publishing fails the publish, and nothing is published.
func TestAudio_reel(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: -1})
	cid := str(h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4",
		"audio_configuration", `{"audio_id":587784541076604,"audio_volume":30}`).mustOK(t)["id"])
	mid := h.publish(cid)
	snap, _ := h.emu.Media(mid)
	if snap.AudioID != "587784541076604" || snap.AudioVolume != 30 || snap.VideoVolume != 100 {
		t.Fatalf("snapshot = %+v", snap)
	}
	if b := h.get("/v25.0/"+mid, fbl, "fields", "media_audio_type").mustOK(t); b["media_audio_type"] != "MUSIC" {
		t.Fatalf("media = %v", b)
	}

	cid = str(h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4",
		"audio_configuration", `{"audio_id":"612345678901234"}`).mustOK(t)["id"])
	if !h.emu.SetAudioAvailable("612345678901234", false) {
		t.Fatal("SetAudioAvailable")
	}
	before := len(h.emu.MediaIDs(DefaultAccountID))
	e := h.post(userPath+"/media_publish", fbl, "creation_id", cid).wantError(t, http.StatusBadRequest, 100, 0)
	if !strings.Contains(str(e["message"]), "612345678901234") || len(h.emu.MediaIDs(DefaultAccountID)) != before {
		t.Fatalf("error = %v", e)
	}
	if usage := h.get(userPath+"/content_publishing_limit", fbl).mustOK(t); num(asMap(asList(usage["data"])[0])["quota_usage"]) != 1 {
		t.Fatalf("quota = %v", usage)
	}
}

func TestAudio_search(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get("/v25.0/ig_audio", fbl, "audio_type", "music", "user_id", DefaultAccountID).mustOK(t)
	list := asList(b["audio"])
	if len(list) != len(AudioIDs("music")) || asMap(list[0])["audio_id"] != "587784541076604" || asMap(list[0])["display_artist"] != "Shuba" {
		t.Fatalf("trending = %v", b)
	}
	b = h.get("/v25.0/ig_audio", fbl, "audio_type", "original_sound", "user_id", DefaultAccountID, "search_query", "latte").mustOK(t)
	if list := asList(b["audio"]); len(list) != 1 || asMap(list[0])["ig_username"] != "bluebottle" {
		t.Fatalf("search = %v", b)
	}
	b = h.get("/v25.0/ig_audio", fbl, "audio_type", "music", "user_id", DefaultAccountID, "limit", "2").mustOK(t)
	next := str(asMap(b["paging"])["next"])
	if len(asList(b["audio"])) != 2 || next == "" {
		t.Fatalf("page = %v", b)
	}
	if page2 := h.getURL(next).mustOK(t); len(asList(page2["audio"])) != 2 {
		t.Fatalf("page 2 = %v", page2)
	}
	h.emu.SetAudioAvailable("587784541076604", false)
	b = h.get("/v25.0/ig_audio", fbl, "audio_type", "music", "user_id", DefaultAccountID).mustOK(t)
	if asMap(asList(b["audio"])[0])["audio_id"] == "587784541076604" {
		t.Fatal("a withdrawn track is listed")
	}
	h.get("/v25.0/ig_audio", fbl, "user_id", DefaultAccountID).wantError(t, http.StatusBadRequest, 100, 0)
	h.get("/v25.0/ig_audio", fbl, "audio_type", "jingle", "user_id", DefaultAccountID).wantError(t, http.StatusBadRequest, 100, 0)
	h.get("/v25.0/ig_audio", igl, "audio_type", "music", "user_id", DefaultAccountID).wantError(t, http.StatusBadRequest, 100, 33)
}

// The media fields of 2026 with each login.
func TestMediaFields2026(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: -1})
	reel := h.publish(str(h.post(userPath+"/media", fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4", "is_ai_generated", "true").mustOK(t)["id"]))
	fields := "reposts_count,saved_count,shares_count,total_like_count,total_comments_count,total_views_count,media_audio_type,is_ai_generated,like_count"
	b := h.get("/v25.0/"+reel, fbl, "fields", fields).mustOK(t)
	for _, f := range []string{"reposts_count", "saved_count", "shares_count", "total_views_count"} {
		if _, ok := b[f].(float64); !ok {
			t.Errorf("%s missing: %v", f, b)
		}
	}
	if num(b["total_like_count"]) < num(b["like_count"]) || b["media_audio_type"] != "ORIGINAL_SOUND" || b["is_ai_generated"] != true {
		t.Fatalf("reel = %v", b)
	}
	image := h.publishImage("plain")
	if b := h.get("/v25.0/"+image, fbl, "fields", "total_views_count,media_audio_type").mustOK(t); len(b) != 1 {
		t.Fatalf("image = %v", b)
	}
	// Instagram login: the Facebook-login counts are no fields of the node;
	// the AI label and the audio type are.
	h.get("/v25.0/"+reel, igl, "fields", "saved_count").wantError(t, http.StatusBadRequest, 100, 0)
	if b := h.get("/v25.0/"+reel, igl, "fields", "media_audio_type,is_ai_generated").mustOK(t); b["is_ai_generated"] != true {
		t.Fatalf("igl = %v", b)
	}
}
