// Package webhooks holds instagram_webhook_subscription (app level) and
// instagram_subscribed_app (account level).
package webhooks

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ resource.ResourceWithConfigure      = (*subscriptionResource)(nil)
	_ resource.ResourceWithImportState    = (*subscriptionResource)(nil)
	_ resource.ResourceWithIdentity       = (*subscriptionResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*subscriptionResource)(nil)
	_ resource.ResourceWithValidateConfig = (*subscriptionResource)(nil)

	fieldNamePattern = regexp.MustCompile(`^[a-z_]+$`)
)

// NewWebhookSubscriptionResource is instagram_webhook_subscription: the
// app's webhook subscription for one object.
func NewWebhookSubscriptionResource() resource.Resource {
	return &subscriptionResource{ResourceBase: common.NewResourceBase("webhook_subscription")}
}

type subscriptionResource struct{ common.ResourceBase }

type subscriptionModel struct {
	ID                 types.String `tfsdk:"id"`
	Object             types.String `tfsdk:"object"`
	CallbackURL        types.String `tfsdk:"callback_url"`
	Fields             types.Set    `tfsdk:"fields"`
	VerifyToken        types.String `tfsdk:"verify_token"`
	VerifyTokenVersion types.Int64  `tfsdk:"verify_token_version"`
	IncludeValues      types.Bool   `tfsdk:"include_values"`
	Active             types.Bool   `tfsdk:"active"`
	Versions           types.Map    `tfsdk:"versions"`
}

func (r *subscriptionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The app's webhook subscription for one object (`/{app-id}/subscriptions`): where Meta sends " +
			"events and which fields. Needs the provider's `app_id` and `app_secret` (app access token).\n\n" +
			"On every subscribe Meta calls `callback_url` with `hub.mode=subscribe`, `hub.challenge` and `hub.verify_token`; " +
			"the endpoint must answer 200 with the challenge, else apply fails. Accounts must also enable the app " +
			"(`instagram_subscribed_app`) before their events are delivered.",
		Attributes: map[string]schema.Attribute{
			"id": common.StableString("The object name."),
			"object": schema.StringAttribute{
				MarkdownDescription: "Object to subscribe to. Default `instagram`. Changing it replaces the subscription.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("instagram"),
				Validators:          []validator.String{stringvalidator.RegexMatches(fieldNamePattern, "must be a Graph object name such as instagram or page")},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"callback_url": schema.StringAttribute{
				MarkdownDescription: "https URL Meta verifies and then POSTs events to, signed with `X-Hub-Signature-256`.",
				Required:            true,
				Validators:          []validator.String{common.HTTPSURL()},
			},
			"fields": schema.SetAttribute{
				MarkdownDescription: "Fields to receive, e.g. `comments`, `mentions`, `messages`. For `instagram` they are checked " +
					"against Meta's documented list. Removing a field unsubscribes it.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.RegexMatches(fieldNamePattern, "must be a webhook field name")),
				},
			},
			"verify_token": schema.StringAttribute{
				MarkdownDescription: "Token Meta sends in the verification request so the endpoint can recognise it. " +
					"Write-only (Terraform 1.11 or later): never stored in state or plan. Change `verify_token_version` to send a new one.",
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
			},
			"verify_token_version": schema.Int64Attribute{
				MarkdownDescription: "Change it to subscribe again with the current `verify_token` (rotation).",
				Optional:            true,
			},
			"include_values": schema.BoolAttribute{
				MarkdownDescription: "Send the changed values in each event (`true`, the default) or only the names of the changed fields. " +
					"Meta does not report this setting back, so it is not checked for drift.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"active": schema.BoolAttribute{
				MarkdownDescription: "Whether Meta delivers events. Meta deactivates subscriptions whose callback keeps failing; " +
					"a plan then subscribes again.",
				Computed: true,
			},
			"versions": schema.MapAttribute{
				MarkdownDescription: "Graph API version each field is pinned to (the app's version when it was subscribed).",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (r *subscriptionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := common.Decode[subscriptionModel](ctx, req.Config, &resp.Diagnostics)
	if !ok || m.Fields.IsUnknown() || m.Object.IsUnknown() {
		return
	}
	if !m.Object.IsNull() && m.Object.ValueString() != "instagram" {
		return
	}
	validateInstagramFields(setStrings(m.Fields), path.Root("fields"), &resp.Diagnostics)
}

// requireApp reports, before any call, that app-level edges need the app token.
func (r *subscriptionResource) requireApp(diags *diag.Diagnostics) bool {
	if r.Data == nil || r.Data.AppClient != nil {
		return true
	}
	diags.AddError("Webhook subscriptions need app_id and app_secret",
		"instagram_webhook_subscription calls /{app-id}/subscriptions with the app access token ({app-id}|{app-secret}). "+
			"Set app_id and app_secret in the provider block, or INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET.")
	return false
}

func (r *subscriptionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !r.requireApp(&resp.Diagnostics) || req.Plan.Raw.IsNull() {
		return
	}
	r.learnVerifyToken(ctx, req.Config)
	if req.State.Raw.IsNull() {
		return
	}
	var state subscriptionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if state.Active.ValueBool() || state.Active.IsNull() {
		return
	}
	// Meta switched delivery off (or someone did): subscribing again turns it back on.
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("active"), true)...)
	resp.Diagnostics.AddAttributeWarning(path.Root("active"), "Webhook subscription is inactive",
		fmt.Sprintf("Meta is not delivering %s events to %s. Apply subscribes again, which runs the verification handshake.",
			state.Object.ValueString(), state.CallbackURL.ValueString()))
}

func (r *subscriptionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config subscriptionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !r.requireApp(&resp.Diagnostics) {
		return
	}
	if !r.subscribe(ctx, plan, config.VerifyToken.ValueString(), &resp.Diagnostics) {
		return
	}
	if !r.readAfterWrite(ctx, &plan, &resp.Diagnostics) {
		return
	}
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// learnVerifyToken tells the provider's redactor the configured
// verify_token (write-only, so only the configuration has it): Meta's
// answer to a failed verification may quote it (common.Secrets).
func (r *subscriptionResource) learnVerifyToken(ctx context.Context, config tfsdk.Config) {
	var token types.String
	if r.Data != nil && !config.GetAttribute(ctx, path.Root("verify_token"), &token).HasError() {
		r.Data.Secrets.Add(token.ValueString())
	}
}

// subscribe POSTs the whole field set; verify_token comes from the
// configuration only (write-only: null in plan and state).
func (r *subscriptionResource) subscribe(ctx context.Context, m subscriptionModel, token string, diags *diag.Diagnostics) bool {
	r.Data.Secrets.Add(token)
	fields := setStrings(m.Fields)
	_, err := r.Data.AppClient.Webhooks.Subscribe(ctx, r.Data.AppID, graph.SubscribeParams{
		Object: m.Object.ValueString(), CallbackURL: m.CallbackURL.ValueString(), Fields: fields,
		VerifyToken: token, IncludeValues: m.IncludeValues.ValueBool(),
	})
	if err != nil {
		summary := "Cannot subscribe to " + m.Object.ValueString() + " webhooks"
		if graph.IsWebhookVerificationFailed(err) {
			common.AddError(diags, path.Root("callback_url"), "Meta could not verify the callback URL", common.DescribeError(err)+
				"\n\nThe endpoint must answer the GET with hub.mode=subscribe with HTTP 200 and exactly the hub.challenge value, "+
				"after checking that hub.verify_token equals verify_token.")
			return false
		}
		common.AddAPIError(diags, path.Root("fields"), summary, err)
		return false
	}
	return true
}

// readInto reads the object's subscription into m. found is false when Meta
// does not list it; API errors go to diags (and found is false too).
func (r *subscriptionResource) readInto(ctx context.Context, m *subscriptionModel, diags *diag.Diagnostics) (found bool) {
	subs, ok := r.subscriptions(ctx, diags)
	if !ok {
		return false
	}
	for _, s := range subs {
		if s.Object == m.Object.ValueString() {
			m.set(s)
			return true
		}
	}
	return false
}

// subscriptions reads the app's subscriptions, one per object.
func (r *subscriptionResource) subscriptions(ctx context.Context, diags *diag.Diagnostics) ([]graph.Subscription, bool) {
	if !r.requireApp(diags) {
		return nil, false
	}
	subs, _, err := r.Data.AppClient.Webhooks.Subscriptions(ctx, r.Data.AppID)
	if err != nil {
		common.AddAPIError(diags, path.Empty(), "Cannot read the app's webhook subscriptions", err)
		return nil, false
	}
	return subs, true
}

// set copies what Meta reports of a subscription into m.
func (m *subscriptionModel) set(s graph.Subscription) {
	names := make([]string, 0, len(s.Fields))
	versions := map[string]attr.Value{}
	for _, f := range s.Fields {
		names = append(names, f.Name)
		versions[f.Name] = types.StringValue(f.Version)
	}
	m.ID, m.Object = types.StringValue(s.Object), types.StringValue(s.Object)
	m.CallbackURL = types.StringValue(s.CallbackURL)
	m.Fields = stringSet(names)
	m.Active = types.BoolValue(s.Active)
	m.Versions = types.MapValueMust(types.StringType, versions)
}

// readAfterWrite reads the subscription after Create or Update wrote it; a
// subscription Meta accepted but does not list is an error, so that state
// never keeps unknown computed values.
func (r *subscriptionResource) readAfterWrite(ctx context.Context, m *subscriptionModel, diags *diag.Diagnostics) bool {
	if r.readInto(ctx, m, diags) {
		return true
	}
	if !diags.HasError() {
		diags.AddError("Webhook subscription not found after apply",
			fmt.Sprintf("Meta accepted the changes to the %s subscription but does not list it (it may have been deleted meanwhile). "+
				"Run terraform apply again.", m.Object.ValueString()))
	}
	return false
}

func (r *subscriptionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[subscriptionModel](ctx, req.State, &resp.Diagnostics)
	if !ok || !r.requireApp(&resp.Diagnostics) {
		return
	}
	if !r.readInto(ctx, &state, &resp.Diagnostics) {
		if !resp.Diagnostics.HasError() {
			common.Gone(ctx, req, resp)
		}
		return
	}
	if state.IncludeValues.IsNull() { // after import: Meta does not report it
		state.IncludeValues = types.BoolValue(true)
	}
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *subscriptionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config subscriptionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !r.requireApp(&resp.Diagnostics) {
		return
	}
	planned, current := setStrings(plan.Fields), setStrings(state.Fields)
	var removed []string
	for _, f := range current {
		if !slices.Contains(planned, f) {
			removed = append(removed, f)
		}
	}
	added := slices.ContainsFunc(planned, func(f string) bool { return !slices.Contains(current, f) })
	if added || !plan.CallbackURL.Equal(state.CallbackURL) || !plan.IncludeValues.Equal(state.IncludeValues) ||
		!plan.VerifyTokenVersion.Equal(state.VerifyTokenVersion) || !state.Active.ValueBool() {
		if !r.subscribe(ctx, plan, config.VerifyToken.ValueString(), &resp.Diagnostics) {
			return
		}
	}
	// POST only adds fields, so dropped ones are deleted explicitly.
	if len(removed) > 0 {
		if _, err := r.Data.AppClient.Webhooks.DeleteSubscription(ctx, r.Data.AppID, plan.Object.ValueString(), removed); err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("fields"), "Cannot unsubscribe fields "+strings.Join(removed, ", "), err)
			return
		}
	}
	if !r.readAfterWrite(ctx, &plan, &resp.Diagnostics) {
		return
	}
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *subscriptionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[subscriptionModel](ctx, req.State, &resp.Diagnostics)
	if !ok || !r.requireApp(&resp.Diagnostics) {
		return
	}
	_, err := r.Data.AppClient.Webhooks.DeleteSubscription(ctx, r.Data.AppID, state.Object.ValueString(), nil)
	if err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("object"), "Cannot delete the "+state.Object.ValueString()+" webhook subscription", err)
	}
}

// IdentitySchema: the app's subscription to one object (one per object).
func (r *subscriptionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(common.IdentityAttr{Name: "object", Description: "Webhook object, e.g. `instagram`."})
}

func (r *subscriptionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := common.ImportID{Pattern: fieldNamePattern, What: "its object name", Example: "instagram", IdentityID: "object"}
	id.Import(ctx, r.TypeName(), req, resp)
}

// setStrings returns a known set's strings, sorted.
func setStrings(s types.Set) []string {
	out := make([]string, 0, len(s.Elements()))
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok {
			out = append(out, str.ValueString())
		}
	}
	sort.Strings(out)
	return out
}

func stringSet(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	for _, v := range values {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValueMust(types.StringType, elems)
}
