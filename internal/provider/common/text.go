package common

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Instagram's limits on the text of a post or a comment: at most 2200
// characters, 30 hashtags and 20 @mentions, as the content publishing
// reference gives them for captions
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
// Meta documents no limits of its own for comments; the app applies the
// same ones, so comments and replies are checked against them too.
const (
	MaxTextLength = 2200
	MaxHashtags   = 30
	MaxMentions   = 20
)

var (
	hashtagPattern = regexp.MustCompile(`#[\p{L}\p{N}_]+`)
	mentionPattern = regexp.MustCompile(`@[A-Za-z0-9._]+`)
	notBlank       = regexp.MustCompile(`\S`)
)

// TextProblems checks text (what names it: "caption", "message") against
// Instagram's limits and returns one sentence per limit exceeded.
func TextProblems(what, text string) []string {
	var out []string
	if n := utf8.RuneCountInString(text); n > MaxTextLength {
		out = append(out, fmt.Sprintf("%s is %d characters long; Instagram allows at most %d.", what, n, MaxTextLength))
	}
	if n := len(uniqueLower(hashtagPattern.FindAllString(text, -1))); n > MaxHashtags {
		out = append(out, fmt.Sprintf("%s has %d hashtags; Instagram allows at most %d.", what, n, MaxHashtags))
	}
	if n := len(uniqueLower(mentionPattern.FindAllString(text, -1))); n > MaxMentions {
		out = append(out, fmt.Sprintf("%s has %d @mentions; Instagram allows at most %d.", what, n, MaxMentions))
	}
	return out
}

func uniqueLower(in []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range in {
		out[strings.ToLower(s)] = true
	}
	return out
}

// CommentText validates the text of a comment or reply at plan time: not
// blank, and within TextProblems' limits.
func CommentText() validator.String {
	return StringCheck(fmt.Sprintf("must not be blank; at most %d characters, %d hashtags and %d @mentions", MaxTextLength, MaxHashtags, MaxMentions),
		func(at path.Path, text string, diags *diag.Diagnostics) {
			if !notBlank.MatchString(text) {
				diags.AddAttributeError(at, "Empty message", fmt.Sprintf("%s must not be blank.", at))
				return
			}
			for _, p := range TextProblems(at.String(), text) {
				diags.AddAttributeError(at, "Message exceeds Instagram's limits", p)
			}
		})
}

// RE2Pattern validates a regular expression in Go's RE2 syntax
// (https://github.com/google/re2/wiki/Syntax) at plan time.
func RE2Pattern() validator.String {
	return StringCheck("must be a regular expression in RE2 syntax", func(at path.Path, pattern string, diags *diag.Diagnostics) {
		if _, err := regexp.Compile(pattern); err != nil {
			diags.AddAttributeError(at, "Invalid regular expression",
				fmt.Sprintf("%s must be a regular expression in RE2 syntax (https://github.com/google/re2/wiki/Syntax): %v", at, err))
		}
	})
}

// The comment selectors shared by the instagram_moderate_comments action and
// the instagram_comments data source, so that both read alike.
const (
	TextMatchesDescription = "Only comments whose text matches this regular expression, in RE2 syntax " +
		"(https://github.com/google/re2/wiki/Syntax); case-sensitive unless it starts with `(?i)`. Checked at plan time."
	FromUsernamesDescription = "Only comments written by these Instagram users (usernames, with or without `@`, any case)."
)

// usernameOrMention is an Instagram username, with or without its @.
var usernameOrMention = regexp.MustCompile(`^@?[A-Za-z0-9._]{1,30}$`)

// Username validates an Instagram username, with or without its @.
func Username() validator.String {
	return stringvalidator.RegexMatches(usernameOrMention, "must be an Instagram username")
}
