package common

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema attributes shared by resources.

// StableString is a computed string that never changes once known (ids,
// permalinks, timestamps): plans keep the state's value instead of
// "(known after apply)".
func StableString(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// ResourceAccountID is the optional account_id of resources: the Instagram
// user the object belongs to, defaulting to the provider's account. replace
// makes a change of it replace the resource.
func ResourceAccountID(description string, replace bool) schema.StringAttribute {
	mods := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	if replace {
		mods = append(mods, stringplanmodifier.RequiresReplace())
	}
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{NumericID("Instagram user id")},
		PlanModifiers:       mods,
	}
}
