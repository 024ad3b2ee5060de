// Package discovery holds the data sources that read other accounts' public
// content: business discovery and hashtag search. Both exist only in the
// Instagram API with Facebook login and are metered by Meta's Platform rate
// limits; hashtag search also by the 30-unique-hashtags-per-7-days rule.
package discovery

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

const accountIDDescription = "Instagram user id of the provider's account to search with (Meta requires one of your own " +
	"professional accounts). Defaults to the provider's account."

// publicMediaModel is another account's post.
type publicMediaModel struct {
	common.PostModel
	ViewCount types.Int64         `tfsdk:"view_count"`
	Children  []common.ChildModel `tfsdk:"children"`
}

func publicMediaAttribute(desc string) schema.ListNestedAttribute {
	return common.ComputedNestedList(desc, common.PostAttributes(
		"`FEED` or `REELS`; null where the API does not report it (hashtag media).",
		map[string]schema.Attribute{
			"view_count": common.ComputedInt64("Views of a reel; null for other posts and where the API does not report it."),
			"children":   common.ChildrenAttribute(),
		}))
}

func publicMediaFrom(m *graph.Media) publicMediaModel {
	return publicMediaModel{PostModel: common.PostFrom(m), ViewCount: types.Int64PointerValue(m.ViewCount), Children: common.ChildrenFrom(m)}
}

// addHashtagError reports a failed hashtag call; the weekly limit gets an
// explanation of its own because Meta's wording for it is not documented.
func addHashtagError(diags *diag.Diagnostics, p path.Path, summary string, err error) {
	if graph.IsHashtagLimit(err) {
		diags.AddAttributeError(p, "Weekly hashtag limit reached",
			"Instagram lets an account query at most 30 unique hashtags in a rolling 7 days, and this one would be number 31. "+
				"Hashtags already queried this week can be read again at no cost; the data source "+
				"instagram_recently_searched_hashtags lists them. A slot frees up 7 days after a hashtag was first queried.\n\n"+
				common.DescribeError(err))
		return
	}
	common.AddAPIError(diags, p, summary, err)
}
