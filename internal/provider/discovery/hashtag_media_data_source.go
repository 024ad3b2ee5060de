package discovery

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*hashtagMediaDataSource)(nil)

const (
	defaultHashtagMediaLimit = 25
	maxHashtagMediaLimit     = 500
)

// NewHashtagMediaDataSource is the instagram_hashtag_media data source: top
// or recent public posts with a hashtag.
func NewHashtagMediaDataSource() datasource.DataSource {
	return &hashtagMediaDataSource{DataSourceBase: common.NewDataSourceBase("hashtag_media")}
}

type hashtagMediaDataSource struct{ common.DataSourceBase }

type hashtagMediaModel struct {
	AccountID types.String       `tfsdk:"account_id"`
	HashtagID types.String       `tfsdk:"hashtag_id"`
	Edge      types.String       `tfsdk:"edge"`
	Limit     types.Int64        `tfsdk:"limit"`
	Media     []publicMediaModel `tfsdk:"media"`
}

func (d *hashtagMediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Public photos and videos with a hashtag: the most popular (`top`) or those published in the last " +
			"24 hours (`recent`). Needs Facebook login. Querying a hashtag not yet queried this week uses one of the account's " +
			"30 weekly hashtag slots. Promoted posts, stories and the authors' usernames are not available.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID(accountIDDescription),
			"hashtag_id": common.RequiredID("Hashtag id, e.g. from `instagram_hashtag`.", "hashtag id"),
			"edge": schema.StringAttribute{
				MarkdownDescription: "`top` (most popular; default) or `recent` (published in the last 24 hours).",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.OneOf(graph.HashtagEdgeTop, graph.HashtagEdgeRecent)},
			},
			"limit": common.BoundedInt64(fmt.Sprintf("Most posts to return, 1–%d; read in pages of at most %d. Default %d.",
				maxHashtagMediaLimit, graph.HashtagMaxPageSize, defaultHashtagMediaLimit), 1, maxHashtagMediaLimit),
			"media": publicMediaAttribute("The posts, in the API's order."),
		},
	}
}

func (d *hashtagMediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin("Hashtag search", &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *hashtagMediaModel, accountID string, diags *diag.Diagnostics) {
		edge := common.StringOr(m.Edge, graph.HashtagEdgeTop)
		m.Media = []publicMediaModel{}
		for p, err := range d.Data.Client.Hashtags.Media(ctx, m.HashtagID.ValueString(), accountID, edge, common.IntOr(m.Limit, defaultHashtagMediaLimit)) {
			if err != nil {
				addHashtagError(diags, path.Root("hashtag_id"), "Cannot read the "+edge+" media of hashtag "+m.HashtagID.ValueString(), err)
				return
			}
			m.Media = append(m.Media, publicMediaFrom(p))
		}
		m.Edge = types.StringValue(edge)
	})
}
