package workflow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	routeCreate  = "POST /{ig-user-id}/media"
	routePublish = "POST /{ig-user-id}/media_publish"
	routeStatus  = "GET /{container-id}"
	routeList    = "GET /{ig-user-id}/media"
)

// world is one test's emulator and a Publisher pointed at it.
type world struct {
	emu *emulator.Server
	pub *Publisher
}

// newWorld serves the emulator (through wrap, when given) and returns a
// Publisher on the emulator's clock with a short poll interval.
func newWorld(t *testing.T, opts emulator.Options, wrap func(*emulator.Server, http.Handler) http.Handler) *world {
	t.Helper()
	emu := emulator.New(opts)
	h := emu.Handler()
	if wrap != nil {
		h = wrap(emu, h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{
		BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &world{emu: emu, pub: &Publisher{
		Client: client, AccountID: emulator.DefaultAccountID, Now: emu.Now,
		PollInterval: time.Millisecond, ReadFields: []string{"id", "caption", "media_type", "media_product_type", "timestamp", "children{id}"},
	}}
}

func (w *world) posts() []string { return w.emu.MediaIDs(emulator.DefaultAccountID) }

// nothingPublished asserts that no post exists and media_publish was sent
// exactly sent times.
func (w *world) nothingPublished(t *testing.T, sent int) {
	t.Helper()
	if ids := w.posts(); len(ids) != 0 {
		t.Errorf("posts = %v, want none", ids)
	}
	if n := w.emu.CallCount(routePublish); n != sent {
		t.Errorf("media_publish sent %d times, want %d", n, sent)
	}
}

func imagePost(url, caption string) Post {
	return Post{Parent: graph.ContainerParams{Params: map[string]string{"image_url": url, "caption": caption}}}
}

func reelPost(url, caption string) Post {
	return Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels, Params: map[string]string{"video_url": url, "caption": caption}}}
}

func carouselPost(caption string, urls ...string) Post {
	post := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeCarousel, Params: map[string]string{"caption": caption}}}
	for _, u := range urls {
		item := graph.ContainerParams{Params: map[string]string{"image_url": u}}
		if strings.HasSuffix(u, ".mp4") {
			item = graph.ContainerParams{MediaType: graph.MediaTypeVideo, Params: map[string]string{"video_url": u}}
		}
		post.Items = append(post.Items, item)
	}
	return post
}

func storyPost(url string) Post {
	p := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeStories, Params: map[string]string{"image_url": url}}}
	if strings.HasSuffix(url, ".mp4") {
		p.Parent = graph.ContainerParams{MediaType: graph.MediaTypeStories, Params: map[string]string{"video_url": url}}
	}
	return p
}

// checkPublished asserts a successful Publish of exactly one post, read back.
func (w *world) checkPublished(t *testing.T, post Post, res *Result, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if ids := w.posts(); len(ids) != 1 || ids[0] != res.MediaID {
		t.Fatalf("posts = %v, want exactly [%s]", ids, res.MediaID)
	}
	snap, _ := w.emu.Media(res.MediaID)
	if res.ContainerID == "" || snap.ContainerID != res.ContainerID {
		t.Errorf("container = %q, want %q", res.ContainerID, snap.ContainerID)
	}
	if res.ReadErr != nil || res.Media == nil || res.Media.ID != res.MediaID || !post.Matches(res.Media) {
		t.Errorf("read back = %+v, %v", res.Media, res.ReadErr)
	}
}

func TestPublish_kinds(t *testing.T) {
	for name, post := range map[string]Post{
		"image":       imagePost("https://cdn.example.com/a.jpg", "Hello #world"),
		"reel":        reelPost("https://cdn.example.com/a.mp4", "A reel"),
		"carousel":    carouselPost("An album", "https://cdn.example.com/1.jpg", "https://cdn.example.com/2.mp4", "https://cdn.example.com/3.jpg"),
		"image story": storyPost("https://cdn.example.com/s.jpg"),
		"video story": storyPost("https://cdn.example.com/s.mp4"),
	} {
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			res, err := w.pub.Publish(context.Background(), post)
			w.checkPublished(t, post, res, err)
			if res.Recovered || w.emu.CallCount(routePublish) != 1 {
				t.Errorf("recovered=%v publishes=%d", res.Recovered, w.emu.CallCount(routePublish))
			}
		})
	}
}

// The connection drops after Meta published: the container says PUBLISHED
// and the id is recovered from the account's newest media, never by
// publishing again.
func TestPublish_lostAnswerRecovered(t *testing.T) {
	for name, post := range map[string]Post{
		"image":    imagePost("https://cdn.example.com/a.jpg", "lost"),
		"reel":     reelPost("https://cdn.example.com/a.mp4", "lost"),
		"carousel": carouselPost("lost", "https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg"),
		"story":    storyPost("https://cdn.example.com/s.jpg"),
	} {
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			// Older posts that look alike but are not this one.
			if _, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/old.jpg", "lost but older")); err != nil {
				t.Fatal(err)
			}
			old := w.posts()
			w.emu.AdvanceClock(time.Hour)
			w.emu.InjectFault(emulator.Fault{Route: routePublish, DropAfterCommit: true, Times: 1})

			res, err := w.pub.Publish(context.Background(), post)
			if err != nil {
				t.Fatalf("Publish: %v", err)
			}
			ids := w.posts()
			if len(ids) != 2 || ids[1] != old[0] || ids[0] != res.MediaID || !res.Recovered {
				t.Fatalf("posts = %v, result %+v: want exactly one new post, its id recovered", ids, res)
			}
			if n := w.emu.CallCount(routePublish); n != 2 {
				t.Errorf("media_publish sent %d times, want 1 for this post (+1 before)", n-1)
			}
			if res.Media == nil || res.Media.ID != res.MediaID {
				t.Errorf("read back %+v, %v", res.Media, res.ReadErr)
			}
		})
	}
}

// A 5xx answer to media_publish is ambiguous; the container shows it was not
// published (FINISHED), so publishing again cannot duplicate.
func TestPublish_lostAnswerUnpublishedIsSentAgain(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routePublish, Status: http.StatusInternalServerError, Times: 1})
	post := imagePost("https://cdn.example.com/a.jpg", "again")
	res, err := w.pub.Publish(context.Background(), post)
	w.checkPublished(t, post, res, err)
	if n := w.emu.CallCount(routePublish); n != 2 || res.Recovered {
		t.Errorf("media_publish sent %d times (recovered=%v), want 2: the first provably did nothing", n, res.Recovered)
	}
}

// Every answer to media_publish is lost and the container proves each time
// that nothing was published: after maxLostAnswers tries the error says so,
// and no longer that the publish may have reached Instagram (a chaos seed
// found the diagnostic claiming that, and that nothing had been resent).
func TestPublish_lostAnswersExhausted(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routePublish, Status: http.StatusInternalServerError})
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", "unlucky"))
	var refused *PublishError
	var lost *LostAnswersError
	var amb *graph.AmbiguousError
	if !errors.As(err, &refused) || !errors.As(refused.Err, &lost) || lost.Times != maxLostAnswers || errors.As(err, &amb) || MayHavePublished(err) {
		t.Fatalf("err = %v, want a *PublishError of a *LostAnswersError, no longer ambiguous", err)
	}
	if msg := refused.Err.Error(); !strings.Contains(msg, "sent 3 times") || strings.Contains(msg, "may or may not") {
		t.Errorf("the cause reads %q: want it to say it was sent 3 times and did nothing", msg)
	}
	w.nothingPublished(t, maxLostAnswers)
}

// The first media_publish times out before Meta acts on it (the container
// still reads FINISHED), so it is sent again; but the first one completes
// late, and Meta refuses the second as already published. The container
// settles it: the post exists once, and its id is recovered.
func TestPublish_lostAnswerCompletesLate(t *testing.T) {
	var publishes atomic.Int32
	var first atomic.Pointer[[]byte]
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if !strings.HasSuffix(r.URL.Path, "/media_publish") {
				h.ServeHTTP(rw, r)
				return
			}
			body, _ := io.ReadAll(r.Body)
			switch publishes.Add(1) {
			case 1: // held up somewhere: the client sees a 502
				first.Store(&body)
				rw.WriteHeader(http.StatusBadGateway)
				return
			case 2: // the first arrives late, just before the second
				late := r.Clone(r.Context())
				late.Body = io.NopCloser(bytes.NewReader(*first.Load()))
				h.ServeHTTP(httptest.NewRecorder(), late)
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			h.ServeHTTP(rw, r)
		})
	})
	post := imagePost("https://cdn.example.com/a.jpg", "late")
	res, err := w.pub.Publish(context.Background(), post)
	w.checkPublished(t, post, res, err)
	if !res.Recovered || publishes.Load() != 2 {
		t.Errorf("recovered=%v publishes=%d", res.Recovered, publishes.Load())
	}
}

// The answer is lost and the container still says IN_PROGRESS when read
// (Meta commits the post a moment later); once it is PUBLISHED, the next
// media_publish is refused. The refusal must be checked against the
// container too: the post exists and its id is recovered, never reported as
// "nothing was published".
func TestPublish_lostAnswerThenInProgressThenRefused(t *testing.T) {
	var lost, stale atomic.Bool
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			switch {
			case strings.HasSuffix(r.URL.Path, "/media_publish") && !lost.Load():
				lost.Store(true)
				h.ServeHTTP(httptest.NewRecorder(), r) // Meta publishes…
				rw.WriteHeader(http.StatusBadGateway)  // …and the answer is lost
				return
			case r.Method == http.MethodGet && lost.Load() && !stale.Load() && !strings.Contains(r.URL.Path, "/"+emulator.DefaultAccountID):
				stale.Store(true) // the first container read after it: not done yet
				rw.Header().Set("Content-Type", "application/json")
				_, _ = io.WriteString(rw, `{"status_code":"IN_PROGRESS","id":"x"}`)
				return
			}
			h.ServeHTTP(rw, r)
		})
	})
	post := imagePost("https://cdn.example.com/a.jpg", "in progress")
	res, err := w.pub.Publish(context.Background(), post)
	w.checkPublished(t, post, res, err)
	if !res.Recovered || len(w.posts()) != 1 {
		t.Errorf("recovered=%v posts=%v: want the one post, its id recovered", res.Recovered, w.posts())
	}
}

func TestPublish_lostAnswerNotRecovered(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routePublish, DropAfterCommit: true, Times: 1})
	w.emu.InjectFault(emulator.Fault{Route: routeList, Error: &emulator.ErrorBody{Code: 100, Message: "(#100) nope"}})
	post := imagePost("https://cdn.example.com/a.jpg", "gone")
	post.AllowDuplicate = true // the guard's own list would meet the fault first
	_, err := w.pub.Publish(context.Background(), post)
	var lost *PublishedNotRecoveredError
	if !errors.As(err, &lost) || lost.ContainerID == "" || !MayHavePublished(err) || !strings.Contains(err.Error(), "import") {
		t.Fatalf("err = %v, want *PublishedNotRecoveredError", err)
	}
	if len(w.posts()) != 1 || w.emu.CallCount(routePublish) != 1 {
		t.Errorf("posts=%v publishes=%d: want the one post, published once", w.posts(), w.emu.CallCount(routePublish))
	}
}

func TestPublish_lostAnswerAndContainerUnreadable(t *testing.T) {
	// Once media_publish arrives, the container cannot be read any more.
	w := newWorld(t, emulator.Options{}, func(emu *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/media_publish") {
				emu.InjectFault(emulator.Fault{Route: routeStatus, Error: &emulator.ErrorBody{Code: 10, Message: "(#10) denied"}})
			}
			h.ServeHTTP(rw, r)
		})
	})
	w.emu.InjectFault(emulator.Fault{Route: routePublish, DropAfterCommit: true, Times: 1})
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", "unknown"))
	var unknown *PublishUnknownError
	var amb *graph.AmbiguousError
	if !errors.As(err, &unknown) || !errors.As(err, &amb) || !MayHavePublished(err) {
		t.Fatalf("err = %v, want *PublishUnknownError", err)
	}
	if w.emu.CallCount(routePublish) != 1 {
		t.Errorf("media_publish sent %d times, want 1", w.emu.CallCount(routePublish))
	}
}

func TestPublish_notReadyOnce(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routePublish, Times: 1, Error: &emulator.ErrorBody{
		Code: 9007, Subcode: 2207027, Message: "Media ID is not available",
	}})
	post := reelPost("https://cdn.example.com/a.mp4", "patience")
	res, err := w.pub.Publish(context.Background(), post)
	w.checkPublished(t, post, res, err)
	if n := w.emu.CallCount(routePublish); n != 2 {
		t.Errorf("media_publish sent %d times, want 2", n)
	}
}

// Meta answers "not ready" (nothing published) and Terraform asks to stop
// before the next attempt: media_publish is not sent again.
func TestPublish_stopAfterNotReady(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(rw, r)
			if strings.HasSuffix(r.URL.Path, "/media_publish") {
				cancel()
			}
		})
	})
	w.emu.InjectFault(emulator.Fault{Route: routePublish, Error: &emulator.ErrorBody{
		Code: 9007, Subcode: 2207027, Message: "Media ID is not available",
	}})
	_, err := w.pub.Publish(ctx, imagePost("https://cdn.example.com/a.jpg", "x"))
	var ie *StoppedError
	if !errors.As(err, &ie) || ie.ContainerID == "" || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want *StoppedError", err)
	}
	w.nothingPublished(t, 1)
}

// Every subcode the table explains, as a container's ERROR status.
func TestPublish_containerError(t *testing.T) {
	for _, sub := range graph.ExplainedSubcodes() {
		t.Run(strconv.Itoa(sub), func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			w.emu.AddProcessingRule(emulator.ProcessingRule{URLContains: "fail", Outcome: "ERROR", Subcode: sub})
			_, err := w.pub.Publish(context.Background(), reelPost("https://cdn.example.com/fail.mp4", "x"))
			var ce *ContainerError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *ContainerError", err)
			}
			why, _ := graph.ExplainSubcode(sub)
			if ce.Item != ParentItem || ce.ContainerID == "" || ce.Subcode != sub || ce.Explanation != why ||
				ce.Attribute != graph.SubcodeAttribute(sub) || !strings.Contains(ce.Status, strconv.Itoa(sub)) || ce.Err != nil {
				t.Errorf("error = %+v", ce)
			}
			if !strings.Contains(err.Error(), why) || MayHavePublished(err) {
				t.Errorf("Error() = %q", err)
			}
			w.nothingPublished(t, 0)
		})
	}
}

// Instagram refuses the container itself (images are fetched while it is created).
func TestPublish_containerRefused(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.invalid/a.jpg", "x"))
	var ce *ContainerError
	if !errors.As(err, &ce) || ce.ContainerID != "" || ce.Subcode != graph.SubcodeMediaFetchFailed ||
		!graph.IsMediaFetchFailed(err) || ce.Explanation == "" {
		t.Fatalf("err = %v (%+v), want a refused container explained", err, ce)
	}
	w.nothingPublished(t, 0)
}

func TestPublish_containerExpired(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.AddProcessingRule(emulator.ProcessingRule{URLContains: "late", Outcome: "EXPIRED"})
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/late.jpg", "x"))
	var ee *ContainerExpiredError
	if !errors.As(err, &ee) || ee.ContainerID == "" || ee.Item != ParentItem {
		t.Fatalf("err = %v, want *ContainerExpiredError", err)
	}
	w.nothingPublished(t, 0)
}

func TestPublish_quotaUsedUpBefore(t *testing.T) {
	w := newWorld(t, emulator.Options{QuotaTotal: 2}, nil)
	for i := range 2 {
		if _, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		w.emu.AdvanceClock(time.Hour)
	}
	first, _ := w.emu.Media(w.posts()[1])
	creates := w.emu.CallCount(routeCreate)

	_, err := w.pub.Publish(context.Background(), carouselPost("third", "https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg"))
	var qe *QuotaError
	if !errors.As(err, &qe) {
		t.Fatalf("err = %v, want *QuotaError", err)
	}
	want := first.Timestamp.Add(24 * time.Hour)
	if qe.AccountID != emulator.DefaultAccountID || qe.Usage != 2 || qe.Total != 2 || qe.Window != 24*time.Hour ||
		!qe.NextFreeSlot.Equal(want) || qe.Cause != nil {
		t.Errorf("quota error = %+v, want the next slot at %s", qe, want)
	}
	if !strings.Contains(err.Error(), want.Format(time.RFC3339)) || !strings.Contains(err.Error(), "nothing was published") {
		t.Errorf("Error() = %q", err)
	}
	if n := w.emu.CallCount(routeCreate); n != creates {
		t.Errorf("%d containers created, want none", n-creates)
	}
}

// Concurrent publishes raced past the check: media_publish answers 9/2207042.
func TestPublish_quotaRace(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routePublish, Times: 1, Error: &emulator.ErrorBody{
		Code: 9, Subcode: 2207042, Message: "You reached maximum number of posts that is allowed to be published by Content Publishing API.",
	}})
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", "x"))
	var qe *QuotaError
	if !errors.As(err, &qe) || !graph.IsPublishingQuotaReached(qe.Cause) || qe.Total == 0 || MayHavePublished(err) {
		t.Fatalf("err = %v, want *QuotaError caused by the publish answer", err)
	}
	w.nothingPublished(t, 1)
}

func TestPublish_carouselItemFails(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.AddProcessingRule(emulator.ProcessingRule{URLContains: "bad", Outcome: "ERROR", Subcode: graph.SubcodeVideoFormat})
	post := carouselPost("album", "https://cdn.example.com/1.jpg", "https://cdn.example.com/bad.mp4", "https://cdn.example.com/3.jpg")
	_, err := w.pub.Publish(context.Background(), post)
	var items *ItemsError
	if !errors.As(err, &items) || items.Items != 3 || len(items.Failures) != 1 || items.Failures[0].Index != 1 {
		t.Fatalf("err = %v, want item 1 to fail", err)
	}
	var ce *ContainerError
	if !errors.As(items.Failures[0].Err, &ce) || ce.Item != 1 || ce.Subcode != graph.SubcodeVideoFormat || ce.Attribute != "video_url" {
		t.Errorf("item failure = %v", items.Failures[0].Err)
	}
	if n := w.emu.CallCount(routeCreate); n != 3 {
		t.Errorf("%d containers created, want the 3 items and no carousel", n)
	}
	w.nothingPublished(t, 0)
}

// Stopped while Instagram processes the video: nothing is published and
// Publish returns without waiting out the (hour-long) poll interval.
func TestPublish_stopWhilePolling(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newWorld(t, emulator.Options{VideoProcessingPolls: 1 << 30}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(rw, r)
			if r.Method == http.MethodGet && strings.Count(r.URL.Path, "/") == 2 && !strings.Contains(r.URL.Path, "content_publishing_limit") {
				cancel() // the first status read answered IN_PROGRESS: Terraform asks to stop
			}
		})
	})
	w.pub.PollInterval = time.Hour
	_, err := w.pub.Publish(ctx, reelPost("https://cdn.example.com/slow.mp4", "x"))
	var ie *StoppedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) || ie.Step != StepProcessing || MayHavePublished(err) {
		t.Fatalf("err = %v, want *StoppedError while processing", err)
	}
	if !strings.Contains(err.Error(), "nothing was published") {
		t.Errorf("Error() = %q", err)
	}
	w.nothingPublished(t, 0)
}

func TestPublish_deadlineWhilePolling(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	w := newWorld(t, emulator.Options{VideoProcessingPolls: 1 << 30}, nil)
	_, err := w.pub.Publish(ctx, reelPost("https://cdn.example.com/slow.mp4", "x"))
	var te *ProcessingTimeoutError
	var ie *StoppedError
	switch {
	case errors.As(err, &te):
		if te.ContainerID == "" || te.Item != ParentItem || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("timeout error = %+v", te)
		}
	case errors.As(err, &ie) && errors.Is(err, context.DeadlineExceeded):
		// The deadline came before the container existed.
	default:
		t.Fatalf("err = %v, want a timeout", err)
	}
	w.nothingPublished(t, 0)
}

// Stopped while media_publish is in flight: Meta commits the post, the
// answer comes after the cancellation, and Publish still returns the id.
func TestPublish_stopWhilePublishing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var readBackAfterStop atomic.Bool
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if ctx.Err() != nil && r.Method == http.MethodGet {
				readBackAfterStop.Store(true)
			}
			if !strings.HasSuffix(r.URL.Path, "/media_publish") {
				h.ServeHTTP(rw, r)
				return
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r) // committed
			cancel()            // Terraform asks to stop meanwhile…
			select {            // …and a request bound to ctx would have given up by now
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
			for k, v := range rec.Header() {
				rw.Header()[k] = v
			}
			rw.WriteHeader(rec.Code)
			_, _ = rw.Write(rec.Body.Bytes())
		})
	})
	post := imagePost("https://cdn.example.com/a.jpg", "in flight")
	res, err := w.pub.Publish(ctx, post)
	w.checkPublished(t, post, res, err)
	if ctx.Err() == nil || !readBackAfterStop.Load() || w.emu.CallCount(routePublish) != 1 || res.Recovered {
		t.Errorf("ctx=%v readBackAfterStop=%v publishes=%d recovered=%v", ctx.Err(), readBackAfterStop.Load(),
			w.emu.CallCount(routePublish), res.Recovered)
	}
}

// Stopped once the container is ready but before media_publish: it is never sent.
func TestPublish_stopBeforePublishing(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	id, _, err := w.pub.Client.Media.CreateContainer(context.Background(), w.pub.AccountID, graph.ContainerParams{Params: map[string]string{"image_url": "https://cdn.example.com/a.jpg"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.pub.waitFinished(context.Background(), id, ParentItem); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = w.pub.publish(ctx, imagePost("https://cdn.example.com/a.jpg", ""), id)
	var ie *StoppedError
	if !errors.As(err, &ie) || ie.Step != StepPublish || ie.ContainerID != id || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want *StoppedError before publishing", err)
	}
	w.nothingPublished(t, 0)
}

// The same, end to end: the stop arrives with the status read that says
// FINISHED. Whichever check sees it first, media_publish is not sent.
func TestPublish_stopWhenReady(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newWorld(t, emulator.Options{}, func(_ *emulator.Server, h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if strings.Contains(rec.Body.String(), `"FINISHED"`) {
				cancel()
			}
			for k, v := range rec.Header() {
				rw.Header()[k] = v
			}
			rw.WriteHeader(rec.Code)
			_, _ = rw.Write(rec.Body.Bytes())
		})
	})
	_, err := w.pub.Publish(ctx, imagePost("https://cdn.example.com/a.jpg", "x"))
	var ie *StoppedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want *StoppedError", err)
	}
	w.nothingPublished(t, 0)
}

func TestPublish_stopBeforeStarting(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := w.pub.Publish(ctx, carouselPost("x", "https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg"))
	var ie *StoppedError
	if !errors.As(err, &ie) || ie.Step != StepDuplicateCheck {
		t.Fatalf("err = %v, want *StoppedError at the duplicate check, the first step", err)
	}
	if n := w.emu.CallCount(routeCreate); n != 0 {
		t.Errorf("%d containers created", n)
	}
}

// A new run finds what an interrupted run published (FindRecentMatch on the emulator).
func TestFindRecentMatch_emulator(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	post := carouselPost("again?", "https://cdn.example.com/1.jpg", "https://cdn.example.com/2.jpg")
	started := w.emu.Now()
	res, err := w.pub.Publish(context.Background(), post)
	if err != nil {
		t.Fatal(err)
	}
	m, err := w.pub.FindRecentMatch(context.Background(), post, started, nil)
	if err != nil || m == nil || m.ID != res.MediaID {
		t.Fatalf("match = %+v, %v; want %s", m, err, res.MediaID)
	}
	m, err = w.pub.FindRecentMatch(context.Background(), post, started, func(id string) bool { return id == res.MediaID })
	if err != nil || m != nil {
		t.Errorf("match = %+v, %v; want none once excluded", m, err)
	}
}
