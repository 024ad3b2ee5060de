package media

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// ModifyPlan applies the login-dependent default of deletion_policy, decides
// which changes replace the post and says loudly what a new post means.
func (r *mediaResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state mediaModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if r.Data != nil && effectiveDeletionPolicy(r.Data, state.DeletionPolicy) == deletionPolicyRetain {
			resp.Diagnostics.AddWarning("Destroy keeps the post on Instagram",
				fmt.Sprintf("Post %s will be removed from the Terraform state only (deletion_policy = %q); it stays published.",
					state.ID.ValueString(), deletionPolicyRetain))
		}
		return
	}
	if r.unchanged(ctx, req) {
		return
	}
	var plan, config mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The files' content is part of what is published: hash it now, before
	// any API call (media_video_file.go).
	files := &common.FileHashes{} // before the provider is configured: no run to share it with
	if r.Data != nil {
		files = &r.Data.Files
	}
	if resp.Diagnostics.Append(setVideoFileHashes(ctx, files, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		// Before anything that may call the API: a new post needs its media.
		resp.Diagnostics.Append(missingMedia(plan, "")...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	if r.Data == nil {
		// Provider not configured yet; nothing login-dependent to decide.
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}
	if r.Data.Login == common.LoginInstagram && usesVideoFiles(ctx, plan) {
		resp.Diagnostics.AddWarning("Video uploads are documented for Facebook login",
			"Meta's resumable upload guide (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads) "+
				"says uploads are available to apps with Facebook Login for Business, while its IG User Media reference lists "+
				"upload_type for both logins. With Instagram login the upload may be refused at apply; host the video and use "+
				"video_url if it is.")
	}

	switch {
	case config.DeletionPolicy.IsNull():
		plan.DeletionPolicy = types.StringValue(effectiveDeletionPolicy(r.Data, types.StringNull()))
	case config.DeletionPolicy.ValueString() == deletionPolicyDelete && r.Data.Login == common.LoginInstagram:
		resp.Diagnostics.AddAttributeError(path.Root("deletion_policy"), "Posts cannot be deleted with Instagram login",
			"The Instagram API with Instagram login (graph.instagram.com) cannot delete posts. Set deletion_policy = \"retain\": "+
				"destroying or replacing the resource then leaves the post on Instagram and only removes it from Terraform.")
		return
	}
	if plan.AccountID.IsUnknown() && req.State.Raw.IsNull() {
		// Resolve the default account now, so the plan shows where the post goes.
		account, diags := r.Data.AccountID(ctx, "", path.Root("account_id"))
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		plan.AccountID = types.StringValue(account)
	}

	if req.State.Raw.IsNull() {
		r.Data.PlanQuota.NotePublish(ctx, plan.AccountID.ValueString(), &resp.Diagnostics)
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}

	var state mediaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, diags := common.PrivateFlag(ctx, req.Private, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.RequiresReplace = append(resp.RequiresReplace, replacedInputs(plan, state, imported)...)
	if len(resp.RequiresReplace) > 0 {
		resp.Diagnostics.Append(missingMedia(plan, describePaths(resp.RequiresReplace))...)
		if resp.Diagnostics.HasError() {
			return
		}
		r.Data.PlanQuota.NotePublish(ctx, plan.AccountID.ValueString(), &resp.Diagnostics)
		old := "deleted from Instagram"
		if plan.DeletionPolicy.ValueString() == deletionPolicyRetain {
			old = "kept on Instagram (deletion_policy = \"retain\") and removed from Terraform"
		}
		resp.Diagnostics.AddWarning("This change publishes a new Instagram post",
			fmt.Sprintf("Instagram posts cannot be edited through the API, so changing %s replaces post %s (%s): a new post "+
				"with a new permalink is published, using one more unit of the 24-hour publishing quota, and the old post is %s. "+
				"Likes and comments stay with the old post.",
				describePaths(resp.RequiresReplace), state.ID.ValueString(), state.Permalink.ValueString(), old))
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// missingMedia reports the media a new post needs and the configuration
// lacks: one of the inputs media_inputs.go marks media for its type, and
// the required ones (children). It is checked when a post is about to be
// published, not in ValidateConfig: a post adopted with an import block
// needs none of them in its configuration, since Instagram cannot return
// them and nothing is published. changed names what replaces an existing
// post.
func missingMedia(plan mediaModel, changed string) diag.Diagnostics {
	var diags diag.Diagnostics
	typ := plan.Type.ValueString()
	why := fmt.Sprintf("%%s is required when type is %q: it is what Instagram publishes.", typ)
	if changed != "" {
		why = fmt.Sprintf("Changing %s publishes a new post (posts cannot be edited), and a new post of type %q needs %%s.", changed, typ)
	}
	if kinds := mediaOf(mediaInputs, typ); len(kinds) > 0 && len(setNames(kinds, &plan)) == 0 {
		what := orList(kinds)
		if len(kinds) > 1 {
			what = "one of " + what
		}
		diags.AddAttributeError(path.Root(kinds[0].name), "Missing required attribute for "+typ, fmt.Sprintf(why, what))
	}
	for _, in := range mediaInputs {
		if in.accepts(typ) == required && in.value(&plan).IsNull() {
			diags.AddAttributeError(path.Root(in.name), "Missing required attribute for "+typ, fmt.Sprintf(why, in.name))
		}
	}
	return diags
}

// usesVideoFiles reports whether the post uploads a local video file.
func usesVideoFiles(ctx context.Context, m mediaModel) bool {
	if !m.VideoFile.IsNull() {
		return true
	}
	var children []childModel
	if m.Children.IsNull() || m.Children.IsUnknown() || m.Children.ElementsAs(ctx, &children, false).HasError() {
		return false
	}
	for _, c := range children {
		if !c.VideoFile.IsNull() {
			return true
		}
	}
	return false
}

// effectiveDeletionPolicy is deletion_policy, or its login-dependent
// default when unset: posts cannot be deleted with Instagram login.
func effectiveDeletionPolicy(data *common.ProviderData, v types.String) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	if data != nil && data.Login == common.LoginInstagram {
		return deletionPolicyRetain
	}
	return deletionPolicyDelete
}

// replacedInputs lists the inputs whose change needs a new post. After an
// import, inputs the API cannot return are null in state and are adopted
// from the configuration instead (media_inputs.go marks them).
func replacedInputs(plan, state mediaModel, imported bool) path.Paths {
	var out path.Paths
	// An unknown account_id resolves to the same default at apply;
	// UseStateForUnknown keeps it.
	if !plan.AccountID.IsUnknown() && !plan.AccountID.Equal(state.AccountID) {
		out = append(out, path.Root("account_id"))
	}
	if !plan.Type.Equal(state.Type) {
		out = append(out, path.Root("type"))
	}
	for _, in := range mediaInputs {
		pv, sv := in.replacementValue(&plan), in.replacementValue(&state)
		if pv.Equal(sv) || (imported && !in.readAlways && in.value(&state).IsNull()) {
			continue
		}
		out = append(out, path.Root(in.replacementAttr()))
	}
	if imported && !plan.Children.IsNull() && !plan.Children.IsUnknown() && !state.ChildrenIDs.IsNull() &&
		len(plan.Children.Elements()) != len(state.ChildrenIDs.Elements()) && !out.Contains(path.Root("children")) {
		out = append(out, path.Root("children")) // the configuration describes a different carousel
	}
	return out
}

func describePaths(ps path.Paths) string {
	out := ""
	for i, p := range ps {
		switch {
		case i == 0:
		case i == len(ps)-1:
			out += " and "
		default:
			out += ", "
		}
		out += p.String()
	}
	return out
}

// unchanged reports a plan with nothing to decide, the usual case of a
// plan over many posts: Terraform proposes the state as it is, no local
// video file could have changed under it (carousels and video_file posts
// take the full path) and deletion_policy is already what this login makes
// of the configuration. It reads four attributes instead of decoding the
// plan, the configuration and the state (make bench measures the cost).
func (r *mediaResource) unchanged(ctx context.Context, req resource.ModifyPlanRequest) bool {
	if r.Data == nil || req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var videoFile, stateDP, configDP types.String
	var children types.List
	for _, d := range []diag.Diagnostics{
		req.State.GetAttribute(ctx, path.Root("video_file"), &videoFile),
		req.State.GetAttribute(ctx, path.Root("children"), &children),
		req.State.GetAttribute(ctx, path.Root("deletion_policy"), &stateDP),
		req.Config.GetAttribute(ctx, path.Root("deletion_policy"), &configDP),
	} {
		if d.HasError() {
			return false
		}
	}
	policy := effectiveDeletionPolicy(r.Data, configDP)
	return videoFile.IsNull() && children.IsNull() && stateDP.ValueString() == policy &&
		(policy != deletionPolicyDelete || r.Data.Login != common.LoginInstagram)
}
