package workflow

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The duplicate guard of a post: an identical post the caller does not hold
// stops the publish before anything is sent; one it holds, or
// AllowDuplicate, does not; an identical post older than the window is no
// leftover.
func TestPublish_duplicateGuard(t *testing.T) {
	for _, tc := range []struct {
		name    string
		post    Post
		age     time.Duration // of the identical post on the account
		held    bool
		allow   bool
		refused bool
	}{
		{name: "identical captioned post an hour ago", post: imagePost("https://cdn.example.com/a.jpg", "Launch"), age: time.Hour, refused: true},
		{name: "held by the caller", post: imagePost("https://cdn.example.com/a.jpg", "Launch"), age: time.Hour, held: true},
		{name: "allow_duplicate", post: imagePost("https://cdn.example.com/a.jpg", "Launch"), age: time.Hour, allow: true},
		{name: "older than a day", post: imagePost("https://cdn.example.com/a.jpg", "Launch"), age: 25 * time.Hour},
		{name: "an uncaptioned story half an hour ago", post: storyPost("https://cdn.example.com/s.jpg"), age: 30 * time.Minute, refused: true},
		{name: "an uncaptioned story two hours ago", post: storyPost("https://cdn.example.com/s.jpg"), age: 2 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			kind := "FEED"
			if tc.post.ProductType() == "STORY" {
				kind = "STORY"
			}
			earlier, _ := w.emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Type: kind, Caption: tc.post.Parent.Param("caption")})
			w.emu.AdvanceClock(tc.age)
			if tc.held {
				w.pub.Held = func(id string) bool { return id == earlier }
			}
			tc.post.AllowDuplicate = tc.allow
			_, err := w.pub.Publish(context.Background(), tc.post)
			var dup *DuplicateError
			switch {
			case tc.refused && (!errors.As(err, &dup) || dup.Post.ID != earlier):
				t.Fatalf("err = %v, want a *DuplicateError naming %s", err, earlier)
			case tc.refused:
				if n := w.emu.CallCount(routeCreate); n != 0 {
					t.Errorf("%d containers created before the refusal", n)
				}
			case err != nil:
				t.Fatalf("err = %v, want it published", err)
			}
		})
	}
}

// A search that fails stops the publish: publishing without it could post
// twice.
func TestPublish_duplicateSearchFails(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routeList, Error: &emulator.ErrorBody{Code: 1, Message: "An unknown error occurred"}})
	_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", "Launch"))
	var search *SearchError
	if !errors.As(err, &search) {
		t.Fatalf("err = %v, want *SearchError", err)
	}
	w.nothingPublished(t, 0)
}

// Two identical posts of one process take turns: the second sees the
// first, which the first recorded (OnPublished → Held) before its turn
// ended, and publishes too.
func TestPublish_identicalPostsTakeTurns(t *testing.T) {
	w := newWorld(t, emulator.Options{}, nil)
	var turn, mu sync.Mutex // one key here: one turn
	held := map[string]bool{}
	w.pub.Exclusive = func(string) func() { turn.Lock(); return turn.Unlock }
	w.pub.Held = func(id string) bool { mu.Lock(); defer mu.Unlock(); return held[id] }
	w.pub.OnPublished = func(id string) { mu.Lock(); defer mu.Unlock(); held[id] = true }
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := w.pub.Publish(context.Background(), imagePost("https://cdn.example.com/a.jpg", "Twice on purpose"))
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("err = %v", err)
		}
	}
	if n := len(w.posts()); n != 2 {
		t.Errorf("%d posts, want 2", n)
	}
}

// Before a scheduled post is recorded as missed, the guard looks for the
// post a stopped run may have published at its time: one published since
// then (a few minutes of clock skew allowed) and not held is named; one
// published before, one held, and AllowDuplicate are not; a failed search
// says so.
func TestCheckNotPublishedSince(t *testing.T) {
	for _, tc := range []struct {
		name    string
		before  time.Duration // the identical post was published this long before the scheduled time
		held    bool
		allow   bool
		refused bool
	}{
		{name: "published at its time", before: -10 * time.Minute, refused: true},
		{name: "published a minute early (clocks)", before: time.Minute, refused: true},
		{name: "published the day before", before: 24 * time.Hour},
		{name: "held by the caller", before: -10 * time.Minute, held: true},
		{name: "allow_duplicate", before: -10 * time.Minute, allow: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			post := imagePost("https://cdn.example.com/a.jpg", "Monday 9:00")
			earlier, _ := w.emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Type: "FEED", Caption: "Monday 9:00"})
			scheduled := w.emu.Now().Add(tc.before)
			w.emu.AdvanceClock(3 * time.Hour) // the window closed
			if tc.held {
				w.pub.Held = func(id string) bool { return id == earlier }
			}
			post.AllowDuplicate = tc.allow
			err := w.pub.CheckNotPublishedSince(context.Background(), post, scheduled)
			var dup *DuplicateError
			switch {
			case tc.refused && (!errors.As(err, &dup) || dup.Post.ID != earlier):
				t.Fatalf("err = %v, want a *DuplicateError naming %s", err, earlier)
			case !tc.refused && err != nil:
				t.Fatalf("err = %v, want none", err)
			}
		})
	}
	// A story looks like any other story: one posted (from the app, say)
	// since a scheduled story's time is taken for it within the hour the
	// guard searches for stories, not days later.
	for _, tc := range []struct {
		name    string
		after   time.Duration // the other story was posted this long after the scheduled time
		refused bool
	}{
		{"a story within the hour before the check", 2*time.Hour + 30*time.Minute, true},
		{"a story hours before the check", 10 * time.Minute, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, emulator.Options{}, nil)
			scheduled := w.emu.Now()
			w.emu.AdvanceClock(tc.after)
			if _, ok := w.emu.PostOutOfBand(emulator.DefaultAccountID, emulator.Post{Type: "STORY"}); !ok {
				t.Fatal("the emulator did not post the story")
			}
			w.emu.AdvanceClock(3*time.Hour - tc.after) // the window closed
			err := w.pub.CheckNotPublishedSince(context.Background(), storyPost("https://cdn.example.com/s.jpg"), scheduled)
			var dup *DuplicateError
			if errors.As(err, &dup) != tc.refused {
				t.Fatalf("err = %v, want a *DuplicateError: %t", err, tc.refused)
			}
		})
	}

	w := newWorld(t, emulator.Options{}, nil)
	w.emu.InjectFault(emulator.Fault{Route: routeList, Error: &emulator.ErrorBody{Code: 1, Message: "An unknown error occurred"}})
	var search *SearchError
	if err := w.pub.CheckNotPublishedSince(context.Background(), imagePost("https://cdn.example.com/a.jpg", "x"), w.emu.Now()); !errors.As(err, &search) {
		t.Fatalf("err = %v, want *SearchError", err)
	}
}
