package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length is the length of text as Instagram counts it against
// MaxCaptionLength: in Unicode code points. Meta's reference says
// "characters" without defining them; its servers count code points (what
// Python's len and PHP/Hack's mb_strlen count), so an accented letter typed
// as one code point counts 1 and as a letter plus a combining mark 2, a
// CJK character 1, a simple emoji 1, an emoji with a skin tone 2, and a
// family emoji joined with zero-width joiners every code point of it
// (👨‍👩‍👧 is 5). That is never fewer than the characters a reader sees
// (grapheme clusters), so a caption this counts within the limit is within
// it however Instagram's app displays it.
func Length(text string) int { return utf8.RuneCountInString(text) }

// Hashtags are the distinct hashtags of text, without their #, in the order
// they first appear (spelled as they first appear; Instagram does not tell
// #Tag from #tag). A hashtag is a # that does not follow a letter, digit,
// underscore or another #, then letters, combining marks, digits and
// underscores up to the first other character, with at least one letter or
// underscore: "#2026" is not a hashtag, "#2026_launch" is, and so is "#café";
// "abc#def" and "#" alone are not. Punctuation ends a hashtag: "#sale!" is
// "sale", "#don't" is "don".
func Hashtags(text string) []string {
	return distinct(names(text, false))
}

// Mentions are the distinct @mentions of text, without their @, in the
// order they first appear. A mention is an @ that does not follow a letter,
// digit, underscore, period or another @ (so an e-mail address is not one),
// then an Instagram username: letters A–Z, digits, periods and underscores,
// at most MaxUsernameLength long, not ending with a period (a trailing
// period ends the sentence: "thanks @ana." mentions "ana"); any other
// character ends it ("@ana's" mentions "ana"). Usernames are
// case-insensitive.
func Mentions(text string) []string {
	return distinct(names(text, true))
}

// Token is a hashtag or an @mention found in a text: text[Start:End] is the
// token with its sigil ("#summer", "@ana").
type Token struct {
	Start, End int  // byte offsets into the text
	Mention    bool // an @mention; otherwise a hashtag
}

// Tokens are the hashtags and @mentions of text where they occur, in order,
// every occurrence (Hashtags and Mentions keep the distinct ones): what a
// preview highlights as Instagram does.
func Tokens(text string) []Token {
	var out []Token
	prev := rune(-1)
	for i, r := range text {
		if (r == '#' || r == '@') && !joinsWord(prev, r) {
			body := hashtagBody
			if r == '@' {
				body = mentionBody
			}
			if name, ok := body(text[i+1:]); ok {
				out = append(out, Token{Start: i, End: i + 1 + len(name), Mention: r == '@'})
			}
		}
		prev = r
	}
	return out
}

// names are the names (without sigil) of the mentions (mention) or the
// hashtags of text.
func names(text string, mention bool) []string {
	var out []string
	for _, t := range Tokens(text) {
		if t.Mention == mention {
			out = append(out, text[t.Start+1:t.End])
		}
	}
	return out
}

// joinsWord reports whether a sigil after prev continues a word ("abc#def",
// "ana@example.com") instead of starting a hashtag or a mention.
func joinsWord(prev, sigil rune) bool {
	if prev < 0 {
		return false
	}
	if prev == sigil || prev == '_' || unicode.IsLetter(prev) || unicode.IsDigit(prev) || unicode.Is(unicode.Mn, prev) {
		return true
	}
	return sigil == '@' && prev == '.'
}

// hashtagBody reads a hashtag's name at the start of s.
func hashtagBody(s string) (string, bool) {
	end, word := 0, false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
			word = true
		case unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
		default:
			return s[:i], word
		}
		end = i + utf8.RuneLen(r)
	}
	return s[:end], word
}

// mentionBody reads a username at the start of s: the longest run of the
// characters a username may hold, less trailing periods.
func mentionBody(s string) (string, bool) {
	end := len(s)
	for i, r := range s {
		if !usernameChar(r) {
			end = i
			break
		}
	}
	name := strings.TrimRight(s[:end], ".")
	return name, name != "" && len(name) <= MaxUsernameLength
}

func usernameChar(r rune) bool {
	return r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// distinct keeps the first of tokens equal but for case.
func distinct(tokens []string) []string {
	seen := make(map[string]bool, len(tokens))
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// Fold is the part of a caption Instagram's feed shows before "… more": at
// most FoldLines lines and about FoldLength characters, cut after a whole
// word where one ends in the last quarter of that length. A caption that
// fits is its own fold.
func Fold(text string) string {
	lines := strings.SplitN(text, "\n", FoldLines+1)
	cut := len(lines) > FoldLines
	if cut {
		text = strings.Join(lines[:FoldLines], "\n")
	}
	if Length(text) <= FoldLength {
		if cut {
			return strings.TrimRightFunc(text, unicode.IsSpace)
		}
		return text
	}
	runes := []rune(text)[:FoldLength]
	end := len(runes)
	for i := end - 1; i >= FoldLength*3/4; i-- {
		if unicode.IsSpace(runes[i]) {
			end = i
			break
		}
	}
	return strings.TrimRightFunc(string(runes[:end]), unicode.IsSpace)
}

// TextProblems checks text (what names it in the messages: "caption",
// "message") against Instagram's limits, one sentence per limit exceeded.
func TextProblems(what, text string) []string {
	var out []string
	if n := Length(text); n > MaxCaptionLength {
		out = append(out, fmt.Sprintf("%s is %d characters long; Instagram allows at most %d.", what, n, MaxCaptionLength))
	}
	if n := len(Hashtags(text)); n > MaxHashtags {
		out = append(out, fmt.Sprintf("%s has %d hashtags; Instagram allows at most %d.", what, n, MaxHashtags))
	}
	if n := len(Mentions(text)); n > MaxMentions {
		out = append(out, fmt.Sprintf("%s has %d @mentions; Instagram allows at most %d.", what, n, MaxMentions))
	}
	return out
}

// CaptionStats is what Instagram makes of a caption.
type CaptionStats struct {
	Length   int
	Hashtags []string
	Mentions []string
	Fold     string
	Problems []string
}

// Caption measures a caption against Instagram's rules.
func Caption(text string) CaptionStats {
	return CaptionStats{
		Length:   Length(text),
		Hashtags: Hashtags(text),
		Mentions: Mentions(text),
		Fold:     Fold(text),
		Problems: TextProblems("caption", text),
	}
}
