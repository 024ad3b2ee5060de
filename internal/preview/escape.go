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
// strikethrough, math, emoji shortcodes and the scheme of an autolink
// (https:); they are backslash-escaped (& < > become entities).
const inlineMarkup = "\\`*_[]|~!$:"

// mdText escapes user text for GitHub Markdown, within a line: what a
// reviewer cannot see is made visible or dropped (visible), HTML is
// escaped, the characters of inlineMarkup are backslash-escaped (so no
// link, emphasis, table cell, code or HTML tag can start), the dot of
// "www." is escaped (no autolink), line breaks and tabs become spaces, and
// @mentions, #123 and GH-123 are broken with a word joiner. It is the one
// escaper of the Markdown: addresses (mdCode), quoted captions (mdQuote)
// and text in HTML blocks (mdHTML) go through it too.
func mdText(s string) string { return mdEscape(s, false) }

// mdHTML is mdText for text GitHub may read as HTML rather than Markdown:
// inside an HTML block (a line that starts with <table> or <details>) a
// backslash would show, so the characters are escaped as entities, which
// read the same in either.
func mdHTML(s string) string { return mdEscape(s, true) }

func mdEscape(s string, entities bool) string {
	s = visible(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case r == '_' && i > 0 && i+1 < len(runes) && wordy(runes[i-1]) && wordy(runes[i+1]):
			b.WriteByte('_') // within a word (snake_case) it starts no emphasis
		case strings.ContainsRune(inlineMarkup, r) || r == '.' && i >= 3 && strings.EqualFold(string(runes[i-3:i]), "www"):
			if entities {
				fmt.Fprintf(&b, "&#%d;", r)
			} else {
				b.WriteByte('\\')
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
		if i+1 < len(runes) && breaksReference(runes, i, runes[i+1]) {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

// breaksReference reports whether a word joiner must follow runes[i]: an @
// or # before a letter, digit or underscore, or the - of "GH-" before a
// digit.
func breaksReference(runes []rune, i int, next rune) bool {
	switch runes[i] {
	case '@', '#':
		return wordy(next) || next == '_'
	case '-':
		return unicode.IsDigit(next) && i >= 2 && strings.EqualFold(string(runes[i-2:i]), "gh")
	}
	return false
}

func wordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdQuote escapes multi-line user text as a Markdown block quote, a line
// of the quote for each line of the text. The text is made visible first
// (U+2028 and U+2029 become line breaks, control characters such as \r go)
// and tabs become spaces, so that what starts a line is what mdLineStart
// sees.
func mdQuote(s string, highlight bool) string {
	var b strings.Builder
	s = strings.ReplaceAll(visible(s), "\t", " ")
	for line := range strings.SplitSeq(s, "\n") {
		text := strings.TrimLeft(line, " ")
		// Leading spaces (an indented code block) become no-break spaces.
		b.WriteString("> " + strings.Repeat("\u00a0", len(line)-len(text)))
		if highlight {
			text = mdHighlighted(text)
		} else {
			text = mdText(text)
		}
		b.WriteString(mdLineStart(text) + "  \n") // a hard line break, as Instagram keeps them
	}
	return b.String()
}

// mdLineStart escapes, with a backslash, what would start a heading, a
// list, a rule or a setext underline at the start of a line of escaped
// Markdown (mdText's: everything else that matters at a line's start, > <
// * _ ` ~, is escaped already).
func mdLineStart(md string) string {
	if md != "" && strings.IndexByte("#-+=", md[0]) >= 0 {
		return "\\" + md
	}
	if i := strings.IndexFunc(md, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (md[i] == '.' || md[i] == ')') {
		return md[:i] + "\\" + md[i:]
	}
	return md
}

// mdCode is text (an address, an attribute name) in a code element:
// GitHub reads Markdown inside an HTML <code>, and the element is in
// Markdown (a table row, a heading) or in an HTML block (the grid).
func mdCode(s string) string {
	return "<code>" + mdHTML(s) + "</code>"
}

// htmlAttr escapes a value for an HTML attribute inside Markdown.
func htmlAttr(s string) string {
	return strings.ReplaceAll(html.EscapeString(oneLine(s)), "|", "&#124;")
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
