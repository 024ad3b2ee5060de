package media

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Media types a user can publish (the `type` attribute).
const (
	mediaTypeImage    = "IMAGE"
	mediaTypeReels    = "REELS"
	mediaTypeCarousel = "CAROUSEL"
	mediaTypeStories  = "STORIES"
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

func (r *mediaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := common.Decode[mediaModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	account, ok := r.Data.ResolveAccount(ctx, plan.AccountID, &resp.Diagnostics)
	if !ok {
		return
	}
	plan.AccountID = types.StringValue(account)
	if resp.Diagnostics.Append(videoFilesAsPlanned(ctx, &r.Data.Files, &plan)...); resp.Diagnostics.HasError() {
		return
	}

	post, diags := postOf(ctx, &plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	res, err := r.publisher(account).Publish(ctx, post)
	if err != nil {
		addPublishError(&resp.Diagnostics, path.Empty(), err)
		return
	}

	// The post is public now: record it whatever else happens. A failed
	// read-back is a warning, not an error, so the resource is not tainted
	// (a tainted post would be replaced, i.e. published again).
	plan.ID = types.StringValue(res.MediaID)
	plan.ContainerID = types.StringValue(res.ContainerID)
	if res.Media != nil {
		applyMedia(&plan, res.Media)
	} else {
		setUnknownsNull(&plan)
		publishedUnreadable(&resp.Diagnostics, res.MediaID, res.ReadErr)
	}
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
}

func (r *mediaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := common.Decode[mediaModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	// Concurrent refreshes share requests (common.MediaReader).
	media, err := r.Data.MediaReader(mediaReadFields).Get(ctx, state.AccountID.ValueString(), state.ID.ValueString())
	if graph.IsNotFound(err) {
		if storyExpired(state, r.Data.Now()) {
			// Stories leave Instagram after 24 hours by design: that is the
			// post's normal life, not drift, so keep it rather than re-publish.
			resp.Diagnostics.AddWarning("Story has expired",
				fmt.Sprintf("Story %s was published at %s and is no longer visible on Instagram, as stories expire after 24 hours. "+
					"Terraform keeps it in state so it is not published again; remove the resource when it is no longer wanted.",
					state.ID.ValueString(), state.Timestamp.ValueString()))
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
	if state.DeletionPolicy.IsNull() {
		state.DeletionPolicy = types.StringValue(effectiveDeletionPolicy(r.Data, state.DeletionPolicy))
	}
	common.Save(ctx, &resp.State, resp.Identity, &state, &resp.Diagnostics)
}

func (r *mediaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Only Terraform-side settings (deletion_policy, timeouts) and inputs
	// adopted after an import reach Update; everything else replaces the post.
	plan, ok := common.Decode[mediaModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	common.Save(ctx, &resp.State, resp.Identity, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
}

func (r *mediaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := common.Decode[mediaModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if effectiveDeletionPolicy(r.Data, state.DeletionPolicy) == deletionPolicyRetain {
		// A replacement publishes next in this process: the post kept here is
		// its predecessor, not a duplicate an interrupted run left behind.
		r.Data.AccountFor(state.ID.ValueString())
		resp.Diagnostics.AddWarning("Post kept on Instagram",
			fmt.Sprintf("deletion_policy is %q: post %s (%s) was removed from the Terraform state but is still published on Instagram.",
				deletionPolicyRetain, state.ID.ValueString(), state.Permalink.ValueString()))
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

	_, err := r.Data.Client.Media.Delete(ctx, state.ID.ValueString())
	if err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot delete Instagram post", err)
	}
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
	for _, s := range []*types.String{&m.Permalink, &m.Shortcode, &m.MediaType, &m.MediaProductType, &m.Timestamp, &m.Username, &m.ContainerID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.ChildrenIDs.IsUnknown() {
		m.ChildrenIDs = types.ListNull(types.StringType)
	}
}

// resourceTypeOf maps Instagram's media_type/media_product_type to `type`.
func resourceTypeOf(m *graph.Media) string {
	switch {
	case m.MediaType == "CAROUSEL_ALBUM":
		return mediaTypeCarousel
	case m.MediaProductType == "STORY":
		return mediaTypeStories
	case m.MediaType == "VIDEO" || m.MediaProductType == "REELS":
		return mediaTypeReels
	default:
		return mediaTypeImage
	}
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
