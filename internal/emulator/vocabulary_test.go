package emulator

import (
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
