package media

import (
	"context"
	"errors"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

// Media types a user can publish (the `type` attribute): Graph's container
// media types.
const (
	mediaTypeImage    = graph.MediaTypeImage
	mediaTypeReels    = graph.MediaTypeReels
	mediaTypeCarousel = graph.MediaTypeCarousel
	mediaTypeStories  = graph.MediaTypeStories
)

const (
	deletionPolicyDelete = "delete"
	deletionPolicyRetain = "retain"

	defaultCreateTimeout = 15 * time.Minute
	defaultDeleteTimeout = 5 * time.Minute
)

// privateKeyImported marks a resource that came from `terraform import`: inputs
// the API cannot return (URLs, tags, location…) are then adopted from the
// configuration instead of forcing a new post.
const privateKeyImported = "imported"

// mediaReadFields are the fields Read asks for: stable values only. Counters
// and CDN URLs change all the time and belong to the data sources.
var mediaReadFields = []string{
	"id", "caption", "media_type", "media_product_type", "permalink", "shortcode",
	"timestamp", "username", "alt_text", "is_shared_to_feed", "owner", "children{id}",
}

var (
	_ resource.Resource                   = (*mediaResource)(nil)
	_ resource.ResourceWithConfigure      = (*mediaResource)(nil)
	_ resource.ResourceWithImportState    = (*mediaResource)(nil)
	_ resource.ResourceWithIdentity       = (*mediaResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*mediaResource)(nil)
	_ resource.ResourceWithValidateConfig = (*mediaResource)(nil)
)

// NewMediaResource is the instagram_media resource: one published post.
func NewMediaResource() resource.Resource {
	return &mediaResource{ResourceBase: common.NewResourceBase("media")}
}

type mediaResource struct{ common.ResourceBase }

// Metadata: a post's identity changes when it is republished (a new media
// id) and when a scheduled post is published (it had none).
func (r *mediaResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.ResourceBase.Metadata(ctx, req, resp)
	resp.ResourceBehavior.MutableIdentity = true
}

func (r *mediaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := common.Decode[mediaModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel, ok := createTimeout(ctx, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	// Checked in the plan already (planCreate): free here.
	account, ok := r.Data.ReachableAccount(ctx, plan.AccountID, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.AccountID = types.StringValue(account)
	if plan.Status.IsUnknown() {
		r.decideAtApply(ctx, &plan, nil, &resp.Diagnostics) // left to the apply by the plan (settled)
	}
	switch {
	case plan.Status.ValueString() == statusPublished:
		ok = r.publishPlanned(ctx, &plan, "", false, "", &resp.Diagnostics)
	case plan.ContainerID.IsUnknown():
		ok = r.stage(ctx, &plan, &resp.Diagnostics)
	case plan.Status.ValueString() == statusMissed:
		ok = r.confirmMissed(ctx, &plan, false, &resp.Diagnostics)
	}
	if ok {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	}
}

func (r *mediaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[mediaModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if !onInstagram(&state) {
		// Scheduled or missed: there is nothing on Instagram to read yet.
		common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
		return
	}
	// Concurrent refreshes share requests (common.MediaReader).
	media, err := r.Data.MediaReader(mediaReadFields).Get(ctx, state.AccountID.ValueString(), state.ID.ValueString())
	if graph.IsNotFound(err) {
		if storyExpired(state, r.Data.Now()) {
			// Stories leave Instagram after 24 hours by design: that is the
			// post's normal life, not drift, so keep it, quietly (a calendar
			// holds many), rather than publish it again.
			common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
			return
		}
		common.Gone(ctx, req, resp)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read Instagram post", err)
		return
	}

	imported, diags := common.PrivateFlag(ctx, req.Private, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	if imported && state.AccountID.IsNull() {
		state.AccountID = r.Data.OwnerOf(ctx, media, &resp.Diagnostics)
	}
	applyMedia(&state, media)
	state.Status = types.StringValue(statusPublished)
	r.readCollaborators(ctx, &state)
	switch {
	case state.DeletionPolicy.IsNull() && imported:
		// A post that existed before Terraform is kept unless the
		// configuration says to delete it: a plan shows that change.
		state.DeletionPolicy = types.StringValue(deletionPolicyRetain)
	case state.DeletionPolicy.IsNull():
		state.DeletionPolicy = types.StringValue(effectiveDeletionPolicy(r.Data, state.DeletionPolicy))
	}
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

// Update does what ModifyPlan planned (media_plan.go): publish a scheduled
// post whose time has come, republish a changed post (media_republish.go),
// stage a scheduled video, delete a replaced post, or only record
// Terraform-side settings, inputs adopted after an import and a scheduled
// post's new inputs or status.
func (r *mediaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, ok := common.Decode[mediaModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	state, ok := common.Decode[mediaModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel, ok := createTimeout(ctx, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	if plan.Status.IsUnknown() && !onInstagram(&state) {
		r.decideAtApply(ctx, &plan, &state, &resp.Diagnostics) // left to the apply by the plan (settled)
	}
	switch {
	case plan.Status.ValueString() == statusPublished && !onInstagram(&state):
		ok = r.publishScheduled(ctx, &plan, &state, &resp.Diagnostics)
	case plan.Status.ValueString() == statusMissed && state.Status.ValueString() == statusScheduled:
		ok = r.confirmMissed(ctx, &plan, true, &resp.Diagnostics)
	case plan.ID.IsUnknown():
		ok = r.republish(ctx, &plan, &state, &resp.Diagnostics)
	case plan.ContainerID.IsUnknown():
		ok = r.stage(ctx, &plan, &resp.Diagnostics)
	case !state.ReplacedID.IsNull() && plan.ReplacedID.IsNull():
		r.deleteReplaced(ctx, &plan, state.ReplacedID.ValueString(), &resp.Diagnostics)
	}
	if ok {
		common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
	}
}

func (r *mediaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[mediaModel](ctx, req.State, &resp.Diagnostics)
	if !ok || !onInstagram(&state) {
		return // a scheduled or missed post is not on Instagram: nothing to send
	}
	if effectiveDeletionPolicy(r.Data, state.DeletionPolicy) == deletionPolicyRetain {
		// The plan said so (planDestroy). A replacement that publishes next in
		// this process (-replace) may look like the post kept here: it is its
		// predecessor, not a leftover of an interrupted run.
		r.Data.AccountFor(state.ID.ValueString())
		return
	}
	if r.Data.Login == common.LoginInstagram {
		resp.Diagnostics.AddAttributeError(path.Root("deletion_policy"), "Posts cannot be deleted with Instagram login",
			"The Instagram API with Instagram login has no media delete. Set deletion_policy = \"retain\" to remove the post from "+
				"Terraform and keep it on Instagram, or use a Facebook login token with the instagram_manage_contents permission.")
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for _, id := range []types.String{state.ReplacedID, state.ID} {
		if id.IsNull() {
			continue
		}
		if _, err := r.Data.Client.Media.Delete(ctx, id.ValueString()); err != nil && !graph.IsNotFound(err) {
			common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot delete Instagram post "+id.ValueString(), err)
			return
		}
	}
}

// createTimeout bounds what publishing a post may take (timeouts.create).
func createTimeout(ctx context.Context, plan mediaModel, diags *diag.Diagnostics) (context.Context, context.CancelFunc, bool) {
	timeout, d := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	if diags.Append(d...); diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	return ctx, cancel, true
}

// publishPlanned publishes the planned post — from its staged container
// when it has one — and records in plan what Instagram gave it. It reports
// false when nothing was published. inState: the resource is in the state
// already (a scheduled post, or held, the post it republishes).
func (r *mediaResource) publishPlanned(ctx context.Context, plan *mediaModel, staged string, inState bool, held string, diags *diag.Diagnostics) bool {
	if diags.Append(videoFilesAsPlanned(ctx, &r.Data.Files, plan)...); diags.HasError() {
		return false
	}
	post, d := postOf(ctx, plan)
	if diags.Append(d...); diags.HasError() {
		return false
	}
	pub := r.publisher(plan.AccountID.ValueString())
	var res *workflow.Result
	var err error
	if staged != "" {
		res, err = pub.PublishStaged(ctx, post, staged)
	} else {
		res, err = pub.Publish(ctx, post)
	}
	var dup *workflow.DuplicateError
	switch {
	case errors.As(err, &dup) && inState:
		diags.Append(duplicateInStateError(dup.Post, held))
		return false
	case err != nil:
		addPublishError(diags, path.Empty(), err)
		return false
	}
	// The post is public now: record it whatever else happens. A failed
	// read-back is a warning, not an error, so the resource is not tainted
	// (a tainted post would be replaced, i.e. published again).
	plan.ID = types.StringValue(res.MediaID)
	plan.ContainerID = types.StringValue(res.ContainerID)
	plan.Status = types.StringValue(statusPublished)
	if plan.ReplacedID.IsUnknown() {
		plan.ReplacedID = types.StringNull()
	}
	if res.Media != nil {
		applyMedia(plan, res.Media)
	} else {
		setUnknownsNull(plan)
		publishedUnreadable(diags, res.MediaID, res.ReadErr)
	}
	r.readCollaborators(ctx, plan)
	return true
}

// readCollaborators reads the invited collaborators' answers
// (GET /{ig-media-id}/collaborators, Facebook login) into
// collaborator_invites: null without collaborators or with Instagram login.
// A failed read keeps what was known: it is a courtesy, not the post.
func (r *mediaResource) readCollaborators(ctx context.Context, m *mediaModel) {
	if m.Collaborators.IsNull() || r.Data.Login == common.LoginInstagram {
		m.CollaboratorInvites = types.MapNull(types.StringType)
		return
	}
	list, _, err := r.Data.Client.Collaboration.Collaborators(ctx, m.ID.ValueString())
	if err != nil {
		tflog.Warn(ctx, "cannot read the post's collaborators", map[string]any{"media_id": m.ID.ValueString(), "error": err.Error()})
		if m.CollaboratorInvites.IsUnknown() {
			m.CollaboratorInvites = types.MapNull(types.StringType)
		}
		return
	}
	answers := make(map[string]attr.Value, len(list))
	for _, c := range list {
		answers[c.Username] = types.StringValue(graph.InviteAnswer(c.InviteStatus))
	}
	m.CollaboratorInvites = types.MapValueMust(types.StringType, answers)
}

// publishScheduled publishes a scheduled post whose time has come, unless
// its window closed while the plan waited for approval.
func (r *mediaResource) publishScheduled(ctx context.Context, plan, state *mediaModel, diags *diag.Diagnostics) bool {
	if s := scheduleOf(plan); s.missed(r.Data.Now()) {
		diags.Append(missedWarning(s))
		diags.AddError("Scheduled post missed its time", "The plan was made within the post's publish_window, but the window "+
			"closed before the apply ran. Nothing was published; the post stays scheduled, and the next plan shows it as missed.")
		return false
	}
	return r.publishPlanned(ctx, plan, state.ContainerID.ValueString(), true, "", diags)
}

// stage creates and uploads a scheduled video's containers and waits until
// Instagram has processed them (container_id); nothing is published.
func (r *mediaResource) stage(ctx context.Context, plan *mediaModel, diags *diag.Diagnostics) bool {
	if diags.Append(videoFilesAsPlanned(ctx, &r.Data.Files, plan)...); diags.HasError() {
		return false
	}
	post, d := postOf(ctx, plan)
	if diags.Append(d...); diags.HasError() {
		return false
	}
	id, err := r.publisher(plan.AccountID.ValueString()).Stage(ctx, post)
	if err != nil {
		addPublishError(diags, path.Empty(), err)
		return false
	}
	plan.ContainerID = types.StringValue(id)
	return true
}

// IdentitySchema: a post is its media id, within an account.
func (r *mediaResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(
		common.IdentityAttr{Name: "id", Description: "Instagram media id of the post."},
		common.IdentityAttr{Name: "account_id", Optional: true, Description: "Instagram user id that published it; defaults to the provider's account."},
	)
}

func (r *mediaResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if common.NumericImportID("its numeric Instagram media id", "17895695668004550").Import(ctx, r.TypeName(), req, resp) {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, []byte(`true`))...)
	}
}

// applyMedia copies what the API returned into the model. Inputs the API
// returns (media_inputs.go's read-back rows) are refreshed so that edits
// made in the app show up as drift.
func applyMedia(m *mediaModel, media *graph.Media) {
	m.ID = types.StringValue(media.ID)
	m.Permalink = types.StringValue(media.Permalink)
	m.Shortcode = types.StringValue(media.Shortcode)
	m.MediaType = types.StringValue(media.MediaType)
	m.MediaProductType = types.StringValue(media.MediaProductType)
	m.Timestamp = common.GraphTime(media.Timestamp)
	m.Username = types.StringValue(media.Username)
	if m.Type.IsNull() || m.Type.IsUnknown() {
		m.Type = types.StringValue(resourceTypeOf(media))
	}
	readInputs(m, media)
	ids := []attr.Value{}
	if media.Children != nil {
		for _, c := range media.Children.Data {
			ids = append(ids, types.StringValue(c.ID))
		}
	}
	if m.Type.ValueString() == mediaTypeCarousel {
		m.ChildrenIDs = types.ListValueMust(types.StringType, ids)
	} else {
		m.ChildrenIDs = types.ListNull(types.StringType)
	}
	if m.DeletionPolicy.IsUnknown() {
		m.DeletionPolicy = types.StringNull()
	}
	setUnknownsNull(m)
}

// setUnknownsNull replaces unknown computed values with null so a state can
// always be saved, even after a partial failure.
func setUnknownsNull(m *mediaModel) {
	for _, s := range []*types.String{&m.Permalink, &m.Shortcode, &m.MediaType, &m.MediaProductType, &m.Timestamp, &m.Username, &m.ContainerID, &m.ReplacedID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.ChildrenIDs.IsUnknown() {
		m.ChildrenIDs = types.ListNull(types.StringType)
	}
	if m.CollaboratorInvites.IsUnknown() {
		m.CollaboratorInvites = types.MapNull(types.StringType)
	}
}

// resourceTypeOf is the `type` of a published post (graph.ContainerType).
func resourceTypeOf(m *graph.Media) string {
	return graph.ContainerType(m.MediaType, m.MediaProductType)
}

func storyExpired(m mediaModel, now time.Time) bool {
	if m.Type.ValueString() != mediaTypeStories {
		return false
	}
	ts, err := time.Parse(time.RFC3339, m.Timestamp.ValueString())
	return err == nil && now.Sub(ts) >= 24*time.Hour
}

// readInputs refreshes the inputs Instagram returns (media_inputs.go's
// readAs): an input it always returns (caption) whatever it is, null when
// Instagram has none; another only when configured and returned.
func readInputs(m *mediaModel, media *graph.Media) {
	for _, in := range mediaInputs {
		if in.readAs == "" {
			continue
		}
		got, returned := media.Field(in.readAs)
		switch {
		case returned && (in.readAlways || !in.value(m).IsNull()):
			in.set(m, attrOf(got, in.value(m)))
		case in.readAlways:
			in.set(m, nullOf(in.value(m)))
		}
	}
}

// attrOf is a value Graph returned as an attribute value like like.
func attrOf(v any, like attr.Value) attr.Value {
	switch v := v.(type) {
	case string:
		return types.StringValue(v)
	case bool:
		return types.BoolValue(v)
	case int64:
		return types.Int64Value(v)
	}
	return like // a field of a type no input has: keep the value
}

// nullOf is the null value of like's type (the zero value of the
// framework's value types is null).
func nullOf(like attr.Value) attr.Value {
	v, _ := reflect.Zero(reflect.TypeOf(like)).Interface().(attr.Value)
	return v
}
