package functions_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
)

// captionStats is caption_stats' result, decoded.
type captionStats struct {
	Length       int64    `tfsdk:"length"`
	Hashtags     []string `tfsdk:"hashtags"`
	Mentions     []string `tfsdk:"mentions"`
	HashtagCount int64    `tfsdk:"hashtag_count"`
	MentionCount int64    `tfsdk:"mention_count"`
	Fold         string   `tfsdk:"fold"`
	Problems     []string `tfsdk:"problems"`
}

func TestCaptionStats(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 40) // 200 characters
	for _, tc := range []struct {
		name, text string
		want       captionStats
	}{
		{"empty: lists are empty, not null", "", captionStats{Hashtags: []string{}, Mentions: []string{}, Problems: []string{}}},
		{"hashtags and mentions", "Launch day with @ana.b and @Ana.B #Launch #launch #2026 #spring_26",
			captionStats{Length: 66, Hashtags: []string{"Launch", "spring_26"}, Mentions: []string{"ana.b"}, HashtagCount: 2, MentionCount: 1,
				Fold: "Launch day with @ana.b and @Ana.B #Launch #launch #2026 #spring_26", Problems: []string{}}},
		// Code points: e + combining accent counts 2 (as the function gets
		// it; Terraform composes it to é first, see TestAccCaptionStats),
		// each CJK character 1, an emoji with a skin tone 2, a ZWJ family 5.
		{"length in code points", "cafe\u0301 東京 👍🏽 👨\u200d👩\u200d👧", captionStats{Length: 17, Hashtags: []string{}, Mentions: []string{},
			Fold: "cafe\u0301 東京 👍🏽 👨\u200d👩\u200d👧", Problems: []string{}}},
		{"the fold ends after a whole word", long, captionStats{Length: 200, Hashtags: []string{}, Mentions: []string{},
			Fold: strings.TrimSpace(long[:125]), Problems: []string{}}},
		{"the fold shows two lines", "one\ntwo\nthree", captionStats{Length: 13, Hashtags: []string{}, Mentions: []string{},
			Fold: "one\ntwo", Problems: []string{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got captionStats
			result(t, &got, functions.NewCaptionStats(), types.StringValue(tc.text))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("caption_stats(%q) =\n%+v\nwant\n%+v", tc.text, got, tc.want)
			}
		})
	}
}

func TestCaptionStats_problems(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("a", 2200) + " " + tags("#t", 31) + tags("@u", 21)
	var got captionStats
	result(t, &got, functions.NewCaptionStats(), types.StringValue(text))
	want := []string{
		fmt.Sprintf("caption is %d characters long; Instagram allows at most 2200.", len(text)), // ASCII: bytes are code points
		"caption has 31 hashtags; Instagram allows at most 30.",
		"caption has 21 @mentions; Instagram allows at most 20.",
	}
	if !reflect.DeepEqual(got.Problems, want) || got.HashtagCount != 31 || got.MentionCount != 21 {
		t.Errorf("problems %q (%d hashtags, %d mentions), want %q", got.Problems, got.HashtagCount, got.MentionCount, want)
	}
}

func TestCaptionStats_wrongArgument(t *testing.T) {
	t.Parallel()
	expectArgumentError(t, functions.NewCaptionStats(), 0, "text must be a string", types.Int64Value(3))
	expectArgumentError(t, functions.NewCaptionStats(), 0, "text must be a string", types.StringNull())
	expectArgumentError(t, functions.NewCaptionStats(), 0, "text must be a string")
}

// tags is n distinct tokens, "#t1 #t2 …" for prefix "#t".
func tags(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(prefix)
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(strings.Repeat("x", i/26))
		b.WriteString(" ")
	}
	return b.String()
}

func TestAccCaptionStats(t *testing.T) {
	functionTest(t, `
output "stats" {
  value = provider::instagram::caption_stats("New drop with @ana #Summer #sale! 👍🏽")
}

output "composed" {
  value = provider::instagram::caption_stats("cafe\u0301").length
}

output "not_composable" {
  value = provider::instagram::caption_stats("q\u0301").length
}

output "cjk_and_emoji" {
  value = provider::instagram::caption_stats("東京 👍🏽 👨\u200d👩\u200d👧").length
}
`, output("stats", knownvalue.ObjectExact(map[string]knownvalue.Check{
		"length":        knownvalue.Int64Exact(36),
		"hashtags":      stringList("Summer", "sale"),
		"mentions":      stringList("ana"),
		"hashtag_count": knownvalue.Int64Exact(2),
		"mention_count": knownvalue.Int64Exact(1),
		"fold":          knownvalue.StringExact("New drop with @ana #Summer #sale! 👍🏽"),
		"problems":      knownvalue.ListExact([]knownvalue.Check{}),
	})),
		// Terraform composes strings to NFC: e and a combining accent reach
		// the function as é, one code point; q and the accent have no
		// composed form and stay two.
		output("composed", knownvalue.Int64Exact(4)),
		output("not_composable", knownvalue.Int64Exact(2)),
		output("cjk_and_emoji", knownvalue.Int64Exact(2+1+2+1+5)))
}

// A module refuses a caption over Instagram's limits before any plan of a
// post: a precondition with the problems as its message.
func TestAccCaptionStats_precondition(t *testing.T) {
	functionFails(t, `
locals {
  caption = "`+tags("#t", 31)+`"
  stats   = provider::instagram::caption_stats(local.caption)
}

output "caption" {
  value = local.caption
  precondition {
    condition     = length(local.stats.problems) == 0
    error_message = join(" ", local.stats.problems)
  }
}
`, `caption has 31 hashtags; Instagram allows at most 30\.`)
}
