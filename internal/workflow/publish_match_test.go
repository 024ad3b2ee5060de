package workflow

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const testAccount = "17841400000000001"

var t0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// item is a media as the edges list it; ago is its age relative to t0.
func item(id, product, mediaType, caption string, ago time.Duration, children int) map[string]any {
	m := map[string]any{
		"id": id, "media_product_type": product, "media_type": mediaType,
		"timestamp": t0.Add(-ago).Format(graph.TimeLayout),
	}
	if caption != "" {
		m["caption"] = caption
	}
	if children > 0 {
		data := []map[string]string{}
		for i := range children {
			data = append(data, map[string]string{"id": id + "-" + strconv.Itoa(i)})
		}
		m["children"] = map[string]any{"data": data}
	}
	return m
}

// edgeServer serves /{account}/media and /stories newest first from items,
// in pages of the requested limit, with cursors "p<offset>".
func edgeServer(t *testing.T, media, stories []map[string]any) *graph.Client {
	t.Helper()
	serve := func(items []map[string]any) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query()
			if q.Get("fields") != "id,caption,media_type,media_product_type,timestamp,permalink,children{id}" || q.Get("limit") != "25" {
				t.Errorf("%s: fields=%q limit=%q", r.URL.Path, q.Get("fields"), q.Get("limit"))
			}
			offset := 0
			if a := q.Get("after"); a != "" {
				offset, _ = strconv.Atoi(a[1:])
			}
			end := min(offset+25, len(items))
			body := map[string]any{"data": items[offset:end]}
			if end < len(items) {
				body["paging"] = map[string]any{"cursors": map[string]string{"after": "p" + strconv.Itoa(end)}, "next": "https://graph.facebook.com/next"}
			}
			_ = json.NewEncoder(w).Encode(body)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/"+graph.DefaultAPIVersion+"/"+testAccount+"/media", serve(media))
	mux.Handle("/"+graph.DefaultAPIVersion+"/"+testAccount+"/stories", serve(stories))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: "EAAtest", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFindRecentMatch(t *testing.T) {
	image := Post{Parent: graph.ContainerParams{Params: map[string]string{"image_url": "https://x/a.jpg", "caption": "hello"}}}
	reel := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeReels, Params: map[string]string{"video_url": "https://x/a.mp4", "caption": "hello"}}}
	carousel := Post{
		Parent: graph.ContainerParams{MediaType: graph.MediaTypeCarousel, Params: map[string]string{"caption": "hello"}},
		Items:  []graph.ContainerParams{{Params: map[string]string{"image_url": "https://x/1.jpg"}}, {Params: map[string]string{"image_url": "https://x/2.jpg"}}},
	}
	imageStory := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeStories, Params: map[string]string{"image_url": "https://x/s.jpg"}}}
	videoStory := Post{Parent: graph.ContainerParams{MediaType: graph.MediaTypeStories, Params: map[string]string{"video_url": "https://x/s.mp4"}}}
	since := t0.Add(-10 * time.Minute)
	many := func(n int, last map[string]any) []map[string]any {
		items := []map[string]any{}
		for i := range n {
			items = append(items, item("other"+strconv.Itoa(i), "FEED", "IMAGE", "something else", time.Minute, 0))
		}
		return append(items, last)
	}

	for _, tc := range []struct {
		name           string
		post           Post
		media, stories []map[string]any
		exclude        string
		want           string // media id; "" = no match
	}{
		{name: "image", post: image, media: []map[string]any{item("1", "FEED", "IMAGE", "hello", time.Minute, 0)}, want: "1"},
		{name: "caption differs", post: image, media: []map[string]any{item("1", "FEED", "IMAGE", "hello!", time.Minute, 0)}},
		{name: "no caption", post: image, media: []map[string]any{item("1", "FEED", "IMAGE", "", time.Minute, 0)}},
		{name: "product differs", post: image, media: []map[string]any{item("1", "REELS", "IMAGE", "hello", time.Minute, 0)}},
		{name: "media type differs", post: image, media: []map[string]any{item("1", "FEED", "VIDEO", "hello", time.Minute, 0)}},
		{name: "reel", post: reel, media: []map[string]any{item("1", "FEED", "IMAGE", "hello", 0, 0), item("2", "REELS", "VIDEO", "hello", time.Minute, 0)}, want: "2"},
		{name: "carousel", post: carousel, media: []map[string]any{item("1", "FEED", "CAROUSEL_ALBUM", "hello", time.Minute, 2)}, want: "1"},
		{name: "children count differs", post: carousel, media: []map[string]any{item("1", "FEED", "CAROUSEL_ALBUM", "hello", time.Minute, 3)}},
		{name: "too old", post: image, media: []map[string]any{item("1", "FEED", "IMAGE", "hello", 11*time.Minute, 0)}},
		{name: "exactly since", post: image, media: []map[string]any{item("1", "FEED", "IMAGE", "hello", 10*time.Minute, 0)}, want: "1"},
		{name: "excluded", post: image, exclude: "1", media: []map[string]any{item("1", "FEED", "IMAGE", "hello", time.Minute, 0)}},
		{name: "excluded newest, older one matches", post: image, exclude: "1", want: "2",
			media: []map[string]any{item("1", "FEED", "IMAGE", "hello", time.Minute, 0), item("2", "FEED", "IMAGE", "hello", 2*time.Minute, 0)}},
		{name: "newest of two", post: image, want: "1",
			media: []map[string]any{item("1", "FEED", "IMAGE", "hello", time.Minute, 0), item("2", "FEED", "IMAGE", "hello", 2*time.Minute, 0)}},
		{name: "on the second page", post: image, media: many(30, item("1", "FEED", "IMAGE", "hello", 2*time.Minute, 0)), want: "1"},
		// Newest first: after a post older than since, none can be newer, so a
		// (contrived) match on the next page is never read.
		{name: "paging stops at older posts", post: image, media: append(
			[]map[string]any{item("old", "FEED", "IMAGE", "x", 20*time.Minute, 0)},
			many(30, item("1", "FEED", "IMAGE", "hello", time.Minute, 0))...)},
		{name: "image story", post: imageStory, stories: []map[string]any{item("1", "STORY", "IMAGE", "", time.Minute, 0)}, want: "1"},
		{name: "image story is not a video story", post: videoStory, stories: []map[string]any{item("1", "STORY", "IMAGE", "", time.Minute, 0)}},
		{name: "video story, newest of the unordered edge", post: videoStory, want: "2", stories: []map[string]any{
			item("1", "STORY", "VIDEO", "", 3*time.Minute, 0), item("old", "STORY", "VIDEO", "", time.Hour, 0), item("2", "STORY", "VIDEO", "", time.Minute, 0)}},
		{name: "stories are not on the media edge", post: imageStory, media: []map[string]any{item("1", "STORY", "IMAGE", "", time.Minute, 0)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Publisher{Client: edgeServer(t, tc.media, tc.stories), AccountID: testAccount}
			exclude := func(id string) bool { return id == tc.exclude }
			m, err := p.FindRecentMatch(context.Background(), tc.post, since, exclude)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if m != nil {
				got = m.ID
			}
			if got != tc.want {
				t.Errorf("match = %q, want %q", got, tc.want)
			}
		})
	}
}
