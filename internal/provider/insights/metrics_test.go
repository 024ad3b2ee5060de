package insights

import (
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

func TestProductProblem(t *testing.T) {
	if msg := productProblem("reach", graph.ProductFeed, graph.MediaTypeImage, "1"); msg != "" {
		t.Errorf("reach on FEED: %s", msg)
	}
	if msg := productProblem("views", "AD", graph.MediaTypeImage, "1"); msg != "" {
		t.Errorf("unknown product types are left to Meta: %s", msg)
	}
	msg := productProblem("saved", graph.ProductStory, graph.MediaTypeImage, "179")
	for _, want := range []string{`"saved"`, "STORY media (media 179)", "FEED, REELS", "navigation"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if msg := productProblem("navigation", graph.ProductFeed, graph.MediaTypeCarouselAlbum, "1"); !strings.Contains(msg, "FEED (carousel album)") {
		t.Errorf("carousel label: %s", msg)
	}
}

func TestEffectivePeriod(t *testing.T) {
	cases := []struct {
		q    accountQuery
		want string
	}{
		{accountQuery{metrics: []string{"reach", "views"}}, "day"},
		{accountQuery{metrics: []string{"follower_demographics"}}, "lifetime"},
		{accountQuery{metrics: []string{"reach", "online_followers"}}, ""},
		{accountQuery{metrics: []string{"reach"}, period: "week"}, "week"},
	}
	for _, c := range cases {
		if got := c.q.effectivePeriod(); got != c.want {
			t.Errorf("%v: %q, want %q", c.q.metrics, got, c.want)
		}
	}
}
