package preview

import (
	_ "embed"
	"html/template"
	"io"
	"strings"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

//go:embed page.html.tmpl
var pageTemplate string

// page is parsed once; html/template escapes every value for where it is
// written (text, attribute, URL), and the page's Content-Security-Policy
// allows no script at all, so a caption cannot run anything even if it
// could get into the markup.
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"fold":      func(t Text) []segment { return segments(rules.Fold(t.S)) },
	"rest":      rest,
	"segments":  func(t Text) []segment { return segments(t.S) },
	"image":     func(t Text) string { return visibleImage(t) },
	"video":     func(it Item) string { return videoText(it, identity, display) },
	"ratio":     ratio,
	"shown":     plain,
	"icon":      icon,
	"thousands": thousands,
	"when":      formatTime,
	"failed":    func(c *Card) bool { return c.Failed() },
	"tags":      allTagsText,
	"headline":  func(pv *Preview) string { return strings.ReplaceAll(pv.headline(), "**", "") },
	"quotaFrom": quotaSourcePlain,
	"address":   isAddress,
}).Parse(pageTemplate))

// HTML writes the preview as one self-contained page: no script, no
// external style or font; the only things it loads are the posts' images.
// The page as a whole is made visible (visible): whatever text of the plan
// it shows, an address or an id as much as a caption, cannot reorder
// itself with a bidirectional override.
func (pv *Preview) HTML(w io.Writer) error {
	var b strings.Builder
	if err := page.Execute(&b, pv); err != nil {
		return err
	}
	_, err := io.WriteString(w, visible(b.String()))
	return err
}

// segment is a piece of a caption: text, or a hashtag or @mention.
type segment struct {
	Text string
	Tag  bool
}

func segments(s string) []segment {
	s = visible(s)
	var out []segment
	at := 0
	for _, t := range rules.Tokens(s) {
		if t.Start > at {
			out = append(out, segment{Text: s[at:t.Start]})
		}
		out = append(out, segment{Text: s[t.Start:t.End], Tag: true})
		at = t.End
	}
	if at < len(s) {
		out = append(out, segment{Text: s[at:]})
	}
	return out
}

// rest is the caption after its fold ("" when it all shows).
func rest(t Text) []segment {
	fold := rules.Fold(t.S)
	if fold == t.S {
		return nil
	}
	return segments(strings.TrimPrefix(t.S, fold))
}

// plain is user text for the page outside captions (html/template escapes it).
func plain(t Text) string { return visible(display(t)) }

func visibleImage(t Text) string {
	if !t.Visible() {
		return ""
	}
	return imageURL(t.S)
}

func identity(s string) string { return s }

func allTagsText(p *Post) string {
	var out []string
	tag := func(t UserTag) { out = append(out, "@"+display(t.Username)) }
	for _, t := range p.UserTags {
		tag(t)
	}
	for _, it := range p.Items {
		for _, t := range it.UserTags {
			tag(t)
		}
	}
	return strings.Join(out, ", ")
}

func quotaSourcePlain(s string) string {
	switch s {
	case "assumed":
		return "assumed (Meta's documented default); read from instagram_content_publishing_limit when the configuration reads it, or --quota"
	case "--quota":
		return "from --quota"
	}
	return "from " + s
}
