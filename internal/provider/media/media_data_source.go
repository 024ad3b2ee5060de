package media

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
	common.PostModel
	ThumbnailURL     types.String        `tfsdk:"thumbnail_url"`
	Shortcode        types.String        `tfsdk:"shortcode"`
	Username         types.String        `tfsdk:"username"`
	IsCommentEnabled types.Bool          `tfsdk:"is_comment_enabled"`
	AltText          types.String        `tfsdk:"alt_text"`
	Children         []common.ChildModel `tfsdk:"children"`
}

// ownMediaFields is what the media data sources read: everything the owner
// may see, children included through field expansion (no extra call).
var ownMediaFields = []string{
	"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url", "permalink",
	"shortcode", "timestamp", "username", "like_count", "comments_count", "is_comment_enabled", "alt_text",
	"children{id,media_type,media_url}",
}

// mediaItemAttributes describes mediaItemModel (all computed; the
// instagram_media data source makes id its input).
func mediaItemAttributes() map[string]schema.Attribute {
	return common.PostAttributes("`FEED`, `REELS`, `STORY` or `AD`.", map[string]schema.Attribute{
		"thumbnail_url":      thumbnailURLAttribute(),
		"shortcode":          common.ComputedString("Shortcode in the permalink."),
		"username":           usernameAttribute(),
		"is_comment_enabled": common.ComputedBool("Whether comments are enabled."),
		"alt_text":           common.ComputedString("Alternative text of an image, null when unset."),
		"children":           common.ChildrenAttribute(),
	})
}

// Attributes of the account's own posts that the posts it is tagged in have too.
func thumbnailURLAttribute() schema.Attribute {
	return common.ComputedString("CDN URL of the video thumbnail; null for images.")
}

func usernameAttribute() schema.Attribute {
	return common.ComputedString("Username of the account that posted it.")
}

func mediaItemFrom(m *graph.Media) mediaItemModel {
	return mediaItemModel{
		PostModel:        common.PostFrom(m),
		ThumbnailURL:     common.StringOrNull(m.ThumbnailURL),
		Shortcode:        common.StringOrNull(m.Shortcode),
		Username:         common.StringOrNull(m.Username),
		IsCommentEnabled: types.BoolPointerValue(m.IsCommentEnabled),
		AltText:          common.StringOrNull(m.AltText),
		Children:         common.ChildrenFrom(m),
	}
}

func (d *mediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := mediaItemAttributes()
	attrs["id"] = common.RequiredID("Id of a post, reel, story or carousel of an account the token manages.", "media id")
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
