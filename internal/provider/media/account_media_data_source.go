package media

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ datasource.DataSourceWithConfigure      = (*accountMediaDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*accountMediaDataSource)(nil)
)

// Bounds of instagram_account_media.limit: the media edge returns at most the
// 10,000 most recent posts
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
const (
	defaultMediaListLimit = 25
	maxMediaListLimit     = 10000
)

// NewAccountMediaDataSource is the instagram_account_media data source: the
// account's posts, newest first (stories excluded, as the API does).
func NewAccountMediaDataSource() datasource.DataSource {
	return &accountMediaDataSource{DataSourceBase: common.NewDataSourceBase("account_media")}
}

type accountMediaDataSource struct{ common.DataSourceBase }

type accountMediaModel struct {
	AccountID types.String     `tfsdk:"account_id"`
	Limit     types.Int64      `tfsdk:"limit"`
	Since     types.String     `tfsdk:"since"`
	Until     types.String     `tfsdk:"until"`
	Media     []mediaItemModel `tfsdk:"media"`
}

func mediaListAttribute(desc string) schema.ListNestedAttribute {
	return common.ComputedNestedList(desc, mediaItemAttributes())
}

func (d *accountMediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	timeAttr := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: []validator.String{common.RFC3339Time()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Posts of an Instagram professional account, newest first: feed posts, reels and carousels " +
			"(stories are in `instagram_stories`). Pages of the API are followed until `limit` posts are read.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"limit": common.BoundedInt64(fmt.Sprintf("Most posts to return, 1–%d (the API lists at most the %d most recent). Default %d.",
				maxMediaListLimit, maxMediaListLimit, defaultMediaListLimit), 1, maxMediaListLimit),
			"since": timeAttr("Only posts published at or after this time (RFC 3339, e.g. `2026-01-01T00:00:00Z`)."),
			"until": timeAttr("Only posts published at or before this time (RFC 3339)."),
			"media": mediaListAttribute("The posts, newest first."),
		},
	}
}

func (d *accountMediaDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	m, ok := common.Decode[accountMediaModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	checkTimeRange(m.Since, m.Until, &resp.Diagnostics)
}

func (d *accountMediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *accountMediaModel, id string, diags *diag.Diagnostics) {
		opts := graph.ListOptions{Fields: ownMediaFields(d.Data.Login), Limit: common.IntOr(m.Limit, defaultMediaListLimit)}
		opts.Since, _ = parseRFC3339(m.Since)
		opts.Until, _ = parseRFC3339(m.Until)
		m.Media = []mediaItemModel{}
		for item, err := range d.Data.Client.Media.List(ctx, id, opts) {
			if err != nil {
				common.AddAPIError(diags, path.Root("account_id"), "Cannot list the media of Instagram account "+id, err)
				return
			}
			m.Media = append(m.Media, mediaItemFrom(item))
		}
	})
}

// checkTimeRange reports an until before since (both optional RFC 3339).
func checkTimeRange(since, until types.String, diags *diag.Diagnostics) {
	s, okSince := parseRFC3339(since)
	u, okUntil := parseRFC3339(until)
	if okSince && okUntil && s.After(u) {
		diags.AddAttributeError(path.Root("until"), "until is before since",
			fmt.Sprintf("until (%s) must not be earlier than since (%s).", until.ValueString(), since.ValueString()))
	}
}

// parseRFC3339 reads an optional, already validated time attribute.
func parseRFC3339(v types.String) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	return t, err == nil
}
