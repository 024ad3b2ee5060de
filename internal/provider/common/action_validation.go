package common

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// RevalidateAction runs the validators of an action's string and list
// attributes again on its planned configuration, from an action's
// ModifyPlan. Terraform validates an action's configuration while values
// from variables and data sources are still unknown, and validators skip
// unknown values: without this, a bad id or text from a data source would
// be found by Invoke, after it read the API, instead of by the plan.
func RevalidateAction(ctx context.Context, a action.Action, config tfsdk.Config, diags *diag.Diagnostics) {
	var s action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &s)
	for name, attribute := range s.Schema.Attributes {
		at := path.Root(name)
		switch attribute := attribute.(type) {
		case schema.StringAttribute:
			var value types.String
			diags.Append(config.GetAttribute(ctx, at, &value)...)
			for _, v := range attribute.Validators {
				resp := &validator.StringResponse{}
				v.ValidateString(ctx, validator.StringRequest{Path: at, PathExpression: at.Expression(), Config: config, ConfigValue: value}, resp)
				diags.Append(resp.Diagnostics...)
			}
		case schema.ListAttribute:
			var value types.List
			diags.Append(config.GetAttribute(ctx, at, &value)...)
			for _, v := range attribute.Validators {
				resp := &validator.ListResponse{}
				v.ValidateList(ctx, validator.ListRequest{Path: at, PathExpression: at.Expression(), Config: config, ConfigValue: value}, resp)
				diags.Append(resp.Diagnostics...)
			}
		}
	}
}
