// Package discovery holds the data sources that read other accounts' public
// content: business discovery and hashtag search. Both exist only in the
// Instagram API with Facebook login and are metered by Meta's Platform rate
// limits; hashtag search also by the 30-unique-hashtags-per-7-days rule.
package discovery

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

const accountIDDescription = "Instagram user id of the provider's account to search with (Meta requires one of your own " +
	"professional accounts). Defaults to the provider's account."

func publicMediaAttribute(desc string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":                 common.ComputedString("Media id."),
			"caption":            common.ComputedString("Caption, null when none."),
			"media_type":         common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`."),
			"media_product_type": common.ComputedString("`FEED` or `REELS`; null where the API does not report it (hashtag media)."),
			"media_url":          common.ComputedString("CDN URL; null for carousels (see `children`) and when Instagram withholds it."),
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

// publicMediaList is the `media` attribute's value: other accounts' posts,
// built as values directly. The framework's reflection over a slice of
// structs cost 0.3–0.5 s and 100 MB for the 1000 posts business discovery
// may return (BenchmarkBusinessDiscoveryState).
func publicMediaList(media []*graph.PublicMedia) types.List {
	postType := publicMediaAttribute("").NestedObject.Type().(types.ObjectType)              //nolint:forcetypeassert // by construction
	childType := postType.AttrTypes["children"].(types.ListType).ElemType.(types.ObjectType) //nolint:forcetypeassert // by construction
	posts := make([]attr.Value, 0, len(media))
	for _, m := range media {
		children := []attr.Value{}
		if m.Children != nil {
			for _, c := range m.Children.Data {
				children = append(children, types.ObjectValueMust(childType.AttrTypes, map[string]attr.Value{
					"id": types.StringValue(c.ID), "media_type": common.StringOrNull(c.MediaType), "media_url": common.StringOrNull(c.MediaURL),
				}))
			}
		}
		posts = append(posts, types.ObjectValueMust(postType.AttrTypes, map[string]attr.Value{
			"id":                 types.StringValue(m.ID),
			"caption":            common.StringOrNull(m.Caption),
			"media_type":         common.StringOrNull(m.MediaType),
			"media_product_type": common.StringOrNull(m.MediaProductType),
			"media_url":          common.StringOrNull(m.MediaURL),
			"permalink":          common.StringOrNull(m.Permalink),
			"timestamp":          common.GraphTime(m.Timestamp),
			"like_count":         types.Int64PointerValue(m.LikeCount),
			"comments_count":     types.Int64PointerValue(m.CommentsCount),
			"view_count":         types.Int64PointerValue(m.ViewCount),
			"children":           types.ListValueMust(childType, children),
		}))
	}
	return types.ListValueMust(postType, posts)
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
