package media

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

// Publishing itself is internal/workflow's (plain Go, unit-tested against the
// emulator). This file turns the planned post into a workflow.Post and the
// workflow's typed errors into diagnostics, in one place.

// publisher is the workflow for one account of this provider.
func (r *mediaResource) publisher(account string) *workflow.Publisher {
	return &workflow.Publisher{
		Client: r.Data.Client, AccountID: account, Now: r.Data.Now,
		PollInterval: r.Data.PollInterval, Logger: r.Data.Logger, ReadFields: mediaReadFields,
		// Posts this run published are no one else's leftovers (the
		// duplicate guard): recorded the moment Meta gives their id, and never
		// taken for this post's.
		Held: r.Data.Accounted, Exclusive: r.Data.Exclusive, OnPublished: func(id string) { r.Data.AccountFor(id) },
	}
}

// postOf is the workflow's view of the planned post: its container request
// and, for a carousel, its items' (media_inputs.go builds both).
func postOf(ctx context.Context, m *mediaModel) (workflow.Post, diag.Diagnostics) {
	var diags diag.Diagnostics
	parent, err := containerParams(m)
	if err != nil {
		diags.AddError("Cannot encode the post's parameters", err.Error())
		return workflow.Post{}, diags
	}
	post := workflow.Post{Parent: parent, Videos: map[int]string{}, AllowDuplicate: m.AllowDuplicate.ValueBool()}
	if !m.VideoFile.IsNull() {
		post.Videos[workflow.ParentItem] = m.VideoFile.ValueString()
	}
	if m.Type.ValueString() != mediaTypeCarousel {
		return post, diags
	}
	var children []childModel
	if diags.Append(m.Children.ElementsAs(ctx, &children, false)...); diags.HasError() {
		return post, diags
	}
	if post.Items, err = carouselItemParams(children); err != nil {
		diags.AddError("Cannot encode the carousel items' parameters", err.Error())
	}
	for i, c := range children {
		if !c.VideoFile.IsNull() {
			post.Videos[i] = c.VideoFile.ValueString()
		}
	}
	return post, diags
}

// addPublishError reports why publishing failed, on the attribute it is
// about when Meta's subcode says so, and says what was (not) published and
// what the next run will do.
func addPublishError(diags *diag.Diagnostics, at path.Path, err error) {
	var (
		items    *workflow.ItemsError
		cont     *workflow.ContainerError
		upload   *workflow.UploadError
		expired  *workflow.ContainerExpiredError
		timeout  *workflow.ProcessingTimeoutError
		quota    *workflow.QuotaError
		stopped  *workflow.StoppedError
		dup      *workflow.DuplicateError
		search   *workflow.SearchError
		refused  *workflow.PublishError
		unknown  *workflow.PublishUnknownError
		notFound *workflow.PublishedNotRecoveredError
	)
	switch {
	case errors.As(err, &items):
		for _, f := range items.Failures {
			addPublishError(diags, path.Root("children").AtListIndex(f.Index), f.Err)
		}
	case errors.As(err, &upload):
		if upload.Item == workflow.ParentItem {
			at = path.Root("video_file")
		} else {
			at = at.AtName("video_file")
		}
		detail := fmt.Sprintf("Uploading %s to container %s failed: %s. Nothing was published; the container expires unused.",
			upload.Path, upload.ContainerID, common.DescribeError(upload.Err))
		if errors.Is(upload.Err, context.DeadlineExceeded) {
			detail += " The create timeout ran out: raise timeouts.create for large videos or slow connections."
		}
		common.AddError(diags, at, "Cannot upload the video file", detail)
	case errors.As(err, &cont):
		if cont.Uploaded && cont.Attribute == "video_url" {
			cont.Attribute = "video_file" // the video came from a file
		}
		switch {
		case cont.Attribute == "":
		case cont.Item == workflow.ParentItem:
			at = path.Root(cont.Attribute)
		default:
			at = at.AtName(cont.Attribute) // at is the item, children[i]
		}
		if cont.Err != nil {
			common.AddAPIError(diags, at, "Cannot create the media container", cont.Err)
			return
		}
		detail := fmt.Sprintf("Container %s ended in ERROR", cont.ContainerID)
		if cont.Status != "" {
			detail += " (" + cont.Status + ")"
		}
		if cont.Explanation != "" {
			detail += ": " + cont.Explanation
		} else if cont.Uploaded {
			detail += ". Check that the video file meets Instagram's specifications (MP4/MOV, H.264/HEVC video, AAC audio)."
		} else {
			detail += ". Check that the media meets Instagram's specifications and that its URL is publicly reachable."
		}
		common.AddError(diags, at, "Instagram could not process the media", detail+" Nothing was published; apply again once fixed.")
	case errors.As(err, &expired):
		common.AddError(diags, at, "Media container expired",
			fmt.Sprintf("Container %s expired before it was published (containers live 24 hours). Nothing was published; apply again to create a new one.", expired.ContainerID))
	case errors.As(err, &timeout):
		common.AddError(diags, at, "Timed out waiting for Instagram to process the media",
			fmt.Sprintf("Container %s was still %s when the create timeout ran out, so nothing was published. Video processing can take minutes: "+
				"raise timeouts.create, or check that the video meets Instagram's specifications (MP4/MOV, H.264/HEVC, 3 s – 15 min).",
				timeout.ContainerID, timeout.StatusCode))
	case errors.As(err, &dup):
		diags.Append(duplicateError(dup.Post))
	case errors.As(err, &search):
		common.AddError(diags, path.Root("allow_duplicate"), "Cannot look for an identical recent post",
			"Before publishing, the provider looks among the account's recent posts for one an interrupted run may have "+
				"published, and that search failed, so nothing was published: publishing without it could post twice.\n\n"+
				common.DescribeError(search.Err))
	case errors.As(err, &quota):
		addQuotaError(diags, quota)
	case errors.As(err, &stopped) && errors.Is(stopped.Err, context.DeadlineExceeded):
		common.AddError(diags, at, "Timed out before publishing",
			fmt.Sprintf("timeouts.create ran out while %s. Nothing was published for this resource; raise timeouts.create, "+
				"or apply again.", stopped.Step))
	case errors.As(err, &stopped):
		diags.AddError("Stopped before publishing",
			fmt.Sprintf("Terraform asked the provider to stop while %s. Nothing was published for this resource; the next apply publishes it.", stopped.Step))
	case errors.As(err, &refused):
		common.AddAPIError(diags, at, "Cannot publish the post", refused.Err)
	case errors.As(err, &unknown):
		diags.AddError("Publishing may have succeeded",
			fmt.Sprintf("The answer to publishing container %s was lost and Instagram could not tell whether the post exists (%s). "+
				"It was not sent again, because that could publish the post twice. %s\n\n%s",
				unknown.ContainerID, common.DescribeError(unknown.Cause), nextRunAfterUnknownPublish, unknownDetail(unknown)))
	case errors.As(err, &notFound):
		diags.AddError("Post published, but its id could not be recovered",
			fmt.Sprintf("Container %s was published, but the answer carrying the post's id was lost and the post could not be "+
				"found among the account's newest media. It was not published again. %s", notFound.ContainerID, nextRunAfterUnknownPublish))
	default:
		common.AddAPIError(diags, at, "Cannot publish the post", err)
	}
}

// nextRunAfterUnknownPublish is the truth about the next run after a publish
// whose outcome is unknown (see the duplicate guard in internal/workflow/guard.go).
const nextRunAfterUnknownPublish = "The next apply, before publishing this post, looks for an identical one among the account's " +
	"recent posts (those of the last 24 hours; of the last hour for a post without a caption, such as a story): if it finds " +
	"one, it stops and names it with the import block that adopts it, instead of publishing it a second time."

func unknownDetail(e *workflow.PublishUnknownError) string {
	if e.Err != nil {
		return "Reading the container afterwards failed: " + common.DescribeError(e.Err)
	}
	return "The container is now " + e.StatusCode + "."
}

func addQuotaError(diags *diag.Diagnostics, q *workflow.QuotaError) {
	detail := fmt.Sprintf("Account %s has used up its publishing quota.", q.AccountID)
	if q.Total > 0 {
		detail = fmt.Sprintf("Account %s has published %d of %d posts allowed in the last %d hours.",
			q.AccountID, q.Usage, q.Total, int(q.Window.Hours()))
	}
	if !q.NextFreeSlot.IsZero() {
		detail += fmt.Sprintf(" The next slot frees up at about %s.", q.NextFreeSlot.UTC().Format(time.RFC3339))
	} else {
		detail += " A slot frees up as older posts leave the window."
	}
	detail += " Nothing was published for this resource; apply again once a slot is free."
	if q.Cause != nil {
		detail += "\n\n" + common.DescribeError(q.Cause)
	}
	diags.AddError("Publishing quota used up", detail)
}

// publishedUnreadable: the post is public but reading it back failed.
func publishedUnreadable(diags *diag.Diagnostics, mediaID string, err error) {
	diags.AddWarning("Post published, but reading it back failed",
		fmt.Sprintf("Post %s is published and recorded in the state; the next refresh reads its permalink and the rest.\n\n%s",
			mediaID, common.DescribeError(err)))
}

// duplicateError names the identical post the duplicate guard found
// (internal/workflow/guard.go) and gives the import that adopts it.
func duplicateError(dup *graph.Media) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("allow_duplicate"), "An identical post already exists",
		duplicateFound(dup)+"If that post is what this resource published before, adopt it: add an import block whose `to` is "+
			"this resource's address (shown above):\n\n"+
			"  import {\n    to = instagram_media.NAME\n    id = "+strconv.Quote(dup.ID)+"\n  }\n\n"+
			"or run `terraform import instagram_media.NAME "+dup.ID+"`. "+duplicateOnPurpose)
}

// duplicateInStateError is duplicateError for a resource already in the
// state: a scheduled post whose time came, or a post being republished
// (held is the post it holds). An import block cannot replace what the
// state holds, so the advice is to forget it first.
func duplicateInStateError(dup *graph.Media, held string) diag.Diagnostic {
	finish := "This resource is a scheduled post: if that post is the one it was to publish, record it in its place:"
	after := ""
	if held != "" {
		finish = fmt.Sprintf("This resource still holds post %s, which the change was to replace: if that post is the one "+
			"this change published, record it in place of post %s:", held, held)
		after = fmt.Sprintf(" Post %s then is no longer managed by Terraform: delete it in the Instagram app, or keep it.", held)
	}
	return diag.NewAttributeErrorDiagnostic(path.Root("allow_duplicate"), "An identical post already exists",
		duplicateFound(dup)+finish+"\n\n"+
			"  terraform state rm instagram_media.NAME\n"+
			"  terraform import instagram_media.NAME "+dup.ID+"\n\n"+
			"(NAME is this resource's address, shown above)."+after+" "+duplicateOnPurpose)
}

// duplicateFound names the post the duplicate guard found.
func duplicateFound(dup *graph.Media) string {
	where := dup.Permalink
	if where == "" {
		where = "a story, which has no permalink"
	}
	return fmt.Sprintf("Post %s (%s), published at %s, is what this resource would publish (same type, caption and items), "+
		"and this apply did not publish it: most likely an earlier run was stopped while publishing it. Publishing "+
		"again would post it twice, so nothing is published.\n\n", dup.ID, where, common.GraphTime(dup.Timestamp).ValueString())
}

const duplicateOnPurpose = "If another resource of your configuration already holds that post (an identical post " +
	"published on purpose), do not import it twice: set allow_duplicate = true to publish a second, identical post."
