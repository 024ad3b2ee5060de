package graph

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func ptr[T any](v T) *T { return &v }

func TestMediaService_CreateContainer(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    ContainerParams
		want map[string]string
	}{
		{
			name: "single image",
			p: ContainerParams{
				MediaType: MediaTypeImage, ImageURL: "https://www.example.com/images/bronzed-fonzes.jpg",
				Caption: "#BronzedFonzes! @friend", AltText: "two people", LocationID: "110123",
				UserTags:      []UserTag{{Username: "kevinhart4real", X: ptr(0.5), Y: ptr(0.8)}},
				Collaborators: []string{"alice", "bob"},
			},
			want: map[string]string{
				"image_url": "https://www.example.com/images/bronzed-fonzes.jpg",
				"caption":   "#BronzedFonzes! @friend", "alt_text": "two people", "location_id": "110123",
				"user_tags":     `[{"username":"kevinhart4real","x":0.5,"y":0.8}]`,
				"collaborators": `["alice","bob"]`,
			},
		},
		{
			name: "reel",
			p: ContainerParams{
				MediaType: MediaTypeReels, VideoURL: "https://example.com/v.mp4", Caption: "Reel!",
				ShareToFeed: ptr(false), CoverURL: "https://example.com/c.jpg", ThumbOffset: ptr(int64(0)), AudioName: "My sound",
			},
			want: map[string]string{
				"media_type": "REELS", "video_url": "https://example.com/v.mp4", "caption": "Reel!",
				"share_to_feed": "false", "cover_url": "https://example.com/c.jpg", "thumb_offset": "0", "audio_name": "My sound",
			},
		},
		{
			name: "trial reel in a paid partnership",
			p: ContainerParams{
				MediaType: MediaTypeReels, VideoURL: "https://example.com/v.mp4",
				TrialParams:              &TrialParams{GraduationStrategy: GraduationSSPerformance},
				BrandedContentSponsorIDs: []string{"17841400000000002"}, IsPaidPartnership: ptr(true), IsAIGenerated: ptr(false),
			},
			want: map[string]string{
				"media_type": "REELS", "video_url": "https://example.com/v.mp4",
				"trial_params":                `{"graduation_strategy":"SS_PERFORMANCE"}`,
				"branded_content_sponsor_ids": `["17841400000000002"]`, "is_paid_partnership": "true", "is_ai_generated": "false",
			},
		},
		{
			name: "story with tags without coordinates",
			p: ContainerParams{
				MediaType: MediaTypeStories, ImageURL: "https://example.com/s.jpg",
				UserTags: []UserTag{{Username: "someone"}},
			},
			want: map[string]string{
				"media_type": "STORIES", "image_url": "https://example.com/s.jpg", "user_tags": `[{"username":"someone"}]`,
			},
		},
		{
			name: "carousel image item",
			p:    ContainerParams{ImageURL: "https://example.com/1.jpg", IsCarouselItem: true, AltText: "first"},
			want: map[string]string{"image_url": "https://example.com/1.jpg", "is_carousel_item": "true", "alt_text": "first"},
		},
		{
			name: "carousel video item",
			p:    ContainerParams{MediaType: MediaTypeVideo, VideoURL: "https://example.com/2.mp4", IsCarouselItem: true},
			want: map[string]string{"media_type": "VIDEO", "video_url": "https://example.com/2.mp4", "is_carousel_item": "true"},
		},
		{
			name: "carousel parent",
			p:    ContainerParams{MediaType: MediaTypeCarousel, Children: []string{"17911111111111111", "17922222222222222"}, Caption: "album", ShareToFeed: ptr(true)},
			want: map[string]string{"media_type": "CAROUSEL", "children": "17911111111111111,17922222222222222", "caption": "album", "share_to_feed": "true"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setupEnv(t)
			e.mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
				testMethod(t, r, "POST")
				testParams(t, r, tc.want)
				writeJSON(w, 200, `{"id":"17889455560051444"}`)
			})
			id, _, err := e.client.Media.CreateContainer(context.Background(), testIGUser, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			if id != "17889455560051444" {
				t.Errorf("id = %q", id)
			}
		})
	}
}

func TestContainerParams_captionHashEncoded(t *testing.T) {
	v, err := ContainerParams{Caption: "#a"}.values()
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Encode(); got != "caption=%23a" {
		t.Errorf("encoded = %q, want caption=%%23a", got)
	}
}

func TestMediaService_GetContainer(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17889615691921648", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,status_code,status"})
		writeJSON(w, 200, `{"status_code":"ERROR","status":"Error: 2207026","id":"17889615691921648"}`)
	})
	c, _, err := client.Media.GetContainer(context.Background(), "17889615691921648")
	if err != nil {
		t.Fatal(err)
	}
	if *c != (Container{ID: "17889615691921648", StatusCode: ContainerError, Status: "Error: 2207026"}) {
		t.Errorf("container = %+v", c)
	}
}

func TestMediaService_Publish(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/media_publish", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "POST")
		testParams(t, r, map[string]string{"creation_id": "17889455560051444"})
		writeJSON(w, 200, `{"id":"17920238422030506"}`)
	})
	id, _, err := client.Media.Publish(context.Background(), testIGUser, "17889455560051444")
	if err != nil {
		t.Fatal(err)
	}
	if id != "17920238422030506" {
		t.Errorf("id = %q", id)
	}
}

func TestMediaService_Get(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17900000000000001", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,media_type,owner,timestamp,is_comment_enabled,children{id,media_type,media_url}"})
		writeJSON(w, 200, `{"id":"17900000000000001","media_type":"CAROUSEL_ALBUM","owner":{"id":"17841405309211844"},
			"timestamp":"2026-05-01T10:00:00+0000","is_comment_enabled":false,
			"children":{"data":[{"id":"17911111111111111","media_type":"IMAGE","media_url":"https://a"},
			                    {"id":"17922222222222222","media_type":"VIDEO","media_url":"https://b"}]}}`)
	})
	m, _, err := client.Media.Get(context.Background(), "17900000000000001",
		[]string{"id", "media_type", "owner", "timestamp", "is_comment_enabled", "children{id,media_type,media_url}"})
	if err != nil {
		t.Fatal(err)
	}
	if m.MediaType != "CAROUSEL_ALBUM" || m.Owner == nil || m.Owner.ID != "17841405309211844" ||
		m.IsCommentEnabled == nil || *m.IsCommentEnabled || m.Children == nil || len(m.Children.Data) != 2 ||
		m.Children.Data[1].MediaType != "VIDEO" {
		t.Errorf("media = %+v", m)
	}
	ts, err := m.Time()
	if err != nil || !ts.Equal(time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v, %v", ts, err)
	}
}

func TestMediaService_Get_defaultFields(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username,owner,comments_count,like_count,is_comment_enabled,is_shared_to_feed,alt_text,children{id,media_type,media_url,thumbnail_url,timestamp}"})
		writeJSON(w, 200, `{"id":"1","comments_count":4,"like_count":10}`)
	})
	m, _, err := client.Media.Get(context.Background(), "1", nil)
	if err != nil || !returned(m.CommentsCount, 4) || !returned(m.LikeCount, 10) {
		t.Fatalf("m=%+v err=%v", m, err)
	}
}

func TestParseTime(t *testing.T) {
	got, err := ParseTime("2019-09-26T22:36:43+0000")
	if err != nil || !got.Equal(time.Date(2019, 9, 26, 22, 36, 43, 0, time.UTC)) {
		t.Errorf("ParseTime = %v, %v", got, err)
	}
	if _, err := ParseTime("2019-09-26T22:36:43Z"); err != nil {
		t.Errorf("RFC 3339 fallback: %v", err)
	}
	if _, err := ParseTime("yesterday"); err == nil {
		t.Error("garbage accepted")
	}
}

func TestMediaService_List(t *testing.T) {
	client, mux := setup(t)
	since := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	until := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,caption", "limit": "10", "since": "1775001600", "until": "1777593600"})
		writeJSON(w, 200, `{"data":[{"id":"17895695668004550","caption":"Hello #world"}],"paging":{"cursors":{"before":"a","after":"b"}}}`)
	})
	items, err := Collect(client.Media.List(context.Background(), testIGUser, ListOptions{
		Fields: []string{"id", "caption"}, PageSize: 10, Since: since, Until: until,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Caption != "Hello #world" {
		t.Errorf("items = %+v", items)
	}
}

func TestMediaService_ListStories(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/stories", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,media_product_type", "limit": "5"})
		writeJSON(w, 200, `{"data":[{"id":"1","media_product_type":"STORY"},{"id":"2","media_product_type":"STORY"}]}`)
	})
	items, err := Collect(client.Media.ListStories(context.Background(), testIGUser, ListOptions{Fields: []string{"id", "media_product_type"}, Limit: 5}))
	if err != nil || len(items) != 2 || items[1].MediaProductType != "STORY" {
		t.Fatalf("items=%+v err=%v", items, err)
	}
}

func TestMediaService_SetCommentEnabled(t *testing.T) {
	for _, enabled := range []bool{true, false} {
		client, mux := setup(t)
		mux.HandleFunc("/v26.0/17918920912340654", func(w http.ResponseWriter, r *http.Request) {
			testMethod(t, r, "POST")
			want := "false"
			if enabled {
				want = "true"
			}
			testParams(t, r, map[string]string{"comment_enabled": want})
			writeJSON(w, 200, `{"success":true}`)
		})
		if _, err := client.Media.SetCommentEnabled(context.Background(), "17918920912340654", enabled); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMediaService_SetCommentEnabled_successFalse(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"success":false}`)
	})
	if _, err := client.Media.SetCommentEnabled(context.Background(), "1", true); err == nil {
		t.Error("success=false accepted")
	}
}

func TestMediaService_Delete(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17918920912340654", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "DELETE")
		testParams(t, r, map[string]string{})
		writeJSON(w, 200, `{"success":true,"deleted_id":"17918920912340654"}`)
	})
	if _, err := client.Media.Delete(context.Background(), "17918920912340654"); err != nil {
		t.Fatal(err)
	}
}

func TestMediaService_Delete_bareTrue(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `true`)
	})
	if _, err := client.Media.Delete(context.Background(), "1"); err != nil {
		t.Fatal(err)
	}
}

func TestPublishedTypeAndBack(t *testing.T) {
	for _, tc := range []struct {
		container          string
		video              bool
		mediaType, product string
		back               string
	}{
		{"", false, MediaTypeImage, ProductFeed, MediaTypeImage},
		{MediaTypeImage, false, MediaTypeImage, ProductFeed, MediaTypeImage},
		{MediaTypeReels, true, MediaTypeVideo, ProductReels, MediaTypeReels},
		{MediaTypeStories, false, MediaTypeImage, ProductStory, MediaTypeStories},
		{MediaTypeStories, true, MediaTypeVideo, ProductStory, MediaTypeStories},
		{MediaTypeCarousel, false, MediaTypeCarouselAlbum, ProductFeed, MediaTypeCarousel},
		{MediaTypeVideo, true, MediaTypeVideo, ProductFeed, MediaTypeReels}, // a carousel item; an old feed video reads as a reel
	} {
		mt, pt := PublishedType(tc.container, tc.video)
		if mt != tc.mediaType || pt != tc.product {
			t.Errorf("PublishedType(%q, %v) = %s, %s; want %s, %s", tc.container, tc.video, mt, pt, tc.mediaType, tc.product)
		}
		if back := ContainerType(mt, pt); back != tc.back {
			t.Errorf("ContainerType(%s, %s) = %s, want %s", mt, pt, back, tc.back)
		}
	}
}
