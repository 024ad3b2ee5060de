package media

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

// Every input of the models has a row and a schema attribute, and every row
// names a field of its model and, when read back, a field of graph.Media.
func TestMediaInputsMatchTheModel(t *testing.T) {
	// Not inputs of the table: where, what and when to publish,
	// Terraform-side settings and computed values.
	notInTable := map[string]bool{
		"id": true, "account_id": true, "type": true, "deletion_policy": true, "allow_duplicate": true, "timeouts": true,
		"container_id": true, "permalink": true, "shortcode": true, "media_type": true,
		"media_product_type": true, "timestamp": true, "username": true, "children_ids": true,
		"video_file_hash": true, "publish_at": true, "publish_window": true, "status": true, "replaced_id": true,
		"collaborator_invites": true,
	}
	checkTable[mediaModel](t, mediaInputs, notInTable)
	checkTable[childModel](t, childInputs, map[string]bool{"video_file_hash": true})

	var resp resource.SchemaResponse
	(&mediaResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	mediaFields := map[string]bool{}
	for i := range reflect.TypeFor[graph.Media]().NumField() {
		name, _, _ := strings.Cut(reflect.TypeFor[graph.Media]().Field(i).Tag.Get("json"), ",")
		mediaFields[name] = true
	}
	for _, in := range mediaInputs {
		_, isAttr := resp.Schema.Attributes[in.name]
		_, isBlock := resp.Schema.Blocks[in.name]
		if !isAttr && !isBlock {
			t.Errorf("input %q has no schema attribute", in.name)
		}
		if in.acceptedFor() == "" {
			t.Errorf("input %q is accepted by no type", in.name)
		}
		if in.readAs != "" && !mediaFields[in.readAs] {
			t.Errorf("input %q is read back as %q, which graph.Media does not have", in.name, in.readAs)
		}
	}
}

func checkTable[M any](t *testing.T, inputs []input, notInTable map[string]bool) {
	t.Helper()
	rows := map[string]bool{}
	for _, in := range inputs {
		rows[in.name] = true
	}
	typ := reflect.TypeFor[M]()
	for i := range typ.NumField() {
		name := typ.Field(i).Tag.Get("tfsdk")
		switch {
		case notInTable[name]:
		case !rows[name]:
			t.Errorf("%s.%s (%s) has no row in the input table", typ.Name(), typ.Field(i).Name, name)
		}
		delete(rows, name)
	}
	for name := range rows {
		t.Errorf("row %q has no field in %s", name, typ.Name())
	}
}

// sample is a value of one input, the kind of post it is tried on, and
// what Instagram must receive for it.
type sample struct {
	kind  string
	value attr.Value
	want  map[string]string // request parameters
}

// inputSamples has a sample of every row of mediaInputs and childInputs
// (children[…] for an item's input).
var inputSamples = map[string]sample{
	"image_url":     {mediaTypeImage, types.StringValue("https://cdn.example.com/a.jpg"), map[string]string{"image_url": "https://cdn.example.com/a.jpg"}},
	"video_url":     {mediaTypeReels, types.StringValue("https://cdn.example.com/a.mp4"), map[string]string{"video_url": "https://cdn.example.com/a.mp4", "media_type": "REELS"}},
	"video_file":    {mediaTypeReels, types.StringValue("SAMPLE_VIDEO"), map[string]string{"upload_type": "resumable", "media_type": "REELS"}},
	"caption":       {mediaTypeImage, types.StringValue("Launch #day @friend"), map[string]string{"caption": "Launch #day @friend"}},
	"alt_text":      {mediaTypeImage, types.StringValue("A red bicycle"), map[string]string{"alt_text": "A red bicycle"}},
	"location_id":   {mediaTypeImage, types.StringValue("110123456789"), map[string]string{"location_id": "110123456789"}},
	"user_tags":     {mediaTypeImage, userTagsValue(), map[string]string{"user_tags": `[{"username":"friend","x":0.25,"y":0.75}]`}},
	"collaborators": {mediaTypeImage, stringList("alice", "bob"), map[string]string{"collaborators": `["alice","bob"]`}},
	"share_to_feed": {mediaTypeReels, types.BoolValue(false), map[string]string{"share_to_feed": "false"}},
	"cover_url":     {mediaTypeReels, types.StringValue("https://cdn.example.com/cover.jpg"), map[string]string{"cover_url": "https://cdn.example.com/cover.jpg"}},
	"thumb_offset":  {mediaTypeReels, types.Int64Value(1500), map[string]string{"thumb_offset": "1500"}},
	"audio_name":    {mediaTypeReels, types.StringValue("Our sound"), map[string]string{"audio_name": "Our sound"}},
	"trial_params": {mediaTypeReels, types.ObjectValueMust(map[string]attr.Type{"graduation_strategy": types.StringType}, map[string]attr.Value{"graduation_strategy": types.StringValue("MANUAL")}),
		map[string]string{"trial_params": `{"graduation_strategy":"MANUAL"}`}},
	"branded_content_sponsor_ids": {mediaTypeImage, stringList("17841400000000042"), map[string]string{"branded_content_sponsor_ids": `["17841400000000042"]`}},
	"is_paid_partnership":         {mediaTypeImage, types.BoolValue(true), map[string]string{"is_paid_partnership": "true"}},
	"is_ai_generated":             {mediaTypeImage, types.BoolValue(true), map[string]string{"is_ai_generated": "true"}},
	"children":                    {mediaTypeCarousel, nil, map[string]string{"media_type": "CAROUSEL"}},
	"poll": {mediaTypeImage, types.ObjectValueMust(map[string]attr.Type{"options": types.ListType{ElemType: types.StringType}, "duration_extended": types.BoolType},
		map[string]attr.Value{"options": stringList("Flat white", "Cortado"), "duration_extended": types.BoolValue(true)}),
		map[string]string{"poll_attachment": `{"option_a":"Flat white","option_b":"Cortado"}`, "is_poll_duration_extended": "true"}},
	"comment_prompt": {mediaTypeImage, types.BoolValue(true), map[string]string{"is_comment_prompt_used": "true"}},
	"audio": {mediaTypeReels, types.ObjectValueMust(map[string]attr.Type{"audio_id": types.StringType, "audio_volume": types.Int64Type, "video_volume": types.Int64Type},
		map[string]attr.Value{"audio_id": types.StringValue("587784541076604"), "audio_volume": types.Int64Value(30), "video_volume": types.Int64Null()}),
		map[string]string{"audio_configuration": `{"audio_id":"587784541076604","audio_volume":30}`}},

	"children[image_url]":  {itemImage, types.StringValue("https://cdn.example.com/1.jpg"), map[string]string{"image_url": "https://cdn.example.com/1.jpg", "is_carousel_item": "true"}},
	"children[video_url]":  {itemVideo, types.StringValue("https://cdn.example.com/2.mp4"), map[string]string{"video_url": "https://cdn.example.com/2.mp4", "media_type": "VIDEO"}},
	"children[video_file]": {itemVideo, types.StringValue("SAMPLE_VIDEO"), map[string]string{"upload_type": "resumable", "media_type": "VIDEO"}},
	"children[alt_text]":   {itemImage, types.StringValue("The first item"), map[string]string{"alt_text": "The first item"}},
	"children[user_tags]":  {itemImage, userTagsValue(), map[string]string{"user_tags": `[{"username":"friend","x":0.25,"y":0.75}]`}},
}

// Every row's value reaches Instagram: a post with the sample is published
// through the workflow against the emulator, and the container request the
// emulator received carries the sample's parameters. A read-back row's
// value comes back into the model from the published post.
func TestMediaInputsReachInstagram(t *testing.T) {
	video := filepath.Join(t.TempDir(), "clip.mp4")
	b := make([]byte, 64<<10)
	copy(b, "\x00\x00\x00\x10ftypisom\x00\x00\x02\x00")
	if err := os.WriteFile(video, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		prefix string
		rows   []input
	}{{"", mediaInputs}, {"children", childInputs}} {
		for _, in := range tc.rows {
			name := in.name
			if tc.prefix != "" {
				name = tc.prefix + "[" + in.name + "]"
			}
			s, ok := inputSamples[name]
			if !ok {
				t.Errorf("input %s has no sample in inputSamples", name)
				continue
			}
			t.Run(name, func(t *testing.T) {
				if s.value != nil && s.value.Equal(types.StringValue("SAMPLE_VIDEO")) {
					s.value = types.StringValue(video)
				}
				m := samplePost(t, tc.prefix != "", in, s)
				requests, media := publishRecorded(t, &m)
				if !slices.ContainsFunc(requests, func(p url.Values) bool { return matches(p, s.want) }) {
					t.Fatalf("no container request carried %v; requests: %v", s.want, requests)
				}
				if in.readAs == "" || tc.prefix != "" {
					return
				}
				// Configured otherwise (an input Instagram always returns:
				// not configured), the post's value comes back.
				back := nullModel(context.Background())
				back.Type = m.Type
				if !in.readAlways {
					in.set(&back, otherValue(s.value))
				}
				applyMedia(&back, media)
				if v := in.value(&back); !v.Equal(s.value) {
					t.Errorf("read back %s = %s, want %s", in.name, v, s.value)
				}
			})
		}
	}
}

// samplePost is a post of the sample's kind with the least it needs and
// the sample's value in input in (a carousel item's, when item).
func samplePost(t *testing.T, item bool, in input, s sample) mediaModel {
	t.Helper()
	m := nullModel(context.Background())
	if !item {
		m.Type = types.StringValue(s.kind)
		switch s.kind {
		case mediaTypeImage:
			m.ImageURL = types.StringValue("https://cdn.example.com/post.jpg")
		case mediaTypeReels:
			m.VideoURL = types.StringValue("https://cdn.example.com/post.mp4")
		}
		if in.accepts(s.kind) != 0 && inputByName(mediaInputs, "caption").accepts(s.kind) != 0 {
			m.Caption = types.StringValue("A caption, which an add-on needs")
		}
		if in.accepts(s.kind) == media {
			for _, other := range mediaOf(mediaInputs, s.kind) {
				other.set(&m, nullOf(other.value(&m)))
			}
		}
		if s.value != nil {
			in.set(&m, s.value)
		}
		if s.kind != mediaTypeCarousel {
			return m
		}
	}
	m.Type = types.StringValue(mediaTypeCarousel)
	first, second := imageItem("https://cdn.example.com/c1.jpg"), imageItem("https://cdn.example.com/c2.jpg")
	if item {
		if in.accepts(s.kind) == media {
			first.ImageURL = types.StringNull()
		}
		in.set(&first, s.value)
	}
	children, diags := types.ListValueFrom(context.Background(), m.Children.ElementType(context.Background()), []childModel{first, second})
	if diags.HasError() {
		t.Fatal(diags)
	}
	m.Children = children
	return m
}

func imageItem(url string) childModel {
	return childModel{ImageURL: types.StringValue(url), UserTags: types.ListNull(userTagType())}
}

// userTagType is the element type of user_tags, from the schema.
func userTagType() types.ObjectType {
	m := nullModel(context.Background())
	t, _ := m.UserTags.ElementType(context.Background()).(types.ObjectType)
	return t
}

// otherValue is a value of v's type that is not v.
func otherValue(v attr.Value) attr.Value {
	switch v := v.(type) {
	case types.Bool:
		return types.BoolValue(!v.ValueBool())
	case types.String:
		return types.StringValue(v.ValueString() + " (configured)")
	}
	return v
}

// publishRecorded publishes m through the workflow against an emulator
// and returns the parameters of every container request it received, and
// the published post as read back.
func publishRecorded(t *testing.T, m *mediaModel) ([]url.Values, *graph.Media) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	var mu sync.Mutex
	var requests []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/"+emulator.DefaultAccountID+"/media") {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			form, _ := url.ParseQuery(string(body))
			for k, v := range r.URL.Query() {
				form[k] = v
			}
			mu.Lock()
			requests = append(requests, form)
			mu.Unlock()
		}
		emu.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken})
	if err != nil {
		t.Fatal(err)
	}
	post, diags := postOf(context.Background(), m)
	if diags.HasError() {
		t.Fatal(diags)
	}
	pub := &workflow.Publisher{Client: client, AccountID: emulator.DefaultAccountID, Now: emu.Now,
		PollInterval: time.Millisecond, ReadFields: mediaReadFields}
	res, err := pub.Publish(context.Background(), post)
	if err != nil {
		t.Fatal(err)
	}
	if res.Media == nil {
		t.Fatal(res.ReadErr)
	}
	return requests, res.Media
}

func matches(got url.Values, want map[string]string) bool {
	for k, v := range want {
		if got.Get(k) != v {
			return false
		}
	}
	return true
}

func stringList(s ...string) types.List {
	elems := make([]attr.Value, len(s))
	for i, v := range s {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}

func userTagsValue() types.List {
	return types.ListValueMust(userTagType(), []attr.Value{types.ObjectValueMust(userTagType().AttrTypes, map[string]attr.Value{
		"username": types.StringValue("friend"), "x": types.Float64Value(0.25), "y": types.Float64Value(0.75),
	})})
}
