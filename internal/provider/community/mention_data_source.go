package community

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*mentionDataSource)(nil)

// Mention kinds: where the account was @mentioned.
const (
	mentionInCaption = "caption"
	mentionInComment = "comment"
)

// NewMentionDataSource is instagram_mention: what another user wrote when
// they @mentioned the account, in a caption or a comment.
func NewMentionDataSource() datasource.DataSource {
	return &mentionDataSource{DataSourceBase: common.NewDataSourceBase("mention")}
}

type mentionDataSource struct{ common.DataSourceBase }

type mentionModel struct {
	AccountID     types.String `tfsdk:"account_id"`
	MediaID       types.String `tfsdk:"media_id"`
	CommentID     types.String `tfsdk:"comment_id"`
	Kind          types.String `tfsdk:"kind"`
	Text          types.String `tfsdk:"text"`
	Timestamp     types.String `tfsdk:"timestamp"`
	LikeCount     types.Int64  `tfsdk:"like_count"`
	Username      types.String `tfsdk:"username"`
	MediaType     types.String `tfsdk:"media_type"`
	MediaURL      types.String `tfsdk:"media_url"`
	CommentsCount types.Int64  `tfsdk:"comments_count"`
}

func (d *mentionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A post or a comment in which another Instagram user @mentioned the account. Meta keeps no " +
			"list of mentions: the ids come from the `mentions` webhook (`media_id`, and `comment_id` for a mention in a " +
			"comment), and this data source reads what was written through the account's `mentioned_media` or " +
			"`mentioned_comment` field. Answer it with the `instagram_reply_to_mention` action.\n\n" +
			"Instagram leaves the `@` out of captions read this way, does not say who wrote a mentioning comment, and " +
			"refuses to show a mentioning comment once its post's comments are turned off. Mentions in stories and photo " +
			"tags (see `instagram_tagged_media`) are not readable here.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id that was mentioned. Defaults to the provider's account."),
			"media_id":   common.RequiredID("Media id of the post, from the webhook's `media_id`.", "Instagram media id"),
			"comment_id": common.OptionalID("For a mention in a comment, the comment's id from the webhook's `comment_id`; "+
				"omit it for a mention in the post's caption.", "Instagram comment id"),
			"kind":           common.ComputedString("`caption` or `comment`: where the account was mentioned."),
			"text":           common.ComputedString("The caption (without `@` characters, as Instagram returns it) or the comment's text."),
			"timestamp":      common.ComputedString("When the post or the comment was published, RFC 3339 in UTC."),
			"like_count":     common.ComputedInt64("Likes of the post or of the comment; null when the owner hides them."),
			"username":       common.ComputedString("Username of the post's author, for a caption mention; null for a comment mention."),
			"media_type":     common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`, for a caption mention."),
			"media_url":      common.ComputedString("URL of the post's media (a CDN URL that changes over time)."),
			"comments_count": common.ComputedInt64("Comments on the post, for a caption mention."),
		},
	}
}

func (d *mentionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *mentionModel, accountID string, diags *diag.Diagnostics) {
		m.Username, m.MediaType, m.CommentsCount = types.StringNull(), types.StringNull(), types.Int64Null()
		if commentID := m.CommentID.ValueString(); commentID != "" {
			c, _, err := d.Data.Client.Mentions.MentionedComment(ctx, accountID, commentID, nil)
			if err != nil {
				common.AddAPIError(diags, path.Root("comment_id"), "Cannot read the comment that mentioned the account", err)
				return
			}
			m.Kind, m.Text, m.Timestamp = types.StringValue(mentionInComment), common.StringOrNull(c.Text), common.GraphTime(c.Timestamp)
			m.LikeCount, m.MediaURL = types.Int64PointerValue(c.LikeCount), types.StringNull()
			if c.Media != nil {
				m.MediaURL = common.StringOrNull(c.Media.MediaURL)
			}
			return
		}
		p, _, err := d.Data.Client.Mentions.MentionedMedia(ctx, accountID, m.MediaID.ValueString(), nil)
		if err != nil {
			common.AddAPIError(diags, path.Root("media_id"), "Cannot read the post that mentioned the account", err)
			return
		}
		m.Kind, m.Text, m.Timestamp = types.StringValue(mentionInCaption), common.StringOrNull(p.Caption), common.GraphTime(p.Timestamp)
		m.LikeCount, m.Username, m.MediaType = types.Int64PointerValue(p.LikeCount), common.StringOrNull(p.Username), common.StringOrNull(p.MediaType)
		m.MediaURL, m.CommentsCount = common.StringOrNull(p.MediaURL), types.Int64PointerValue(p.CommentsCount)
	})
}
