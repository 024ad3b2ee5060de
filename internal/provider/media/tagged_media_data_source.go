package media

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*taggedMediaDataSource)(nil)

// NewTaggedMediaDataSource is the instagram_tagged_media data source: public
// posts of other accounts in which the account was tagged.
func NewTaggedMediaDataSource() datasource.DataSource {
	return &taggedMediaDataSource{DataSourceBase: common.NewDataSourceBase("tagged_media")}
}

type taggedMediaDataSource struct{ common.DataSourceBase }

type taggedMediaModel struct {
	AccountID types.String      `tfsdk:"account_id"`
	Limit     types.Int64       `tfsdk:"limit"`
	Media     []taggedItemModel `tfsdk:"media"`
}

// taggedItemModel is someone else's post: no owner-only fields.
type taggedItemModel struct {
	ID               types.String `tfsdk:"id"`
	Caption          types.String `tfsdk:"caption"`
	MediaType        types.String `tfsdk:"media_type"`
	MediaProductType types.String `tfsdk:"media_product_type"`
	MediaURL         types.String `tfsdk:"media_url"`
	ThumbnailURL     types.String `tfsdk:"thumbnail_url"`
	Permalink        types.String `tfsdk:"permalink"`
	Timestamp        types.String `tfsdk:"timestamp"`
	Username         types.String `tfsdk:"username"`
	LikeCount        types.Int64  `tfsdk:"like_count"`
	CommentsCount    types.Int64  `tfsdk:"comments_count"`
}

const maxTaggedLimit = 1000

func (d *taggedMediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Public posts of other accounts in which this account was tagged (photo tags, not @mentions), newest first. " +
			"Private accounts' posts are not returned.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"limit": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Most posts to return, 1–%d. Default %d.", maxTaggedLimit, defaultMediaListLimit),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, maxTaggedLimit)},
			},
			"media": schema.ListNestedAttribute{
				MarkdownDescription: "The posts, newest first.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":                 common.ComputedString("Media id."),
					"caption":            common.ComputedString("Caption, null when none."),
					"media_type":         common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`."),
					"media_product_type": common.ComputedString("`FEED` or `REELS`."),
					"media_url":          common.ComputedString("CDN URL of the media (for a carousel, of its first item); null when Instagram withholds it (copyrighted audio, downloads turned off)."),
					"thumbnail_url":      common.ComputedString("CDN URL of the video thumbnail; null for images."),
					"permalink":          common.ComputedString("Public URL of the post."),
					"timestamp":          common.ComputedString("Publishing time, RFC 3339 in UTC."),
					"username":           common.ComputedString("Username of the account that posted it."),
					"like_count":         common.ComputedInt64("Likes at read time; null when the owner hides them."),
					"comments_count":     common.ComputedInt64("Comments at read time."),
				}},
			},
		},
	}
}

func (d *taggedMediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *taggedMediaModel, id string, diags *diag.Diagnostics) {
		m.Media = []taggedItemModel{}
		for p, err := range d.Data.Client.Media.ListTagged(ctx, id, common.IntOr(m.Limit, defaultMediaListLimit)) {
			if err != nil {
				common.AddAPIError(diags, path.Root("account_id"), "Cannot list the media Instagram account "+id+" is tagged in", err)
				return
			}
			m.Media = append(m.Media, taggedItemFrom(p))
		}
	})
}

func taggedItemFrom(p *graph.PublicMedia) taggedItemModel {
	return taggedItemModel{
		ID:               types.StringValue(p.ID),
		Caption:          common.StringOrNull(p.Caption),
		MediaType:        common.StringOrNull(p.MediaType),
		MediaProductType: common.StringOrNull(p.MediaProductType),
		MediaURL:         common.StringOrNull(p.MediaURL),
		ThumbnailURL:     common.StringOrNull(p.ThumbnailURL),
		Permalink:        common.StringOrNull(p.Permalink),
		Timestamp:        common.GraphTime(p.Timestamp),
		Username:         common.StringOrNull(p.Username),
		LikeCount:        types.Int64PointerValue(p.LikeCount),
		CommentsCount:    types.Int64PointerValue(p.CommentsCount),
	}
}
