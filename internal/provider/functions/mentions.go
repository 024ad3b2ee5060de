package functions

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// NewMentions is provider::instagram::mentions(text): the @mentions of a
// caption or comment (rules.Mentions).
func NewMentions() function.Function {
	return tokenList{name: "mentions", find: rules.Mentions, definition: function.Definition{
		Summary: "The @mentions of a caption or comment",
		MarkdownDescription: "The distinct usernames that `text` @mentions, without their `@`, in the order they first appear " +
			"(usernames are case-insensitive: `@Ana` and `@ana` are one mention).\n\n" +
			"A mention is an `@` that does not follow a letter, digit, underscore, period or another `@` (so " +
			"`ana@example.com` is not one), then an Instagram username: letters A–Z, digits, periods and underscores, " +
			fmt.Sprintf("at most %d characters, not ending with a period (`thanks @ana.` mentions `ana`). ", rules.MaxUsernameLength) +
			"Any other character ends it: `@ana's` mentions `ana`.\n\n" +
			fmt.Sprintf("Instagram allows at most %d @mentions in a caption or a comment (see `caption_stats`).", rules.MaxMentions),
		Parameters: []function.Parameter{textParameter()},
		Return:     function.ListReturn{ElementType: types.StringType},
	}}
}
