package common

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The posts that data sources list (the account's own, its stories, posts it
// is tagged in, other accounts' through business discovery or a hashtag)
// share these attributes; each data source embeds PostModel in its own item
// model and adds what only it reads.

// PostModel is what every post list reports of a post.
type PostModel struct {
	ID               types.String `tfsdk:"id"`
	Caption          types.String `tfsdk:"caption"`
	MediaType        types.String `tfsdk:"media_type"`
	MediaProductType types.String `tfsdk:"media_product_type"`
	MediaURL         types.String `tfsdk:"media_url"`
	Permalink        types.String `tfsdk:"permalink"`
	Timestamp        types.String `tfsdk:"timestamp"`
	LikeCount        types.Int64  `tfsdk:"like_count"`
	CommentsCount    types.Int64  `tfsdk:"comments_count"`
}

// PostFrom maps a post; what Meta leaves out is null.
func PostFrom(m *graph.Media) PostModel {
	return PostModel{
		ID:               types.StringValue(m.ID),
		Caption:          StringOrNull(m.Caption),
		MediaType:        StringOrNull(m.MediaType),
		MediaProductType: StringOrNull(m.MediaProductType),
		MediaURL:         StringOrNull(m.MediaURL),
		Permalink:        StringOrNull(m.Permalink),
		Timestamp:        GraphTime(m.Timestamp),
		LikeCount:        types.Int64PointerValue(m.LikeCount),
		CommentsCount:    types.Int64PointerValue(m.CommentsCount),
	}
}

// PostAttributes describes PostModel plus extra, the attributes particular
// to one data source. productTypes says which media_product_type values
// that data source meets.
func PostAttributes(productTypes string, extra map[string]schema.Attribute) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id":                 ComputedString("Media id."),
		"caption":            ComputedString("Caption, null when the post has none."),
		"media_type":         ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM` (reels report `VIDEO`)."),
		"media_product_type": ComputedString(productTypes),
		"media_url": ComputedString("CDN URL of the media (for a carousel, of its first item). Changes over time; null when " +
			"Instagram withholds it (copyrighted audio, downloads turned off)."),
		"permalink":      ComputedString("Public URL of the post."),
		"timestamp":      ComputedString("Publishing time, RFC 3339 in UTC."),
		"like_count":     ComputedInt64("Likes at read time; null when the owner hides them."),
		"comments_count": ComputedInt64("Comments (replies included) at read time."),
	}
	maps.Copy(attrs, extra)
	return attrs
}

// ChildModel is one item of a carousel.
type ChildModel struct {
	ID        types.String `tfsdk:"id"`
	MediaType types.String `tfsdk:"media_type"`
	MediaURL  types.String `tfsdk:"media_url"`
}

// ChildrenFrom maps a carousel's items; empty for other posts.
func ChildrenFrom(m *graph.Media) []ChildModel {
	out := []ChildModel{}
	if m.Children != nil {
		for _, c := range m.Children.Data {
			out = append(out, ChildModel{ID: types.StringValue(c.ID), MediaType: StringOrNull(c.MediaType), MediaURL: StringOrNull(c.MediaURL)})
		}
	}
	return out
}

// ChildrenAttribute describes a list of ChildModel.
func ChildrenAttribute() schema.ListNestedAttribute {
	return ComputedNestedList("Carousel items, in order; empty for other posts.", map[string]schema.Attribute{
		"id":         ComputedString("Media id of the item."),
		"media_type": ComputedString("`IMAGE` or `VIDEO`."),
		"media_url":  ComputedString("CDN URL of the item."),
	})
}
