package functions

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/media"
)

// NewCheckMedia is provider::instagram::check_media(inputs): the problems
// instagram_media would report at plan time for a post with these inputs,
// found by the resource's own checks (media.CheckInputs).
func NewCheckMedia() function.Function { return checkMedia{} }

type checkMedia struct{}

func (checkMedia) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "check_media"
}

func (checkMedia) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The problems instagram_media would report for a post's inputs",
		MarkdownDescription: "Checks a post's inputs with the rules `instagram_media` applies at plan time, by the same code, " +
			"and returns the problems found, each naming its attribute (`children[1].alt_text: …`), sorted; an empty list " +
			"when there are none. A module can thus check the posts it will build, in a variable's `validation`, a " +
			"`precondition` or a `check` block, before any plan.\n\n" +
			"`inputs` is an object of `instagram_media`'s arguments, any subset of them, written as in a resource block, " +
			"with a carousel's `children` as a list of objects: `{ type = \"CAROUSEL\", children = [{ image_url = \"…\" }, " +
			"{ video_url = \"…\" }] }`. A name `instagram_media` does not have is a problem, not an error. Values are " +
			"converted to the attribute's type as Terraform converts them.\n\n" +
			"The checks are those of `terraform validate` (which inputs each `type` takes, the caption's limits as " +
			"`caption_stats` counts them, https URLs, tag positions, a carousel's 2–10 items, the collaborators and sponsors " +
			"allowed) and, once those pass, the one the plan of a new post adds: the media it needs. A function has no " +
			"provider configuration and reads no files, so checks that need the API or read a `video_file` happen at plan " +
			"time only.",
		Parameters: []function.Parameter{function.DynamicParameter{
			Name:                "inputs",
			MarkdownDescription: "An object of `instagram_media` arguments, e.g. `{ type = \"IMAGE\", image_url = \"https://…\" }`.",
		}},
		Return: function.ListReturn{ElementType: types.StringType},
	}
}

func (checkMedia) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	const want = `an object of instagram_media arguments (e.g. { type = "IMAGE", image_url = "https://…" })`
	var in types.Dynamic
	if resp.Error = argument(ctx, req, 0, "inputs", want, &in); resp.Error != nil {
		return
	}
	if in.IsUnknown() || in.IsUnderlyingValueUnknown() {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(types.StringType))
		return
	}
	attrs, ok := attributes(in.UnderlyingValue())
	if !ok {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("inputs must be %s, not %s", want, kindOf(in.UnderlyingValue())))
		return
	}
	resp.Error = resp.Result.Set(ctx, orEmpty(media.CheckInputs(ctx, attrs)))
}

// kindOf names the kind of a value that is not an object, for errors.
func kindOf(v attr.Value) string {
	switch v.(type) {
	case basetypes.StringValue:
		return "a string"
	case basetypes.NumberValue:
		return "a number"
	case basetypes.BoolValue:
		return "true or false"
	case basetypes.ListValue, basetypes.TupleValue, basetypes.SetValue:
		return "a list"
	case nil:
		return "null"
	}
	return "a value of another type"
}

// attributes are the attributes of an object, or the elements of a map
// (a variable typed map(string), a tomap()).
func attributes(v attr.Value) (map[string]attr.Value, bool) {
	switch v := v.(type) {
	case basetypes.ObjectValue:
		return v.Attributes(), !v.IsNull() && !v.IsUnknown()
	case basetypes.MapValue:
		return v.Elements(), !v.IsNull() && !v.IsUnknown()
	}
	return nil, false
}
