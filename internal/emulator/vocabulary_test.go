package emulator

import (
	"slices"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The emulator does not import internal/graph: it models Meta, not the
// client. Where both keep a list of Meta's vocabulary, these tests keep the
// two equal.

func TestVocabulary_versions(t *testing.T) {
	client := map[string]graph.Version{}
	for _, v := range graph.Versions {
		client[v.Name] = v
	}
	for _, e := range versionExpiry {
		v, ok := client[e.v]
		if !ok || !v.Until.Equal(e.end) {
			t.Errorf("emulator: %s until %s; graph.Versions: %+v", e.v, e.end, v)
		}
		delete(client, e.v)
	}
	if newest := graph.Versions[0].Name; versionExpiry[len(versionExpiry)-1].v != newest {
		t.Errorf("the emulator does not know %s", newest)
	}
	if DefaultAPIVersion != graph.DefaultAPIVersion {
		t.Errorf("the emulator answers %s without a version, the client sends %s", DefaultAPIVersion, graph.DefaultAPIVersion)
	}
}

func TestVocabulary_insightMetrics(t *testing.T) {
	sameSet := func(a, b []string) bool {
		return len(a) == len(b) && !slices.ContainsFunc(a, func(x string) bool { return !slices.Contains(b, x) })
	}
	for name, m := range graph.AccountMetrics {
		e, ok := accountInsightMetrics[name]
		if !ok || e.period != m.Period || !sameSet(e.metricTypes, m.MetricTypes) || !sameSet(e.breakdowns, m.Breakdowns) || e.demographic != m.Demographic {
			t.Errorf("account metric %s: emulator %+v, graph %+v", name, e, m)
		}
	}
	for name, m := range graph.MediaMetrics {
		e, ok := mediaInsightMetrics[name]
		if !ok || !sameSet(e.products, m.Products) || e.breakdown != m.Breakdown || e.facebookOnly != m.FacebookOnly ||
			!e.createdBefore.Equal(m.CreatedBefore) {
			t.Errorf("media metric %s: emulator %+v, graph %+v", name, e, m)
		}
	}
	if len(accountInsightMetrics) != len(graph.AccountMetrics) || len(mediaInsightMetrics) != len(graph.MediaMetrics) {
		t.Errorf("the emulator serves %d account and %d media metrics, graph knows %d and %d",
			len(accountInsightMetrics), len(mediaInsightMetrics), len(graph.AccountMetrics), len(graph.MediaMetrics))
	}
	for name := range graph.RetiredMetrics {
		if _, ok := accountInsightMetrics[name]; ok {
			t.Errorf("the emulator serves %s, which Meta retired", name)
		}
		if _, ok := mediaInsightMetrics[name]; ok {
			t.Errorf("the emulator serves %s on media, which Meta retired", name)
		}
	}
	for name := range graph.RetiredAccountMetrics {
		if _, ok := accountInsightMetrics[name]; ok {
			t.Errorf("the emulator serves %s on accounts, which Meta retired there", name)
		}
	}
	if !slices.Equal(demographicBreakdowns, graph.DemographicBreakdowns) || !slices.Equal(demographicTimeframes, graph.DemographicTimeframes) {
		t.Error("demographic breakdowns or timeframes differ")
	}
}

func TestVocabulary_webhookFields(t *testing.T) {
	if !slices.Equal(InstagramWebhookFields, graph.InstagramWebhookFields) {
		t.Errorf("webhook fields differ:\nemulator %v\ngraph    %v", InstagramWebhookFields, graph.InstagramWebhookFields)
	}
}

func TestVocabulary_publishedType(t *testing.T) {
	if mediaImage != graph.MediaTypeImage || mediaVideo != graph.MediaTypeVideo || mediaCarouselAlbum != graph.MediaTypeCarouselAlbum ||
		productFeed != graph.ProductFeed || productReels != graph.ProductReels || productStory != graph.ProductStory ||
		containerImage != graph.MediaTypeImage || containerVideo != graph.MediaTypeVideo || containerReels != graph.MediaTypeReels ||
		containerStories != graph.MediaTypeStories || containerCarousel != graph.MediaTypeCarousel {
		t.Fatal("the emulator's media types differ from graph's")
	}
	for _, kind := range []string{containerImage, containerVideo, containerReels, containerStories, containerCarousel} {
		for _, video := range []bool{false, true} {
			if kind == containerVideo && !video || kind == containerReels && !video {
				continue // no such container
			}
			em, ep := publishedType(kind, video)
			gm, gp := graph.PublishedType(kind, video)
			if em != gm || ep != gp {
				t.Errorf("a %s container (video %v) becomes %s/%s in the emulator, %s/%s in graph", kind, video, em, ep, gm, gp)
			}
		}
	}
}
