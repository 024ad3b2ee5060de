package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestCommentsService_CreateReplyHideDelete(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17895695668004550/comments", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "POST")
		testParams(t, r, map[string]string{"message": "Thanks!"})
		writeJSON(w, 200, `{"id":"17870913679156914"}`)
	})
	mux.HandleFunc("/v26.0/17870913679156914/replies", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "POST")
		testParams(t, r, map[string]string{"message": "Reply"})
		writeJSON(w, 200, `{"id":"17873440459141021"}`)
	})
	mux.HandleFunc("/v26.0/17873440459141021", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "POST":
			testParams(t, r, map[string]string{"hide": "true"})
		case "DELETE":
			testParams(t, r, map[string]string{})
		default:
			t.Errorf("method %s", r.Method)
		}
		writeJSON(w, 200, `{"success":true}`)
	})
	ctx := context.Background()
	id, _, err := client.Comments.Create(ctx, "17895695668004550", "Thanks!")
	if err != nil || id != "17870913679156914" {
		t.Fatalf("Create = %q, %v", id, err)
	}
	rid, _, err := client.Comments.Reply(ctx, id, "Reply")
	if err != nil || rid != "17873440459141021" {
		t.Fatalf("Reply = %q, %v", rid, err)
	}
	if _, err := client.Comments.SetHidden(ctx, rid, true); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Comments.Delete(ctx, rid); err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.Comments.Create(ctx, "1", ""); err == nil {
		t.Fatal("empty message accepted")
	}
}

func TestCommentsService_GetAndList(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17881770991003328", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "hidden,media,timestamp"})
		writeJSON(w, 200, `{"hidden":true,"media":{"id":"17856134461174448"},"timestamp":"2017-05-19T23:27:28+0000","id":"17881770991003328"}`)
	})
	mux.HandleFunc("/v26.0/17895695668004550/comments", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			testParams(t, r, map[string]string{"fields": "id,text", "limit": "2"})
			writeJSON(w, 200, `{"data":[{"id":"1","text":"a"},{"id":"2","text":"b"}],"paging":{"cursors":{"after":"X"},"next":"https://graph.facebook.com/next"}}`)
		case "X":
			writeJSON(w, 200, `{"data":[{"id":"3","text":"c"}],"paging":{"cursors":{"after":"Y"}}}`)
		}
	})
	ctx := context.Background()
	c, _, err := client.Comments.Get(ctx, "17881770991003328", []string{"hidden", "media", "timestamp"})
	if err != nil || !c.IsHidden() || c.Media.ID != "17856134461174448" {
		t.Fatalf("Get = %+v, %v", c, err)
	}
	all, err := Collect(client.Comments.List(ctx, "17895695668004550", CommentListOptions{Fields: []string{"id", "text"}, PageSize: 2}))
	if err != nil || len(all) != 3 || all[2].Text != "c" {
		t.Fatalf("List = %+v, %v", all, err)
	}
}

func TestCommentsService_ListNestedReplies(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17895695668004550/comments", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,text,replies{id,text,parent_id}", "limit": "5"})
		writeJSON(w, 200, `{"data":[
			{"id":"1","text":"a","replies":{"data":[{"id":"11","text":"r","parent_id":"1"}],"paging":{"cursors":{"after":"R1"},"next":"https://graph.facebook.com/next"}}},
			{"id":"2","text":"b","replies":{"data":[]}},
			{"id":"3","text":"c"}]}`)
	})
	mux.HandleFunc("/v26.0/1/replies", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,text,parent_id", "after": "R1"})
		writeJSON(w, 200, `{"data":[{"id":"12","text":"s","parent_id":"1"}]}`)
	})
	ctx := context.Background()
	all, err := Collect(client.Comments.List(ctx, "17895695668004550", CommentListOptions{
		Fields: []string{"id", "text"}, ReplyFields: []string{"id", "text", "parent_id"}, Limit: 5}))
	if err != nil || len(all) != 3 {
		t.Fatalf("List = %+v, %v", all, err)
	}
	first := all[0].Replies
	if first == nil || len(first.Data) != 1 || first.Data[0].ParentID != "1" || !first.HasMore() {
		t.Fatalf("first replies = %+v", first)
	}
	if all[1].Replies == nil || len(all[1].Replies.Data) != 0 || all[1].Replies.HasMore() {
		t.Fatalf("second replies = %+v", all[1].Replies)
	}
	if all[2].Replies != nil || all[2].Replies.HasMore() {
		t.Fatalf("third replies = %+v", all[2].Replies)
	}
	rest, err := Collect(client.Comments.Replies(ctx, "1", CommentListOptions{
		Fields: []string{"id", "text", "parent_id"}, After: first.Paging.Cursors.After}))
	if err != nil || len(rest) != 1 || rest[0].ID != "12" {
		t.Fatalf("Replies = %+v, %v", rest, err)
	}
}
