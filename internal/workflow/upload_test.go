package workflow

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const routeUpload = "POST /ig-api-upload/{container-id}"

// videoFile writes size bytes that start like an MP4 file and returns the path.
func videoFile(t *testing.T, size int) string {
	t.Helper()
	b := bytes.Repeat([]byte{7}, size)
	copy(b, "\x00\x00\x00\x18ftypmp42")
	path := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Reels, stories and carousel video items publish from local files; the
// post's media type is VIDEO although it has no video_url.
func TestPublish_localVideoFiles(t *testing.T) {
	for name, post := range map[string]Post{
		"reel":  {Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels, Params: map[string]string{"caption": "From disk"}}},
		"story": {Parent: graph.ContainerParams{MediaType: graph.MediaTypeStories}},
		"carousel": {Parent: graph.ContainerParams{MediaType: graph.MediaTypeCarousel, Params: map[string]string{"caption": "Mixed"}}, Items: []graph.ContainerParams{
			{Params: map[string]string{"image_url": "https://cdn.example.com/1.jpg"}}, {MediaType: graph.MediaTypeVideo},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, emulator.Options{}, nil)
			path := videoFile(t, 200<<10)
			post.Videos = map[int]string{ParentItem: path}
			if name == "carousel" {
				post.Videos = map[int]string{1: path}
			}
			res, err := w.pub.Publish(context.Background(), post)
			w.checkPublished(t, post, res, err)
			if got := w.emu.UploadBytesReceived(); got != 200<<10 {
				t.Errorf("uploaded %d bytes, want %d", got, 200<<10)
			}
			snap, _ := w.emu.Media(res.MediaID)
			if name == "carousel" {
				snap, _ = w.emu.Media(snap.Children[1])
			}
			if snap.MediaType != graph.MediaTypeVideo || snap.UploadedBytes != 200<<10 {
				t.Errorf("published %+v", snap)
			}
		})
	}
}

// An upload cut off mid-way resumes from the offset Meta reports.
func TestPublish_uploadResumes(t *testing.T) {
	w := newWorld(t, emulator.Options{UploadChunkSize: 32 << 10}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routeUpload, DropAfterBytes: 500 << 10, Times: 1})
	path := videoFile(t, 1<<20)
	post := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels}, Videos: map[int]string{ParentItem: path}}
	res, err := w.pub.Publish(context.Background(), post)
	w.checkPublished(t, post, res, err)
	if got, limit := w.emu.UploadBytesReceived(), int64(1<<20+32<<10); got > limit {
		t.Fatalf("the emulator received %d bytes for a 1 MiB file: the upload started over", got)
	}
	if n := w.emu.CallCount(routeUpload); n != 2 {
		t.Fatalf("%d upload requests, want 2", n)
	}
}

// A file Instagram cannot process fails the container; the error says the
// video was uploaded, so the caller can point at the file.
func TestPublish_uploadedFileFailsProcessing(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	path := filepath.Join(t.TempDir(), "notes.mp4")
	if err := os.WriteFile(path, []byte("plain text, not a video"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := w.pub.Publish(context.Background(), Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels}, Videos: map[int]string{ParentItem: path}})
	var ce *ContainerError
	if !errors.As(err, &ce) || ce.Subcode != graph.SubcodeVideoFormat || !ce.Uploaded || ce.Attribute != "video_url" {
		t.Fatalf("err = %#v", err)
	}
	w.nothingPublished(t, 0)
}

// A failed or stopped upload publishes nothing.
func TestPublish_uploadFails(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	post := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels}, Videos: map[int]string{ParentItem: filepath.Join(t.TempDir(), "gone.mp4")}}
	_, err := w.pub.Publish(context.Background(), post)
	var ue *UploadError
	if !errors.As(err, &ue) || ue.ContainerID == "" || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
	w.nothingPublished(t, 0)
}

// Terraform stops the run while the video is uploading: nothing is
// published and the error names the step.
func TestPublish_uploadStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.URL.Path, emulator.UploadPrefix) {
				h.ServeHTTP(rw, r)
				return
			}
			cancel()
			_, _ = io.Copy(io.Discard, r.Body) // until the client gives up
		})
	})
	post := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels}, Videos: map[int]string{ParentItem: videoFile(t, 4<<20)}}
	_, err := w.pub.Publish(ctx, post)
	var stopped *StoppedError
	if !errors.As(err, &stopped) || stopped.Step != StepUpload || stopped.ContainerID == "" {
		t.Fatalf("err = %v", err)
	}
	w.nothingPublished(t, 0)
}
