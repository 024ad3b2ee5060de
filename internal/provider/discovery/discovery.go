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
	ID               types.String `tfsdk:"id"`
	Caption          types.String `tfsdk:"caption"`
	MediaType        types.String `tfsdk:"media_type"`
	MediaProductType types.String `tfsdk:"media_product_type"`
	MediaURL         types.String `tfsdk:"media_url"`
	Permalink        types.String `tfsdk:"permalink"`
	Timestamp        types.String `tfsdk:"timestamp"`
	LikeCount        types.Int64  `tfsdk:"like_count"`
	CommentsCount    types.Int64  `tfsdk:"comments_count"`
	ViewCount        types.Int64  `tfsdk:"view_count"`
	Children         []childModel `tfsdk:"children"`
}

type childModel struct {
	ID        types.String `tfsdk:"id"`
	MediaType types.String `tfsdk:"media_type"`
	MediaURL  types.String `tfsdk:"media_url"`
}

func publicMediaAttribute(desc string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":                 common.ComputedString("Media id."),
			"caption":            common.ComputedString("Caption, null when none."),
			"media_type":         common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`."),
			"media_product_type": common.ComputedString("`FEED` or `REELS`; null where the API does not report it (hashtag media)."),
			"media_url":          common.ComputedString("CDN URL of the media (for a carousel, of its first item; `children` has them all); null when Instagram withholds it (copyrighted audio, downloads turned off)."),
			"permalink":          common.ComputedString("Public URL of the post."),
			"timestamp":          common.ComputedString("Publishing time, RFC 3339 in UTC."),
			"like_count":         common.ComputedInt64("Likes at read time; null when the owner hides them."),
			"comments_count":     common.ComputedInt64("Comments at read time."),
			"view_count":         common.ComputedInt64("Views of a reel; null for other posts and where the API does not report it."),
			"children": schema.ListNestedAttribute{
				MarkdownDescription: "Carousel items; empty for other posts.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":         common.ComputedString("Media id of the item."),
					"media_type": common.ComputedString("`IMAGE` or `VIDEO`."),
					"media_url":  common.ComputedString("CDN URL of the item."),
				}},
			},
		}},
	}
}

func publicMediaFrom(m *graph.PublicMedia) publicMediaModel {
	out := publicMediaModel{
		ID:               types.StringValue(m.ID),
		Caption:          common.StringOrNull(m.Caption),
		MediaType:        common.StringOrNull(m.MediaType),
		MediaProductType: common.StringOrNull(m.MediaProductType),
		MediaURL:         common.StringOrNull(m.MediaURL),
		Permalink:        common.StringOrNull(m.Permalink),
		Timestamp:        common.GraphTime(m.Timestamp),
		LikeCount:        types.Int64PointerValue(m.LikeCount),
		CommentsCount:    types.Int64PointerValue(m.CommentsCount),
		ViewCount:        types.Int64PointerValue(m.ViewCount),
		Children:         []childModel{},
	}
	if m.Children != nil {
		for _, c := range m.Children.Data {
			out.Children = append(out.Children, childModel{
				ID: types.StringValue(c.ID), MediaType: common.StringOrNull(c.MediaType), MediaURL: common.StringOrNull(c.MediaURL),
			})
		}
	}
	return out
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
