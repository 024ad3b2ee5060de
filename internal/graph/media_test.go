package graph

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func TestMediaService_CreateContainer(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    ContainerParams
		want map[string]string
	}{
		{
			name: "single image: no media_type, the post's parameters as given",
			p: ContainerParams{MediaType: MediaTypeImage, Params: map[string]string{
				"image_url": "https://www.example.com/images/bronzed-fonzes.jpg", "caption": "#BronzedFonzes! @friend",
				"user_tags": `[{"username":"kevinhart4real","x":0.5,"y":0.8}]`, "alt_text": "",
			}},
			want: map[string]string{
				"image_url": "https://www.example.com/images/bronzed-fonzes.jpg", "caption": "#BronzedFonzes! @friend",
				"user_tags": `[{"username":"kevinhart4real","x":0.5,"y":0.8}]`,
			},
		},
		{
			name: "reel",
			p:    ContainerParams{MediaType: MediaTypeReels, Params: map[string]string{"video_url": "https://example.com/v.mp4", "share_to_feed": "false"}},
			want: map[string]string{"media_type": "REELS", "video_url": "https://example.com/v.mp4", "share_to_feed": "false"},
		},
		{
			name: "carousel image item",
			p:    ContainerParams{IsCarouselItem: true, Params: map[string]string{"image_url": "https://example.com/1.jpg"}},
			want: map[string]string{"image_url": "https://example.com/1.jpg", "is_carousel_item": "true"},
		},
		{
			name: "carousel video item",
			p:    ContainerParams{MediaType: MediaTypeVideo, IsCarouselItem: true, Params: map[string]string{"video_url": "https://example.com/2.mp4"}},
			want: map[string]string{"media_type": "VIDEO", "video_url": "https://example.com/2.mp4", "is_carousel_item": "true"},
		},
		{
			name: "carousel parent",
			p:    ContainerParams{MediaType: MediaTypeCarousel, Children: []string{"17911111111111111", "17922222222222222"}, Params: map[string]string{"caption": "album"}},
			want: map[string]string{"media_type": "CAROUSEL", "children": "17911111111111111,17922222222222222", "caption": "album"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setupEnv(t)
			e.mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
				testMethod(t, r, "POST")
				testParams(t, r, tc.want)
				if _, sent := r.Form["alt_text"]; sent {
					t.Error("an empty parameter was sent")
				}
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

func TestContainerParams_fieldsAreNotParams(t *testing.T) {
	if _, err := (ContainerParams{Params: map[string]string{"media_type": "REELS"}}).values(); err == nil {
		t.Error("a workflow field given as a parameter was accepted")
	}
}

func TestEncodePoll(t *testing.T) {
	got, err := EncodePoll([]string{"Flat white", "Cortado", `"Both"`})
	if want := `{"option_a":"Flat white","option_b":"Cortado","option_c":"\"Both\""}`; err != nil || got != want {
		t.Errorf("EncodePoll = %s, %v; want %s", got, err, want)
	}
	for _, n := range []int{0, 1, 5} {
		if _, err := EncodePoll(make([]string, n)); err == nil {
			t.Errorf("a poll of %d options was encoded", n)
		}
	}
}

// EncodeParam writes what Meta's reference shows: text as it is, booleans
// and numbers as text, lists and objects as JSON.
func TestEncodeParam(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{"#summer @friend", "#summer @friend"},
		{true, "true"},
		{false, "false"},
		{int64(0), "0"},
		{int64(1500), "1500"},
		{0.25, "0.25"},
		{[]any{"alice", "bob"}, `["alice","bob"]`},
		{[]any{map[string]any{"username": "kevinhart4real", "x": 0.5, "y": 0.8}}, `[{"username":"kevinhart4real","x":0.5,"y":0.8}]`},
		{map[string]any{"graduation_strategy": GraduationSSPerformance}, `{"graduation_strategy":"SS_PERFORMANCE"}`},
	} {
		got, err := EncodeParam(tc.v)
		if err != nil || got != tc.want {
			t.Errorf("EncodeParam(%#v) = %q, %v; want %q", tc.v, got, err, tc.want)
		}
	}
}

func TestContainerParams_captionHashEncoded(t *testing.T) {
	v, err := ContainerParams{Params: map[string]string{"caption": "#a"}}.values()
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

func TestMedia_Field(t *testing.T) {
	shared := false
	m := &Media{Caption: "hello", IsSharedToFeed: &shared}
	if v, ok := m.Field("caption"); !ok || v != "hello" {
		t.Errorf("caption = %v, %v", v, ok)
	}
	if v, ok := m.Field("is_shared_to_feed"); !ok || v != false {
		t.Errorf("is_shared_to_feed = %v, %v (a false Graph returned is returned)", v, ok)
	}
	for _, absent := range []string{"alt_text", "like_count", "no_such_field"} {
		if v, ok := m.Field(absent); ok {
			t.Errorf("%s = %v, want not returned", absent, v)
		}
	}
}
