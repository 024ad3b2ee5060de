package emulator

import (
	"reflect"
	"testing"
)

func TestMeByLogin(t *testing.T) {
	h := newHarness(t, Options{})
	b := h.get("/v25.0/me", igl, "fields", "id,user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count,biography,website").mustOK(t)
	if b["id"] != DefaultInstagramScopedUserID || b["user_id"] != DefaultAccountID || b["account_type"] != "Business" || b["username"] != DefaultUsername {
		t.Fatalf("IGL /me = %v", b)
	}
	if len(b) != 11 {
		t.Fatalf("IGL /me has %d fields: %v", len(b), b)
	}
	b = h.get("/v25.0/me", igl).mustOK(t)
	if !reflect.DeepEqual(b, map[string]any{"id": DefaultInstagramScopedUserID}) {
		t.Fatalf("IGL /me default = %v", b)
	}
	b = h.get("/v25.0/me", fbl).mustOK(t)
	if b["id"] != DefaultFacebookUserID || str(b["name"]) == "" || len(b) != 2 {
		t.Fatalf("FBL /me = %v", b)
	}
	// IGL accepts both the scoped id and the account id.
	for _, id := range []string{DefaultInstagramScopedUserID, DefaultAccountID} {
		b = h.get("/v25.0/"+id, igl, "fields", "username").mustOK(t)
		if b["username"] != DefaultUsername || b["id"] != id {
			t.Fatalf("IGL /%s = %v", id, b)
		}
	}
	// FBL does not know the IGL scoped id.
	e := h.get("/v25.0/"+DefaultInstagramScopedUserID, fbl).wantError(t, 400, 100, 33)
	if e["type"] != "GraphMethodException" {
		t.Fatalf("type = %v", e["type"])
	}
	// IGL has no /me/accounts.
	h.get("/v25.0/me/accounts", igl).wantError(t, 400, 2500, 0)
}

func TestAccountsAndPage(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.AddAccount(Account{ID: "17841400000000002", Username: "second_brand", FacebookToken: fbl})
	b := h.get("/v25.0/me/accounts", fbl, "fields", "id,name,access_token,tasks,instagram_business_account{id,username}", "limit", "1").mustOK(t)
	data := asList(b["data"])
	if len(data) != 1 {
		t.Fatalf("page 1 = %v", b)
	}
	p := asMap(data[0])
	if p["id"] != DefaultPageID || str(p["access_token"]) == "" || p["tasks"] == nil {
		t.Fatalf("page = %v", p)
	}
	if !reflect.DeepEqual(p["instagram_business_account"], map[string]any{"id": DefaultAccountID, "username": DefaultUsername}) {
		t.Fatalf("iba = %v", p["instagram_business_account"])
	}
	next := str(asMap(b["paging"])["next"])
	b = h.getURL(next).mustOK(t)
	data = asList(b["data"])
	if len(data) != 1 || asMap(asMap(data[0])["instagram_business_account"])["username"] != "second_brand" {
		t.Fatalf("page 2 = %v", b)
	}
	if _, ok := b["paging"].(map[string]any)["next"]; ok {
		t.Fatalf("last page has next: %v", b)
	}
	// Default /me/accounts items carry the token and tasks.
	b = h.get("/v25.0/me/accounts", fbl).mustOK(t)
	p = asMap(asList(b["data"])[0])
	for _, k := range []string{"access_token", "category", "name", "id", "tasks"} {
		if _, ok := p[k]; !ok {
			t.Fatalf("default page item lacks %s: %v", k, p)
		}
	}
	// The Page token works for the Page.
	b = h.get("/v25.0/"+DefaultPageID, str(p["access_token"]), "fields", "instagram_business_account").mustOK(t)
	if !reflect.DeepEqual(b, map[string]any{"id": DefaultPageID, "instagram_business_account": map[string]any{"id": DefaultAccountID}}) {
		t.Fatalf("page node = %v", b)
	}
	h.get("/v25.0/"+DefaultPageID, igl, "fields", "instagram_business_account").wantError(t, 400, 100, 33)
}

func TestTokenReachesOnlyItsAccounts(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.AddAccount(Account{ID: "17841400000000009", Username: "other", FacebookToken: "EAAOther", InstagramToken: "IGAAOther"})
	e := h.get("/v25.0/17841400000000009", fbl, "fields", "username").wantError(t, 400, 100, 33)
	want := "Unsupported get request. Object with ID '17841400000000009' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"
	if e["message"] != want {
		t.Fatalf("message = %v", e["message"])
	}
	h.get("/v25.0/17841400000000009", "IGAAOther", "fields", "username").mustOK(t)
	h.post("/v25.0/17841400000000009/media", fbl, "image_url", "https://example.com/a.jpg").wantError(t, 400, 100, 33)
	e = h.post("/v25.0/999", fbl).wantError(t, 400, 100, 33)
	if str(e["message"])[:24] != "Unsupported post request" {
		t.Fatalf("message = %v", e["message"])
	}
	// The other account's media is invisible to our token.
	cid := str(h.post("/v25.0/17841400000000009/media", "EAAOther", "image_url", "https://example.com/a.jpg").mustOK(t)["id"])
	mid := str(h.post("/v25.0/17841400000000009/media_publish", "EAAOther", "creation_id", cid).mustOK(t)["id"])
	h.get("/v25.0/"+mid, fbl).wantError(t, 400, 100, 33)
	h.get("/v25.0/"+cid, fbl).wantError(t, 400, 100, 33)
	// Reset keeps added accounts but drops their media.
	h.emu.Reset()
	if h.emu.MediaExists(mid) {
		t.Fatal("media survived Reset")
	}
	h.get("/v25.0/17841400000000009", "IGAAOther").mustOK(t)
}

func TestEdgesAndMethods(t *testing.T) {
	h := newHarness(t, Options{})
	e := h.get("/v25.0/"+DefaultAccountID+"/media_publish", fbl).wantError(t, 400, 100, 0)
	if e["message"] != "Unsupported get request." || e["type"] != "GraphMethodException" {
		t.Fatalf("wrong-method envelope = %v", e)
	}
	e = h.get("/v25.0/"+DefaultAccountID+"/no_such_edge", fbl).wantError(t, 400, 2500, 0)
	if e["message"] != "Unknown path components: /no_such_edge" {
		t.Fatalf("unknown edge = %v", e)
	}
	if h.emu.CallCount("GET /{ig-user-id}/no_such_edge") != 1 {
		t.Fatalf("calls = %v", h.emu.Calls())
	}
	h.get("/v25.0/"+DefaultAccountID+"/media/extra/parts", fbl).wantError(t, 400, 2500, 0)
	h.get("/v25.0/", fbl).wantError(t, 400, 2500, 0)

	cid := h.createImage(fbl, "https://example.com/a.jpg", "collaborators", `["pal"]`)
	mid := str(h.post(userPath+"/media_publish", fbl, "creation_id", cid).mustOK(t)["id"])
	b := h.get("/v25.0/"+mid+"/collaborators", fbl).mustOK(t)
	c := asMap(asList(b["data"])[0])
	if c["username"] != "pal" || c["invite_status"] != "Pending" || str(c["id"]) == "" {
		t.Fatalf("collaborators = %v", b)
	}
	h.get("/v25.0/"+mid+"/collaborators", igl).wantError(t, 400, 2500, 0) // FBL only
	h.post("/v25.0/"+mid+"/children", fbl).wantError(t, 400, 100, 0)
	h.post("/v25.0/"+cid, fbl, "caption", "x").wantError(t, 400, 100, 33) // containers are read-only
}

func TestAddAccountIdempotentAndGenerated(t *testing.T) {
	h := newHarness(t, Options{})
	a := Account{ID: "17841400000000007", Username: "seven", FacebookToken: fbl}
	h.emu.AddAccount(a)
	h.emu.Reset()
	h.emu.AddAccount(a) // again after Reset: still one Page
	if d := asList(h.get("/me/accounts", fbl).mustOK(t)["data"]); len(d) != 2 {
		t.Fatalf("pages = %v", d)
	}
	h.emu.AddAccount(Account{InstagramToken: "IGAAGenerated"})
	b := h.get("/me", "IGAAGenerated", "fields", "user_id,username,account_type").mustOK(t)
	if len(str(b["user_id"])) != 17 || str(b["username"]) == "" || len(str(b["id"])) != 17 || b["account_type"] != "Business" {
		t.Fatalf("generated account = %v", b)
	}
}
