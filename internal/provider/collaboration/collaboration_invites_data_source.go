// Package collaboration holds collaboration on posts, Facebook login only
// (https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-facebook-login/collaboration):
// the invites an account received to co-author other accounts' posts, the
// action that accepts or declines one, and the posts it co-authors. Meta
// sends no webhook for invites: read them with the data source.
package collaboration

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// feature names collaboration in the Facebook-login refusal.
const feature = "Collaboration (invites and collaborative media)"

// Bounds of instagram_collaboration_invites.limit.
const (
	defaultInviteLimit = 50
	maxInviteLimit     = 1000
	// invitePageSize: each page is one of Meta's 300 reads a day (its
	// default page is 10; the largest it serves is undocumented).
	invitePageSize = 25
)

var _ datasource.DataSourceWithConfigure = (*invitesDataSource)(nil)

// NewInvitesDataSource is instagram_collaboration_invites: the account's
// pending invites to co-author other accounts' posts.
func NewInvitesDataSource() datasource.DataSource {
	return &invitesDataSource{DataSourceBase: common.NewDataSourceBase("collaboration_invites")}
}

type invitesDataSource struct{ common.DataSourceBase }

type invitesModel struct {
	AccountID types.String  `tfsdk:"account_id"`
	Limit     types.Int64   `tfsdk:"limit"`
	Invites   []inviteModel `tfsdk:"invites"`
}

type inviteModel struct {
	MediaID       types.String `tfsdk:"media_id"`
	OwnerUsername types.String `tfsdk:"owner_username"`
	Caption       types.String `tfsdk:"caption"`
	MediaURL      types.String `tfsdk:"media_url"`
}

func (d *invitesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The invites the account has not answered yet to co-author another account's post " +
			"(`GET /{ig-user-id}/collaboration_invites`), newest first. Answer one with the `instagram_respond_to_collaboration` " +
			"action. Needs Facebook login (the provider refuses before any API call with Instagram login). Meta allows 300 reads " +
			"a day per account; each page of 25 invites is one.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id whose invites to read. Defaults to the provider's account."),
			"limit": common.BoundedInt64(fmt.Sprintf("Most invites to return, 1–%d. Default %d.", maxInviteLimit, defaultInviteLimit),
				1, maxInviteLimit),
			"invites": common.ComputedNestedList("The pending invites, newest first.", map[string]schema.Attribute{
				"media_id":       common.ComputedString("Media id of the post, for `instagram_respond_to_collaboration`."),
				"owner_username": common.ComputedString("Username of the account that posted it and invites you."),
				"caption":        common.ComputedString("Its caption; null when it has none."),
				"media_url":      common.ComputedString("CDN URL of its media (changes over time)."),
			}),
		},
	}
}

func (d *invitesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin(feature, &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *invitesModel, account string, diags *diag.Diagnostics) {
		limit := common.IntOr(m.Limit, defaultInviteLimit)
		m.Invites = []inviteModel{}
		for inv, err := range d.Data.Client.Collaboration.Invites(ctx, account, min(limit, invitePageSize)) {
			if err != nil {
				common.AddAPIError(diags, path.Root("account_id"), "Cannot read the collaboration invites of Instagram account "+account, err)
				return
			}
			m.Invites = append(m.Invites, inviteFrom(inv))
			if len(m.Invites) == limit {
				return
			}
		}
	})
}

func inviteFrom(inv *graph.CollaborationInvite) inviteModel {
	return inviteModel{
		MediaID: types.StringValue(inv.MediaID), OwnerUsername: common.StringOrNull(inv.MediaOwnerUsername),
		Caption: common.StringOrNull(inv.Caption), MediaURL: common.StringOrNull(inv.MediaURL),
	}
}
