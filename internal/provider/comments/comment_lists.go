package comments

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// List resources of the comment types, for `terraform query`: the
// account's own comments (instagram_comment) and its posts with comments
// turned off (instagram_comment_settings).

var (
	_ list.ListResourceWithConfigure = (*commentList)(nil)
	_ list.ListResourceWithConfigure = (*commentSettingsList)(nil)
)

const defaultRecentPosts = 25

// NewCommentList lists the account's own comments and replies.
func NewCommentList() list.ListResource {
	return &commentList{ResourceBase: common.NewResourceBase("comment")}
}

type commentList struct{ common.ResourceBase }

type commentListModel struct {
	AccountID   types.String `tfsdk:"account_id"`
	MediaID     types.String `tfsdk:"media_id"`
	RecentPosts types.Int64  `tfsdk:"recent_posts"`
}

func (l *commentList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the comments and replies the account itself wrote, on one post (`media_id`) or on its " +
			"newest posts. Costs one call for the account's username, one per page of the posts, and one per post for its " +
			"comments (replies come nested).",
		Attributes: map[string]schema.Attribute{
			"account_id": common.ListAccountID(accountIDDescription),
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Only the comments on this post.",
				Optional:            true,
				Validators:          []validator.String{common.NumericID("Instagram media id")},
			},
			"recent_posts": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Without `media_id`: how many of the account's newest posts to look at, 1–1000. Default %d.", defaultRecentPosts),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 1000)},
			},
		},
	}
}

func (l *commentList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	m, account, ok := common.ListWithAccount[commentListModel](ctx, l.Data, req, stream)
	if !ok {
		return
	}
	me, _, err := l.Data.Client.Users.Get(ctx, account, []string{"username"})
	if err != nil {
		var diags diag.Diagnostics
		common.AddAPIError(&diags, path.Root("account_id"), "Cannot read Instagram account "+account, err)
		common.ListError(stream, diags)
		return
	}
	posts := l.posts(ctx, account, m)
	opts := graph.CommentListOptions{Fields: listFields, ReplyFields: listFields}
	stream.Results = func(push func(list.ListResult) bool) {
		pushed := common.Pusher(ctx, req, push)
		emit := func(mediaID, replyTo string, c *graph.Comment) bool {
			if c.Username != me.Username {
				return true // someone else's: not a resource of this account
			}
			model := commentModel{
				ID: types.StringValue(c.ID), MediaID: types.StringValue(mediaID), Message: types.StringValue(c.Text),
				ReplyTo: common.StringOrNull(replyTo), Timestamp: common.GraphTime(c.Timestamp), Username: types.StringValue(c.Username),
			}
			return pushed(fmt.Sprintf("on %s: %s", mediaID, common.DisplayText(c.Text, 40)), &model)
		}
		for mediaID, err := range posts {
			if err != nil {
				push(common.ListAPIError("Cannot list the posts of account "+account, err))
				return
			}
			for c, err := range l.Data.Client.Comments.List(ctx, mediaID, opts) {
				if err != nil {
					push(common.ListAPIError("Cannot list the comments of post "+mediaID, err))
					return
				}
				if !emit(mediaID, "", c) {
					return
				}
				for r, err := range l.Data.Client.Comments.AllReplies(ctx, c, graph.CommentListOptions{Fields: listFields}) {
					if err != nil {
						push(common.ListAPIError("Cannot list the replies of comment "+c.ID, err))
						return
					}
					if !emit(mediaID, c.ID, r) {
						return
					}
				}
			}
		}
	}
}

// posts yields the ids of the posts to look at.
func (l *commentList) posts(ctx context.Context, account string, m commentListModel) func(func(string, error) bool) {
	return func(yield func(string, error) bool) {
		if !m.MediaID.IsNull() {
			yield(m.MediaID.ValueString(), nil)
			return
		}
		opts := graph.ListOptions{Fields: []string{"id"}, Limit: common.IntOr(m.RecentPosts, defaultRecentPosts)}
		for media, err := range l.Data.Client.Media.List(ctx, account, opts) {
			if err != nil {
				yield("", err)
				return
			}
			if !yield(media.ID, nil) {
				return
			}
		}
	}
}

// NewCommentSettingsList lists the account's posts with comments turned off.
func NewCommentSettingsList() list.ListResource {
	return &commentSettingsList{ResourceBase: common.NewResourceBase("comment_settings")}
}

type commentSettingsList struct{ common.ResourceBase }

func (l *commentSettingsList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the account's posts with comments turned off, the ones an `instagram_comment_settings` " +
			"keeps that way. Reads the media edge in pages of 100 (one call each); stops at the query's `limit`.",
		Attributes: map[string]schema.Attribute{"account_id": common.ListAccountID(accountIDDescription)},
	}
}

func (l *commentSettingsList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	_, account, ok := common.ListWithAccount[common.AccountListConfig](ctx, l.Data, req, stream)
	if !ok {
		return
	}
	opts := graph.ListOptions{Fields: []string{"id", "caption", "is_comment_enabled"}, PageSize: 100}
	stream.Results = func(push func(list.ListResult) bool) {
		pushed := common.Pusher(ctx, req, push)
		for media, err := range l.Data.Client.Media.List(ctx, account, opts) {
			if err != nil {
				push(common.ListAPIError("Cannot list the posts of account "+account, err))
				return
			}
			if media.IsCommentEnabled == nil || *media.IsCommentEnabled {
				continue
			}
			model := commentSettingsModel{
				ID: types.StringValue(media.ID), MediaID: types.StringValue(media.ID),
				CommentsEnabled: types.BoolValue(false), AccountID: types.StringValue(account),
			}
			name := "comments off on " + media.ID
			if media.Caption != "" {
				name += ": " + common.DisplayText(media.Caption, 40)
			}
			if !pushed(name, &model) {
				return
			}
		}
	}
}

const accountIDDescription = "Instagram user id whose posts to look at. Defaults to the provider's account."
