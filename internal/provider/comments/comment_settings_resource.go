// Package comments holds instagram_comment_settings, instagram_comment and
// the instagram_comments data source.
package comments

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ resource.ResourceWithConfigure   = (*commentSettingsResource)(nil)
	_ resource.ResourceWithImportState = (*commentSettingsResource)(nil)
	_ resource.ResourceWithIdentity    = (*commentSettingsResource)(nil)
)

// settingsReadFields: whether comments are on, and who owns the post.
var settingsReadFields = []string{"id", "is_comment_enabled", "owner"}

// NewCommentSettingsResource is instagram_comment_settings: whether a post
// takes comments.
func NewCommentSettingsResource() resource.Resource {
	return &commentSettingsResource{ResourceBase: common.NewResourceBase("comment_settings")}
}

type commentSettingsResource struct{ common.ResourceBase }

type commentSettingsModel struct {
	ID              types.String `tfsdk:"id"`
	MediaID         types.String `tfsdk:"media_id"`
	CommentsEnabled types.Bool   `tfsdk:"comments_enabled"`
	AccountID       types.String `tfsdk:"account_id"`
}

func (r *commentSettingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	numeric := []validator.String{common.NumericID("Instagram id")}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Turns comments on or off for one post of the account (`POST /{media-id}?comment_enabled=`), " +
			"including posts that were not published with Terraform. Destroying the resource turns comments back on. " +
			"Not available for live videos or carousel items.",
		Attributes: map[string]schema.Attribute{
			"id": common.StableString("The media id."),
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Instagram media id of the post. Changing it manages another post.",
				Required:            true,
				Validators:          numeric,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"comments_enabled": schema.BoolAttribute{
				MarkdownDescription: "`true` lets people comment, `false` hides the comment box and existing comments. Read back from " +
					"Instagram, so a change made in the app shows up as drift.",
				Required: true,
			},
			"account_id": common.ResourceAccountID("Instagram user id that owns the post. Defaults to the provider's `account_id`; "+
				"applying fails when the post belongs to another account.", true),
		},
	}
}

func (r *commentSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, account, ok := common.DecodeWithAccount[commentSettingsModel](ctx, r.Data, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	media, _, err := r.Data.Client.Media.Get(ctx, plan.MediaID.ValueString(), settingsReadFields)
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot read Instagram post "+plan.MediaID.ValueString(), err)
		return
	}
	if media.Owner != nil && media.Owner.ID != "" && media.Owner.ID != account {
		resp.Diagnostics.AddAttributeError(path.Root("media_id"), "Post belongs to another account",
			fmt.Sprintf("Post %s belongs to Instagram account %s, not %s. Set account_id to the owner, or use the provider of that account.",
				plan.MediaID.ValueString(), media.Owner.ID, account))
		return
	}
	plan.AccountID = types.StringValue(account)
	if r.apply(ctx, &plan, &resp.Diagnostics) {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

// apply sends comment_enabled (the only update Graph allows on a post).
func (r *commentSettingsResource) apply(ctx context.Context, m *commentSettingsModel, diags *diag.Diagnostics) bool {
	if _, err := r.Data.Client.Media.SetCommentEnabled(ctx, m.MediaID.ValueString(), m.CommentsEnabled.ValueBool()); err != nil {
		common.AddAPIError(diags, path.Root("comments_enabled"), "Cannot change comment settings of post "+m.MediaID.ValueString(), err)
		return false
	}
	m.ID = m.MediaID
	return true
}

func (r *commentSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[commentSettingsModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	media, _, err := r.Data.Client.Media.Get(ctx, state.ID.ValueString(), settingsReadFields)
	if graph.IsNotFound(err) {
		common.Gone(ctx, req, resp)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot read Instagram post "+state.ID.ValueString(), err)
		return
	}
	state.MediaID = types.StringValue(media.ID)
	if media.IsCommentEnabled != nil {
		state.CommentsEnabled = types.BoolValue(*media.IsCommentEnabled)
	}
	if state.AccountID.IsNull() { // after import
		state.AccountID = r.Data.OwnerOf(ctx, media, &resp.Diagnostics)
	}
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *commentSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := common.Decode[commentSettingsModel](ctx, req.Plan, &resp.Diagnostics)
	if ok && r.apply(ctx, &plan, &resp.Diagnostics) {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

// Delete turns comments back on: the API's default for every post.
func (r *commentSettingsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[commentSettingsModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	_, err := r.Data.Client.Media.SetCommentEnabled(ctx, state.ID.ValueString(), true)
	if err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot turn comments back on for post "+state.ID.ValueString(), err)
	}
}

// IdentitySchema: the settings of one post, within an account.
func (r *commentSettingsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(
		common.IdentityAttr{Name: "media_id", Description: "Instagram media id of the post."},
		common.IdentityAttr{Name: "account_id", Optional: true, Description: "Instagram user id that owns the post; defaults to the provider's account."},
	)
}

func (r *commentSettingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := common.NumericImportID("the numeric Instagram media id of the post", "17895695668004550")
	id.IdentityID = "media_id"
	id.Import(ctx, r.TypeName(), req, resp)
}
