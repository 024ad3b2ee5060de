package webhooks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ resource.ResourceWithConfigure   = (*subscribedAppResource)(nil)
	_ resource.ResourceWithImportState = (*subscribedAppResource)(nil)
	_ resource.ResourceWithIdentity    = (*subscribedAppResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*subscribedAppResource)(nil)
)

// NewSubscribedAppResource is instagram_subscribed_app: webhook delivery
// enabled for one account.
func NewSubscribedAppResource() resource.Resource {
	return &subscribedAppResource{ResourceBase: common.NewResourceBase("subscribed_app")}
}

type subscribedAppResource struct{ common.ResourceBase }

type subscribedAppModel struct {
	ID               types.String `tfsdk:"id"`
	AccountID        types.String `tfsdk:"account_id"`
	SubscribedFields types.Set    `tfsdk:"subscribed_fields"`
}

func (r *subscribedAppResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Enables webhook delivery of the app for one Instagram account (`subscribed_apps`). " +
			"With Instagram login the call is made on the Instagram user; with Facebook login on the Facebook Page linked " +
			"to the account, with that Page's access token (looked up through `/me/accounts` on every call, never stored). " +
			"Meta then delivers every field the app subscribed to in `instagram_webhook_subscription`. Destroying it unsubscribes the app.",
		Attributes: map[string]schema.Attribute{
			"id":         common.StableString("The Instagram account id."),
			"account_id": common.ResourceAccountID("Instagram user id to enable. Defaults to the provider's `account_id`. Changing it replaces the resource.", true),
			"subscribed_fields": schema.SetAttribute{
				MarkdownDescription: "Fields the account subscribes the app to. Instagram login: Instagram webhook fields such as " +
					"`comments` or `messages`. Facebook login: fields of the Page (e.g. `feed`); at least one is required there too. " +
					"Replaces the account's whole set.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(fieldNamePattern, "must be a webhook field name")),
				},
			},
		},
	}
}

// ModifyPlan checks Instagram-login fields against the documented list
// (the login is only known once the provider is configured).
func (r *subscribedAppResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.Data == nil || req.Plan.Raw.IsNull() || r.Data.Login != common.LoginInstagram {
		return
	}
	plan, ok := common.Decode[subscribedAppModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok || plan.SubscribedFields.IsUnknown() {
		return
	}
	validateInstagramFields(setStrings(plan.SubscribedFields), path.Root("subscribed_fields"), &resp.Diagnostics)
}

// target is where subscribed_apps lives: the IG user (Instagram login) or
// the linked Page and its token (Facebook login).
func (r *subscribedAppResource) target(ctx context.Context, account string, diags *diag.Diagnostics) (id, token string, ok bool) {
	if r.Data.Login == common.LoginInstagram {
		return account, "", true
	}
	page, err := r.Data.Client.Webhooks.FindLinkedPage(ctx, account)
	if err != nil {
		common.AddAPIError(diags, path.Root("account_id"), "Cannot find the Facebook Page of Instagram account "+account, err)
		return "", "", false
	}
	return page.ID, page.AccessToken, true
}

func (r *subscribedAppResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, account, ok := common.DecodeWithAccount[subscribedAppModel](ctx, r.Data, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.AccountID, plan.ID = types.StringValue(account), types.StringValue(account)
	if r.write(ctx, &plan, &resp.Diagnostics) {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

// write subscribes the app with m's fields and reads back what Meta kept;
// false when that failed (diags says why).
func (r *subscribedAppResource) write(ctx context.Context, m *subscribedAppModel, diags *diag.Diagnostics) bool {
	id, token, ok := r.target(ctx, m.AccountID.ValueString(), diags)
	if !ok {
		return false
	}
	if _, err := r.Data.Client.Webhooks.SubscribeApp(ctx, id, token, setStrings(m.SubscribedFields)); err != nil {
		common.AddAPIError(diags, path.Root("subscribed_fields"), "Cannot subscribe the app to account "+m.AccountID.ValueString(), err)
		return false
	}
	r.read(ctx, m, id, token, diags)
	return !diags.HasError()
}

// read refreshes subscribed_fields; false when the app is not subscribed.
func (r *subscribedAppResource) read(ctx context.Context, m *subscribedAppModel, id, token string, diags *diag.Diagnostics) bool {
	apps, _, err := r.Data.Client.Webhooks.SubscribedApps(ctx, id, token)
	if err != nil {
		common.AddAPIError(diags, path.Root("account_id"), "Cannot read the subscribed apps of account "+m.AccountID.ValueString(), err)
		return false
	}
	for _, a := range apps {
		// Without app_id the token's own app is the only one we can mean.
		if r.Data.AppID == "" || a.App() == r.Data.AppID {
			m.SubscribedFields = stringSet(a.SubscribedFields)
			return true
		}
	}
	return false
}

func (r *subscribedAppResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[subscribedAppModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if state.AccountID.IsNull() { // after import
		state.AccountID = state.ID
	}
	id, token, ok := r.target(ctx, state.AccountID.ValueString(), &resp.Diagnostics)
	if !ok {
		return
	}
	if !r.read(ctx, &state, id, token, &resp.Diagnostics) {
		if !resp.Diagnostics.HasError() {
			common.Gone(ctx, req, resp)
		}
		return
	}
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *subscribedAppResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := common.Decode[subscribedAppModel](ctx, req.Plan, &resp.Diagnostics)
	if ok && r.write(ctx, &plan, &resp.Diagnostics) {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

func (r *subscribedAppResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[subscribedAppModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	id, token, ok := r.target(ctx, state.AccountID.ValueString(), &resp.Diagnostics)
	if !ok {
		return
	}
	if _, err := r.Data.Client.Webhooks.UnsubscribeApp(ctx, id, token); err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("account_id"), "Cannot unsubscribe the app from account "+state.AccountID.ValueString(), err)
	}
}

// IdentitySchema: the provider's app subscribed to one account.
func (r *subscribedAppResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(common.IdentityAttr{Name: "account_id", Description: "Instagram user id the app is subscribed to."})
}

func (r *subscribedAppResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := common.NumericImportID("the numeric Instagram account id", "17841405822304914")
	id.IdentityID = "account_id"
	id.Import(ctx, r.TypeName(), req, resp)
}
