package emulator

import (
	"net/http"
	"strings"
	"testing"
)

func TestOEmbed_post(t *testing.T) {
	h := newHarness(t, Options{})
	mid := h.publishImage(`Launch <day> & "night"`)
	snap, _ := h.emu.Media(mid)
	// No token needed.
	b := h.get("/v25.0/instagram_oembed", "", "url", snap.Permalink, "maxwidth", "400").mustOK(t)
	if b["version"] != "1.0" || b["provider_name"] != "Instagram" || b["provider_url"] != "https://www.instagram.com/" ||
		b["type"] != "rich" || num(b["width"]) != 400 || len(b) != 6 {
		t.Fatalf("oembed = %v", b)
	}
	html := str(b["html"])
	if !strings.Contains(html, `data-instgrm-permalink="`+snap.Permalink) || !strings.Contains(html, "Launch &lt;day&gt; &amp; &#34;night&#34;") ||
		!strings.Contains(html, "embed.js") {
		t.Fatalf("html = %s", html)
	}
	b = h.get("/v25.0/instagram_oembed", fbl, "url", snap.Permalink, "omitscript", "true", "hidecaption", "true", "fields", "html,width").mustOK(t)
	if len(b) != 2 || strings.Contains(str(b["html"]), "embed.js") || strings.Contains(str(b["html"]), "Launch") || num(b["width"]) != 658 {
		t.Fatalf("oembed = %v", b)
	}
	// The fields Meta removed on 2025-11-03 are gone.
	h.get("/v25.0/instagram_oembed", "", "url", snap.Permalink, "fields", "author_name").wantError(t, http.StatusBadRequest, 100, 0)
	h.get("/v25.0/instagram_oembed", "", "url", snap.Permalink, "maxwidth", "700").wantError(t, http.StatusBadRequest, 100, 0)
	h.get("/v25.0/instagram_oembed", "", "url", "https://example.com/p/abc/").wantError(t, http.StatusBadRequest, 100, 0)
	// A token that is sent is checked.
	h.get("/v25.0/instagram_oembed", "EAAnot-a-token", "url", snap.Permalink).wantError(t, http.StatusBadRequest, 190, 0)
	if n := h.emu.CallCount("GET /instagram_oembed"); n != 6 {
		t.Fatalf("%d calls counted", n)
	}
}

func TestOEmbed_reelProfileAndRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	discoverable := h.emu.BusinessDiscoveryUsernames()
	if discoverable["bluebottle"] == "" {
		t.Fatal("no bluebottle")
	}
	reel, _ := h.emu.PostByOtherUser(OtherPost{Username: "bluebottle", Type: "REELS", Caption: "slow pour"})
	private, _ := h.emu.PostByOtherUser(OtherPost{Username: "secret.club", Caption: "members only", Private: true})
	adult, _ := h.emu.PostByOtherUser(OtherPost{Username: "winery", Caption: "tasting", AgeRestricted: true})
	noEmbed, _ := h.emu.PostByOtherUser(OtherPost{Username: "shy.studio", Caption: "ours", EmbedsDisabled: true})
	story, _ := h.emu.PostOutOfBand(DefaultAccountID, Post{Type: "STORY"})
	storySnap, _ := h.emu.Media(story)

	permalink := func(id string) string {
		h.emu.mu.Lock()
		defer h.emu.mu.Unlock()
		return h.emu.others().byID[id].permalink()
	}
	b := h.get("/v25.0/instagram_oembed", "", "url", permalink(reel)).mustOK(t)
	if !strings.Contains(str(b["html"]), "/reel/") {
		t.Fatalf("reel = %v", b)
	}
	b = h.get("/v25.0/instagram_oembed", "", "url", "https://www.instagram.com/"+DefaultUsername).mustOK(t)
	if !strings.Contains(str(b["html"]), "https://www.instagram.com/"+DefaultUsername+"/") {
		t.Fatalf("profile = %v", b)
	}
	for name, u := range map[string]string{
		"private": permalink(private), "age-restricted": permalink(adult), "embeds off": permalink(noEmbed),
		"story": storySnap.Permalink, "unknown": "https://www.instagram.com/p/DoesNotExist/", "private profile": "https://www.instagram.com/secret.club/",
	} {
		e := h.get("/v25.0/instagram_oembed", "", "url", u).wantError(t, http.StatusBadRequest, 100, 0)
		if e["message"] != "(#100) Invalid parameter" {
			t.Errorf("%s: %v", name, e)
		}
	}
}

func TestOEmbed_options(t *testing.T) {
	h := newHarness(t, Options{OEmbedHourlyLimit: 1, OEmbedRefusedError: &ErrorBody{Message: "Not embeddable", Type: "OAuthException", Code: 10}})
	h.get("/v25.0/instagram_oembed", "", "url", "https://www.instagram.com/p/DoesNotExist/").wantError(t, http.StatusBadRequest, 10, 0)
	h.get("/v25.0/instagram_oembed", "", "url", "https://www.instagram.com/"+DefaultUsername).wantError(t, http.StatusBadRequest, 4, 0)
}
