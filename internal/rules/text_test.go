package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestLength_countsCodePoints(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"ascii", "Hello", 5},
		{"precomposed é is one code point", "caf\u00e9", 4},
		{"e and a combining acute are two", "cafe\u0301", 5},
		{"CJK characters count one each", "東京の夜", 4},
		{"a simple emoji is one", "🍕", 1},
		{"a skin tone modifier adds one", "👍🏽", 2},
		{"a ZWJ family counts every code point", "👨\u200d👩\u200d👧", 5},
		{"a flag is two regional indicators", "🇫🇷", 2},
		{"line breaks count", "a\nb", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Length(tc.text); got != tc.want {
				t.Errorf("Length(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
}

func TestHashtags(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"New drop #summer #Sale", []string{"summer", "Sale"}},
		{"#summer and #SUMMER are one hashtag", []string{"summer"}},
		{"no # inside a word: abc#def", []string{}},
		{"digits only: #2026 is not, #2026_launch is", []string{"2026_launch"}},
		{"punctuation ends it: #sale! #don't (#paren) #a,b", []string{"sale", "don", "paren", "a"}},
		{"letters of any script: #café #東京 #São_Paulo", []string{"café", "東京", "São_Paulo"}},
		{"combining marks stay: #cafe\u0301", []string{"cafe\u0301"}},
		{"a lone # and ## and #!", []string{}},
		{"##double is not one", []string{}},
		{"#under_score #_x", []string{"under_score", "_x"}},
		{"line start\n#first", []string{"first"}},
		{"emoji ends it: #pizza🍕", []string{"pizza"}},
		{"after emoji: 🍕#pizza", []string{"pizza"}},
	} {
		if got := Hashtags(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Hashtags(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestMentions(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"with @ana and @ben_k", []string{"ana", "ben_k"}},
		{"periods inside usernames: @ana.b.c", []string{"ana.b.c"}},
		{"a trailing period ends the sentence: thanks @ana.", []string{"ana"}},
		{"an e-mail is not a mention: ana@example.com", []string{}},
		{"case does not matter: @Ana @ana", []string{"Ana"}},
		{"apostrophe ends it: @ana's post", []string{"ana"}},
		{"a lone @ and @@ana", []string{}},
		{"(@paren) and \"@quoted\"", []string{"paren", "quoted"}},
		{"too long: @" + strings.Repeat("a", 31), []string{}},
		{"longest: @" + strings.Repeat("b", 30), []string{strings.Repeat("b", 30)}},
		{"@123 digits are a username", []string{"123"}},
		{"after a period: end.@ana", []string{}},
	} {
		if got := Mentions(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Mentions(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	short := "A short caption #fits"
	if got := Fold(short); got != short {
		t.Errorf("Fold(short) = %q", got)
	}
	long := strings.Repeat("word ", 40) // 200 characters
	got := Fold(long)
	if Length(got) > FoldLength || !strings.HasSuffix(got, "word") {
		t.Errorf("Fold(long) = %q (%d characters): want at most %d, ending on a whole word", got, Length(got), FoldLength)
	}
	if got := Fold("line one\nline two\nline three"); got != "line one\nline two" {
		t.Errorf("Fold(three lines) = %q, want the first two", got)
	}
	unbroken := strings.Repeat("x", 300)
	if got := Fold(unbroken); Length(got) != FoldLength {
		t.Errorf("Fold(unbroken) has %d characters, want %d", Length(got), FoldLength)
	}
	emoji := strings.Repeat("🍕", 200)
	if got := Fold(emoji); Length(got) != FoldLength {
		t.Errorf("Fold(emoji) has %d characters, want %d (never splits a code point)", Length(got), FoldLength)
	}
}

func TestTextProblems(t *testing.T) {
	if p := TextProblems("caption", "fine #a @b"); len(p) != 0 {
		t.Errorf("problems for a fine caption: %q", p)
	}
	var tags, mentions strings.Builder
	for i := range 31 {
		tags.WriteString(" #tag" + string(rune('a'+i%26)) + strings.Repeat("x", i/26))
	}
	for i := range 21 {
		mentions.WriteString(" @user" + string(rune('a'+i)))
	}
	long := strings.Repeat("é", MaxCaptionLength+1)
	text := long + tags.String() + mentions.String()
	got := TextProblems("caption", text)
	want := []string{
		fmt.Sprintf("caption is %d characters long; Instagram allows at most 2200.", Length(text)),
		"caption has 31 hashtags; Instagram allows at most 30.",
		"caption has 21 @mentions; Instagram allows at most 20.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TextProblems = %q\nwant %q", got, want)
	}
	// Repeats of one hashtag count once.
	if p := TextProblems("caption", strings.Repeat("#same ", 40)); len(p) != 0 {
		t.Errorf("40 repeats of one hashtag: %q", p)
	}
}

func TestCaption(t *testing.T) {
	s := Caption("Launch day! #New @ana #new")
	if s.Length != 26 || !reflect.DeepEqual(s.Hashtags, []string{"New"}) || !reflect.DeepEqual(s.Mentions, []string{"ana"}) ||
		s.Fold != "Launch day! #New @ana #new" || len(s.Problems) != 0 {
		t.Errorf("Caption = %+v", s)
	}
}

func TestTokens(t *testing.T) {
	text := "Hi @ana.b, #sale! ana@example.com abc#def #2026 @ana again #café."
	var got []string
	for _, tok := range Tokens(text) {
		got = append(got, text[tok.Start:tok.End]+fmt.Sprint(tok.Mention))
	}
	want := []string{"@ana.btrue", "#salefalse", "@anatrue", "#caféfalse"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	// The same rule as Hashtags and Mentions, every occurrence kept.
	var tags, mentions []string
	for _, tok := range Tokens(text) {
		if tok.Mention {
			mentions = append(mentions, text[tok.Start+1:tok.End])
		} else {
			tags = append(tags, text[tok.Start+1:tok.End])
		}
	}
	if !reflect.DeepEqual(distinct(tags), Hashtags(text)) || !reflect.DeepEqual(distinct(mentions), Mentions(text)) {
		t.Errorf("Tokens disagree with Hashtags/Mentions: %q %q vs %q %q", tags, mentions, Hashtags(text), Mentions(text))
	}
}
