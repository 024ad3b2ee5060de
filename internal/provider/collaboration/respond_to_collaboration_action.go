package collaboration

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

var (
	_ action.ActionWithConfigure  = (*respondAction)(nil)
	_ action.ActionWithModifyPlan = (*respondAction)(nil)
)

// NewRespondAction is instagram_respond_to_collaboration: accept or decline
// an invite to co-author another account's post.
func NewRespondAction() action.Action {
	return &respondAction{ActionBase: common.NewActionBase("respond_to_collaboration")}
}

type respondAction struct{ common.ActionBase }

type respondModel struct {
	AccountID types.String `tfsdk:"account_id"`
	MediaID   types.String `tfsdk:"media_id"`
	Accept    types.Bool   `tfsdk:"accept"`
}

func (a *respondAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Accepts or declines an invite to co-author another account's post " +
			"(`POST /{ig-user-id}/collaboration_invites`), e.g. a brand's campaign post; the pending invites are in " +
			"`instagram_collaboration_invites`. Accepted, the post appears on the account's profile too and in " +
			"`instagram_collaborative_media`. An answer cannot be taken back through the API.\n\n" +
			fmt.Sprintf("The invite is checked to be pending before anything is sent. Meta allows %d answers a day per account: ",
				graph.CollaborationResponsesPerDay) +
			"within one run the provider counts the answers it sends and refuses one more before sending it (across runs, Meta " +
			"refuses it). The answer is sent once; if it " +
			"is lost, the invites and collaborative media are read to learn what happened. Needs Facebook login (refused at " +
			"plan time, before any API call, with Instagram login) and Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Instagram user id that was invited. Defaults to the provider's `account_id`.",
				Optional:            true,
				Validators:          []validator.String{common.NumericID("Instagram user id")},
			},
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the post, from `instagram_collaboration_invites`.",
				Required:            true,
				Validators:          []validator.String{common.NumericID("Instagram media id")},
			},
			"accept": schema.BoolAttribute{
				MarkdownDescription: "`true` to accept, `false` to decline.",
				Required:            true,
			},
		},
	}
}

// ModifyPlan refuses Instagram login at plan time (Meta offers
// collaboration with Facebook login only), and ids that came from a
// variable or a data source and are not ids.
func (a *respondAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	a.Data.RequireFacebookLogin(feature, &resp.Diagnostics)
	common.RevalidateAction(ctx, a, req.Config, &resp.Diagnostics)
}

func (a *respondAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	if a.Data == nil {
		resp.Diagnostics.AddError("Provider not configured", "The instagram provider was not configured before the action ran; this is a bug.")
		return
	}
	if !a.Data.RequireFacebookLogin(feature, &resp.Diagnostics) {
		return
	}
	m, account, ok := common.DecodeWithAccount[respondModel](ctx, a.Data, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	r := &workflow.CollaborationResponder{
		Client: a.Data.Client, AccountID: account,
		Budget: a.Data.Budget("collaboration_invites", account, graph.CollaborationResponsesPerDay, 24*time.Hour),
	}
	answer, err := r.Respond(ctx, m.MediaID.ValueString(), m.Accept.ValueBool())
	if err != nil {
		addRespondError(&resp.Diagnostics, err)
		return
	}
	msg := fmt.Sprintf("Accepted %s's invite to co-author post %s.", answer.Invite.MediaOwnerUsername, answer.Invite.MediaID)
	if !answer.Accepted {
		msg = fmt.Sprintf("Declined %s's invite to co-author post %s.", answer.Invite.MediaOwnerUsername, answer.Invite.MediaID)
	}
	if answer.Recovered {
		msg += " The answer was lost; reading the invites showed it was taken."
	}
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: msg})
	}
}

// addRespondError turns the workflow's errors into diagnostics.
func addRespondError(diags *diag.Diagnostics, err error) {
	var (
		none    *workflow.NoInviteError
		limit   *workflow.ResponseLimitError
		unknown *workflow.CollaborationUnknownError
		refused *workflow.CollaborationError
		stopped *workflow.StoppedError
	)
	switch {
	case errors.As(err, &stopped):
		diags.AddError("Stopped before answering the collaboration invite", "Terraform asked the provider to stop before the answer was sent; nothing changed.")
	case errors.As(err, &none):
		diags.AddAttributeError(path.Root("media_id"), "No pending collaboration invite", err.Error()+".")
	case errors.As(err, &limit):
		diags.AddError("Daily limit of collaboration answers reached", err.Error()+".")
	case errors.As(err, &unknown):
		diags.AddError("The answer may or may not have been taken", err.Error()+".")
	case errors.As(err, &refused):
		common.AddAPIError(diags, path.Root("media_id"), fmt.Sprintf("Cannot answer the collaboration invite for post %s; nothing changed", refused.MediaID), refused.Err)
	default:
		common.AddAPIError(diags, path.Empty(), "Cannot answer the collaboration invite", err)
	}
}
