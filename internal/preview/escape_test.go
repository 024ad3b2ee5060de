package preview

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// gfm renders Markdown as GitHub does, near enough: CommonMark with the
// GFM extensions (tables, strikethrough, autolinks of www. and https://),
// and the HTML tags of the text kept.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))

func renderGFM(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// escapeInputs are user text (captions, for_each keys) that tries to be
// Markdown: what the reviewer found got through, and the hostile captions.
var escapeInputs = append([]string{
	// A private-use character next to @, # and GH- (the escaper once used
	// U+E000 as its own mark, and dropped it).
	"Thanks @\ue000octocat see #\ue0001 GH-\ue0002",
	`[click me](https://evil.example/phish)`, "_draft_", "*x*", "![px](https://evil.example/p.png)", "a`b", "~~gone~~",
	// Line starts behind a tab, a control character, \r, U+2028, U+2029.
	"first line\n\t# tab heading\n\t- tab list\n\x01# ctrl heading\n\r## cr heading\n\t\t\t\t\tcode block\nsetext\n\t===\n\x7f1. ordered",
	"intro\n\u2028# injected heading\n\u2029- injected list\n\u2028    code",
	"see www.github.com/o/r/issues/1 and WWW.example.com and https://evil.example/x",
	"\u202egnp.tsop",
}, hostile...)

// markup is what user text must never become: a link, emphasis,
// strikethrough, an image, a heading, a list, code blocks, a rule, a
// table, a script.
var markup = regexp.MustCompile(`<(a|em|strong|del|img|h[1-6]|li|pre|hr|table|script|input|details)\b`)

// GitHub references: an @ or # directly followed by a word character, or
// GH-123.
var reference = regexp.MustCompile(`(?:^|[^\w])[@#]\w|GH-\d`)

// Every escaper of the Markdown keeps user text text, wherever it is
// written: in a line, a quoted caption, a heading's or a table's <code>.
func TestMarkdown_userTextStaysText(t *testing.T) {
	for _, in := range escapeInputs {
		for _, tc := range []struct {
			where, md string
			want      []string // the markup the context itself makes
		}{
			{"text", "words " + mdText(in), nil},
			{"quote", mdQuote(in, true), nil},
			{"quote, not highlighted", mdQuote(in, false), nil},
			{"heading", "#### 🖼️ " + mdCode(in) + " · IMAGE", []string{"<h4"}},
			{"table", "| a | b |\n|---|---|\n| " + mdCode(in) + " | " + mdText(in) + " |", []string{"<table"}},
			// HTML blocks: the grid, a folded card's title.
			{"grid", "<table>\n<tr><td><b>new</b> " + mdCode(in) + "</td></tr>\n</table>", []string{"<table"}},
			{"folded", "<details><summary>🖼️ " + mdCode(in) + " — " + mdHTML(in) + "</summary>\n\n</details>", []string{"<details"}},
		} {
			out := renderGFM(t, tc.md)
			if got := markup.FindAllString(out, -1); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%s of %q makes %q, want %q:\n%s\n→\n%s", tc.where, in, got, tc.want, tc.md, out)
			}
			text := regexp.MustCompile(`<[^>]*>|&#?\w+;`).ReplaceAllString(out, " ")
			if m := reference.FindAllString(text, -1); len(m) > 0 {
				t.Errorf("%s of %q has GitHub references %q:\n%s", tc.where, in, m, out)
			}
			if strings.ContainsAny(out, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\x00\x01\x7f\r") {
				t.Errorf("%s of %q keeps an invisible character:\n%q", tc.where, in, out)
			}
			if !strings.Contains(in, `\`) && strings.Contains(out, `\`) {
				t.Errorf("%s of %q shows a backslash of the escaping:\n%s", tc.where, in, out)
			}
			if tc.where == "table" && strings.Count(out, "<td") != 2 {
				t.Errorf("%s of %q breaks the table's cells:\n%s", tc.where, in, out)
			}
		}
	}
}
