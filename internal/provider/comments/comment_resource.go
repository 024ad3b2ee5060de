package comments

import (
	"context"
	"errors"
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
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

var (
	_ resource.ResourceWithConfigure   = (*commentResource)(nil)
	_ resource.ResourceWithImportState = (*commentResource)(nil)
	_ resource.ResourceWithIdentity    = (*commentResource)(nil)
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
	ID             types.String `tfsdk:"id"`
	MediaID        types.String `tfsdk:"media_id"`
	Message        types.String `tfsdk:"message"`
	ReplyTo        types.String `tfsdk:"reply_to"`
	AllowDuplicate types.Bool   `tfsdk:"allow_duplicate"`
	Timestamp      types.String `tfsdk:"timestamp"`
	Username       types.String `tfsdk:"username"`
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
			"The post must have comments turned on (see `instagram_comment_settings`).\n\n" +
			"Writing a comment cannot be repeated safely: a run stopped while the comment was being written may have written it " +
			"without recording it. So before writing, the provider looks among the post's comments (or the replies of `reply_to`'s " +
			"thread) for one by the account with exactly the same text from the last 24 hours that this run does not hold, and " +
			"stops with an error naming it and the import block that adopts it (see `allow_duplicate`).",
		Attributes: map[string]schema.Attribute{
			"id": common.StableString("Instagram comment id."),
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the account's post to comment on. For a reply, the post of the comment replied to. Changing it writes a new comment.",
				Required:            true,
				Validators:          []validator.String{numeric},
				PlanModifiers:       replace,
			},
			"message": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Text of the comment: not blank, at most %d characters, %d hashtags and %d @mentions. "+
					"Changing it deletes the comment and writes a new one.", rules.MaxCaptionLength, rules.MaxHashtags, rules.MaxMentions),
				Required:      true,
				Validators:    []validator.String{common.CommentText()},
				PlanModifiers: replace,
			},
			"reply_to": schema.StringAttribute{
				MarkdownDescription: "Id of a top-level comment on `media_id` to reply to. Instagram attaches a reply to a reply " +
					"to the top-level comment. Changing it writes a new comment.",
				Optional:      true,
				Validators:    []validator.String{numeric},
				PlanModifiers: replace,
			},
			"allow_duplicate": schema.BoolAttribute{
				MarkdownDescription: "Write even when the account already has an identical comment (same post, same `reply_to` thread, " +
					"exactly the same text, written in the last 24 hours) that this run did not write. Without it such a comment " +
					"stops the apply before anything is written, because it is most likely what an interrupted run wrote, and the " +
					"error gives the import block that adopts it. Limits: Instagram does not say which app or request wrote a " +
					"comment, so an identical comment written on purpose (in the app, or by another resource of the configuration " +
					"created in an earlier run) is refused too, and one older than 24 hours is not found; a post that drew more " +
					"than 500 comments in that window (or a thread with more than 500 replies) cannot be searched, and the apply " +
					"stops rather than guess. Set it to write an identical comment on purpose (it also skips the search). Changing " +
					"it does not replace the comment.",
				Optional: true,
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
	cm := workflow.CommentDraft{MediaID: plan.MediaID.ValueString(), Message: plan.Message.ValueString(), AllowDuplicate: plan.AllowDuplicate.ValueBool()}
	if replyTo := plan.ReplyTo.ValueString(); replyTo != "" {
		if cm.ParentID, ok = r.checkReplyTo(ctx, replyTo, cm.MediaID, &resp.Diagnostics); !ok {
			return
		}
	}
	res, err := r.commenter().Write(ctx, cm)
	if err != nil {
		addWriteError(&resp.Diagnostics, cm.MediaID, err)
		return
	}
	// The comment exists now: record it whatever else happens. A failed
	// read-back is a warning, so that the resource is not tainted (a tainted
	// comment would be deleted and written again).
	plan.ID = types.StringValue(res.ID)
	if res.Comment != nil {
		plan.Timestamp, plan.Username = common.GraphTime(res.Comment.Timestamp), types.StringValue(res.Comment.Username)
	} else {
		plan.Timestamp, plan.Username = types.StringNull(), types.StringNull()
		resp.Diagnostics.AddWarning("Comment written, but reading it back failed",
			fmt.Sprintf("Comment %s is written and recorded in the state; the next refresh reads the rest.\n\n%s", res.ID, common.DescribeError(res.ReadErr)))
	}
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

// commenter writes and deletes comments for this provider; what this apply
// wrote (ProviderData.AccountFor) is never taken for a leftover by the
// duplicate guard, and two identical comments of the run take turns.
func (r *commentResource) commenter() *workflow.Commenter {
	return &workflow.Commenter{
		Client: r.Data.Client, Held: r.Data.Accounted, Exclusive: r.Data.Exclusive, OnWritten: func(id string) { r.Data.AccountFor(id) },
		Now: r.Data.Now, ReadFields: commentReadFields, Logger: r.Data.Logger,
	}
}

// checkReplyTo makes sure the comment replied to is on media_id, warns when
// it is itself a reply (Instagram then answers the top-level comment), and
// returns the top-level comment the reply goes to.
func (r *commentResource) checkReplyTo(ctx context.Context, replyTo, mediaID string, diags *diag.Diagnostics) (string, bool) {
	parent, _, err := r.Data.Client.Comments.Get(ctx, replyTo, []string{"id", "media", "parent_id"})
	if err != nil {
		common.AddAPIError(diags, path.Root("reply_to"), "Cannot read comment "+replyTo, err)
		return "", false
	}
	if parent.Media != nil && parent.Media.ID != mediaID {
		diags.AddAttributeError(path.Root("media_id"), "Comment is on another post",
			fmt.Sprintf("Comment %s (reply_to) is on post %s, not on media_id %s. Set media_id to %s.", replyTo, parent.Media.ID, mediaID, parent.Media.ID))
		return "", false
	}
	if parent.ParentID != "" {
		diags.AddAttributeWarning(path.Root("reply_to"), "Reply goes to the top-level comment",
			fmt.Sprintf("Comment %s is itself a reply; Instagram attaches the new reply to its top-level comment %s.", replyTo, parent.ParentID))
		return parent.ParentID, true
	}
	return replyTo, true
}

// addWriteError says why the comment was not written (or may have been),
// and what the next run will do.
func addWriteError(diags *diag.Diagnostics, mediaID string, err error) {
	var (
		dup     *workflow.DuplicateError
		search  *workflow.SearchError
		stopped *workflow.StoppedError
		notDone *workflow.CommentNotWrittenError
		unknown *workflow.CommentUnknownError
	)
	switch {
	case errors.As(err, &dup):
		diags.Append(duplicateCommentError(dup.Comment))
	case errors.As(err, &search):
		common.AddError(diags, path.Root("allow_duplicate"), "Cannot look for an identical comment",
			"Before writing, the provider looks for an identical comment that an interrupted run may have written; that search "+
				"failed, so nothing was written (writing without it could write the comment twice). Apply again, or set "+
				"allow_duplicate = true to write without searching.\n\n"+common.DescribeError(search.Err))
	case errors.As(err, &stopped):
		diags.AddError("Stopped before writing the comment",
			"Terraform asked the provider to stop before the comment was sent. Nothing was written; the next apply writes it.")
	case errors.As(err, &notDone):
		common.AddAPIError(diags, path.Root("message"), "Cannot write the comment on post "+mediaID, notDone.Err)
	case errors.As(err, &unknown):
		diags.AddError("The comment may have been written",
			fmt.Sprintf("The answer to writing the comment on post %s was lost (%v), and reading the post's comments afterwards "+
				"failed, so it is unknown whether the comment exists. It was not sent again, because that could write it twice. "+
				"The next apply looks for an identical comment by the account: if it finds one, it stops and names it with the "+
				"import block that adopts it; otherwise it writes the comment.\n\n%s", mediaID, common.DescribeError(unknown.Cause), common.DescribeError(unknown.Err)))
	default:
		common.AddAPIError(diags, path.Root("message"), "Cannot write the comment on post "+mediaID, err)
	}
}

func duplicateCommentError(dup *graph.Comment) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("allow_duplicate"), "An identical comment already exists",
		fmt.Sprintf("Comment %s by @%s, written at %s, is what this resource would write (same post, same reply_to thread, same "+
			"message), and no resource of this run holds it: most likely an earlier run was stopped while writing it. Writing "+
			"again would show it twice, so nothing is written.\n\n"+
			"To adopt that comment, add an import block whose `to` is this resource's address (shown above):\n\n"+
			"  import {\n    to = instagram_comment.NAME\n    id = %q\n  }\n\n"+
			"or run `terraform import instagram_comment.NAME %s`. If another resource of this configuration already manages "+
			"comment %s, this one duplicates it: remove one of them, or set allow_duplicate = true to write a second, identical comment.",
			dup.ID, dup.Username, common.GraphTime(dup.Timestamp).ValueString(), dup.ID, dup.ID, dup.ID))
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
	var stopped *workflow.StoppedError
	switch err := r.commenter().Delete(ctx, state.ID.ValueString()); {
	case errors.As(err, &stopped):
		resp.Diagnostics.AddError("Stopped before deleting the comment",
			"Terraform asked the provider to stop before comment "+state.ID.ValueString()+" was deleted. It still exists; the next apply deletes it.")
	case err != nil:
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
