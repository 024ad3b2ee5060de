package media

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
	common.PostModel
	ThumbnailURL types.String `tfsdk:"thumbnail_url"`
	Username     types.String `tfsdk:"username"`
}

const maxTaggedLimit = 1000

func (d *taggedMediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Public posts of other accounts in which this account was tagged (photo tags, not @mentions), newest first. " +
			"Private accounts' posts are not returned.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"limit":      common.BoundedInt64(fmt.Sprintf("Most posts to return, 1–%d. Default %d.", maxTaggedLimit, defaultMediaListLimit), 1, maxTaggedLimit),
			"media": common.ComputedNestedList("The posts, newest first.", common.PostAttributes("`FEED` or `REELS`.", map[string]schema.Attribute{
				"thumbnail_url": thumbnailURLAttribute(),
				"username":      usernameAttribute(),
			})),
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

func taggedItemFrom(p *graph.Media) taggedItemModel {
	return taggedItemModel{PostModel: common.PostFrom(p), ThumbnailURL: common.StringOrNull(p.ThumbnailURL), Username: common.StringOrNull(p.Username)}
}
