// Package community holds the community-management actions (moderating
// comments, answering comments and @mentions) and the data source that reads
// an @mention. Actions need Terraform 1.14 or later; on older versions and on
// OpenTofu the rest of the provider works without them.
package community

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

var (
	_ action.ActionWithConfigure        = (*moderateCommentsAction)(nil)
	_ action.ActionWithValidateConfig   = (*moderateCommentsAction)(nil)
	_ action.ActionWithConfigValidators = (*moderateCommentsAction)(nil)
	_ action.ActionWithModifyPlan       = (*moderateCommentsAction)(nil)
)

// NewModerateCommentsAction is instagram_moderate_comments: hide, show again
// or delete the comments that selectors match.
func NewModerateCommentsAction() action.Action {
	return &moderateCommentsAction{ActionBase: common.NewActionBase("moderate_comments")}
}

type moderateCommentsAction struct{ common.ActionBase }

type moderateModel struct {
	AccountID      types.String `tfsdk:"account_id"`
	Operation      types.String `tfsdk:"operation"`
	MediaIDs       types.List   `tfsdk:"media_ids"`
	Within         types.String `tfsdk:"within"`
	CommentIDs     types.List   `tfsdk:"comment_ids"`
	TextMatches    types.String `tfsdk:"text_matches"`
	FromUsernames  types.List   `tfsdk:"from_usernames"`
	IncludeReplies types.Bool   `tfsdk:"include_replies"`
	DryRun         types.Bool   `tfsdk:"dry_run"`
	MaxComments    types.Int64  `tfsdk:"max_comments"`
}

func (a *moderateCommentsAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	numericIDs := []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(common.NumericID("Instagram id"))}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Hides, shows again or deletes the comments on the account's posts that the selectors match, " +
			"on demand (`terraform apply -invoke=action.instagram_moderate_comments.NAME`) or from a resource's " +
			"`lifecycle { action_trigger { … } }`, for example a sweep right after a campaign post goes live. Needs Terraform 1.14 or later.\n\n" +
			"It reads the comments first (one paged read per post), then writes once per comment that needs it, and reports " +
			"its progress and a summary of what it did (comment ids, usernames, first words). Run it with `dry_run = true` " +
			"first to see what it would do; the `instagram_comments` data source takes the same filters.\n\n" +
			"Meta's rules are checked before anything is changed: only comments on the account's own posts, and the " +
			"account's own comments are never hidden (Instagram always shows them). When more comments match than " +
			"`max_comments`, nothing is changed. When Instagram refuses some writes, the others stay done and the refusals " +
			"are listed with Instagram's message. Hiding and showing are safe to repeat; a delete whose answer is lost is " +
			"settled by reading the comment, never by deleting blindly again. Works with Facebook and Instagram login.",
		Attributes: map[string]schema.Attribute{
			"account_id": accountAttribute("Instagram user id whose posts are moderated. Defaults to the provider's `account_id`."),
			"operation": schema.StringAttribute{
				MarkdownDescription: "What to do with the matching comments: `hide` (only their author still sees them), " +
					"`unhide` (show them again) or `delete` (irreversible; deleting a comment deletes its replies).",
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(operations()...)},
			},
			"media_ids": schema.ListAttribute{
				MarkdownDescription: "The account's posts whose comments are read. Default: the posts published in the last `within`.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          numericIDs,
			},
			"within": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Without `media_ids`, how far back to look for posts, as a duration "+
					"(`72h`, `30m`). Default `%s`.", shortDuration(workflow.DefaultWithin)),
				Optional:   true,
				Validators: []validator.String{common.PositiveDuration()},
			},
			"comment_ids": schema.ListAttribute{
				MarkdownDescription: "Only these comments (or replies), read by id, instead of the comments of posts. " +
					"Each must be on one of the account's posts.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  numericIDs,
			},
			"text_matches": schema.StringAttribute{
				MarkdownDescription: common.TextMatchesDescription,
				Optional:            true,
				// An empty pattern would match every comment: not a selector.
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), common.RE2Pattern()},
			},
			"from_usernames": schema.ListAttribute{
				MarkdownDescription: common.FromUsernamesDescription,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.ValueStringsAre(common.Username())},
			},
			"include_replies": schema.BoolAttribute{
				MarkdownDescription: "Also consider the replies to the posts' comments (they come with the comments, at no extra call " +
					"unless a comment has more replies than Instagram nests). Default `false`.",
				Optional: true,
			},
			"dry_run": schema.BoolAttribute{
				MarkdownDescription: "Only read and report what would be done; change nothing. Default `false`.",
				Optional:            true,
			},
			"max_comments": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("The most comments one run may change, 1–10000, so that a broad pattern "+
					"cannot run away: when more match, nothing is changed. Default %d.", workflow.DefaultMaxComments),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, 10000)},
			},
		},
	}
}

func operations() []string {
	out := make([]string, len(workflow.Operations))
	for i, op := range workflow.Operations {
		out[i] = string(op)
	}
	return out
}

func (a *moderateCommentsAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.Conflicting(path.MatchRoot("comment_ids"), path.MatchRoot("media_ids")),
		actionvalidator.Conflicting(path.MatchRoot("comment_ids"), path.MatchRoot("within")),
		actionvalidator.Conflicting(path.MatchRoot("media_ids"), path.MatchRoot("within")),
	}
}

// ValidateConfig refuses at plan time, before any API call, a delete that
// only names posts: it would delete every comment on them.
func (a *moderateCommentsAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	m, ok := common.Decode[moderateModel](ctx, req.Config, &resp.Diagnostics)
	if !ok || m.Operation.ValueString() != string(workflow.Delete) {
		return
	}
	for _, selector := range []interface{ IsNull() bool }{m.CommentIDs, m.TextMatches, m.FromUsernames} {
		if !selector.IsNull() {
			return // set, or not known yet
		}
	}
	resp.Diagnostics.AddAttributeError(path.Root("operation"), "Delete needs a selector",
		"operation = \"delete\" deletes for good, so it needs at least one selector besides the posts: text_matches, "+
			"from_usernames or comment_ids. To hide every comment of a post, use operation = \"hide\".")
}

// ModifyPlan checks ids and patterns from variables and data sources at
// plan time, as it checks literal ones.
func (a *moderateCommentsAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	common.RevalidateAction(ctx, a, req.Config, &resp.Diagnostics)
}

func (a *moderateCommentsAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	if !requireConfigured(a.Data, &resp.Diagnostics) {
		return
	}
	m, accountID, ok := common.DecodeWithAccount[moderateModel](ctx, a.Data, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	sweep, ok := m.sweep(ctx, &resp.Diagnostics)
	if !ok {
		return
	}
	mod := &workflow.Moderator{
		Client: a.Data.Client, AccountID: accountID, Now: a.Data.Now, Logger: a.Data.Logger,
		Progress: func(p workflow.Progress) { progress(resp, p.String()) },
	}
	report, err := mod.Moderate(ctx, sweep)
	if err != nil {
		addSweepError(&resp.Diagnostics, report, err)
		return
	}
	progress(resp, report.Summary())
}

// sweep turns the configuration into a workflow.Sweep.
func (m moderateModel) sweep(ctx context.Context, diags *diagnostics) (workflow.Sweep, bool) {
	sw := workflow.Sweep{
		Operation:      workflow.Operation(m.Operation.ValueString()),
		IncludeReplies: m.IncludeReplies.ValueBool(),
		DryRun:         m.DryRun.ValueBool(),
		MaxComments:    int(m.MaxComments.ValueInt64()),
	}
	var usernames []string
	for _, l := range []struct {
		list types.List
		into *[]string
	}{{m.MediaIDs, &sw.MediaIDs}, {m.CommentIDs, &sw.CommentIDs}, {m.FromUsernames, &usernames}} {
		if !l.list.IsNull() {
			diags.Append(l.list.ElementsAs(ctx, l.into, false)...)
		}
	}
	if s := m.Within.ValueString(); s != "" {
		sw.Within, _ = time.ParseDuration(s) // validated at plan time
	}
	filter, err := workflow.NewFilter(m.TextMatches.ValueString(), usernames)
	if err != nil {
		diags.AddAttributeError(path.Root("text_matches"), "Invalid regular expression", err.Error())
	}
	sw.Filter = filter
	return sw, !diags.HasError()
}
