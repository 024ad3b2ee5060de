package discovery

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
	AccountID         types.String `tfsdk:"account_id"`
	Username          types.String `tfsdk:"username"`
	MediaLimit        types.Int64  `tfsdk:"media_limit"`
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Biography         types.String `tfsdk:"biography"`
	Website           types.String `tfsdk:"website"`
	ProfilePictureURL types.String `tfsdk:"profile_picture_url"`
	FollowersCount    types.Int64  `tfsdk:"followers_count"`
	FollowsCount      types.Int64  `tfsdk:"follows_count"`
	MediaCount        types.Int64  `tfsdk:"media_count"`
	Media             types.List   `tfsdk:"media"`
}

func (d *businessDiscoveryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Public profile and recent posts of another Instagram Business or Creator account, by username " +
			"(business discovery). Needs Facebook login. Personal, private and age-gated accounts cannot be read.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID(accountIDDescription),
			"username": schema.StringAttribute{
				MarkdownDescription: "Username of the account to read, without `@`.",
				Required:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(common.UsernamePattern,
					"must be an Instagram username without @: letters, digits, periods and underscores, at most 30")},
			},
			"media_limit": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How many recent posts to read into `media`, 0–%d; 0 reads the profile only. Default %d.",
					maxMediaLimit, defaultMediaLimit),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMediaLimit)},
			},
			"id":                  common.ComputedString("Instagram user id of the account."),
			"name":                common.ComputedString("Profile name."),
			"biography":           common.ComputedString("Profile biography."),
			"website":             common.ComputedString("Website shown on the profile; null when none."),
			"profile_picture_url": common.ComputedString("URL of the profile picture (a CDN URL that changes over time)."),
			"followers_count":     common.ComputedInt64("Number of followers."),
			"follows_count":       common.ComputedInt64("Number of accounts it follows."),
			"media_count":         common.ComputedInt64("Number of posts."),
			"media":               publicMediaAttribute("Recent posts, newest first, at most `media_limit`."),
		},
	}
}

func (d *businessDiscoveryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m businessDiscoveryModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	// ValidateConfig has no provider data, so the login check happens here, before any call.
	if resp.Diagnostics.HasError() || !d.Data.RequireFacebookLogin("Business discovery", &resp.Diagnostics) {
		return
	}
	accountID, ok := d.Data.ResolveAccount(ctx, m.AccountID, &resp.Diagnostics)
	if !ok {
		return
	}
	limit := defaultMediaLimit
	if !m.MediaLimit.IsNull() {
		limit = int(m.MediaLimit.ValueInt64())
	}
	username := m.Username.ValueString()
	u, _, err := d.Data.Client.Discovery.Get(ctx, accountID, username, limit)
	switch {
	case graph.IsDiscoveryNotFound(err):
		resp.Diagnostics.AddAttributeError(path.Root("username"), "Instagram account not found or not a professional account",
			fmt.Sprintf("Business discovery cannot read @%s: the username does not exist, or it belongs to a personal, private or "+
				"age-gated account. Only public Business and Creator accounts can be read. Check the spelling (usernames change).\n\n%s",
				username, common.DescribeError(err)))
		return
	case err != nil:
		common.AddAPIError(&resp.Diagnostics, path.Root("username"), "Cannot read @"+username+" through business discovery", err)
		return
	}
	m.AccountID = types.StringValue(accountID)
	m.ID = types.StringValue(u.ID)
	m.Name = common.StringOrNull(u.Name)
	m.Biography = common.StringOrNull(u.Biography)
	m.Website = common.StringOrNull(u.Website)
	m.ProfilePictureURL = common.StringOrNull(u.ProfilePictureURL)
	m.FollowersCount = types.Int64Value(u.FollowersCount)
	m.FollowsCount = types.Int64Value(u.FollowsCount)
	m.MediaCount = types.Int64Value(u.MediaCount)
	m.Media = publicMediaList(u.Media)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
