package media

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Republishing a published post. Posts cannot be edited, so a changed input
// needs a new post. Terraform's replacement destroys first: had Meta then
// refused the new post, the account would have lost the old one. So the
// change is an update that publishes the new post first and only then
// deletes the old one (or, with deletion_policy = "retain", lets it go):
//
//   - the new post cannot be published → nothing changes: the old post stays
//     on Instagram and in the state (Update returns an error without a new
//     state), and the next apply tries again;
//   - the new post is published → the resource takes its id (its identity
//     changes: mutable identity) and the old post is deleted; if that fails,
//     or Terraform asks the provider to stop in between, replaced_id keeps
//     the old post and the next apply deletes it;
//   - the run is killed between the two → the state still holds the old post,
//     and the next apply's duplicate guard finds the new one (it names it,
//     never publishes it a second time).

// republish publishes the planned post, then deletes or lets go of the post
// in state, which it replaces. It reports false when nothing was published.
func (r *mediaResource) republish(ctx context.Context, plan, state *mediaModel, diags *diag.Diagnostics) bool {
	old := state.ID.ValueString()
	// The old post is this resource's, not a leftover the duplicate guard
	// should stop at: the new post may well look like it.
	r.Data.AccountFor(old)
	if !r.publishPlanned(ctx, plan, "", true, old, diags) {
		return false
	}
	if plan.DeletionPolicy.ValueString() == deletionPolicyRetain {
		return true // the plan said the old post stays on Instagram
	}
	r.deleteReplaced(ctx, plan, old, diags)
	return true
}

// deleteReplaced deletes the post plan replaced; when it cannot,
// replaced_id keeps it for the next apply.
func (r *mediaResource) deleteReplaced(ctx context.Context, plan *mediaModel, old string, diags *diag.Diagnostics) {
	plan.ReplacedID = types.StringNull()
	if plan.DeletionPolicy.ValueString() != deletionPolicyDelete {
		return
	}
	var err error
	if ctx.Err() == nil {
		_, err = r.Data.Client.Media.Delete(ctx, old)
	}
	switch {
	case err == nil && ctx.Err() == nil, graph.IsNotFound(err):
		return
	case err == nil:
		err = ctx.Err()
	}
	plan.ReplacedID = types.StringValue(old)
	common.AddError(diags, path.Root("replaced_id"), "The new post is published, but the old one is not deleted yet",
		fmt.Sprintf("Post %s replaces post %s, and is recorded in the state. Deleting post %s failed, so it is still on "+
			"Instagram; replaced_id keeps it, and the next apply deletes it.\n\n%s", plan.ID.ValueString(), old, old, common.DescribeError(err)))
}
