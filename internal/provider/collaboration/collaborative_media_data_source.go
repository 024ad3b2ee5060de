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

// Bounds of instagram_collaborative_media.limit.
const (
	defaultCollaborativeLimit = 25
	maxCollaborativeLimit     = 1000
)

var _ datasource.DataSourceWithConfigure = (*collaborativeMediaDataSource)(nil)

// NewCollaborativeMediaDataSource is instagram_collaborative_media: other
// accounts' posts on which the account is an accepted collaborator.
func NewCollaborativeMediaDataSource() datasource.DataSource {
	return &collaborativeMediaDataSource{DataSourceBase: common.NewDataSourceBase("collaborative_media")}
}

type collaborativeMediaDataSource struct{ common.DataSourceBase }

type collaborativeMediaModel struct {
	AccountID types.String         `tfsdk:"account_id"`
	Limit     types.Int64          `tfsdk:"limit"`
	Media     []collaborativeModel `tfsdk:"media"`
}

// collaborativeModel is a post the account co-authors.
type collaborativeModel struct {
	common.PostModel
	Username           types.String `tfsdk:"username"`
	ThumbnailURL       types.String `tfsdk:"thumbnail_url"`
	TotalLikeCount     types.Int64  `tfsdk:"total_like_count"`
	TotalCommentsCount types.Int64  `tfsdk:"total_comments_count"`
	TotalViewsCount    types.Int64  `tfsdk:"total_views_count"`
	RepostsCount       types.Int64  `tfsdk:"reposts_count"`
	SavedCount         types.Int64  `tfsdk:"saved_count"`
	SharesCount        types.Int64  `tfsdk:"shares_count"`
}

func (d *collaborativeMediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := func(desc string) schema.Attribute {
		return common.ComputedInt64(desc + " Null where the owner hides it.")
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Other accounts' posts on which the account is an accepted collaborator " +
			"(`GET /{ig-user-id}/collaborative_media`), newest first, with the fields Meta allows there. The account's own " +
			"posts are not included (see `instagram_account_media`); a post drops out when its owner removes the account. " +
			"Needs Facebook login (the provider refuses before any API call with Instagram login).",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id that collaborates. Defaults to the provider's account."),
			"limit": common.BoundedInt64(fmt.Sprintf("Most posts to return, 1–%d. Default %d.", maxCollaborativeLimit, defaultCollaborativeLimit),
				1, maxCollaborativeLimit),
			"media": common.ComputedNestedList("The posts, newest first.", common.PostAttributes("`FEED` or `REELS`.", map[string]schema.Attribute{
				"username":             common.ComputedString("Username of the account that posted it."),
				"thumbnail_url":        common.ComputedString("CDN URL of a video's thumbnail; null for images."),
				"total_like_count":     count("Likes including boosted copies and ads."),
				"total_comments_count": count("Comments including boosted copies and ads."),
				"total_views_count":    count("Views including boosted copies and ads (videos)."),
				"reposts_count":        count("Reposts."),
				"saved_count":          count("Saves."),
				"shares_count":         count("Shares."),
			})),
		},
	}
}

func (d *collaborativeMediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin(feature, &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *collaborativeMediaModel, account string, diags *diag.Diagnostics) {
		m.Media = []collaborativeModel{}
		limit := common.IntOr(m.Limit, defaultCollaborativeLimit)
		for item, err := range d.Data.Client.Collaboration.CollaborativeMedia(ctx, account, nil, limit) {
			if err != nil {
				common.AddAPIError(diags, path.Root("account_id"), "Cannot read the collaborative media of Instagram account "+account, err)
				return
			}
			m.Media = append(m.Media, collaborativeFrom(item))
		}
	})
}

func collaborativeFrom(m *graph.Media) collaborativeModel {
	return collaborativeModel{
		PostModel: common.PostFrom(m), Username: common.StringOrNull(m.Username), ThumbnailURL: common.StringOrNull(m.ThumbnailURL),
		TotalLikeCount: types.Int64PointerValue(m.TotalLikeCount), TotalCommentsCount: types.Int64PointerValue(m.TotalCommentsCount),
		TotalViewsCount: types.Int64PointerValue(m.TotalViewsCount), RepostsCount: types.Int64PointerValue(m.RepostsCount),
		SavedCount: types.Int64PointerValue(m.SavedCount), SharesCount: types.Int64PointerValue(m.SharesCount),
	}
}
