package functions

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// NewHashtags is provider::instagram::hashtags(text): the hashtags of a
// caption or comment (rules.Hashtags).
func NewHashtags() function.Function {
	return tokenList{name: "hashtags", find: rules.Hashtags, definition: function.Definition{
		Summary: "The hashtags of a caption or comment",
		MarkdownDescription: "The distinct hashtags of `text`, without their `#`, in the order they first appear, spelled as they " +
			"first appear (Instagram does not tell `#Tag` from `#tag`).\n\n" +
			"A hashtag is a `#` that does not follow a letter, digit, underscore or another `#`, then letters of any script, " +
			"combining marks, digits and underscores up to the first other character, with at least one letter or underscore: " +
			"`#2026` is not a hashtag, `#2026_launch` is, and so is `#café`; `abc#def`, `##tag` and a lone `#` are not. " +
			"Punctuation, spaces and emoji end a hashtag: `#sale!` is `sale`, `#don't` is `don`.\n\n" +
			fmt.Sprintf("Instagram allows at most %d hashtags in a caption or a comment (see `caption_stats`).", rules.MaxHashtags),
		Parameters: []function.Parameter{textParameter()},
		Return:     function.ListReturn{ElementType: types.StringType},
	}}
}
