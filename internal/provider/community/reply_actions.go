package community

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

var (
	_ action.ActionWithConfigure  = (*replyToCommentAction)(nil)
	_ action.ActionWithConfigure  = (*replyToMentionAction)(nil)
	_ action.ActionWithModifyPlan = (*replyToCommentAction)(nil)
	_ action.ActionWithModifyPlan = (*replyToMentionAction)(nil)
)

// NewReplyToCommentAction is instagram_reply_to_comment: the account answers a
// comment on one of its posts.
func NewReplyToCommentAction() action.Action {
	return &replyToCommentAction{ActionBase: common.NewActionBase("reply_to_comment")}
}

// NewReplyToMentionAction is instagram_reply_to_mention: the account answers a
// post or a comment of another user that @mentioned it.
func NewReplyToMentionAction() action.Action {
	return &replyToMentionAction{ActionBase: common.NewActionBase("reply_to_mention")}
}

type replyToCommentAction struct{ common.ActionBase }

type replyToMentionAction struct{ common.ActionBase }

type commentReplyModel struct {
	AccountID types.String `tfsdk:"account_id"`
	CommentID types.String `tfsdk:"comment_id"`
	Message   types.String `tfsdk:"message"`
}

type mentionReplyModel struct {
	AccountID types.String `tfsdk:"account_id"`
	MediaID   types.String `tfsdk:"media_id"`
	CommentID types.String `tfsdk:"comment_id"`
	Message   types.String `tfsdk:"message"`
}

func messageAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Text of the %s: not blank, at most %d characters, %d hashtags and %d @mentions "+
			"(checked at plan time).", what, rules.MaxCaptionLength, rules.MaxHashtags, rules.MaxMentions),
		Required:   true,
		Validators: []validator.String{common.CommentText()},
	}
}

const replierDescription = "Instagram user id that replies. Defaults to the provider's `account_id`."

// accountAttribute is the actions' optional account_id, defaulting to the
// provider's.
func accountAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{common.NumericID("Instagram user id")},
	}
}

func (a *replyToCommentAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Replies, as the account, to a comment on one of its posts, and prints the reply's id. " +
			"Instagram attaches a reply to a reply to the top-level comment, and takes no replies to hidden comments " +
			"(checked before sending). The reply is sent once: if its answer is lost, it is looked for among the " +
			"comment's replies rather than sent again. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"account_id": accountAttribute(replierDescription),
			"comment_id": schema.StringAttribute{
				MarkdownDescription: "Id of the comment to reply to.",
				Required:            true,
				Validators:          []validator.String{common.NumericID("Instagram comment id")},
			},
			"message": messageAttribute("reply"),
		},
	}
}

func (a *replyToMentionAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Answers an @mention of the account by another Instagram user and prints the new comment's id: " +
			"a comment on their post when they mentioned the account in its caption, or a reply to their comment " +
			"(`comment_id`) when they mentioned it in a comment. The ids come from the `mentions` webhook; read what " +
			"was written with the `instagram_mention` data source. Instagram does not support answering mentions in " +
			"stories, or posts on which the account was only tagged. The answer is sent once: if it is lost, the action " +
			"says so rather than sending it again (the comments of another user's post cannot be read to check). " +
			"Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"account_id": accountAttribute(replierDescription),
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the post in which the account was mentioned (`media_id` of the webhook).",
				Required:            true,
				Validators:          []validator.String{common.NumericID("Instagram media id")},
			},
			"comment_id": schema.StringAttribute{
				MarkdownDescription: "For a mention in a comment, the comment's id (`comment_id` of the webhook). Omit it to answer a caption mention.",
				Optional:            true,
				Validators:          []validator.String{common.NumericID("Instagram comment id")},
			},
			"message": messageAttribute("answer"),
		},
	}
}

// ModifyPlan checks ids and the message from variables and data sources
// at plan time, as it checks literal ones.
func (a *replyToCommentAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	common.RevalidateAction(ctx, a, req.Config, &resp.Diagnostics)
}

func (a *replyToMentionAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	common.RevalidateAction(ctx, a, req.Config, &resp.Diagnostics)
}

func (a *replyToCommentAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	m, p, ok := decodeReply[commentReplyModel](ctx, a.Data, req, &resp.Diagnostics)
	if !ok {
		return
	}
	r, err := p.ReplyToComment(ctx, m.CommentID.ValueString(), m.Message.ValueString())
	if err != nil {
		addReplyError(&resp.Diagnostics, err)
		return
	}
	msg := fmt.Sprintf("Replied to comment %s with comment %s (on post %s).", m.CommentID.ValueString(), r.ID, r.MediaID)
	if r.ParentID != m.CommentID.ValueString() {
		msg = fmt.Sprintf("Replied to comment %s with comment %s, under its top-level comment %s (on post %s).",
			m.CommentID.ValueString(), r.ID, r.ParentID, r.MediaID)
	}
	if r.Recovered {
		msg += " The answer was lost; the reply was found among the comment's replies."
	}
	progress(resp, msg)
}

func (a *replyToMentionAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	m, p, ok := decodeReply[mentionReplyModel](ctx, a.Data, req, &resp.Diagnostics)
	if !ok {
		return
	}
	r, err := p.ReplyToMention(ctx, m.MediaID.ValueString(), m.CommentID.ValueString(), m.Message.ValueString())
	if err != nil {
		addReplyError(&resp.Diagnostics, err)
		return
	}
	if m.CommentID.IsNull() {
		progress(resp, fmt.Sprintf("Answered the caption mention on post %s with comment %s.", r.MediaID, r.ID))
		return
	}
	progress(resp, fmt.Sprintf("Replied to the comment mention %s on post %s with comment %s.", m.CommentID.ValueString(), r.MediaID, r.ID))
}

// decodeReply reads a reply action's configuration into a model of type T
// and returns the workflow that replies for its account.
func decodeReply[T any](ctx context.Context, d *common.ProviderData, req action.InvokeRequest, diags *diagnostics) (m T, p *workflow.Replier, ok bool) {
	if !requireConfigured(d, diags) {
		return m, nil, false
	}
	m, account, ok := common.DecodeWithAccount[T](ctx, d, req.Config, diags)
	if !ok {
		return m, nil, false
	}
	return m, &workflow.Replier{Client: d.Client, AccountID: account, Now: d.Now}, true
}

// addReplyError turns the reply workflow's errors into diagnostics.
func addReplyError(diags *diagnostics, err error) {
	var (
		hidden  *workflow.CommentHiddenError
		unknown *workflow.ReplyUnknownError
		refused *workflow.ReplyError
	)
	switch {
	case errors.As(err, &hidden):
		diags.AddAttributeError(path.Root("comment_id"), "The comment is hidden", err.Error()+".")
	case errors.As(err, &unknown):
		diags.AddError("The reply may or may not have been posted", err.Error()+".")
	case errors.As(err, &refused):
		common.AddAPIError(diags, path.Empty(), "Instagram did not take the reply (replying to "+refused.Target+"); nothing was posted", refused.Err)
	default:
		common.AddAPIError(diags, path.Empty(), "Cannot reply", err)
	}
}
