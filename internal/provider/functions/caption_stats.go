package functions

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// NewCaptionStats is provider::instagram::caption_stats(text): what
// Instagram makes of a caption (rules.Caption).
func NewCaptionStats() function.Function { return captionStats{} }

type captionStats struct{}

// captionStatsResult is the object caption_stats returns.
type captionStatsResult struct {
	Length       int64    `tfsdk:"length"`
	Hashtags     []string `tfsdk:"hashtags"`
	Mentions     []string `tfsdk:"mentions"`
	HashtagCount int64    `tfsdk:"hashtag_count"`
	MentionCount int64    `tfsdk:"mention_count"`
	Fold         string   `tfsdk:"fold"`
	Problems     []string `tfsdk:"problems"`
}

var captionStatsType = map[string]attr.Type{
	"length":        types.Int64Type,
	"hashtags":      types.ListType{ElemType: types.StringType},
	"mentions":      types.ListType{ElemType: types.StringType},
	"hashtag_count": types.Int64Type,
	"mention_count": types.Int64Type,
	"fold":          types.StringType,
	"problems":      types.ListType{ElemType: types.StringType},
}

func (captionStats) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "caption_stats"
}

func (captionStats) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "A caption measured against Instagram's limits",
		MarkdownDescription: "Measures `text` as Instagram does and checks it against Instagram's limits for a caption " +
			"(the same checks `instagram_media` makes of its `caption` at plan time). The result is an object:\n\n" +
			fmt.Sprintf("- `length`: the length Instagram counts against its limit of %d characters: Unicode code points. ", rules.MaxCaptionLength) +
			"Terraform composes every string to its NFC form first, so an `e` followed by a combining accent is already " +
			"`é`, one code point; a combining mark with no composed form counts on its own. A CJK character counts 1, a " +
			"simple emoji 1, an emoji with a skin tone 2, a family emoji joined with zero-width joiners every code point of " +
			"it (`👨‍👩‍👧` is 5). That is never fewer than the characters a reader sees, so a caption within the limit by this " +
			"count is within it however it is displayed.\n" +
			"- `hashtags`, `mentions`: the distinct hashtags and @mentioned usernames, as the `hashtags` and `mentions` " +
			"functions return them.\n" +
			fmt.Sprintf("- `hashtag_count`, `mention_count`: how many (Instagram allows %d and %d).\n", rules.MaxHashtags, rules.MaxMentions) +
			fmt.Sprintf("- `fold`: the part of the caption the feed shows before \"… more\": at most %d lines and about %d characters, ", rules.FoldLines, rules.FoldLength) +
			"cut after a whole word. A caption that fits is its own fold.\n" +
			"- `problems`: one sentence per limit the caption exceeds, naming the limit; empty when it is within all of them.",
		Parameters: []function.Parameter{textParameter()},
		Return:     function.ObjectReturn{AttributeTypes: captionStatsType},
	}
}

func (captionStats) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var text string
	if resp.Error = argument(ctx, req, 0, "text", "a string", &text); resp.Error != nil {
		return
	}
	c := rules.Caption(text)
	resp.Error = resp.Result.Set(ctx, captionStatsResult{
		Length:       int64(c.Length),
		Hashtags:     orEmpty(c.Hashtags),
		Mentions:     orEmpty(c.Mentions),
		HashtagCount: int64(len(c.Hashtags)),
		MentionCount: int64(len(c.Mentions)),
		Fold:         c.Fold,
		Problems:     orEmpty(c.Problems),
	})
}
