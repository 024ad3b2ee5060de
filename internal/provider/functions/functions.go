// Package functions holds the provider's functions, called as
// provider::instagram::NAME(…): caption_stats, hashtags, mentions,
// check_media and publishing_windows. They are pure: no API call, no
// provider configuration, the same answer for the same arguments. They
// apply Instagram's rules with the code the resources apply at plan time
// (internal/rules, and instagram_media's own checks for check_media), so a
// module can check what it will build in a precondition, a check block or
// `terraform console` and get the answer the plan would give.
//
// Functions need Terraform 1.8 or later, or OpenTofu 1.7 or later.
package functions

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/function"
)

// All are the provider's functions, for the provider's Functions method.
func All() []func() function.Function {
	return []func() function.Function{
		NewCaptionStats,
		NewHashtags,
		NewMentions,
		NewCheckMedia,
		NewPublishingWindows,
	}
}

// argument reads the argument at position into target. Terraform converts
// each argument to its parameter's type before calling a function, so only
// another caller can pass a value of the wrong type: that is an error
// naming the parameter and what it takes, never a panic.
//
// Argument errors end without a period: Terraform shows them as
// "Invalid value for "name" parameter: TEXT." with one.
func argument(ctx context.Context, req function.RunRequest, position int, name, want string, target any) *function.FuncError {
	if err := req.Arguments.GetArgument(ctx, position, target); err != nil {
		return function.NewArgumentFuncError(int64(position), fmt.Sprintf("%s must be %s", name, want))
	}
	return nil
}

// orEmpty is list, or an empty list where it is nil: a function returns
// [], never null, when there is nothing to list.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// textParameter is the text a function reads: a caption or a comment.
func textParameter() function.StringParameter {
	return function.StringParameter{
		Name:                "text",
		MarkdownDescription: "A caption or a comment.",
	}
}

// tokenList is a function from a text to the tokens Instagram finds in it
// (hashtags, mentions).
type tokenList struct {
	name       string
	definition function.Definition
	find       func(string) []string
}

func (f tokenList) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = f.name
}

func (f tokenList) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = f.definition
}

func (f tokenList) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var text string
	if resp.Error = argument(ctx, req, 0, "text", "a string", &text); resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, orEmpty(f.find(text)))
}
