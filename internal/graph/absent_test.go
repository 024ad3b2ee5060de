package graph

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// Meta leaves a field out of a response when it has no value for it (or the
// owner hides it): the decoded value is nil, never a made-up "" or 0, so the
// provider can report null. Payloads as Meta's reference pages show them:
// IG User (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user),
// Business Discovery (…/reference/ig-user/business_discovery),
// IG Hashtag Recent Media (…/reference/ig-hashtag/recent-media) and
// IG Comment (…/reference/ig-comment).
func TestAbsentFieldsStayAbsent(t *testing.T) {
	client, mux := setup(t)
	answer := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, body) }
	}
	mux.HandleFunc("/v26.0/17841405822304914", answer(
		`{"biography":"Dino data crunching app","id":"17841405822304914","username":"metricsaurus"}`))
	mux.HandleFunc("/v26.0/17895695668004550", answer(
		`{"id":"17895695668004550","media_type":"CAROUSEL_ALBUM","comments_count":5}`))
	mux.HandleFunc("/v26.0/17881770991003328", answer(
		`{"media":{"id":"17856134461174448"},"timestamp":"2017-05-19T23:27:28+0000","id":"17881770991003328"}`))
	ctx := context.Background()

	u, _, err := client.Users.Get(ctx, "17841405822304914", []string{"biography", "id", "username"})
	if err != nil {
		t.Fatal(err)
	}
	if u.Website != "" || u.FollowersCount != nil || u.FollowsCount != nil || u.MediaCount != nil {
		t.Errorf("fields Meta left out were filled in: %+v", u)
	}
	m, _, err := client.Media.Get(ctx, "17895695668004550", []string{"id", "media_type", "comments_count", "like_count"})
	if err != nil {
		t.Fatal(err)
	}
	if m.LikeCount != nil || !returned(m.CommentsCount, 5) {
		t.Errorf("hidden likes must stay absent, the comment count present: like=%v comments=%v", m.LikeCount, m.CommentsCount)
	}
	c, _, err := client.Comments.Get(ctx, "17881770991003328", []string{"hidden", "media", "timestamp"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Hidden != nil || c.LikeCount != nil || c.IsHidden() {
		t.Errorf("a comment without hidden/like_count: %+v", c)
	}
}
