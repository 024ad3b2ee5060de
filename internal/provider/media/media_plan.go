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
	var plan, config mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
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
		return // provider not configured yet; nothing login-dependent to decide
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
// lacks (the inputs media_inputs.go marks required for its type). It is
// checked when a post is about to be published, not in ValidateConfig: a
// post adopted with an import block needs no image_url, video_url or
// children in its configuration, since Instagram cannot return them and
// nothing is published. changed names what replaces an existing post.
func missingMedia(plan mediaModel, changed string) diag.Diagnostics {
	var diags diag.Diagnostics
	typ := plan.Type.ValueString()
	why := fmt.Sprintf("%%s is required when type is %q: it is what Instagram publishes.", typ)
	if changed != "" {
		why = fmt.Sprintf("Changing %s publishes a new post (posts cannot be edited), and a new post of type %q needs %%s.", changed, typ)
	}
	for _, in := range mediaInputs {
		if in.accepts(typ) == required && in.value(&plan).IsNull() {
			diags.AddAttributeError(path.Root(in.name), "Missing required attribute for "+typ, fmt.Sprintf(why, in.name))
		}
	}
	if typ == mediaTypeStories && plan.ImageURL.IsNull() && plan.VideoURL.IsNull() {
		diags.AddAttributeError(path.Root("image_url"), "Stories need exactly one of image_url or video_url",
			"Set image_url for a photo story or video_url for a video story, not both and not neither.")
	}
	return diags
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
		pv, sv := in.value(&plan), in.value(&state)
		if pv.Equal(sv) || (imported && !in.readable && sv.IsNull()) {
			continue
		}
		out = append(out, path.Root(in.name))
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
