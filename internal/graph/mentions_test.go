package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestMentionsService(t *testing.T) {
	const user = "17841405309211844"
	cases := []struct {
		name       string
		call       func(c *Client) (string, error)
		method     string
		path       string
		params     map[string]string
		answer     string
		want       string
		wantCalled bool
	}{
		{
			name: "mentioned media",
			call: func(c *Client) (string, error) {
				m, _, err := c.Mentions.MentionedMedia(context.Background(), user, "17873440459141021", []string{"caption", "media_type"})
				if err != nil {
					return "", err
				}
				return m.ID + " " + m.Caption, nil
			},
			method: "GET", path: "/v26.0/" + user,
			params: map[string]string{"fields": "mentioned_media.media_id(17873440459141021){caption,media_type}"},
			answer: `{"mentioned_media":{"caption":"metricsaurus headquarters!","media_type":"IMAGE","id":"17873440459141021"},"id":"` + user + `"}`,
			want:   "17873440459141021 metricsaurus headquarters!", wantCalled: true,
		},
		{
			name: "mentioned comment, default fields",
			call: func(c *Client) (string, error) {
				m, _, err := c.Mentions.MentionedComment(context.Background(), user, "17873440459141022", nil)
				if err != nil {
					return "", err
				}
				return m.ID + " " + m.Text + " " + m.Media.ID, nil
			},
			method: "GET", path: "/v26.0/" + user,
			params: map[string]string{"fields": "mentioned_comment.comment_id(17873440459141022){id,text,timestamp,like_count,media{id,media_url}}"},
			answer: `{"mentioned_comment":{"timestamp":"2017-05-03T16:09:08+0000","like_count":185,"text":"Shout out to @metricsaurus","id":"17873440459141022","media":{"id":"1789"}},"id":"` + user + `"}`,
			want:   "17873440459141022 Shout out to @metricsaurus 1789", wantCalled: true,
		},
		{
			name: "reply to a comment mention",
			call: func(c *Client) (string, error) {
				id, _, err := c.Mentions.Reply(context.Background(), user, "17918195224117851", "17894227972186120", "Thanks")
				return id, err
			},
			method: "POST", path: "/v26.0/" + user + "/mentions",
			params: map[string]string{"media_id": "17918195224117851", "comment_id": "17894227972186120", "message": "Thanks"},
			answer: `{"id":"17846319838228163"}`, want: "17846319838228163", wantCalled: true,
		},
		{
			name: "reply to a caption mention",
			call: func(c *Client) (string, error) {
				id, _, err := c.Mentions.Reply(context.Background(), user, "17918195224117851", "", "Thanks")
				return id, err
			},
			method: "POST", path: "/v26.0/" + user + "/mentions",
			params: map[string]string{"media_id": "17918195224117851", "message": "Thanks"},
			answer: `{"id":"17846319838228164"}`, want: "17846319838228164", wantCalled: true,
		},
		{
			name: "an id that is not numeric never reaches the field expression",
			call: func(c *Client) (string, error) {
				_, _, err := c.Mentions.MentionedMedia(context.Background(), user, "1){id},owner{id", nil)
				return "", err
			},
		},
		{
			name: "empty message",
			call: func(c *Client) (string, error) {
				_, _, err := c.Mentions.Reply(context.Background(), user, "1", "", " ")
				return "", err
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := setupEnv(t)
			called := false
			if tc.path != "" {
				e.mux.HandleFunc(tc.path, func(w http.ResponseWriter, r *http.Request) {
					called = true
					testMethod(t, r, tc.method)
					testParams(t, r, tc.params)
					writeJSON(w, 200, tc.answer)
				})
			}
			got, err := tc.call(e.client)
			if called != tc.wantCalled {
				t.Fatalf("called = %v, want %v (err %v)", called, tc.wantCalled, err)
			}
			if !tc.wantCalled {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestCommentsService_ListPage(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/17895695668004550/comments", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "id,text,replies{id}", "limit": "50", "after": "X"})
		writeJSON(w, 200, `{"data":[{"id":"3","text":"c","replies":{"data":[{"id":"4"}]}}],"paging":{"cursors":{"after":"Y"},"next":"https://graph.facebook.com/n"}}`)
	})
	ctx := context.Background()
	p, _, err := e.client.Comments.ListPage(ctx, "17895695668004550", CommentListOptions{
		Fields: []string{"id", "text"}, ReplyFields: []string{"id"}, PageSize: 50, After: "X",
	})
	if err != nil || len(p.Items) != 1 || p.After != "Y" || p.Items[0].Replies.Data[0].ID != "4" {
		t.Fatalf("ListPage = %+v, %v", p, err)
	}
}

// Delete is resent after a lost answer (the second DELETE tells nothing);
// DeleteOnce is not: its caller reads the comment instead.
func TestCommentsService_DeleteOnceIsNotResent(t *testing.T) {
	for _, once := range []bool{false, true} {
		e := setupEnv(t)
		e.mux.HandleFunc("/v26.0/17873440459141021", func(w http.ResponseWriter, r *http.Request) {
			testMethod(t, r, "DELETE")
			if e.hitCount("DELETE", r.URL.Path) > 1 {
				writeJSON(w, 400, graphError(100, 33, "Unsupported delete request."))
				return
			}
			hj, _ := w.(http.Hijacker)
			conn, _, err := hj.Hijack() // deleted; the answer is lost
			if err != nil {
				t.Error(err)
				return
			}
			conn.Close()
		})
		var err error
		if once {
			_, err = e.client.Comments.DeleteOnce(context.Background(), "17873440459141021")
		} else {
			_, err = e.client.Comments.Delete(context.Background(), "17873440459141021")
		}
		var amb *AmbiguousError
		sent := e.hitCount("DELETE", "/v26.0/17873440459141021")
		switch {
		case once && (!errors.As(err, &amb) || sent != 1):
			t.Errorf("DeleteOnce: err = %v, sent %d times; want *AmbiguousError after 1", err, sent)
		case !once && (!IsNotFound(err) || sent != 2):
			t.Errorf("Delete: err = %v, sent %d times; want not found after 2", err, sent)
		}
		if err != nil && strings.Contains(err.Error(), "appsecret_proof") {
			t.Errorf("error leaks the URL: %v", err)
		}
	}
}
