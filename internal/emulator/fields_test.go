package emulator

import (
	"reflect"
	"testing"
)

func TestParseFields(t *testing.T) {
	fs, err := parseFields("a, b{c,d},e.limit(3){f}, business_discovery.username(x){media.after(QVFI){id}}")
	if err != nil {
		t.Fatal(err)
	}
	want := []field{
		{Name: "a"},
		{Name: "b", Sub: []field{{Name: "c"}, {Name: "d"}}},
		{Name: "e", Mods: []modifier{{"limit", "3"}}, Sub: []field{{Name: "f"}}},
		{Name: "business_discovery", Mods: []modifier{{"username", "x"}}, Sub: []field{
			{Name: "media", Mods: []modifier{{"after", "QVFI"}}, Sub: []field{{Name: "id"}}},
		}},
	}
	if !reflect.DeepEqual(fs, want) {
		t.Fatalf("parse = %#v", fs)
	}
	if got := fieldsString(fs); got != "a,b{c,d},e.limit(3){f},business_discovery.username(x){media.after(QVFI){id}}" {
		t.Fatalf("String = %s", got)
	}
	if v, ok := fs[2].mod("limit"); !ok || v != "3" {
		t.Fatalf("mod limit = %q %v", v, ok)
	}
	if fs, err := parseFields("  "); err != nil || fs != nil {
		t.Fatalf("empty = %v %v", fs, err)
	}
	for _, bad := range []string{"a,", "a{b", "a.limit{b}", "a}", "a{}", ",a", "a.limit(3"} {
		if _, err := parseFields(bad); err == nil {
			t.Errorf("parseFields(%q) succeeded", bad)
		}
	}
}

func TestFieldsProjection(t *testing.T) {
	h := newHarness(t, Options{})
	// Omitted fields → id only.
	b := h.get("/v25.0/"+DefaultAccountID, fbl).mustOK(t)
	if !reflect.DeepEqual(b, map[string]any{"id": DefaultAccountID}) {
		t.Fatalf("default projection = %v", b)
	}
	b = h.get("/v25.0/"+DefaultAccountID, fbl, "fields", "username,followers_count,media_count,has_profile_pic,ig_id").mustOK(t)
	if b["username"] != DefaultUsername || b["followers_count"] != 1200.0 || b["media_count"] != 0.0 || b["has_profile_pic"] != true || b["ig_id"] == nil || b["id"] != DefaultAccountID {
		t.Fatalf("projection = %v", b)
	}
	e := h.get("/v25.0/"+DefaultAccountID, fbl, "fields", "id,foo").wantError(t, 400, 100, 0)
	if e["message"] != "(#100) Tried accessing nonexisting field (foo) on node type (IGUser)" {
		t.Fatalf("message = %v", e["message"])
	}
	// FBL-only and IGL-only fields.
	h.get("/v25.0/"+DefaultAccountID, fbl, "fields", "account_type").wantError(t, 400, 100, 0)
	h.get("/v25.0/"+DefaultAccountID, igl, "fields", "ig_id").wantError(t, 400, 100, 0)
	// Syntax errors are 2500.
	h.get("/v25.0/"+DefaultAccountID, fbl, "fields", "media{id").wantError(t, 400, 2500, 0)

	mid := h.publishImage("hello")
	e = h.get("/v25.0/"+mid, fbl, "fields", "id,foo").wantError(t, 400, 100, 0)
	if e["message"] != "(#100) Tried accessing nonexisting field (foo) on node type (IGMedia)" {
		t.Fatalf("message = %v", e["message"])
	}
	b = h.get("/v25.0/"+mid, fbl, "fields", "owner{id,username}").mustOK(t)
	if !reflect.DeepEqual(b["owner"], map[string]any{"id": DefaultAccountID, "username": DefaultUsername}) {
		t.Fatalf("owner expansion = %v", b["owner"])
	}
	// Nested edge with limit inside the user node.
	mid2 := h.publishImage("second")
	b = h.get("/v25.0/"+DefaultAccountID, fbl, "fields", "media_count,media.limit(1){id,caption}").mustOK(t)
	if b["media_count"] != 2.0 {
		t.Fatalf("media_count = %v", b["media_count"])
	}
	page := asMap(b["media"])
	data := asList(page["data"])
	if len(data) != 1 || !reflect.DeepEqual(data[0], map[string]any{"id": mid2, "caption": "second"}) {
		t.Fatalf("nested media = %v", page)
	}
	next := str(asMap(page["paging"])["next"])
	if next == "" {
		t.Fatalf("nested paging has no next: %v", page)
	}
	r := h.getURL(next).mustOK(t)
	d2 := asList(r["data"])
	if len(d2) != 1 || asMap(d2[0])["id"] != mid || asMap(d2[0])["caption"] != "hello" {
		t.Fatalf("nested next page = %v", r)
	}
	// Container node type name.
	cid := h.createImage(fbl, "https://example.com/c.jpg")
	e = h.get("/v25.0/"+cid, fbl, "fields", "status_code,caption").wantError(t, 400, 100, 0)
	if e["message"] != "(#100) Tried accessing nonexisting field (caption) on node type (ShadowIGMediaBuilder)" {
		t.Fatalf("message = %v", e["message"])
	}
}
