package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*publishingLimitDataSource)(nil)

// NewContentPublishingLimitDataSource is the instagram_content_publishing_limit
// data source: how much of the rolling publishing quota is used.
func NewContentPublishingLimitDataSource() datasource.DataSource { return &publishingLimitDataSource{} }

type publishingLimitDataSource struct{ data *common.ProviderData }

type publishingLimitModel struct {
	AccountID     types.String `tfsdk:"account_id"`
	QuotaUsage    types.Int64  `tfsdk:"quota_usage"`
	QuotaTotal    types.Int64  `tfsdk:"quota_total"`
	QuotaDuration types.Int64  `tfsdk:"quota_duration"`
	Remaining     types.Int64  `tfsdk:"remaining"`
}

func (d *publishingLimitDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_content_publishing_limit"
}

func (d *publishingLimitDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's Content Publishing API quota: posts published through the API in the moving window " +
			"(24 hours), out of how many. A carousel counts as one; posts made in the Instagram app do not count.",
		Attributes: map[string]schema.Attribute{
			"account_id":     common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"quota_usage":    count("Publishes used in the current window."),
			"quota_total":    count("Publishes allowed per window (50 at the time of writing)."),
			"quota_duration": count("Length of the window in seconds (86400)."),
			"remaining":      count("`quota_total - quota_usage`, never below 0."),
		},
	}
}

func (d *publishingLimitDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = common.FromConfigure(req.ProviderData, &resp.Diagnostics)
}

func (d *publishingLimitDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m publishingLimitModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, diags := d.data.AccountID(ctx, m.AccountID.ValueString(), path.Root("account_id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	l, _, err := d.data.Client.Media.PublishingLimit(ctx, id)
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("account_id"), "Cannot read the publishing limit of Instagram account "+id, err)
		return
	}
	m.AccountID = types.StringValue(id)
	m.QuotaUsage = types.Int64Value(int64(l.QuotaUsage))
	m.QuotaTotal = types.Int64Value(int64(l.Config.QuotaTotal))
	m.QuotaDuration = types.Int64Value(int64(l.Config.QuotaDuration))
	m.Remaining = types.Int64Value(int64(l.Remaining()))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
