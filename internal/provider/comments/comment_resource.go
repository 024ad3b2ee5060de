package comments

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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

// maxCommentLength is Instagram's comment limit (the app's; the API's own is
// undocumented, so we check the known one at plan time).
const maxCommentLength = 2200

var (
	_ resource.ResourceWithConfigure   = (*commentResource)(nil)
	_ resource.ResourceWithImportState = (*commentResource)(nil)
	_ resource.ResourceWithIdentity    = (*commentResource)(nil)

	notBlank = regexp.MustCompile(`\S`)
)

var commentReadFields = []string{"id", "text", "timestamp", "username", "media", "parent_id"}

// NewCommentResource is instagram_comment: a comment or reply written by the
// account on its own post.
func NewCommentResource() resource.Resource {
	return &commentResource{ResourceBase: common.NewResourceBase("comment")}
}

type commentResource struct {
	common.ResourceBase
	common.NoUpdate // every input replaces the comment
}

type commentModel struct {
	ID        types.String `tfsdk:"id"`
	MediaID   types.String `tfsdk:"media_id"`
	Message   types.String `tfsdk:"message"`
	ReplyTo   types.String `tfsdk:"reply_to"`
	Timestamp types.String `tfsdk:"timestamp"`
	Username  types.String `tfsdk:"username"`
}

func (r *commentResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	numeric := common.NumericID("Instagram id")
	resp.Schema = schema.Schema{
		MarkdownDescription: "A comment written by the account on one of its own posts, for example a \"first comment\" " +
			"holding hashtags, or a reply to a comment (`reply_to`).\n\n" +
			"Comments cannot be edited through the API: changing `message`, `media_id` or `reply_to` deletes the comment " +
			"and writes a new one. There is no `hidden` setting: Instagram always shows the post owner's own comments " +
			"(hiding applies to other people's comments, see the `instagram_comments` data source). " +
			"The post must have comments turned on (see `instagram_comment_settings`).",
		Attributes: map[string]schema.Attribute{
			"id": common.StableString("Instagram comment id."),
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the account's post to comment on. For a reply, the post of the comment replied to. Changing it writes a new comment.",
				Required:            true,
				Validators:          []validator.String{numeric},
				PlanModifiers:       replace,
			},
			"message": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Text of the comment, 1–%d characters. Changing it deletes the comment and writes a new one.", maxCommentLength),
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, maxCommentLength),
					stringvalidator.RegexMatches(notBlank, "must not be blank"),
				},
				PlanModifiers: replace,
			},
			"reply_to": schema.StringAttribute{
				MarkdownDescription: "Id of a top-level comment on `media_id` to reply to. Instagram attaches a reply to a reply " +
					"to the top-level comment. Changing it writes a new comment.",
				Optional:      true,
				Validators:    []validator.String{numeric},
				PlanModifiers: replace,
			},
			"timestamp": common.StableString("When the comment was written, RFC 3339 in UTC (e.g. `2017-05-19T23:27:28Z`)."),
			"username":  common.StableString("Username of the author (the account)."),
		},
	}
}

func (r *commentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := common.Decode[commentModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	mediaID, message := plan.MediaID.ValueString(), plan.Message.ValueString()
	var id string
	var err error
	if replyTo := plan.ReplyTo.ValueString(); replyTo != "" {
		if !r.checkReplyTo(ctx, replyTo, mediaID, &resp.Diagnostics) {
			return
		}
		id, _, err = r.Data.Client.Comments.Reply(ctx, replyTo, message)
	} else {
		id, _, err = r.Data.Client.Comments.Create(ctx, mediaID, message)
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("message"), "Cannot write the comment on post "+mediaID, err)
		return
	}
	plan.ID = types.StringValue(id)
	c, _, err := r.Data.Client.Comments.Get(ctx, id, commentReadFields)
	if err != nil {
		plan.Timestamp, plan.Username = types.StringNull(), types.StringNull()
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
		common.AddAPIError(&resp.Diagnostics, path.Empty(), "Comment written, but reading it back failed", err)
		return
	}
	plan.Timestamp, plan.Username = common.GraphTime(c.Timestamp), types.StringValue(c.Username)
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// checkReplyTo makes sure the comment replied to is on media_id, and warns
// when it is itself a reply (Instagram then answers the top-level comment).
func (r *commentResource) checkReplyTo(ctx context.Context, replyTo, mediaID string, diags *diag.Diagnostics) bool {
	parent, _, err := r.Data.Client.Comments.Get(ctx, replyTo, []string{"id", "media", "parent_id"})
	if err != nil {
		common.AddAPIError(diags, path.Root("reply_to"), "Cannot read comment "+replyTo, err)
		return false
	}
	if parent.Media != nil && parent.Media.ID != mediaID {
		diags.AddAttributeError(path.Root("media_id"), "Comment is on another post",
			fmt.Sprintf("Comment %s (reply_to) is on post %s, not on media_id %s. Set media_id to %s.", replyTo, parent.Media.ID, mediaID, parent.Media.ID))
		return false
	}
	if parent.ParentID != "" {
		diags.AddAttributeWarning(path.Root("reply_to"), "Reply goes to the top-level comment",
			fmt.Sprintf("Comment %s is itself a reply; Instagram attaches the new reply to its top-level comment %s.", replyTo, parent.ParentID))
	}
	return true
}

func (r *commentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[commentModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	c, _, err := r.Data.Client.Comments.Get(ctx, state.ID.ValueString(), commentReadFields)
	if graph.IsNotFound(err) {
		common.Gone(ctx, req, resp)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read Instagram comment "+state.ID.ValueString(), err)
		return
	}
	if state.MediaID.IsNull() && c.ParentID != "" { // imported reply
		state.ReplyTo = types.StringValue(c.ParentID)
	}
	if c.Media != nil {
		state.MediaID = types.StringValue(c.Media.ID)
	}
	state.Message = types.StringValue(c.Text)
	state.Timestamp, state.Username = common.GraphTime(c.Timestamp), types.StringValue(c.Username)
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *commentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[commentModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	_, err := r.Data.Client.Comments.Delete(ctx, state.ID.ValueString())
	if err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot delete Instagram comment "+state.ID.ValueString(), err)
	}
}

// IdentitySchema: a comment is its comment id (global on Instagram).
func (r *commentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(common.IdentityAttr{Name: "id", Description: "Instagram comment id."})
}

func (r *commentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.NumericImportID("its numeric Instagram comment id", "17870913679156914").Import(ctx, r.TypeName(), req, resp)
}
