package emulator

import (
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// oEmbed for Instagram posts and profiles (Meta oEmbed Read,
// https://developers.facebook.com/documentation/instagram-platform/oembed,
// updated 2026-05-15; reference
// https://developers.facebook.com/docs/graph-api/reference/instagram-oembed/):
//
//	GET /instagram_oembed?url=…[&maxwidth=320–658][&omitscript=true][&hidecaption=true][&fields=…]
//
// graph.facebook.com only, no access token needed since 2026-05-15 (one is
// still checked when sent), up to 1,000 requests an hour
// (Options.OEmbedHourlyLimit; per what, Meta does not say: here per
// emulator). The answer has html, width, provider_name, provider_url, type
// and version; author_* and thumbnail_* were removed on 2025-11-03.
// Accepted: /p/{shortcode}/ (images, carousels), /reel/{shortcode}/ and
// profiles /{username}/. Refused: stories, posts of private or
// age-restricted accounts, of accounts that turned embedding off, and
// posts that do not exist. Meta's error for those is undocumented (HTTP 400
// in community reports): the default is code 100 "Invalid parameter";
// Options.OEmbedRefusedError replaces it.

// oembedFields are the fields left after 2025-11-03, in Meta's order.
var oembedFields = []string{"version", "provider_name", "provider_url", "type", "width", "html"}

// oembedWidth bounds maxwidth; 658 is the default width.
const (
	oembedMinWidth = 320
	oembedMaxWidth = 658
)

// oembed is GET /instagram_oembed, a row of selfAuthRoutes: a token is
// optional, and checked (and metered) when sent.
func (s *Server) oembed(req *request, _ *target) (any, *apiError) {
	if req.token != "" {
		if err := s.authenticate(req); err != nil {
			return nil, err
		}
	}
	now := s.now()
	s.st.oembedCalls = pruneWindow(s.st.oembedCalls, now, time.Hour)
	if len(s.st.oembedCalls) >= s.opts.OEmbedHourlyLimit {
		// Undocumented error (uncertain): code 4, Graph's app request limit.
		return nil, oauthErr(4, 0, "(#4) Application request limit reached")
	}
	s.st.oembedCalls = append(s.st.oembedCalls, now)

	raw, _ := req.param("url")
	if raw == "" {
		return nil, errMissingParam("url")
	}
	width := oembedMaxWidth
	if v, ok := req.param("maxwidth"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < oembedMinWidth || n > oembedMaxWidth {
			return nil, errParam("Param maxwidth must be a number from %d to %d", oembedMinWidth, oembedMaxWidth)
		}
		width = n
	}
	flag := func(name string) (bool, *apiError) {
		v, _ := req.param(name)
		if v == "" {
			return false, nil
		}
		b, ok := parseBool(v)
		if !ok {
			return false, errParam("Param %s must be a boolean", name)
		}
		return b, nil
	}
	omitScript, err := flag("omitscript")
	if err != nil {
		return nil, err
	}
	hideCaption, err := flag("hidecaption")
	if err != nil {
		return nil, err
	}
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	for _, f := range fs {
		if !slices.Contains(oembedFields, f.Name) {
			return nil, errNonexistingField(f.Name, "InstagramOembed")
		}
	}

	permalink, caption, err := s.embeddable(raw)
	if err != nil {
		return nil, err
	}
	if hideCaption {
		caption = ""
	}
	all := map[string]any{
		"version": "1.0", "provider_name": "Instagram", "provider_url": "https://www.instagram.com/", "type": "rich",
		"width": width, "html": embedHTML(permalink, caption, width, !omitScript),
	}
	if fs == nil {
		return all, nil
	}
	out := map[string]any{}
	for _, f := range fs {
		out[f.Name] = all[f.Name]
	}
	return out, nil
}

// embeddable finds what a URL names and returns its canonical permalink and
// caption, or the refusal.
func (s *Server) embeddable(raw string) (permalink, caption string, _ *apiError) {
	u, perr := url.Parse(raw)
	host := ""
	if perr == nil {
		host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	if perr != nil || host != "instagram.com" && host != "instagr.am" {
		return "", "", errParam("Param url must be the URL of an Instagram post, reel or profile")
	}
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	refuse := func() (string, string, *apiError) { return "", "", s.errOEmbedRefused() }
	switch {
	case len(segs) == 2 && (segs[0] == "p" || segs[0] == "reel"):
		p, ok := s.postByShortcode(segs[1])
		if !ok || p.story() || p.private() || p.other != nil && (p.other.ageRestricted || p.other.owner.embedsDisabled) {
			return refuse()
		}
		return s.permalinkOf(p), p.caption(), nil
	case len(segs) == 1 && segs[0] != "stories":
		name := strings.ToLower(segs[0])
		for _, id := range s.st.order {
			if a := s.st.accounts[id]; strings.ToLower(a.Username) == name {
				return "https://www.instagram.com/" + a.Username + "/", "", nil
			}
		}
		if w := s.others().byUsername[name]; w != nil && !w.private && !w.embedsDisabled {
			return "https://www.instagram.com/" + w.username + "/", "", nil
		}
	}
	return refuse() // stories, unknown paths and accounts
}

// postByShortcode finds a live top-level post (own or another user's) by the
// shortcode of its permalink.
func (s *Server) postByShortcode(code string) (mentionedPost, bool) {
	for _, m := range s.st.published {
		if m.shortcode == code && s.visible(m) {
			return mentionedPost{own: m}, true
		}
	}
	for _, w := range s.others().byID {
		if !w.isChild && shortcodeFor(w.id) == code {
			return mentionedPost{other: w}, true
		}
	}
	return mentionedPost{}, false
}

func (s *Server) permalinkOf(p mentionedPost) string {
	if p.own != nil {
		return p.own.permalink(s.st.accounts[p.own.accountID].Username)
	}
	return p.other.permalink()
}

// errOEmbedRefused answers a URL Meta does not embed; Options.OEmbedRefusedError replaces it.
func (s *Server) errOEmbedRefused() *apiError {
	if e := s.opts.OEmbedRefusedError; e != nil {
		return &apiError{status: http.StatusBadRequest, body: *e}
	}
	return oauthErr(100, 0, "(#100) Invalid parameter")
}

// embedHTML is Instagram's embed markup: a blockquote the embed script
// turns into the post, with the caption (escaped) unless hidden.
func embedHTML(permalink, caption string, width int, script bool) string {
	link := html.EscapeString(permalink + "?utm_source=ig_embed&utm_campaign=loading")
	var b strings.Builder
	b.WriteString(`<blockquote class="instagram-media"`)
	if caption != "" {
		b.WriteString(` data-instgrm-captioned`)
	}
	b.WriteString(` data-instgrm-permalink="` + link + `" data-instgrm-version="14" style="max-width:` + strconv.Itoa(width) +
		`px; min-width:326px; width:calc(100% - 2px);"><div><a href="` + link + `" target="_blank">View this post on Instagram</a>`)
	if caption != "" {
		b.WriteString(`<p>` + html.EscapeString(caption) + `</p>`)
	}
	b.WriteString(`</div></blockquote>`)
	if script {
		b.WriteString("\n" + `<script async src="//www.instagram.com/embed.js"></script>`)
	}
	return b.String()
}
