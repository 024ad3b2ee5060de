package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*accountDataSource)(nil)

// NewAccountDataSource is the instagram_account data source: the profile and
// counts of an Instagram professional account.
func NewAccountDataSource() datasource.DataSource { return &accountDataSource{} }

type accountDataSource struct{ data *common.ProviderData }

type accountModel struct {
	AccountID         types.String `tfsdk:"account_id"`
	ID                types.String `tfsdk:"id"`
	Username          types.String `tfsdk:"username"`
	Name              types.String `tfsdk:"name"`
	Biography         types.String `tfsdk:"biography"`
	Website           types.String `tfsdk:"website"`
	ProfilePictureURL types.String `tfsdk:"profile_picture_url"`
	FollowersCount    types.Int64  `tfsdk:"followers_count"`
	FollowsCount      types.Int64  `tfsdk:"follows_count"`
	MediaCount        types.Int64  `tfsdk:"media_count"`
	AccountType       types.String `tfsdk:"account_type"`
}

// accountFields are the IG User fields both logins return; Instagram login
// adds account_type.
var accountFields = []string{
	"id", "username", "name", "biography", "website", "profile_picture_url",
	"followers_count", "follows_count", "media_count",
}

func (d *accountDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_account"
}

func (d *accountDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	count := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Profile and counts of an Instagram professional account (Business or Creator). " +
			"Counts change all the time, so they live here rather than in resources.",
		Attributes: map[string]schema.Attribute{
			"account_id":          common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"id":                  computed("Instagram user id of the account."),
			"username":            computed("Username, without `@`."),
			"name":                computed("Profile name."),
			"biography":           computed("Profile biography."),
			"website":             computed("Website shown on the profile."),
			"profile_picture_url": computed("URL of the profile picture (a CDN URL that changes over time)."),
			"followers_count":     count("Number of followers."),
			"follows_count":       count("Number of accounts this account follows."),
			"media_count":         count("Number of published posts."),
			"account_type":        computed("`BUSINESS` or `MEDIA_CREATOR`; only reported with Instagram login, null with Facebook login."),
		},
	}
}

func (d *accountDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = common.FromConfigure(req.ProviderData, &resp.Diagnostics)
}

func (d *accountDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accountModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, diags := d.data.AccountID(ctx, m.AccountID.ValueString(), path.Root("account_id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	fields := accountFields
	if d.data.Login == common.LoginInstagram {
		fields = append(append([]string{}, accountFields...), "account_type")
	}
	u, _, err := d.data.Client.Users.Get(ctx, id, fields)
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("account_id"), "Cannot read Instagram account "+id, err)
		return
	}
	m.AccountID = types.StringValue(id)
	m.ID = types.StringValue(u.ID)
	m.Username = types.StringValue(u.Username)
	m.Name = types.StringValue(u.Name)
	m.Biography = types.StringValue(u.Biography)
	m.Website = types.StringValue(u.Website)
	m.ProfilePictureURL = types.StringValue(u.ProfilePictureURL)
	m.FollowersCount = types.Int64Value(u.FollowersCount)
	m.FollowsCount = types.Int64Value(u.FollowsCount)
	m.MediaCount = types.Int64Value(u.MediaCount)
	m.AccountType = common.StringOrNull(u.AccountType)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
