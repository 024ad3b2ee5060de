package common

import (
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

var notBlank = regexp.MustCompile(`\S`)

// CommentText validates the text of a comment or reply at plan time: not
// blank, and within Instagram's limits for captions (rules.TextProblems):
// Meta documents no limits of its own for comments; the app applies the
// same ones.
func CommentText() validator.String {
	return StringCheck(fmt.Sprintf("must not be blank; at most %d characters, %d hashtags and %d @mentions", rules.MaxCaptionLength, rules.MaxHashtags, rules.MaxMentions),
		func(at path.Path, text string, diags *diag.Diagnostics) {
			if !notBlank.MatchString(text) {
				diags.AddAttributeError(at, "Empty message", fmt.Sprintf("%s must not be blank.", at))
				return
			}
			for _, p := range rules.TextProblems(at.String(), text) {
				diags.AddAttributeError(at, "Message exceeds Instagram's limits", p)
			}
		})
}

// Text validates a short text Instagram shows (alt text, a poll's answer,
// an audio's name) at plan time: not blank, and at most limit characters
// counted as Instagram counts them (rules.Length: code points, so
// "Crème brûlée" is 12, not the 14 bytes of its UTF-8).
func Text(limit int) validator.String {
	return StringCheck(fmt.Sprintf("must not be blank; at most %d characters", limit), func(at path.Path, text string, diags *diag.Diagnostics) {
		switch n := rules.Length(text); {
		case !notBlank.MatchString(text):
			diags.AddAttributeError(at, "Empty text", fmt.Sprintf("%s must not be blank.", at))
		case n > limit:
			diags.AddAttributeError(at, "Text too long", fmt.Sprintf("%s is %d characters long; Instagram allows at most %d.", at, n, limit))
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
