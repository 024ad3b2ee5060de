package common

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Schema attributes shared by data sources. One rule for all of them: a
// value Meta leaves out of a response is null, never "" or 0 (the graph
// types keep it absent, common.StringOrNull and the Pointer value
// constructors carry it over); the provider's docs page says so once.

// DataSourceAccountID is the optional account_id of data sources that read
// one Instagram account (or act through it).
func DataSourceAccountID(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true, // Read fills in the default account
		Validators:          []validator.String{NumericID("Instagram user id")},
	}
}

// ComputedString is a read-only string of a data source.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Computed: true}
}

// ComputedInt64 is a read-only number of a data source (counts).
func ComputedInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Computed: true}
}

// ComputedFloat64 is a read-only decimal number of a data source.
func ComputedFloat64(description string) schema.Float64Attribute {
	return schema.Float64Attribute{MarkdownDescription: description, Computed: true}
}

// ComputedBool is a read-only flag of a data source.
func ComputedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Computed: true}
}

// ComputedStrings is a read-only list of strings of a data source.
func ComputedStrings(description string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: description, Computed: true, ElementType: types.StringType}
}

// NumericID validates a numeric Graph id; what names it in the error
// ("Instagram media id").
func NumericID(what string) validator.String {
	return stringvalidator.RegexMatches(NumericIDPattern, "must be a numeric "+what)
}

// ComputedNestedList is a read-only list of objects of a data source.
func ComputedNestedList(description string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
	}
}

// RequiredID is a data source's numeric Graph id input; what names it in
// the validation error ("Instagram media id").
func RequiredID(description, what string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: []validator.String{NumericID(what)}}
}

// OptionalID is RequiredID for an id that may be left out.
func OptionalID(description, what string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true, Validators: []validator.String{NumericID(what)}}
}

// BoundedInt64 is an optional number of a data source between least and
// most (limits and counts; the description gives the default).
func BoundedInt64(description string, least, most int64) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: description, Optional: true, Validators: []validator.Int64{int64validator.Between(least, most)}}
}
