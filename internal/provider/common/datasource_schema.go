package common

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// DataSourceAccountID is the optional account_id of data sources that read
// one Instagram account (or act through it).
func DataSourceAccountID(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true, // Read fills in the default account
		Validators:          []validator.String{stringvalidator.RegexMatches(NumericIDPattern, "must be a numeric Instagram user id")},
	}
}
