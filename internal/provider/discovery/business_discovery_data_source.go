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

var _ datasource.DataSourceWithConfigure = (*businessDiscoveryDataSource)(nil)

const (
	defaultMediaLimit = 10
	maxMediaLimit     = 1000
)

// NewBusinessDiscoveryDataSource is the instagram_business_discovery data
// source: another Business or Creator account's public profile and recent posts.
func NewBusinessDiscoveryDataSource() datasource.DataSource {
	return &businessDiscoveryDataSource{DataSourceBase: common.NewDataSourceBase("business_discovery")}
}

type businessDiscoveryDataSource struct{ common.DataSourceBase }

type businessDiscoveryModel struct {
	common.ProfileModel
	AccountID  types.String       `tfsdk:"account_id"`
	Username   types.String       `tfsdk:"username"`
	MediaLimit types.Int64        `tfsdk:"media_limit"`
	Media      []publicMediaModel `tfsdk:"media"`
}

func (d *businessDiscoveryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Public profile and recent posts of another Instagram Business or Creator account, by username " +
			"(business discovery). Needs Facebook login. Personal, private and age-gated accounts cannot be read.",
		Attributes: common.ProfileAttributes(map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID(accountIDDescription),
			"username": schema.StringAttribute{
				MarkdownDescription: "Username of the account to read, without `@`.",
				Required:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(common.UsernamePattern,
					"must be an Instagram username without @: letters, digits, periods and underscores, at most 30")},
			},
			"media_limit": common.BoundedInt64(fmt.Sprintf("How many recent posts to read into `media`, 0–%d; 0 reads the profile only. Default %d.",
				maxMediaLimit, defaultMediaLimit), 0, maxMediaLimit),
			"media": publicMediaAttribute("Recent posts, newest first, at most `media_limit`."),
		}),
	}
}

func (d *businessDiscoveryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	// ValidateConfig has no provider data, so the login check happens here, before any call.
	if !d.Data.RequireFacebookLogin("Business discovery", &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *businessDiscoveryModel, accountID string, diags *diag.Diagnostics) {
		username := m.Username.ValueString()
		u, _, err := d.Data.Client.Discovery.Get(ctx, accountID, username, common.IntOr(m.MediaLimit, defaultMediaLimit))
		switch {
		case graph.IsDiscoveryNotFound(err):
			diags.AddAttributeError(path.Root("username"), "Instagram account not found or not a professional account",
				fmt.Sprintf("Business discovery cannot read @%s: the username does not exist, or it belongs to a personal, private or "+
					"age-gated account. Only public Business and Creator accounts can be read. Check the spelling (usernames change).\n\n%s",
					username, common.DescribeError(err)))
			return
		case err != nil:
			common.AddAPIError(diags, path.Root("username"), "Cannot read @"+username+" through business discovery", err)
			return
		}
		m.ProfileModel = common.ProfileFrom(u.Profile)
		m.Media = []publicMediaModel{}
		for _, p := range u.Media {
			m.Media = append(m.Media, publicMediaFrom(p))
		}
	})
}
