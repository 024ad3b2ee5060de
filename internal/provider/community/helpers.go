package community

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

type diagnostics = diag.Diagnostics

// requireConfigured reports an action invoked before the provider was
// configured (it cannot happen through Terraform; it guards tests).
func requireConfigured(d *common.ProviderData, diags *diagnostics) bool {
	if d == nil {
		diags.AddError("Provider not configured", "The instagram provider was not configured before the action ran; this is a bug.")
		return false
	}
	return true
}

// progress sends a line that Terraform prints while the action runs.
func progress(resp *action.InvokeResponse, msg string) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: msg})
	}
}

// addSweepError turns the workflow's errors into diagnostics, in one place.
// report is what the sweep read and did (nil when it could not read).
func addSweepError(diags *diagnostics, report *workflow.Report, err error) {
	var (
		readErr  *workflow.SweepReadError
		notOwn   *workflow.NotOwnMediaError
		tooMany  *workflow.TooManyCommentsError
		partial  *workflow.PartialFailureError
		stopped  *workflow.StoppedError
		withList = func(msg string) string {
			if report == nil {
				return msg
			}
			return msg + "\n\n" + report.Summary()
		}
	)
	switch {
	case errors.As(err, &readErr):
		diags.AddError("Cannot read the comments to moderate",
			fmt.Sprintf("Reading %s failed, so nothing was changed.\n\n%s", readErr.What, common.DescribeError(readErr.Err)))
	case errors.As(err, &notOwn):
		attr := path.Root("media_ids")
		if len(notOwn.CommentIDs) > 0 {
			attr = path.Root("comment_ids")
		}
		diags.AddAttributeError(attr, "Not the account's posts", err.Error()+".")
	case errors.As(err, &tooMany):
		diags.AddAttributeError(path.Root("max_comments"), "More comments match than max_comments allows", withList(err.Error()+"."))
	case errors.As(err, &partial):
		diags.AddError("Some comments could not be moderated",
			withList(err.Error()+". What succeeded stays done; Instagram's answer for each failure is listed. "+
				"Running the action again retries only what is left."))
	case errors.As(err, &stopped):
		diags.AddError("Moderation stopped before it was done", withList(err.Error()))
	default:
		common.AddAPIError(diags, path.Empty(), "Cannot moderate the comments", err)
	}
}

// shortDuration renders 72h0m0s as 72h.
func shortDuration(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	return strings.TrimSuffix(s, "0m")
}
