package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*publishingLimitDataSource)(nil)

// NewContentPublishingLimitDataSource is the instagram_content_publishing_limit
// data source: how much of the rolling publishing quota is used.
func NewContentPublishingLimitDataSource() datasource.DataSource {
	return &publishingLimitDataSource{DataSourceBase: common.NewDataSourceBase("content_publishing_limit")}
}

type publishingLimitDataSource struct{ common.DataSourceBase }

type publishingLimitModel struct {
	AccountID     types.String `tfsdk:"account_id"`
	QuotaUsage    types.Int64  `tfsdk:"quota_usage"`
	QuotaTotal    types.Int64  `tfsdk:"quota_total"`
	QuotaDuration types.Int64  `tfsdk:"quota_duration"`
	Remaining     types.Int64  `tfsdk:"remaining"`
}

func (d *publishingLimitDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's Content Publishing API quota: posts published through the API in the moving window " +
			"(24 hours), out of how many. A carousel counts as one; posts made in the Instagram app do not count.",
		Attributes: map[string]schema.Attribute{
			"account_id":     common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"quota_usage":    common.ComputedInt64("Publishes used in the current window."),
			"quota_total":    common.ComputedInt64("Publishes allowed per window (50 at the time of writing)."),
			"quota_duration": common.ComputedInt64("Length of the window in seconds (86400)."),
			"remaining":      common.ComputedInt64("`quota_total - quota_usage`, never below 0."),
		},
	}
}

func (d *publishingLimitDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *publishingLimitModel, id string, diags *diag.Diagnostics) {
		l, _, err := d.Data.Client.Media.PublishingLimit(ctx, id)
		if err != nil {
			common.AddAPIError(diags, path.Root("account_id"), "Cannot read the publishing limit of Instagram account "+id, err)
			return
		}
		m.QuotaUsage = types.Int64Value(int64(l.QuotaUsage))
		m.QuotaTotal = types.Int64Value(int64(l.Config.QuotaTotal))
		m.QuotaDuration = types.Int64Value(int64(l.Config.QuotaDuration))
		m.Remaining = types.Int64Value(int64(l.Remaining()))
	})
}
