package preview

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// testPost is one instagram_media a synthetic plan creates.
type testPost struct {
	Address   string
	Type      string // IMAGE when empty
	Caption   string
	Image     string
	AltText   string
	PublishAt string // scheduled when set
	Children  []string
}

// testPlan is the JSON of a plan that creates posts, in the shape
// Terraform 1.16.4 prints (see testdata/plans/create.json), plus any other
// resource changes given.
func testPlan(t testing.TB, posts []testPost, extra ...map[string]any) []byte {
	t.Helper()
	var changes []map[string]any
	for _, p := range posts {
		after := map[string]any{
			"type": "IMAGE", "caption": p.Caption, "image_url": p.Image, "alt_text": nil, "children": []any{},
			"deletion_policy": "delete", "account_id": "17841400000000001",
		}
		if p.Type != "" {
			after["type"] = p.Type
		}
		if p.AltText != "" {
			after["alt_text"] = p.AltText
		}
		if p.Caption == "" {
			after["caption"] = nil
		}
		if len(p.Children) > 0 {
			after["image_url"] = nil
			var kids []any
			for _, c := range p.Children {
				kids = append(kids, map[string]any{"image_url": c, "video_url": nil, "alt_text": nil, "user_tags": nil})
			}
			after["children"] = kids
		}
		unknown := map[string]any{"id": true, "permalink": true, "timestamp": true, "children": []any{}}
		if p.PublishAt != "" {
			after["publish_at"], after["status"], after["id"] = p.PublishAt, "scheduled", nil
			unknown["id"] = false
		}
		changes = append(changes, map[string]any{
			"address": p.Address, "mode": "managed", "type": "instagram_media", "name": p.Address,
			"change": map[string]any{
				"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": unknown,
				"before_sensitive": false, "after_sensitive": map[string]any{"children": []any{}},
			},
		})
	}
	changes = append(changes, extra...)
	out, err := json.Marshal(map[string]any{
		"format_version": "1.2", "terraform_version": "1.16.4", "timestamp": "2026-11-01T12:00:00Z",
		"planned_values": map[string]any{}, "resource_changes": changes,
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// manyPosts are n posts with captions of about captionLength characters.
func manyPosts(n, captionLength int) []testPost {
	posts := make([]testPost, n)
	for i := range posts {
		caption := fmt.Sprintf("Post %d of the calendar. #calendar #post%d @partner_%d ", i, i, i%7)
		for len(caption) < captionLength {
			caption += "More words about the product, the season and the team. "
		}
		posts[i] = testPost{
			Address: fmt.Sprintf("instagram_media.post[%d]", i),
			Caption: caption[:captionLength],
			Image:   fmt.Sprintf("https://cdn.example.com/calendar/%04d.jpg", i),
		}
		if i%3 == 0 {
			posts[i].PublishAt = time.Date(2026, 11, 2+i/10, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)
		}
	}
	return posts
}

func mustPreview(t testing.TB, data []byte, opts Options) *Preview {
	t.Helper()
	p, err := ReadPlan(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return Build(p, opts)
}

func htmlOf(t testing.TB, pv *Preview) string {
	t.Helper()
	var b bytes.Buffer
	if err := pv.HTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// resourceChange is one entry of resource_changes; a nil before or after is
// null.
func resourceChange(address, actions string, before, after map[string]any, unknown, beforeSensitive, afterSensitive any) map[string]any {
	typ, name, _ := strings.Cut(address, ".")
	change := map[string]any{"actions": strings.Split(actions, ","), "before": nil, "after": nil,
		"after_unknown": unknown, "before_sensitive": beforeSensitive, "after_sensitive": afterSensitive}
	if before != nil {
		change["before"] = before
	}
	if after != nil {
		change["after"] = after
	}
	return map[string]any{"address": address, "mode": "managed", "type": typ, "name": name, "change": change}
}

// expectEach compares what each resource got with what is wanted.
func expectEach(t *testing.T, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s:\n got  %q\n want %q", name, got[name], w)
		}
	}
}
