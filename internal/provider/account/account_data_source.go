package account

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*accountDataSource)(nil)

// NewAccountDataSource is the instagram_account data source: the profile and
// counts of an Instagram professional account.
func NewAccountDataSource() datasource.DataSource {
	return &accountDataSource{DataSourceBase: common.NewDataSourceBase("account")}
}

type accountDataSource struct{ common.DataSourceBase }

type accountModel struct {
	common.ProfileModel
	AccountID   types.String `tfsdk:"account_id"`
	Username    types.String `tfsdk:"username"`
	AccountType types.String `tfsdk:"account_type"`
}

func (d *accountDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Profile and counts of an Instagram professional account (Business or Creator). " +
			"Counts change all the time, so they live here rather than in resources.",
		Attributes: common.ProfileAttributes(map[string]schema.Attribute{
			"account_id":   common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"username":     common.ComputedString("Username, without `@`."),
			"account_type": common.ComputedString("`BUSINESS` or `MEDIA_CREATOR`; only reported with Instagram login, null with Facebook login."),
		}),
	}
}

func (d *accountDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *accountModel, id string, diags *diag.Diagnostics) {
		fields := graph.ProfileFields // both logins return them; Instagram login adds account_type
		if d.Data.Login == common.LoginInstagram {
			fields = append(slices.Clone(graph.ProfileFields), "account_type")
		}
		u, _, err := d.Data.Client.Users.Get(ctx, id, fields)
		if err != nil {
			common.AddAPIError(diags, path.Root("account_id"), "Cannot read Instagram account "+id, err)
			return
		}
		m.ProfileModel = common.ProfileFrom(u.Profile)
		m.Username = common.StringOrNull(u.Username)
		m.AccountType = common.StringOrNull(u.AccountType)
	})
}
