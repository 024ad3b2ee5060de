package media

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*mediaDataSource)(nil)

// NewMediaDataSource is the instagram_media data source: one post of the
// account by id, with its volatile values (counts, CDN URLs).
func NewMediaDataSource() datasource.DataSource {
	return &mediaDataSource{DataSourceBase: common.NewDataSourceBase("media")}
}

type mediaDataSource struct{ common.DataSourceBase }

// mediaItemModel is one of the account's own posts, in instagram_media and
// in the lists of instagram_account_media and instagram_stories.
type mediaItemModel struct {
	ID               types.String      `tfsdk:"id"`
	Caption          types.String      `tfsdk:"caption"`
	MediaType        types.String      `tfsdk:"media_type"`
	MediaProductType types.String      `tfsdk:"media_product_type"`
	MediaURL         types.String      `tfsdk:"media_url"`
	ThumbnailURL     types.String      `tfsdk:"thumbnail_url"`
	Permalink        types.String      `tfsdk:"permalink"`
	Shortcode        types.String      `tfsdk:"shortcode"`
	Timestamp        types.String      `tfsdk:"timestamp"`
	Username         types.String      `tfsdk:"username"`
	LikeCount        types.Int64       `tfsdk:"like_count"`
	CommentsCount    types.Int64       `tfsdk:"comments_count"`
	IsCommentEnabled types.Bool        `tfsdk:"is_comment_enabled"`
	AltText          types.String      `tfsdk:"alt_text"`
	Children         []mediaChildModel `tfsdk:"children"`
}

type mediaChildModel struct {
	ID        types.String `tfsdk:"id"`
	MediaType types.String `tfsdk:"media_type"`
	MediaURL  types.String `tfsdk:"media_url"`
}

// ownMediaFields is what the media data sources read: everything the owner
// may see, children included through field expansion (no extra call).
var ownMediaFields = []string{
	"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url", "permalink",
	"shortcode", "timestamp", "username", "like_count", "comments_count", "is_comment_enabled", "alt_text",
	"children{id,media_type,media_url}",
}

// mediaItemAttributes describes mediaItemModel; id is left to the caller
// (an input of instagram_media, computed in lists).
func mediaItemAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                 common.ComputedString("Media id."),
		"caption":            common.ComputedString("Caption, null when the post has none."),
		"media_type":         common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM` (reels report `VIDEO`)."),
		"media_product_type": common.ComputedString("`FEED`, `REELS`, `STORY` or `AD`."),
		"media_url":          common.ComputedString("CDN URL of the media (of the first item for a carousel). Changes over time; null when Instagram withholds it (e.g. copyrighted audio)."),
		"thumbnail_url":      common.ComputedString("CDN URL of the video thumbnail; null for images."),
		"permalink":          common.ComputedString("Public URL of the post."),
		"shortcode":          common.ComputedString("Shortcode in the permalink."),
		"timestamp":          common.ComputedString("Publishing time, RFC 3339 in UTC."),
		"username":           common.ComputedString("Username of the account that posted it."),
		"like_count":         common.ComputedInt64("Number of likes at read time."),
		"comments_count":     common.ComputedInt64("Number of comments (replies included) at read time."),
		"is_comment_enabled": schema.BoolAttribute{MarkdownDescription: "Whether comments are enabled.", Computed: true},
		"alt_text":           common.ComputedString("Alternative text of an image, null when unset."),
		"children": schema.ListNestedAttribute{
			MarkdownDescription: "Carousel items, in order; empty for other posts.",
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":         common.ComputedString("Media id of the item."),
				"media_type": common.ComputedString("`IMAGE` or `VIDEO`."),
				"media_url":  common.ComputedString("CDN URL of the item."),
			}},
		},
	}
}

func mediaItemFrom(m *graph.Media) mediaItemModel {
	out := mediaItemModel{
		ID:               types.StringValue(m.ID),
		Caption:          common.StringOrNull(m.Caption),
		MediaType:        common.StringOrNull(m.MediaType),
		MediaProductType: common.StringOrNull(m.MediaProductType),
		MediaURL:         common.StringOrNull(m.MediaURL),
		ThumbnailURL:     common.StringOrNull(m.ThumbnailURL),
		Permalink:        common.StringOrNull(m.Permalink),
		Shortcode:        common.StringOrNull(m.Shortcode),
		Timestamp:        common.GraphTime(m.Timestamp),
		Username:         common.StringOrNull(m.Username),
		LikeCount:        types.Int64PointerValue(m.LikeCount),
		CommentsCount:    types.Int64PointerValue(m.CommentsCount),
		IsCommentEnabled: types.BoolPointerValue(m.IsCommentEnabled),
		AltText:          common.StringOrNull(m.AltText),
		Children:         []mediaChildModel{},
	}
	if m.Children != nil {
		for _, c := range m.Children.Data {
			out.Children = append(out.Children, mediaChildModel{
				ID: types.StringValue(c.ID), MediaType: common.StringOrNull(c.MediaType), MediaURL: common.StringOrNull(c.MediaURL),
			})
		}
	}
	return out
}

func (d *mediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := mediaItemAttributes()
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "Id of a post, reel, story or carousel of an account the token manages.",
		Required:            true,
		Validators:          []validator.String{common.NumericID("media id")},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One post (feed post, reel, story or carousel) of an account the token manages, with the values " +
			"that change all the time and therefore stay out of the `instagram_media` resource: like and comment counts and CDN URLs.",
		Attributes: attrs,
	}
}

func (d *mediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, _, err := d.Data.Client.Media.Get(ctx, id.ValueString(), ownMediaFields)
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read Instagram media "+id.ValueString(), err)
		return
	}
	item := mediaItemFrom(m)
	resp.Diagnostics.Append(resp.State.Set(ctx, &item)...)
}
