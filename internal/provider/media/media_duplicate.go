package media

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

// Never publish what an interrupted run already published.
//
// A run stopped hard while media_publish was in flight (a second Ctrl-C, a
// killed CI runner) may have published the post without Terraform recording
// it. The next run would publish it again. So right before a post is
// published (Create, before the quota check and any container), the
// account's recent posts are searched for one this resource would have
// produced (workflow.Post.Matches: same product and media type, the same
// caption, as many carousel items) that this apply did not publish or let go
// of itself (ProviderData.AccountFor: the post a replacement with
// deletion_policy = "retain" keeps). When there is one, the apply stops before
// publishing, with an error that names the post and gives the import block
// that adopts it: the convention of Terraform providers for an object that
// already exists. Adopting it silently could tie two resources to one post,
// and destroying one would then delete the other's post; a refusal costs one
// import. The search runs at apply, not in the plan: Terraform plans again in
// the apply's own provider process, and a check in both would need to agree.
//
// Limits, also in the resource's docs:
//   - Instagram keeps no link from a post to the container or app it came
//     from, so two posts with the same caption are indistinguishable. A post
//     with a caption is searched for over duplicateWindow; a post without a
//     caption (every story) matches any post of its kind, so only over
//     uncaptionedWindow, to keep legitimate repeats (a daily story) from
//     being refused.
//   - An identical post published on purpose within the window, or kept by
//     create_before_destroy, is refused too: allow_duplicate = true settles it.

const (
	duplicateWindow   = 24 * time.Hour
	uncaptionedWindow = time.Hour
)

// duplicateSince is the start of the search for a post like m.
func duplicateSince(m *mediaModel, now time.Time) time.Time {
	if m.Caption.IsNull() || m.Type.ValueString() == mediaTypeStories {
		return now.Add(-uncaptionedWindow)
	}
	return now.Add(-duplicateWindow)
}

// checkDuplicate reports, as an error, a recent post of the account that
// publishing m would duplicate (see above). A search that fails stops the
// publish too: publishing without it is what could post twice.
func (r *mediaResource) checkDuplicate(ctx context.Context, pub *workflow.Publisher, post workflow.Post, m *mediaModel, diags *diag.Diagnostics) {
	if m.AllowDuplicate.ValueBool() {
		return
	}
	dup, err := pub.FindRecentMatch(ctx, post, duplicateSince(m, r.Data.Now()), r.Data.Accounted)
	switch {
	case err != nil && ctx.Err() != nil:
		diags.AddError("Stopped before publishing",
			"Terraform asked the provider to stop while it looked for an identical recent post. Nothing was published for "+
				"this resource; the next apply publishes it.")
	case err != nil:
		diags.AddError("Cannot look for an identical recent post",
			"Before publishing, the provider looks among the account's recent posts for one an interrupted run may have "+
				"published, and that search failed, so nothing was published. Apply again, or set allow_duplicate = true "+
				"to publish without the search.\n\n"+common.DescribeError(err))
	case dup != nil:
		diags.Append(duplicateError(dup))
	}
}

// duplicateKey names what a post looks like to the duplicate check: two
// posts of one run with the same key take turns (ProviderData.Exclusive).
func duplicateKey(account string, post workflow.Post) string {
	return strings.Join([]string{"instagram_media", account, post.ProductType(), post.MediaType(),
		post.Parent.Param("caption"), strconv.Itoa(len(post.Items))}, "\x00")
}

func duplicateError(dup *graph.Media) diag.Diagnostic {
	where := dup.Permalink
	if where == "" {
		where = "a story, which has no permalink"
	}
	return diag.NewAttributeErrorDiagnostic(path.Root("allow_duplicate"), "An identical post already exists",
		fmt.Sprintf("Post %s (%s), published at %s, is what this resource would publish (same type, caption and items), "+
			"and this apply did not publish it: most likely an earlier run was stopped while publishing it. Publishing "+
			"again would post it twice, so nothing is published.\n\n"+
			"If that post is what this resource published before, adopt it: add an import block whose `to` is this "+
			"resource's address (shown above):\n\n"+
			"  import {\n    to = instagram_media.NAME\n    id = %q\n  }\n\n"+
			"or run `terraform import instagram_media.NAME %s`. If another resource of your configuration already holds "+
			"that post (an identical post published on purpose), do not import it twice: set allow_duplicate = true "+
			"to publish a second, identical post.", dup.ID, where, common.GraphTime(dup.Timestamp).ValueString(), dup.ID, dup.ID))
}
