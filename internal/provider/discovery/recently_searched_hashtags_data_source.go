package discovery

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

var _ datasource.DataSourceWithConfigure = (*recentlySearchedDataSource)(nil)

// NewRecentlySearchedHashtagsDataSource is the
// instagram_recently_searched_hashtags data source: the hashtags counting
// against the account's 30-per-7-days budget.
func NewRecentlySearchedHashtagsDataSource() datasource.DataSource {
	return &recentlySearchedDataSource{DataSourceBase: common.NewDataSourceBase("recently_searched_hashtags")}
}

type recentlySearchedDataSource struct{ common.DataSourceBase }

type recentlySearchedModel struct {
	AccountID types.String   `tfsdk:"account_id"`
	Hashtags  []hashtagEntry `tfsdk:"hashtags"`
	Remaining types.Int64    `tfsdk:"remaining"`
}

type hashtagEntry struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (d *recentlySearchedDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The unique hashtags the account queried in the last 7 days, which count against its limit of 30. " +
			"Needs Facebook login. Reading this list does not use a slot.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID(accountIDDescription),
			"hashtags": common.ComputedNestedList("The hashtags, most recently first queried first.", map[string]schema.Attribute{
				"id":   common.ComputedString("Hashtag id."),
				"name": common.ComputedString("Hashtag name, without `#`."),
			}),
			"remaining": common.ComputedInt64("New hashtags the account may still query in the current 7 days (30 minus the list's length)."),
		},
	}
}

func (d *recentlySearchedDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin("Hashtag search", &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *recentlySearchedModel, accountID string, diags *diag.Diagnostics) {
		list, _, err := d.Data.Client.Hashtags.RecentlySearched(ctx, accountID)
		if err != nil {
			common.AddAPIError(diags, path.Root("account_id"), "Cannot list the recently searched hashtags of "+accountID, err)
			return
		}
		m.Hashtags = []hashtagEntry{}
		for _, h := range list {
			m.Hashtags = append(m.Hashtags, hashtagEntry{ID: types.StringValue(h.ID), Name: common.StringOrNull(h.Name)})
		}
		m.Remaining = types.Int64Value(int64(max(graph.HashtagLimit-len(list), 0)))
	})
}
