package emulator

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// fakeVideo is n bytes starting like an MP4 file.
func fakeVideo(n int) []byte {
	b := bytes.Repeat([]byte{0x42}, n)
	copy(b, "\x00\x00\x00\x18ftypisom")
	return b
}

// createUpload creates a resumable container and returns its id and uri.
func (h *harness) createUpload(token string, kv ...string) (id, uri string) {
	h.t.Helper()
	b := h.post(userPath+"/media", token, append([]string{"upload_type", "resumable"}, kv...)...).mustOK(h.t)
	return str(b["id"]), str(b["uri"])
}

// uploadBytes POSTs data as the bytes from offset on, as Meta's guide shows.
func (h *harness) uploadBytes(uri, token string, offset, size int64, data []byte) resp {
	h.t.Helper()
	req, err := http.NewRequestWithContext(h.t.Context(), http.MethodPost, uri, bytes.NewReader(data))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Authorization", "OAuth "+token)
	req.Header.Set("offset", strconv.FormatInt(offset, 10))
	req.Header.Set("file_size", strconv.FormatInt(size, 10))
	return h.send(req)
}

func (h *harness) containerStatus(id string) map[string]any {
	h.t.Helper()
	return h.get("/v25.0/"+id, fbl, "fields", "status_code,status,video_status").mustOK(h.t)
}

func bytesTransferred(c map[string]any) int64 {
	return int64(num(asMap(asMap(c["video_status"])["uploading_phase"])["bytes_transferred"]))
}

func TestResumableUpload(t *testing.T) {
	h := newHarness(t, Options{})
	id, uri := h.createUpload(fbl, "media_type", "REELS", "caption", "From a file")
	if want := h.srv.URL + "/ig-api-upload/v25.0/" + id; uri != want {
		t.Fatalf("uri = %q, want %q", uri, want)
	}
	// Nothing uploaded: in progress, and not publishable.
	c := h.containerStatus(id)
	if str(c["status_code"]) != "IN_PROGRESS" || str(asMap(asMap(c["video_status"])["uploading_phase"])["status"]) != "not_started" {
		t.Fatalf("before the upload: %v", c)
	}
	h.post(userPath+"/media_publish", fbl, "creation_id", id).wantError(t, 400, 9007, 2207027)

	video := fakeVideo(300 << 10)
	// The bytes arrive in two requests; the second starts where the first ended.
	h.uploadBytes(uri, fbl, 0, int64(len(video)), video[:100<<10]).mustOK(t)
	if got := bytesTransferred(h.containerStatus(id)); got != 100<<10 {
		t.Fatalf("bytes_transferred = %d after the first part", got)
	}
	h.uploadBytes(uri, fbl, 100<<10, int64(len(video)), video[100<<10:]).mustOK(t)
	for range 3 { // video processing: IN_PROGRESS for two status reads
		c = h.containerStatus(id)
	}
	if str(c["status_code"]) != "FINISHED" || str(asMap(asMap(c["video_status"])["processing_phase"])["status"]) != "complete" {
		t.Fatalf("after the upload: %v", c)
	}
	mid := str(h.post(userPath+"/media_publish", fbl, "creation_id", id).mustOK(t)["id"])
	m, _ := h.emu.Media(mid)
	if m.MediaType != "VIDEO" || m.MediaProductType != "REELS" || m.UploadedBytes != int64(len(video)) || m.VideoURL != "" {
		t.Fatalf("published: %+v", m)
	}
	if got := h.emu.UploadBytesReceived(); got != int64(len(video)) {
		t.Fatalf("UploadBytesReceived = %d, want %d", got, len(video))
	}
	if n := h.emu.CallCount("POST /ig-api-upload/{container-id}"); n != 2 {
		t.Fatalf("%d upload calls counted", n)
	}
}

// A connection cut after some bytes keeps them (in whole chunks); the
// upload resumes from the offset video_status reports, or with
// UploadOffsetOnRupload from GET on the upload URI.
func TestResumableUpload_cutOff(t *testing.T) {
	for _, onRupload := range []bool{false, true} {
		t.Run("offset on rupload "+strconv.FormatBool(onRupload), func(t *testing.T) {
			h := newHarness(t, Options{UploadChunkSize: 64 << 10, UploadOffsetOnRupload: onRupload})
			id, uri := h.createUpload(fbl, "media_type", "STORIES")
			video := fakeVideo(1 << 20)
			h.emu.InjectFault(Fault{Route: "POST /ig-api-upload/{container-id}", DropAfterBytes: 300 << 10, Times: 1})
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, uri, bytes.NewReader(video))
			req.Header.Set("Authorization", "OAuth "+fbl)
			req.Header.Set("offset", "0")
			req.Header.Set("file_size", strconv.Itoa(len(video)))
			if res, err := h.srv.Client().Do(req); err == nil {
				res.Body.Close()
				t.Fatal("the cut-off upload got an answer")
			}
			var kept int64
			if onRupload {
				h.get("/v25.0/"+id, fbl, "fields", "video_status").wantError(t, 400, 100, 0)
				r, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, uri, nil)
				r.Header.Set("Authorization", "OAuth "+fbl)
				kept = int64(num(h.send(r).mustOK(t)["offset"]))
			} else {
				kept = bytesTransferred(h.containerStatus(id))
			}
			if want := int64(256 << 10); kept != want { // 300 KiB read, 4 whole chunks of 64 KiB kept
				t.Fatalf("kept %d bytes, want %d", kept, want)
			}
			h.uploadBytes(uri, fbl, kept+1, int64(len(video)), video[kept+1:]).wantUploadError(t, 400, "ParameterValidationError")
			h.uploadBytes(uri, fbl, kept, int64(len(video)), video[kept:]).mustOK(t)
			if got, want := h.emu.UploadBytesReceived(), int64(300<<10+len(video))-kept; got != want {
				t.Fatalf("UploadBytesReceived = %d, want %d", got, want)
			}
			if f := h.emu.FaultsApplied(); f[FaultDropAfterBytes] != 1 {
				t.Fatalf("faults applied: %v", f)
			}
		})
	}
}

func (r resp) wantUploadError(t *testing.T, status int, typ string) {
	t.Helper()
	d := asMap(r.body["debug_info"])
	if r.status != status || str(d["type"]) != typ {
		t.Fatalf("status %d, body %s; want %d with debug_info.type %s", r.status, r.raw, status, typ)
	}
}

func TestResumableUpload_rules(t *testing.T) {
	h := newHarness(t, Options{})
	create := func(token string, kv ...string) resp {
		return h.post(userPath+"/media", token, append([]string{"upload_type", "resumable"}, kv...)...)
	}
	create(fbl, "image_url", "https://example.com/a.jpg").wantError(t, 400, 100, 0) // images have no upload path
	create(fbl, "media_type", "CAROUSEL").wantError(t, 400, 100, 0)
	create(fbl, "media_type", "REELS", "video_url", "https://example.com/v.mp4").wantError(t, 400, 100, 0)
	h.post(userPath+"/media", fbl, "media_type", "REELS", "upload_type", "RESUMABLE").wantError(t, 400, 100, 0)
	// Instagram login: refused unless ResumableUploadInstagramLogin.
	create(igl, "media_type", "REELS").wantError(t, 400, 100, 0)
	ok := newHarness(t, Options{ResumableUploadInstagramLogin: true})
	if _, uri := ok.createUpload(igl, "media_type", "REELS"); uri == "" {
		t.Fatal("no uri with ResumableUploadInstagramLogin")
	}
	// A carousel video item, then the carousel with it.
	item, uri := h.createUpload(fbl, "media_type", "VIDEO", "is_carousel_item", "true")
	video := fakeVideo(2048)

	// The upload host's own rules.
	h.uploadBytes(uri, "not-a-token", 0, 2048, video).wantUploadError(t, 401, "AuthorizationError")
	h.uploadBytes(uri, igl, 0, 2048, video).mustOK(t) // the same account's Instagram-login token reaches it
	img := h.createImage(fbl, "https://example.com/a.jpg", "is_carousel_item", "true")
	h.uploadBytes(h.srv.URL+"/ig-api-upload/v25.0/"+img, fbl, 0, 2048, video).wantUploadError(t, 400, "ProcessingFailedError")
	_, reel := h.createUpload(fbl, "media_type", "REELS")
	h.uploadBytes(reel, fbl, 0, 300<<20+1, video).wantUploadError(t, 400, "ParameterValidationError")

	parent := str(h.post(userPath+"/media", fbl, "media_type", "CAROUSEL", "children", item+","+img).mustOK(t)["id"])
	for range 4 {
		h.get("/v25.0/"+parent, fbl, "fields", "status_code")
	}
	h.post(userPath+"/media_publish", fbl, "creation_id", parent).mustOK(t)
}

// An uploaded file that is not an MP4/MOV fails processing, with the
// subcode of an unsupported video format.
func TestResumableUpload_notAVideo(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: -1})
	id, uri := h.createUpload(fbl, "media_type", "REELS")
	text := []byte(strings.Repeat("not a video\n", 100))
	h.uploadBytes(uri, fbl, 0, int64(len(text)), text).mustOK(t)
	c := h.containerStatus(id)
	if str(c["status_code"]) != "ERROR" || str(c["status"]) != "Error: 2207026" || str(asMap(asMap(c["video_status"])["processing_phase"])["status"]) != "error" {
		t.Fatalf("container: %v", c)
	}
}

// file_url asks Meta to fetch the video instead of sending it.
func TestResumableUpload_fileURL(t *testing.T) {
	h := newHarness(t, Options{VideoProcessingPolls: -1})
	id, uri := h.createUpload(fbl, "media_type", "REELS")
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, uri, nil)
	req.Header.Set("Authorization", "OAuth "+fbl)
	req.Header.Set("file_url", "https://cdn.example.com/v.mp4")
	h.send(req).mustOK(t)
	if c := h.containerStatus(id); str(c["status_code"]) != "FINISHED" {
		t.Fatalf("container: %v", c)
	}
}

// The 2025–2026 publishing parameters (publishing_params.go).
func TestPublishingLabels(t *testing.T) {
	h := newHarness(t, Options{})
	reel := func(kv ...string) resp {
		return h.post(userPath+"/media", fbl, append([]string{"media_type", "REELS", "video_url", "https://example.com/v.mp4"}, kv...)...)
	}
	img := func(kv ...string) resp {
		return h.post(userPath+"/media", fbl, append([]string{"image_url", "https://example.com/a.jpg"}, kv...)...)
	}
	story := func(kv ...string) resp {
		return h.post(userPath+"/media", fbl, append([]string{"media_type", "STORIES", "image_url", "https://example.com/s.jpg"}, kv...)...)
	}
	item := func(kv ...string) resp {
		return h.post(userPath+"/media", fbl, append([]string{"image_url", "https://example.com/a.jpg", "is_carousel_item", "true"}, kv...)...)
	}

	// Trial reels: REELS only, a known graduation strategy.
	reel("trial_params", `{"graduation_strategy":"MANUAL"}`).mustOK(t)
	reel("trial_params", `{"graduation_strategy":"SOMETIMES"}`).wantError(t, 400, 100, 0)
	reel("trial_params", `MANUAL`).wantError(t, 400, 100, 0)
	img("trial_params", `{"graduation_strategy":"MANUAL"}`).wantError(t, 400, 100, 0)
	newHarness(t, Options{TrialReelsUnsupported: true}).post(userPath+"/media", fbl, "media_type", "REELS",
		"video_url", "https://example.com/v.mp4", "trial_params", `{"graduation_strategy":"MANUAL"}`).wantError(t, 400, 100, 2207081)

	// Branded content: feed posts and reels, at most two numeric sponsors.
	img("branded_content_sponsor_ids", `["17841400000000002","17841400000000003"]`).mustOK(t)
	img("branded_content_sponsor_ids", `["1","2","3"]`).wantError(t, 400, 100, 0)
	img("branded_content_sponsor_ids", `["a_brand"]`).wantError(t, 400, 100, 0)
	img("branded_content_sponsor_ids", `["1"]`, "is_paid_partnership", "false").wantError(t, 400, 100, 0)
	reel("is_paid_partnership", "true").mustOK(t)
	story("is_paid_partnership", "true").wantError(t, 400, 100, 0)
	item("branded_content_sponsor_ids", `["1"]`).wantError(t, 400, 100, 0)
	igOnly := newHarness(t, Options{BrandedContentFacebookLoginOnly: true})
	igOnly.post(userPath+"/media", igl, "image_url", "https://example.com/a.jpg", "is_paid_partnership", "true").wantError(t, 400, 100, 0)
	igOnly.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg", "is_paid_partnership", "true").mustOK(t)

	// The AI label: any type, but a carousel's parent, not its items.
	story("is_ai_generated", "true").mustOK(t)
	item("is_ai_generated", "true").wantError(t, 400, 100, 0)
	img("is_ai_generated", "maybe").wantError(t, 400, 100, 0)

	// Collaborators on a carousel's parent only, never on stories; user
	// tags on stories without coordinates, never on carousel videos.
	item("collaborators", `["a"]`).wantError(t, 400, 100, 0)
	story("collaborators", `["a"]`).wantError(t, 400, 100, 0)
	story("user_tags", `[{"username":"a"},{"username":"b","x":0.2,"y":0.9}]`).mustOK(t)
	h.post(userPath+"/media", fbl, "media_type", "VIDEO", "video_url", "https://example.com/v.mp4", "is_carousel_item", "true",
		"user_tags", `[{"username":"a"}]`).wantError(t, 400, 100, 0)

	// The labels reach the published media.
	h2 := newHarness(t, Options{ImageProcessingPolls: -1})
	cid := str(h2.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg",
		"branded_content_sponsor_ids", `["17841400000000002"]`, "is_ai_generated", "true").mustOK(t)["id"])
	mid := str(h2.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)["id"])
	m, _ := h2.emu.Media(mid)
	if !m.IsPaidPartnership || !m.IsAIGenerated || len(m.BrandedContentSponsorIDs) != 1 {
		t.Fatalf("published: %+v", m)
	}
}
