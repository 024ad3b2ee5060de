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

var _ datasource.DataSourceWithConfigure = (*storiesDataSource)(nil)

// NewStoriesDataSource is the instagram_stories data source: the account's
// current stories (the last 24 hours).
func NewStoriesDataSource() datasource.DataSource { return &storiesDataSource{} }

type storiesDataSource struct{ data *common.ProviderData }

type storiesModel struct {
	AccountID types.String     `tfsdk:"account_id"`
	Stories   []mediaItemModel `tfsdk:"stories"`
}

func (d *storiesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_stories"
}

func (d *storiesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Current stories of an Instagram professional account: those posted in the last 24 hours, newest first. " +
			"Live videos and reshared stories are not included.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"stories":    mediaListAttribute("The stories, newest first."),
		},
	}
}

func (d *storiesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = common.FromConfigure(req.ProviderData, &resp.Diagnostics)
}

func (d *storiesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m storiesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, diags := d.data.AccountID(ctx, m.AccountID.ValueString(), path.Root("account_id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.Stories = []mediaItemModel{}
	for item, err := range d.data.Client.Media.ListStories(ctx, id, graph.ListOptions{Fields: ownMediaFields}) {
		if err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("account_id"), "Cannot list the stories of Instagram account "+id, err)
			return
		}
		m.Stories = append(m.Stories, mediaItemFrom(item))
	}
	m.AccountID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
