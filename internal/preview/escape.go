package preview

import (
	"fmt"
	"html"
	"strings"
	"unicode"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// wordJoiner (U+2060) is invisible and joins what it stands between: put
// after the @ of an Instagram @mention or the # of "#123", it keeps GitHub
// from making a mention (which would notify a GitHub user of that name) or
// an issue link of them.
const wordJoiner = "\u2060"

// inlineMarkup are the characters that start or end something in GitHub
// Markdown within a line: code, emphasis, links and images, table cells,
// strikethrough, math, emoji shortcodes; they are backslash-escaped (& < >
// become entities).
const inlineMarkup = "\\`*_[]|~!$:"

// mdText escapes user text for GitHub Markdown, within a line: HTML is
// escaped, the characters of inlineMarkup are backslash-escaped (so no
// link, emphasis, table cell, code or HTML tag can start), line breaks
// become spaces, control characters are dropped, and @mentions, #123 and
// GH-123 are broken with a word joiner. What only matters at the start of a
// line (headings, lists) is mdLineStart's.
func mdText(s string) string {
	s = visible(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	runes := []rune(s)
	for i, r := range runes {
		next := rune(0)
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		switch {
		case r == escapeNext: // mdLineStart's mark
			if strings.ContainsRune("#-+=.)", next) {
				b.WriteByte('\\')
			}
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
		case strings.ContainsRune(inlineMarkup, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		if breaksReference(runes, i, next) {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

// breaksReference reports whether a word joiner must follow runes[i]: an @
// or # before a letter, digit or underscore, or the - of "GH-" before a
// digit.
func breaksReference(runes []rune, i int, next rune) bool {
	wordy := unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_'
	switch runes[i] {
	case '@', '#':
		return wordy
	case '-':
		return unicode.IsDigit(next) && i >= 2 && strings.EqualFold(string(runes[i-2:i]), "gh")
	}
	return false
}

// mdLines escapes multi-line user text as a Markdown block quote.
func mdQuote(s string, highlight bool) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		b.WriteString("> ")
		line = mdLineStart(line)
		if highlight {
			b.WriteString(mdHighlighted(line))
		} else {
			b.WriteString(mdText(line))
		}
		b.WriteString("  \n") // a hard line break, as Instagram keeps them
	}
	return b.String()
}

// escapeNext is the mark mdLineStart leaves for mdText: a character of
// Unicode's private use area, which no caption needs.
const escapeNext = '\ue000'

// mdLineStart makes the start of a line of user text plain text: leading
// spaces (an indented code block) become no-break spaces, and a character
// that would start a heading, list, rule or setext underline is
// escaped with a backslash that mdText keeps.
func mdLineStart(line string) string {
	trimmed := strings.TrimLeft(line, " ")
	lead := strings.Repeat("\u00a0", len(line)-len(trimmed))
	if trimmed == "" {
		return lead
	}
	switch c := trimmed[0]; {
	case strings.IndexByte("#-+=", c) >= 0:
		return lead + string(escapeNext) + trimmed
	case c >= '0' && c <= '9':
		if i := strings.IndexFunc(trimmed, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (trimmed[i] == '.' || trimmed[i] == ')') {
			return lead + trimmed[:i] + string(escapeNext) + trimmed[i:]
		}
	}
	return lead + trimmed
}

// mdCode is text (an address, an attribute name) in a code element: HTML
// escaped, and with table pipes as entities.
func mdCode(s string) string {
	return "<code>" + htmlAttr(noReferences(s)) + "</code>"
}

// htmlAttr escapes a value for an HTML attribute inside Markdown.
func htmlAttr(s string) string {
	return strings.ReplaceAll(html.EscapeString(oneLine(s)), "|", "&#124;")
}

// noReferences breaks what GitHub would take for a mention or an issue
// reference in text that is not escaped by mdText (code, alt text) with a
// word joiner.
func noReferences(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		b.WriteRune(r)
		if i+1 < len(runes) && breaksReference(runes, i, runes[i+1]) {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// imageURL is u when an image may be loaded from it (http or https), else "".
func imageURL(u string) string {
	if (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, " \t\n\r\"'<>\\`") {
		return u
	}
	return ""
}

// mdHighlighted is mdText with hashtags and @mentions in bold, as
// Instagram highlights them (found by the provider's own rule).
func mdHighlighted(s string) string {
	var b strings.Builder
	at := 0
	for _, t := range rules.Tokens(s) {
		b.WriteString(mdText(s[at:t.Start]))
		b.WriteString("<b>" + mdText(s[t.Start:t.End]) + "</b>")
		at = t.End
	}
	b.WriteString(mdText(s[at:]))
	return b.String()
}

// visible makes what a reviewer cannot see visible, or removes it: control
// characters other than line breaks and tabs are dropped (U+2028 and U+2029
// become line breaks), and the invisible characters that reorder text
// (bidirectional overrides and isolates, which can make a caption read
// differently from what it says) are shown as [U+202E].
func visible(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' || hidden(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case hidden(r):
			fmt.Fprintf(&b, "[U+%04X]", r)
		case unicode.IsControl(r) && r != '\n' && r != '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden reports the invisible characters that change the order text is
// shown in, and the line and paragraph separators.
func hidden(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u2028' || r == '\u2029'
}
