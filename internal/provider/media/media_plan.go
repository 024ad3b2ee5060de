package media

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// ModifyPlan plans instagram_media in named steps: a destroy, a create, an
// update of a post not on Instagram yet (scheduled or missed), an update of
// a published post — and, first, the common case of a plan over many posts
// where nothing changes (unchanged). Each step says loudly what a new post
// means.
func (r *mediaResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	switch {
	case req.Plan.Raw.IsNull():
		r.planDestroy(ctx, req, resp)
		return
	case r.unchanged(ctx, req):
		return
	}
	var plan, config mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !r.planCommon(ctx, req, &plan, config, &resp.Diagnostics) {
		return
	}
	decided := true // false: the clock may decide otherwise at the apply (settled)
	if r.Data != nil {
		if req.State.Raw.IsNull() {
			decided = r.planCreate(ctx, &plan, &resp.Diagnostics)
		} else {
			var state mediaModel
			resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
			imported, diags := common.PrivateFlag(ctx, req.Private, privateKeyImported)
			resp.Diagnostics.Append(diags...)
			if resp.Diagnostics.HasError() {
				return
			}
			if onInstagram(&state) {
				r.planPublishedUpdate(ctx, &plan, &state, imported, &resp.Diagnostics)
			} else {
				decided = r.planScheduledUpdate(ctx, &plan, &state, &resp.Diagnostics)
			}
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	if !decided && !resp.Plan.Raw.Equal(req.State.Raw) {
		// A change (a plan without one is not planned again at the apply)
		// whose outcome the clock may turn before the apply: the apply
		// decides, and may publish.
		if !r.mayPublish(ctx, &plan, &resp.Diagnostics) {
			return
		}
		leaveToApply(&plan)
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
}

// planDestroy warns, once, that a retained post stays on Instagram. A
// scheduled or missed post is not on Instagram: destroying it sends nothing.
func (r *mediaResource) planDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var state mediaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if r.Data != nil && onInstagram(&state) && effectiveDeletionPolicy(r.Data, state.DeletionPolicy) == deletionPolicyRetain {
		resp.Diagnostics.AddWarning("Destroy keeps the post on Instagram",
			fmt.Sprintf("Post %s (%s) will be removed from the Terraform state only (deletion_policy = %q); it stays published.",
				state.ID.ValueString(), state.Permalink.ValueString(), deletionPolicyRetain))
	}
}

// planCommon is what every create and update plans first, before any API
// call: the video files' hashes, the media a new post needs, the
// login-dependent default of deletion_policy and the default account. It
// reports false when the plan cannot go on.
func (r *mediaResource) planCommon(ctx context.Context, req resource.ModifyPlanRequest, plan *mediaModel, config mediaModel, diags *diag.Diagnostics) bool {
	// The files' content is part of what is published: hash it now
	// (media_video_file.go).
	files := &common.FileHashes{} // before the provider is configured: no run to share it with
	if r.Data != nil {
		files = &r.Data.Files
	}
	if diags.Append(setVideoFileHashes(ctx, files, plan)...); diags.HasError() {
		return false
	}
	if req.State.Raw.IsNull() {
		// A new post needs its media, also a scheduled one.
		if diags.Append(missingMedia(*plan, "")...); diags.HasError() {
			return false
		}
	}
	if r.Data == nil {
		return true // provider not configured yet; nothing login-dependent to decide
	}
	if r.Data.Login == common.LoginInstagram && usesVideoFiles(ctx, *plan) {
		diags.AddWarning("Video uploads are documented for Facebook login",
			"Meta's resumable upload guide (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads) "+
				"says uploads are available to apps with Facebook Login for Business, while its IG User Media reference lists "+
				"upload_type for both logins. With Instagram login the upload may be refused at apply; host the video and use "+
				"video_url if it is.")
	}
	if r.Data.Login == common.LoginInstagram {
		for _, in := range mediaInputs {
			if in.facebookLogin && !in.value(plan).IsNull() {
				diags.AddAttributeError(path.Root(in.name), in.name+" needs Facebook login",
					fmt.Sprintf("Meta offers %s with the Instagram API with Facebook Login (graph.facebook.com) only; this provider "+
						"uses Instagram login. Remove %s, or configure a Facebook-login token.", in.name, in.name))
			}
		}
		if diags.HasError() {
			return false
		}
	}
	switch {
	case config.DeletionPolicy.IsNull():
		plan.DeletionPolicy = types.StringValue(effectiveDeletionPolicy(r.Data, types.StringNull()))
	case config.DeletionPolicy.ValueString() == deletionPolicyDelete && r.Data.Login == common.LoginInstagram:
		diags.AddAttributeError(path.Root("deletion_policy"), "Posts cannot be deleted with Instagram login",
			"The Instagram API with Instagram login (graph.instagram.com) cannot delete posts. Set deletion_policy = \"retain\": "+
				"destroying or republishing the post then leaves it on Instagram and only removes it from Terraform.")
		return false
	}
	if plan.AccountID.IsUnknown() && req.State.Raw.IsNull() {
		// Resolve the default account now, so the plan shows where the post goes.
		account, d := r.Data.AccountID(ctx, "", path.Root("account_id"))
		if diags.Append(d...); diags.HasError() {
			return false
		}
		plan.AccountID = types.StringValue(account)
	}
	return true
}

// planCreate: a new post is published by the apply, or waits for its
// publish_at (scheduled), or has missed it already. It reports whether
// that is settled (else the apply decides).
func (r *mediaResource) planCreate(ctx context.Context, plan *mediaModel, diags *diag.Diagnostics) bool {
	if !r.accountReachable(ctx, plan, diags) {
		return true
	}
	now, s := r.Data.Now(), scheduleOf(plan)
	decideSchedule(ctx, plan, nil, now)
	switch {
	case plan.PublishAt.IsUnknown():
		diags.AddAttributeWarning(path.Root("publish_at"), "publish_at is known only at apply",
			"The apply decides by its clock whether this post is published then, scheduled, or has missed its time.")
	case plan.Status.ValueString() == statusPublished:
		r.notePost(ctx, plan, now, true, diags)
	case plan.Status.ValueString() == statusScheduled:
		r.notePost(ctx, plan, s.at, true, diags)
		diags.AddWarning("Post scheduled for "+s.when(),
			fmt.Sprintf("This post is not published by this apply. It is recorded as scheduled, and the first apply at or after "+
				"%s (and no later than %s, publish_window) publishes it: run terraform apply on a timer, e.g. every 15 minutes. "+
				"Until then every input can change in place and removing it sends nothing to Instagram.",
				s.when(), s.at.Add(s.window).Format(time.RFC3339)))
	case plan.Status.ValueString() == statusMissed:
		diags.Append(missedOnCreateWarning(s))
	}
	return settled(ctx, plan, now)
}

// planScheduledUpdate: the post is not on Instagram yet, so every input
// changes in place; its time decides whether this apply publishes it, stages
// its video, or lets it miss. It reports whether that is settled (else the
// apply decides).
func (r *mediaResource) planScheduledUpdate(ctx context.Context, plan, state *mediaModel, diags *diag.Diagnostics) bool {
	now, s := r.Data.Now(), scheduleOf(plan)
	stage := decideSchedule(ctx, plan, state, now)
	if plan.Status.ValueString() == statusPublished && !r.mayPublish(ctx, plan, diags) {
		return true
	}
	switch plan.Status.ValueString() {
	case statusPublished:
		r.notePost(ctx, plan, now, true, diags)
		switch {
		case s.at.IsZero() && state.Status.ValueString() == statusMissed:
			diags.AddWarning("Missed post publishes now",
				"publish_at was removed from a post that missed its time: this apply publishes it now.")
		case !s.at.IsZero():
			diags.AddWarning("Scheduled post publishes now",
				fmt.Sprintf("This apply publishes the post scheduled for %s: its time has come.", s.when()))
		}
	case statusScheduled:
		changed := !scheduledInputsEqual(plan, state)
		r.notePost(ctx, plan, s.at, changed || !plan.PublishAt.Equal(state.PublishAt), diags)
		if state.Status.ValueString() == statusMissed {
			diags.AddWarning("Post rescheduled for "+s.when(),
				fmt.Sprintf("The post that missed its time is scheduled again: the first apply at or after %s (and no later than %s) publishes it.",
					s.when(), s.at.Add(s.window).Format(time.RFC3339)))
		}
		if stage {
			diags.AddWarning("Staging the video of a scheduled post",
				fmt.Sprintf("This apply uploads the video of the post scheduled for %s and waits until Instagram has processed it, "+
					"so that the run at its time only publishes. Nothing is published now.", s.when()))
		}
	case statusMissed:
		if state.Status.ValueString() != statusMissed || !plan.PublishAt.Equal(state.PublishAt) {
			diags.Append(missedWarning(s))
		}
	}
	return settled(ctx, plan, now)
}

// mayPublish checks what a new post needs before a plan in which the apply
// may publish one: its media, and an account the token reaches.
func (r *mediaResource) mayPublish(ctx context.Context, plan *mediaModel, diags *diag.Diagnostics) bool {
	if diags.Append(missingMedia(*plan, "")...); diags.HasError() {
		return false
	}
	return r.accountReachable(ctx, plan, diags)
}

// planPublishedUpdate: a changed input republishes the post (a new post
// replaces it, media_republish.go); a replaced post still to be deleted is
// deleted; anything else changes Terraform-side settings only.
func (r *mediaResource) planPublishedUpdate(ctx context.Context, plan, state *mediaModel, imported bool, diags *diag.Diagnostics) {
	// A state from before status existed keeps it null until a refresh
	// reads the post (Read records "published"), so that a -refresh=false
	// plan of an upgraded workspace changes nothing.
	plan.Status, plan.ReplacedID, plan.CollaboratorInvites = state.Status, state.ReplacedID, state.CollaboratorInvites
	if !state.Status.IsNull() {
		plan.Status = types.StringValue(statusPublished)
	}
	changed := replacedInputs(*plan, *state, imported)
	switch {
	case len(changed) > 0:
		plan.Status = types.StringValue(statusPublished)
		if diags.Append(missingMedia(*plan, describePaths(changed))...); diags.HasError() || !r.accountReachable(ctx, plan, diags) {
			return
		}
		publishing(plan)
		r.notePost(ctx, plan, r.Data.Now(), true, diags)
		diags.AddWarning("This change publishes a new Instagram post", republishWarning(describePaths(changed), state, plan.DeletionPolicy.ValueString()))
	case !state.ReplacedID.IsNull():
		plan.ReplacedID = types.StringNull()
		if plan.DeletionPolicy.ValueString() == deletionPolicyDelete {
			diags.AddWarning("Deletes the post this one replaced",
				fmt.Sprintf("Post %s replaced post %s, which could not be deleted then; this apply deletes it.", state.ID.ValueString(), state.ReplacedID.ValueString()))
		}
	}
}

// accountReachable checks, before a post is planned to be published, that
// its account_id is an Instagram account this token reaches: an unknown or
// unreachable id is an error on account_id, not a failure at apply
// (common.CheckAccount reads it once per account and run). An account_id
// known only at apply is checked then.
func (r *mediaResource) accountReachable(ctx context.Context, plan *mediaModel, diags *diag.Diagnostics) bool {
	if plan.AccountID.IsUnknown() || plan.AccountID.IsNull() {
		return true
	}
	return r.Data.CheckAccount(ctx, plan.AccountID.ValueString(), path.Root("account_id"), diags)
}

// notePost adds the post to the plan's publishing calendar
// (common.PlanQuota), which warns when a 24-hour window exceeds the quota.
func (r *mediaResource) notePost(ctx context.Context, plan *mediaModel, at time.Time, changes bool, diags *diag.Diagnostics) {
	label := "a " + strings.ToLower(plan.Type.ValueString()) + " post"
	if !plan.Caption.IsNull() && !plan.Caption.IsUnknown() {
		label = strconv.Quote(common.DisplayText(plan.Caption.ValueString(), 40))
	}
	r.Data.PlanQuota.Note(ctx, plan.AccountID.ValueString(), common.PlannedPost{At: at, Label: label, Changes: changes}, diags)
}

// publishing marks what Instagram gives a post as known only after this
// apply publishes it.
func publishing(plan *mediaModel) {
	for _, s := range []*types.String{&plan.ID, &plan.Permalink, &plan.Shortcode, &plan.MediaType, &plan.MediaProductType,
		&plan.Timestamp, &plan.Username, &plan.ContainerID, &plan.ReplacedID} {
		*s = types.StringUnknown()
	}
	plan.ChildrenIDs = types.ListUnknown(types.StringType)
	plan.CollaboratorInvites = types.MapUnknown(types.StringType)
}

// notOnInstagramYet nulls what Instagram gives a post (it has none yet);
// stage leaves container_id to the apply that stages the video.
func notOnInstagramYet(plan *mediaModel, stage bool) {
	for _, s := range []*types.String{&plan.ID, &plan.Permalink, &plan.Shortcode, &plan.MediaType, &plan.MediaProductType,
		&plan.Timestamp, &plan.Username, &plan.ContainerID, &plan.ReplacedID} {
		*s = types.StringNull()
	}
	plan.ChildrenIDs = types.ListNull(types.StringType)
	plan.CollaboratorInvites = types.MapNull(types.StringType)
	if stage {
		plan.ContainerID = types.StringUnknown()
	}
}

// scheduledInputsEqual: the post's inputs (what a staged container was
// made from) are the plan's.
func scheduledInputsEqual(plan, state *mediaModel) bool {
	if !plan.Type.Equal(state.Type) || !plan.AccountID.Equal(state.AccountID) {
		return false
	}
	for _, in := range mediaInputs {
		if !in.replacementValue(plan).Equal(in.replacementValue(state)) {
			return false
		}
	}
	return true
}

// missedOnCreateWarning: a new post whose publish_at and publish_window
// are over is recorded as missed, and nothing is published. (Terraform does
// not show it for the new half of a replacement, -replace: the plan shows
// status becoming "missed".)
func missedOnCreateWarning(s schedule) diag.Diagnostic {
	return diag.NewAttributeWarningDiagnostic(path.Root("publish_at"), "The post's time is over: nothing is published",
		fmt.Sprintf("publish_at (%s) plus publish_window (%s) ended at %s, before this plan, and a post is never published "+
			"later than that: the post is recorded as missed and nothing is published. To publish it, set publish_at to a "+
			"new time, or remove publish_at to publish it with this apply.",
			s.when(), s.window, s.at.Add(s.window).Format(time.RFC3339)))
}

func missedWarning(s schedule) diag.Diagnostic {
	return diag.NewAttributeWarningDiagnostic(path.Root("publish_at"), "Scheduled post missed its time",
		fmt.Sprintf("The post scheduled for %s was not published: no apply published it between that time and the end of "+
			"its publish_window (%s, at %s), and a post is never published later than that. Nothing was published. To publish it, "+
			"set publish_at to a new time (or remove publish_at to publish it with the next apply).",
			s.when(), s.window, s.at.Add(s.window).Format(time.RFC3339)))
}

// republishWarning says what republishing a published post does, in order.
func republishWarning(changed string, state *mediaModel, policy string) string {
	old := "deleted from Instagram, and its likes and comments go with it"
	if policy == deletionPolicyRetain {
		old = "left on Instagram (deletion_policy = \"retain\"), with its likes and comments, and removed from Terraform"
	}
	return fmt.Sprintf("Instagram posts cannot be edited through the API, so changing %s republishes post %s (%s). In this order: "+
		"a new post with a new permalink is published now (one more unit of the 24-hour publishing quota; publish_at does not "+
		"delay it, since the post is already published); then the old post is %s. If the new post cannot be published, the "+
		"old one stays, on Instagram and in the state.", changed, state.ID.ValueString(), state.Permalink.ValueString(), old)
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
// plan over many posts: Terraform proposes the state as it is, the post is
// published (a scheduled one's time may have come) with no replaced post
// to delete, no local video file could have changed under it (carousels
// and video_file posts take the full path) and deletion_policy is already
// what this login makes of the configuration. It reads six attributes
// instead of decoding the plan, the configuration and the state (make bench
// measures the cost).
func (r *mediaResource) unchanged(ctx context.Context, req resource.ModifyPlanRequest) bool {
	if r.Data == nil || req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var videoFile, stateDP, configDP, status, replaced types.String
	var children types.List
	for _, d := range []diag.Diagnostics{
		req.State.GetAttribute(ctx, path.Root("status"), &status),
		req.State.GetAttribute(ctx, path.Root("replaced_id"), &replaced),
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
	return status.ValueString() == statusPublished && replaced.IsNull() && videoFile.IsNull() && children.IsNull() &&
		stateDP.ValueString() == policy && (policy != deletionPolicyDelete || r.Data.Login != common.LoginInstagram)
}
