package media

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*storiesDataSource)(nil)

// NewStoriesDataSource is the instagram_stories data source: the account's
// current stories (the last 24 hours).
func NewStoriesDataSource() datasource.DataSource {
	return &storiesDataSource{DataSourceBase: common.NewDataSourceBase("stories")}
}

type storiesDataSource struct{ common.DataSourceBase }

type storiesModel struct {
	AccountID types.String     `tfsdk:"account_id"`
	Stories   []mediaItemModel `tfsdk:"stories"`
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

func (d *storiesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *storiesModel, id string, diags *diag.Diagnostics) {
		m.Stories = []mediaItemModel{}
		for item, err := range d.Data.Client.Media.ListStories(ctx, id, graph.ListOptions{Fields: ownMediaFields(d.Data.Login)}) {
			if err != nil {
				common.AddAPIError(diags, path.Root("account_id"), "Cannot list the stories of Instagram account "+id, err)
				return
			}
			m.Stories = append(m.Stories, mediaItemFrom(item))
		}
	})
}
