package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// subscribeMentions subscribes the app to mentions with values and enables
// the default account, so that mentions are delivered to a test callback.
func (h *harness) subscribeMentions(t *testing.T) {
	cb := newHookServer(t, "tok")
	h.post("/v25.0/"+DefaultAppID+"/subscriptions", app, "object", "instagram", "callback_url", cb.URL,
		"fields", "comments,mentions", "verify_token", "tok", "include_values", "true").mustOK(t)
	h.post("/v25.0/"+DefaultAccountID+"/subscribed_apps", igl, "subscribed_fields", "comments").mustOK(t)
}

// mentionValues are the values of the signed mentions deliveries so far.
func (h *harness) mentionValues(t *testing.T) []map[string]any {
	t.Helper()
	h.emu.WaitForDeliveries()
	var out []map[string]any
	for _, d := range h.emu.Deliveries() {
		if d.Field != "mentions" {
			continue
		}
		if d.Signature != SignPayload(DefaultAppSecret, d.Body) || d.AccountID != DefaultAccountID {
			t.Fatalf("delivery %+v", d)
		}
		var ev struct {
			Entry []struct {
				Changes []struct {
					Value map[string]any `json:"value"`
				} `json:"changes"`
			} `json:"entry"`
		}
		if err := json.Unmarshal(d.Body, &ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev.Entry[0].Changes[0].Value)
	}
	return out
}

func (h *harness) otherPost(t *testing.T, p OtherPost) string {
	t.Helper()
	id, err := h.emu.PostByOtherUser(p)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func mentionedMedia(id string, fields string) string {
	return fmt.Sprintf("mentioned_media.media_id(%s){%s}", id, fields)
}

func TestMentions_captionMention(t *testing.T) {
	for _, token := range []string{fbl, igl} {
		h := newHarness(t, Options{})
		h.subscribeMentions(t)
		mid := h.otherPost(t, OtherPost{Username: "happy.customer", Caption: "Best coffee at @Emulator_Brand #coffee"})

		if v := h.mentionValues(t); len(v) != 1 || v[0]["media_id"] != mid || v[0]["comment_id"] != nil {
			t.Fatalf("mentions delivered = %v", v)
		}
		node := h.get("/v25.0/"+DefaultAccountID, token, "fields",
			mentionedMedia(mid, "caption,media_type,username,timestamp,comments_count,like_count")).mustOK(t)
		mm := asMap(node["mentioned_media"])
		if node["id"] != DefaultAccountID || mm["id"] != mid || mm["caption"] != "Best coffee at Emulator_Brand #coffee" ||
			mm["username"] != "happy.customer" || mm["media_type"] != "IMAGE" {
			t.Fatalf("mentioned_media = %v", node)
		}
		// Fields the reference does not list for mentioned media.
		h.get("/v25.0/"+DefaultAccountID, token, "fields", mentionedMedia(mid, "permalink")).wantError(t, 400, 10, 0)
		// Others' posts are not readable by id.
		h.get("/v25.0/"+mid, token, "fields", "caption").wantError(t, 400, 100, 33)

		// The answer is a comment of the account on the post.
		reply := str(h.post("/v25.0/"+DefaultAccountID+"/mentions", token, "media_id", mid, "message", "Thank you!").mustOK(t)["id"])
		cs := h.emu.Comments(mid)
		if len(cs) != 1 || cs[0].ID != reply || cs[0].ByAccount != DefaultAccountID || cs[0].Text != "Thank you!" {
			t.Fatalf("comments on the post = %+v", cs)
		}
		// Its author may read it; nothing else may be done with it.
		if got := h.get("/v25.0/"+reply, token, "fields", "text,media").mustOK(t); got["text"] != "Thank you!" || asMap(got["media"])["id"] != mid {
			t.Fatalf("own reply = %v", got)
		}
		h.post("/v25.0/"+reply, token, "hide", "true").wantError(t, 400, 100, 33)
		h.call(http.MethodDelete, "/v25.0/"+reply, token, nil).wantError(t, 400, 100, 33)
	}
}

func TestMentions_commentMention(t *testing.T) {
	h := newHarness(t, Options{})
	h.subscribeMentions(t)
	mid := h.otherPost(t, OtherPost{Username: "travel.blog", Caption: "Morning in Lisbon"})
	first, err := h.emu.AddCommentFromUser(mid, "", "friend_1", "you should try @emulator_brand")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.emu.AddCommentFromUser(mid, "", "friend_2", "no mention here"); err != nil {
		t.Fatal(err)
	}
	v := h.mentionValues(t)
	if len(v) != 1 || v[0]["media_id"] != mid || v[0]["comment_id"] != first {
		t.Fatalf("mentions delivered = %v", v)
	}

	// Comments found through mentions are not readable by id.
	h.get("/v25.0/"+first, fbl, "fields", "text").wantError(t, 400, 100, 33)
	field := fmt.Sprintf("mentioned_comment.comment_id(%s){id,text,timestamp,like_count,media{id,media_url}}", first)
	mc := asMap(h.get("/v25.0/"+DefaultAccountID, fbl, "fields", field).mustOK(t)["mentioned_comment"])
	if mc["id"] != first || mc["text"] != "you should try @emulator_brand" || asMap(mc["media"])["id"] != mid ||
		asMap(mc["media"])["media_url"] == nil {
		t.Fatalf("mentioned_comment = %v", mc)
	}
	// Author fields are not part of mentioned_comment.
	h.get("/v25.0/"+DefaultAccountID, fbl, "fields", fmt.Sprintf("mentioned_comment.comment_id(%s){username}", first)).wantError(t, 400, 10, 0)

	reply := str(h.post("/v25.0/"+DefaultAccountID+"/mentions", fbl, "media_id", mid, "comment_id", first, "message", "Come by!").mustOK(t)["id"])
	cs := h.emu.Comments(mid)
	if last := cs[len(cs)-1]; last.ID != reply || last.ParentID != first || last.ByAccount != DefaultAccountID {
		t.Fatalf("reply = %+v", last)
	}
}

func TestMentions_rules(t *testing.T) {
	const user = "/v25.0/" + DefaultAccountID
	h := newHarness(t, Options{})
	h.subscribeMentions(t)
	story := h.otherPost(t, OtherPost{Username: "fan", Type: "STORY", Caption: "@emulator_brand"})
	private := h.otherPost(t, OtherPost{Username: "secret_fan", Private: true, Caption: "hi @emulator_brand"})
	tagged := h.otherPost(t, OtherPost{Username: "fan", Tagged: []string{DefaultUsername}, Caption: "look who is here"})
	closed := h.otherPost(t, OtherPost{Username: "fan", Caption: "thanks @emulator_brand", CommentsDisabled: true})
	open := h.otherPost(t, OtherPost{Username: "fan", Caption: "plain"})
	onOpen, _ := h.emu.AddCommentFromUser(open, "", "fan", "@emulator_brand hello")
	plain, _ := h.emu.AddCommentFromUser(open, "", "fan", "hello")

	// Only the post that takes comments and the comment send webhooks.
	v := h.mentionValues(t)
	if len(v) != 2 || v[0]["media_id"] != closed || v[1]["comment_id"] != onOpen {
		t.Fatalf("mentions delivered = %v", v)
	}
	for _, c := range []struct {
		name   string
		params []string
	}{
		{"story", []string{"media_id", story, "message", "x"}},
		{"private account", []string{"media_id", private, "message", "x"}},
		{"only tagged", []string{"media_id", tagged, "message", "x"}},
		{"caption without the mention", []string{"media_id", open, "message", "x"}},
		{"comment without the mention", []string{"media_id", open, "comment_id", plain, "message", "x"}},
		{"comment on another post", []string{"media_id", closed, "comment_id", onOpen, "message", "x"}},
		{"no message", []string{"media_id", open, "comment_id", onOpen}},
		{"no media", []string{"message", "x"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h.post(user+"/mentions", fbl, c.params...).wantError(t, 400, 100, 0)
		})
	}
	e := h.post(user+"/mentions", fbl, "media_id", closed, "message", "x").wantError(t, 400, 100, 0)
	if e["error_user_title"] != "Comments disabled" {
		t.Fatalf("comments off: %v", e)
	}
	h.get(user, fbl, "fields", mentionedMedia(story, "caption")).wantError(t, 400, 100, 0)
	h.get(user, fbl, "fields", mentionedMedia(tagged, "caption")).wantError(t, 400, 100, 0)
	if n := len(h.emu.Comments(open)); n != 2 {
		t.Fatalf("%d comments on the open post, want the 2 of others", n)
	}

	// Comments turned off: the mentioning comment cannot be read or answered any more.
	if id, err := h.emu.AddCommentFromUser(closed, "", "fan", "@emulator_brand"); err == nil {
		t.Fatalf("a comment %s on a post with comments off", id)
	}
	field := fmt.Sprintf("mentioned_comment.comment_id(%s){text}", onOpen)
	h.get(user, fbl, "fields", field).mustOK(t)
	h.emu.SetCommentsEnabledOutOfBand(open, false)
	h.get(user, fbl, "fields", field).wantError(t, 400, 100, 0)
	h.post(user+"/mentions", fbl, "media_id", open, "comment_id", onOpen, "message", "x").wantError(t, 400, 100, 0)

	// Meta's wording is undocumented: an Option replaces it.
	h2 := newHarness(t, Options{MentionRefusedError: &ErrorBody{Message: "(#10) nope", Type: "OAuthException", Code: 10}})
	s2 := h2.otherPost(t, OtherPost{Type: "STORY", Caption: "@emulator_brand"})
	h2.post(user+"/mentions", fbl, "media_id", s2, "message", "x").wantError(t, 400, 10, 0)
	// And one makes the mentioned_* fields Facebook-login only.
	h3 := newHarness(t, Options{MentionedFieldsNeedFacebookLogin: true})
	p3 := h3.otherPost(t, OtherPost{Caption: "@emulator_brand"})
	h3.get(user, igl, "fields", mentionedMedia(p3, "caption")).wantError(t, 400, 100, 0)
	h3.get(user, fbl, "fields", mentionedMedia(p3, "caption")).mustOK(t)
}

func TestComments_bulkFromOtherUsers(t *testing.T) {
	h := newHarness(t, Options{})
	a, b := h.publishImage("a"), h.publishImage("b")
	res := h.ctl(http.MethodPost, "/_emulator/comments/bulk",
		`{"media_ids":["`+a+`","`+b+`"],"per_post":3,"replies_per_comment":1,"usernames":["spam_bot","fan"],"texts":["buy followers %d","lovely"]}`)
	ids := asList(res["ids"])
	if len(ids) != 12 {
		t.Fatalf("ids = %v", ids)
	}
	ca := h.emu.Comments(a)
	if len(ca) != 6 || ca[0].Username != "spam_bot" || ca[0].Text != "buy followers 1" || ca[1].Username != "fan" ||
		ca[1].ParentID != ca[0].ID || ca[2].Text != "buy followers 3" {
		t.Fatalf("comments on a = %+v", ca)
	}
	top := asList(h.get("/v25.0/"+a+"/comments", fbl, "fields", "id,replies{id}").mustOK(t)["data"])
	if len(top) != 3 || len(asList(asMap(asMap(top[0])["replies"])["data"])) != 1 {
		t.Fatalf("listing = %v", top)
	}
	// Invalid batches add nothing.
	for _, body := range []string{`{"media_ids":["1"],"per_post":1}`, `{"media_ids":["` + a + `"],"per_post":0}`} {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, h.srv.URL+"/_emulator/comments/bulk", strings.NewReader(body))
		if r := h.send(req); r.status != http.StatusBadRequest {
			t.Fatalf("%s: %d %s", body, r.status, r.raw)
		}
	}
	if n := len(h.emu.Comments(a)); n != 6 {
		t.Fatalf("%d comments after invalid batches", n)
	}
}

func TestMentions_controlPlanePost(t *testing.T) {
	h := newHarness(t, Options{})
	id := str(h.ctl(http.MethodPost, "/_emulator/others/posts", `{"username":"fan","caption":"hey @emulator_brand","type":"REELS"}`)["id"])
	mm := asMap(h.get("/v25.0/"+DefaultAccountID, fbl, "fields", mentionedMedia(id, "media_type,caption")).mustOK(t)["mentioned_media"])
	if mm["media_type"] != "VIDEO" || mm["caption"] != "hey emulator_brand" {
		t.Fatalf("mentioned_media = %v", mm)
	}
}
