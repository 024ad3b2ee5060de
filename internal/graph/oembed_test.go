package graph

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// oEmbed needs no token: a client made without one sends no Authorization.
func TestOEmbedService_Get(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v26.0/instagram_oembed" || r.Header.Get("Authorization") != "" {
			t.Errorf("%s, Authorization %q", r.URL.Path, r.Header.Get("Authorization"))
		}
		testParams(t, r, map[string]string{"url": "https://www.instagram.com/p/fA9uwTtkSN/", "maxwidth": "400", "omitscript": "true",
			"hidecaption": "true", "fields": "html,width,provider_name,provider_url,type,version"})
		writeJSON(w, 200, `{"version":"1.0","provider_name":"Instagram","provider_url":"https://www.instagram.com/","type":"rich","width":400,"html":"<blockquote class=\"instagram-media\"></blockquote>"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Options{BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	o, _, err := c.OEmbed.Get(t.Context(), OEmbedOptions{URL: "https://www.instagram.com/p/fA9uwTtkSN/", MaxWidth: 400, OmitScript: true, HideCaption: true})
	if err != nil {
		t.Fatal(err)
	}
	if o.Type != "rich" || !returned(o.Width, 400) || o.HTML == "" || o.ProviderName != "Instagram" {
		t.Fatalf("oembed = %+v", o)
	}
}
