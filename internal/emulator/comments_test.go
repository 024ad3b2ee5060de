package emulator

import (
	"net/http"
	"strings"
	"testing"
)

func TestComments_createReadListAndCount(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("hello")
	first := str(h.post("/v25.0/"+mid+"/comments", fbl, "message", "First!").mustOK(t)["id"])
	h.emu.AdvanceClock(1)
	second := str(h.post("/v25.0/"+mid+"/comments", igl, "message", "Second").mustOK(t)["id"])
	reply := str(h.post("/v25.0/"+first+"/replies", fbl, "message", "A reply").mustOK(t)["id"])
	// A reply to a reply attaches to the top-level comment.
	nested := str(h.post("/v25.0/"+reply+"/replies", fbl, "message", "Nested").mustOK(t)["id"])
	if c, _ := h.emu.Comment(nested); c.ParentID != first {
		t.Fatalf("reply to a reply has parent %q, want top-level %s", c.ParentID, first)
	}

	node := h.get("/v25.0/"+reply, fbl, "fields", "id,text,username,from,hidden,media{id,media_product_type},parent_id,user,like_count,timestamp").mustOK(t)
	if node["text"] != "A reply" || node["parent_id"] != first || node["username"] != DefaultUsername || node["hidden"] != false {
		t.Fatalf("reply node = %v", node)
	}
	if asMap(node["media"])["id"] != mid || asMap(node["media"])["media_product_type"] != "FEED" || asMap(node["user"])["id"] != DefaultAccountID {
		t.Fatalf("media/user = %v / %v", node["media"], node["user"])
	}

	// Top-level only, newest first, cursor paging.
	page1 := h.get("/v25.0/"+mid+"/comments", fbl, "limit", "1").mustOK(t)
	if d := asList(page1["data"]); len(d) != 1 || asMap(d[0])["id"] != second || asMap(d[0])["text"] != "Second" {
		t.Fatalf("page 1 = %v", page1)
	}
	next := str(asMap(page1["paging"])["next"])
	page2 := h.getURL(next).mustOK(t)
	if d := asList(page2["data"]); len(d) != 1 || asMap(d[0])["id"] != first {
		t.Fatalf("page 2 = %v", page2)
	}
	if _, ok := asMap(page2["paging"])["next"]; ok {
		t.Fatalf("last page has next: %v", page2)
	}
	replies := h.get("/v25.0/"+first+"/replies", fbl, "fields", "id,parent_id").mustOK(t)
	if d := asList(replies["data"]); len(d) != 2 || asMap(d[0])["id"] != nested {
		t.Fatalf("replies = %v", replies)
	}
	if n := h.get("/v25.0/"+mid, fbl, "fields", "comments_count").mustOK(t)["comments_count"]; n != float64(4) {
		t.Fatalf("comments_count = %v, want 4 (comments + replies)", n)
	}
	if got := h.emu.CallCount("POST /{ig-comment-id}/replies"); got != 2 {
		t.Fatalf("route count = %d", got)
	}

	// Deleting a comment takes its replies along.
	h.call(http.MethodDelete, "/v25.0/"+first, fbl, nil).mustOK(t)
	h.get("/v25.0/"+reply, fbl).wantError(t, 400, 100, 33)
	if n := len(h.emu.Comments(mid)); n != 1 {
		t.Fatalf("%d comments left, want 1", n)
	}
}

func TestComments_rules(t *testing.T) {
	h := newHarness(t, Options{MaxCommentLength: 10})
	mid := h.publishImage("rules")
	h.post("/v25.0/"+mid+"/comments", fbl).wantError(t, 400, 100, 0)
	h.post("/v25.0/"+mid+"/comments", fbl, "message", "far too long a comment").wantError(t, 400, 100, 0)

	other, err := h.emu.AddCommentFromUser(mid, "", "fan_account", "nice")
	if err != nil {
		t.Fatal(err)
	}
	own := str(h.post("/v25.0/"+mid+"/comments", fbl, "message", "thanks").mustOK(t)["id"])
	// Hide/unhide others' comments; the owner's own are always shown.
	h.post("/v25.0/"+other, fbl, "hide", "true").mustOK(t)
	if c, _ := h.emu.Comment(other); !c.Hidden {
		t.Fatal("comment not hidden")
	}
	h.post("/v25.0/"+other+"/replies", fbl, "message", "hi").wantError(t, 400, 100, 0) // no replies on hidden comments
	h.post("/v25.0/"+own, fbl, "hide", "true").wantError(t, 400, 100, 0)

	// Comments switched off: no new comments or replies.
	h.post("/v25.0/"+mid, fbl, "comment_enabled", "false").mustOK(t)
	e := h.post("/v25.0/"+mid+"/comments", fbl, "message", "x").wantError(t, 400, 100, 0)
	if e["error_user_title"] != "Comments disabled" {
		t.Fatalf("error = %v", e)
	}
	h.post("/v25.0/"+own+"/replies", fbl, "message", "x").wantError(t, 400, 100, 0)

	// Another account's token cannot see the comment.
	h.emu.AddAccount(Account{ID: "17841400000000002", FacebookToken: "EAAOtherToken"})
	h.get("/v25.0/"+own, "EAAOtherToken").wantError(t, 400, 100, 33)
}

func TestComments_controlPlane(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("cp")
	res := h.ctl(http.MethodPost, "/_emulator/comments", `{"media_id":"`+mid+`","username":"fan","text":"from the app"}`)
	id := str(res["id"])
	if c, ok := h.emu.Comment(id); !ok || c.Username != "fan" || c.ByAccount != "" {
		t.Fatalf("comment = %+v", c)
	}
	h.ctl(http.MethodPost, "/_emulator/comments/"+id+"?hidden=true", "")
	if n := h.get("/v25.0/"+id, fbl, "fields", "hidden").mustOK(t)["hidden"]; n != true {
		t.Fatalf("hidden = %v", n)
	}
	h.ctl(http.MethodDelete, "/_emulator/comments/"+id, "")
	if h.emu.CommentExists(id) {
		t.Fatal("comment survived the out-of-band delete")
	}
}

// replies{…} nested in a comment holds a page of replies (25 by default, or
// .limit(n)), and its paging continues on the replies edge.
func TestComments_nestedRepliesPage(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("busy")
	top, err := h.emu.AddCommentFromUser(mid, "", "fan", "question")
	if err != nil {
		t.Fatal(err)
	}
	for range 30 {
		if _, err := h.emu.AddCommentFromUser(mid, top, "other_fan", "me too"); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		fields string
		size   int
	}{{"id,replies{id}", 25}, {"id,replies.limit(10){id,text}", 10}} {
		list := h.get("/v25.0/"+mid+"/comments", fbl, "fields", c.fields).mustOK(t)
		replies := asMap(asMap(asList(list["data"])[0])["replies"])
		if n := len(asList(replies["data"])); n != c.size {
			t.Fatalf("%s: %d nested replies, want %d", c.fields, n, c.size)
		}
		next := str(asMap(replies["paging"])["next"])
		if !strings.Contains(next, "/v25.0/"+top+"/replies?") || strings.Contains(next, "replies%7B") {
			t.Fatalf("%s: next = %q", c.fields, next)
		}
		rest := h.getURL(next).mustOK(t)
		// The next page keeps the nested page's limit.
		if n, want := len(asList(rest["data"])), min(c.size, 30-c.size); n != want {
			t.Fatalf("%s: %d replies on the next page, want %d", c.fields, n, want)
		}
	}
}

// Edges as fields: a media's first page of comments (with their replies)
// and a comment's media, expanded, each in the node's own read.
func TestComments_nestedInTheirNodes(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage("nested")
	empty := h.get("/v25.0/"+mid, fbl, "fields", "id,comments.limit(2){id}").mustOK(t)
	if _, ok := empty["comments"]; ok {
		t.Fatalf("a post without comments has a comments field: %v", empty)
	}
	var ids []string
	for i := range 3 {
		id, err := h.emu.AddCommentFromUser(mid, "", "fan", "comment "+string(rune('a'+i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	reply, _ := h.emu.AddCommentFromUser(mid, ids[2], "fan", "a reply")
	node := h.get("/v25.0/"+mid, fbl, "fields", "id,username,comments.limit(2){id,text,replies{id}}").mustOK(t)
	page := asMap(node["comments"])
	data := asList(page["data"])
	if node["username"] != DefaultUsername || len(data) != 2 || asMap(data[0])["id"] != ids[2] ||
		asMap(asList(asMap(asMap(data[0])["replies"])["data"])[0])["id"] != reply {
		t.Fatalf("nested comments = %v", node)
	}
	// The nested page continues on the edge itself.
	after := str(asMap(asMap(page["paging"])["cursors"])["after"])
	rest := h.get("/v25.0/"+mid+"/comments", fbl, "fields", "id", "after", after).mustOK(t)
	if d := asList(rest["data"]); len(d) != 1 || asMap(d[0])["id"] != ids[0] {
		t.Fatalf("the rest = %v", rest)
	}
	if next := str(asMap(page["paging"])["next"]); !strings.Contains(next, "/"+mid+"/comments?") {
		t.Fatalf("paging.next = %q", next)
	}
	// A comment's media, expanded like GET /{ig-media-id}.
	c := h.get("/v25.0/"+ids[0], fbl, "fields", "id,media{id,username,media_type}").mustOK(t)
	if m := asMap(c["media"]); m["id"] != mid || m["username"] != DefaultUsername || m["media_type"] != "IMAGE" {
		t.Fatalf("comment media = %v", c)
	}
	h.get("/v25.0/"+ids[0], fbl, "fields", "media{nonexisting}").wantError(t, 400, 100, 0)
}
