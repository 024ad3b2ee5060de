package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

const testContainer = "17889615691921648"

// ruploadHost is a fake upload host: it checks every request's wire rules
// and keeps the bytes it received at their offsets.
type ruploadHost struct {
	t      *testing.T
	server *httptest.Server

	mu       sync.Mutex
	file     []byte  // what arrived, by offset
	offsets  []int64 // offset header of each POST
	received int64   // body bytes read, duplicates included
	// dropAfter, when > 0, makes the next POST read that many bytes, keep
	// them and close the connection without an answer.
	dropAfter int64
	// answer, when set, answers the next POST instead.
	answer func(w http.ResponseWriter)
	// offsetGET answers GET on the upload URI.
	offsetGET func(w http.ResponseWriter)
}

func newRuploadHost(t *testing.T) *ruploadHost {
	h := &ruploadHost{t: t}
	h.server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.server.Close)
	return h
}

// posts is how many POSTs arrived; the handler of a dropped connection may
// still be running when the client has moved on, hence the lock.
func (h *ruploadHost) posts() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.offsets)
}

// got is what arrived: the file by offset and each POST's offset.
func (h *ruploadHost) got() ([]byte, []int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return bytes.Clone(h.file), slices.Clone(h.offsets)
}

func (h *ruploadHost) uri() string { return h.server.URL + "/ig-api-upload/v26.0/" + testContainer }

func (h *ruploadHost) serve(w http.ResponseWriter, r *http.Request) {
	t := h.t
	if got, want := r.Header.Get("Authorization"), "OAuth "+testToken; got != want {
		t.Errorf("%s upload: Authorization = %q, want %q", r.Method, got, want)
	}
	if strings.Contains(r.URL.String(), testToken) {
		t.Errorf("%s upload: token in the URL", r.Method)
	}
	if r.URL.Path != "/ig-api-upload/v26.0/"+testContainer {
		t.Errorf("%s upload: path %q", r.Method, r.URL.Path)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.Method == http.MethodGet {
		h.offsetGET(w)
		return
	}
	testMethod(t, r, "POST")
	offset, err1 := strconv.ParseInt(r.Header.Get("offset"), 10, 64)
	size, err2 := strconv.ParseInt(r.Header.Get("file_size"), 10, 64)
	if err1 != nil || err2 != nil {
		t.Errorf("upload: offset %q, file_size %q", r.Header.Get("offset"), r.Header.Get("file_size"))
	}
	h.offsets = append(h.offsets, offset)
	if h.answer != nil {
		answer := h.answer
		h.answer = nil
		answer(w)
		return
	}
	if h.file == nil {
		h.file = make([]byte, size)
	}
	body := io.Reader(r.Body)
	if h.dropAfter > 0 {
		body = io.LimitReader(r.Body, h.dropAfter)
	}
	n, _ := io.ReadFull(body, h.file[offset:])
	h.received += int64(n)
	if h.dropAfter > 0 {
		h.dropAfter = 0
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
			}
		}
		return
	}
	writeJSON(w, 200, `{"success":true,"message":"Upload successful. Upload session ID: `+testContainer+`"}`)
}

// video is size bytes of a fake MP4: an ftyp box, then a pattern.
func video(size int) []byte {
	b := make([]byte, size)
	for i := range b {
		b[i] = byte(i * 7)
	}
	copy(b, "\x00\x00\x00\x18ftypmp42")
	return b
}

func upload(e *env, h *ruploadHost, file []byte) error {
	return e.client.Uploads.Upload(context.Background(), Upload{ContainerID: testContainer, URI: h.uri(), File: bytes.NewReader(file), Size: int64(len(file))})
}

func TestUploads_Upload_wholeFile(t *testing.T) {
	e, h := setupEnv(t), newRuploadHost(t)
	file := video(1 << 20)
	if err := upload(e, h, file); err != nil {
		t.Fatal(err)
	}
	got, offsets := h.got()
	if !bytes.Equal(got, file) || len(offsets) != 1 || offsets[0] != 0 {
		t.Fatalf("upload host got %d bytes (equal: %v) in POSTs at offsets %v", len(got), bytes.Equal(got, file), offsets)
	}
	if n := e.logs.count("DEBUG", "graph: uploading video"); n != progressSteps {
		t.Errorf("%d progress lines, want %d", n, progressSteps)
	}
}

// A connection dropped mid-way resumes from the offset the container's
// video_status reports, and the rest is all that is sent again.
func TestUploads_Upload_resumesFromTheReportedOffset(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    string // the container's answer; %d is the offset
		offsetGET bool   // the offset comes from GET on the upload URI
	}{
		{name: "video_status", status: `{"id":"` + testContainer + `","status_code":"IN_PROGRESS","video_status":{"uploading_phase":{"status":"in_progress","bytes_transferred":%d}}}`},
		{name: "upload URI", status: graphError(100, 0, "(#100) Tried accessing nonexisting field (video_status)"), offsetGET: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, h := setupEnv(t), newRuploadHost(t)
			file := video(3 << 20)
			const kept = 1<<20 + 12345
			h.dropAfter = kept
			e.mux.HandleFunc("/v26.0/"+testContainer, func(w http.ResponseWriter, r *http.Request) {
				testMethod(t, r, "GET")
				testParams(t, r, map[string]string{"fields": "id,status_code,video_status"})
				if tc.offsetGET {
					writeJSON(w, 400, tc.status)
					return
				}
				writeJSON(w, 200, fmt.Sprintf(tc.status, kept))
			})
			h.offsetGET = func(w http.ResponseWriter) { writeJSON(w, 200, fmt.Sprintf(`{"offset":%d}`, kept)) }
			if err := upload(e, h, file); err != nil {
				t.Fatal(err)
			}
			got, offsets := h.got()
			if !bytes.Equal(got, file) {
				t.Fatal("the uploaded file differs from the original")
			}
			if fmt.Sprint(offsets) != fmt.Sprint([]int64{0, kept}) {
				t.Fatalf("POST offsets %v, want %v", offsets, []int64{0, kept})
			}
			h.mu.Lock()
			received := h.received
			h.mu.Unlock()
			if received != int64(len(file)) {
				t.Fatalf("the upload host read %d bytes for a %d-byte file", received, len(file))
			}
			if n := e.logs.count("WARN", "graph: upload interrupted; resuming from the offset Meta reports"); n != 1 {
				t.Errorf("%d resume warnings, want 1", n)
			}
		})
	}
}

// The answer is lost after every byte arrived: nothing is sent again.
func TestUploads_Upload_lostAnswerOfACompleteUpload(t *testing.T) {
	e, h := setupEnv(t), newRuploadHost(t)
	file := video(4096)
	h.dropAfter = int64(len(file))
	e.mux.HandleFunc("/v26.0/"+testContainer, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"id":"`+testContainer+`","video_status":{"uploading_phase":{"status":"complete","bytes_transferred":4096}}}`)
	})
	if err := upload(e, h, file); err != nil {
		t.Fatal(err)
	}
	if h.posts() != 1 {
		t.Fatalf("%d POSTs, want 1", h.posts())
	}
}

func TestUploads_Upload_refusals(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		posts  int
		check  func(error) bool
	}{
		{"not retriable", 400, `{"debug_info":{"retriable":false,"type":"ProcessingFailedError","message":"Request processing failed"}}`, 1,
			func(err error) bool {
				var ue *UploadError
				return errors.As(err, &ue) && ue.Type == "ProcessingFailedError" && !ue.Retriable
			}},
		{"invalid token", 400, graphError(190, 0, "Invalid OAuth access token"), 1, IsAuth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, h := setupEnv(t), newRuploadHost(t)
			h.answer = func(w http.ResponseWriter) { writeJSON(w, tc.status, tc.body) }
			err := upload(e, h, video(1000))
			if err == nil || !tc.check(err) {
				t.Fatalf("err = %v", err)
			}
			if h.posts() != tc.posts {
				t.Fatalf("%d POSTs, want %d", h.posts(), tc.posts)
			}
		})
	}
}

// The token goes only to Meta's hosts over https, or to the base URL's host.
func TestUploads_Upload_refusesForeignHosts(t *testing.T) {
	e := setupEnv(t)
	for _, uri := range []string{
		"http://rupload.facebook.com/ig-api-upload/1", "https://uploads.example.com/ig-api-upload/1",
		"https://rupload.facebook.com.example.com/x", "not a url",
	} {
		err := e.client.Uploads.Upload(context.Background(), Upload{ContainerID: "1", URI: uri, File: bytes.NewReader([]byte("x")), Size: 1})
		if err == nil || !strings.Contains(err.Error(), "upload uri") {
			t.Errorf("%s: err = %v", uri, err)
		}
	}
}

func TestMediaService_CreateUploadContainer(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "POST")
		testParams(t, r, map[string]string{"media_type": "REELS", "upload_type": "resumable", "caption": "Reel!"})
		if r.Form.Has("video_url") {
			t.Error("video_url sent with an upload")
		}
		writeJSON(w, 200, `{"id":"`+testContainer+`","uri":"https://rupload.facebook.com/ig-api-upload/v26.0/`+testContainer+`"}`)
	})
	c, _, err := e.client.Media.CreateUploadContainer(context.Background(), testIGUser,
		ContainerParams{MediaType: MediaTypeReels, Params: map[string]string{"caption": "Reel!", "video_url": "https://ignored.example.com/v.mp4"}})
	if err != nil {
		t.Fatal(err)
	}
	if *c != (UploadContainer{ID: testContainer, URI: "https://rupload.facebook.com/ig-api-upload/v26.0/" + testContainer}) {
		t.Fatalf("container = %+v", c)
	}
}
