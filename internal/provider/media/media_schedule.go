package media

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

// Scheduled posts (publish_at). The Instagram API has no scheduling of its
// own (no scheduled_publish_time as Facebook Pages have, and a container
// lives 24 hours), so a post with publish_at in the future waits in the
// Terraform state: the apply that creates it publishes nothing and records
// it as scheduled, and the first plan at or after its time plans an update
// that publishes it, through the same workflow and duplicate guard as any
// post. A pipeline on a timer runs that plan. Until then nothing of it is on
// Instagram, so every input changes in place and removing it sends nothing;
// plans before its time are empty and cost no API call. Past publish_at +
// publish_window it is missed: never published late.
//
// A video takes minutes to process, so a run within stageLead before its
// time creates and uploads the containers and waits until Instagram has
// processed them (container_id); the run at publish_at then only sends
// media_publish. A staged container that expired or failed is made again.

// Values of status.
const (
	statusScheduled = "scheduled" // waiting for publish_at; nothing on Instagram yet
	statusPublished = "published"
	statusMissed    = "missed" // publish_at + publish_window passed before a run published it
)

const (
	// defaultPublishWindow is how late a run may still publish a scheduled
	// post. A pipeline every 15 minutes publishes within 15 minutes of the
	// time; two hours tolerate a queue, an outage or a few failed runs
	// (eight at that pace), while a morning post is never published in the
	// evening, when the campaign it belongs to may already have moved on.
	defaultPublishWindow = 2 * time.Hour

	// stageLead is how long before publish_at a run stages a video (creates
	// and uploads its containers, waits for processing). Twelve hours: a
	// video Instagram cannot process fails the evening before a morning
	// post, while the team can still replace it, and the staged container
	// (which lives 24 hours) is still fresh at the end of the default
	// publishing window; one staged earlier, or kept past its life, is
	// simply made again.
	stageLead = 12 * time.Hour
)

// schedule is a post's publish_at and publish_window; the zero schedule is
// "publish when created".
type schedule struct {
	at     time.Time
	window time.Duration
}

// scheduleOf reads m's schedule. Both values were validated at plan time;
// an unknown value is no schedule yet.
func scheduleOf(m *mediaModel) schedule {
	var s schedule
	if !m.PublishAt.IsNull() && !m.PublishAt.IsUnknown() {
		s.at, _ = time.Parse(time.RFC3339, m.PublishAt.ValueString())
	}
	s.window = defaultPublishWindow
	if !m.PublishWindow.IsNull() && !m.PublishWindow.IsUnknown() {
		if d, err := time.ParseDuration(m.PublishWindow.ValueString()); err == nil && d > 0 {
			s.window = d
		}
	}
	return s
}

// waiting: the post's time has not come yet at now.
func (s schedule) waiting(now time.Time) bool { return !s.at.IsZero() && now.Before(s.at) }

// missed: the post's window is over at now.
func (s schedule) missed(now time.Time) bool { return !s.at.IsZero() && now.After(s.at.Add(s.window)) }

// stagingDue: a video of the post should be staged at now.
func (s schedule) stagingDue(now time.Time) bool {
	return s.waiting(now) && !now.Before(s.at.Add(-stageLead))
}

// statusAt is the status a post not yet on Instagram has at now.
func (s schedule) statusAt(now time.Time) string {
	switch {
	case s.waiting(now):
		return statusScheduled
	case s.missed(now):
		return statusMissed
	}
	return statusPublished
}

// settleMargin: a plan decides by the clock whether a post not on
// Instagram yet publishes, waits (and stages its video) or has missed its
// time; the apply plans again and Terraform refuses it ("Provider produced
// inconsistent final plan") when that second plan decides otherwise. So a
// decision the clock would change within settleMargin of the plan (a time
// about to come, a window about to close, a staging lead about to begin),
// or one that rests on a publish_at or publish_window known only at apply,
// is left to the apply: status is unknown in the plan, and Create or Update
// decide (decideSchedule). A saved plan applied within settleMargin of being
// made always applies.
const settleMargin = time.Hour

// settled: what the plan decides at now for m still holds at the apply.
func settled(ctx context.Context, m *mediaModel, now time.Time) bool {
	if m.PublishAt.IsUnknown() || m.PublishWindow.IsUnknown() {
		return false
	}
	s, later := scheduleOf(m), now.Add(settleMargin)
	return s.statusAt(now) == s.statusAt(later) && (!usesVideo(ctx, *m) || s.stagingDue(now) == s.stagingDue(later))
}

// decideSchedule sets the status of a post not on Instagram yet at now, and
// what Instagram gives it: unknown when this apply publishes it, null when
// it waits or missed its time (container_id unknown when this apply stages
// its video, the staged one kept when its inputs did not change). state is
// nil for a new post. It reports whether this apply stages the video.
func decideSchedule(ctx context.Context, plan, state *mediaModel, now time.Time) (stage bool) {
	s := scheduleOf(plan)
	plan.Status = types.StringValue(s.statusAt(now))
	switch plan.Status.ValueString() {
	case statusPublished:
		publishing(plan)
		if state == nil {
			plan.ReplacedID = types.StringNull()
		}
	case statusScheduled:
		staged := state != nil && !state.ContainerID.IsNull() && scheduledInputsEqual(plan, state)
		stage = !staged && s.stagingDue(now) && usesVideo(ctx, *plan)
		notOnInstagramYet(plan, stage)
		if staged {
			plan.ContainerID = state.ContainerID
		}
	case statusMissed:
		notOnInstagramYet(plan, false)
	}
	return stage
}

// decideAtApply is decideSchedule for a plan that left the decision to the
// apply (status unknown), with the warning a missed post gets.
func (r *mediaResource) decideAtApply(ctx context.Context, plan, state *mediaModel, diags *diag.Diagnostics) {
	if decideSchedule(ctx, plan, state, r.Data.Now()); plan.Status.ValueString() == statusMissed {
		diags.Append(missedWarning(scheduleOf(plan)))
	}
}

// leaveToApply: the plan does not decide (settled is false); the apply does.
func leaveToApply(plan *mediaModel) {
	publishing(plan)
	plan.Status = types.StringUnknown()
}

// when renders publish_at for messages, in its own offset.
func (s schedule) when() string { return s.at.Format(time.RFC3339) }

// onInstagram: the state's post exists on Instagram (published, or an
// older state that has no status yet).
func onInstagram(state *mediaModel) bool {
	return state.Status.IsNull() || state.Status.ValueString() == statusPublished
}

// usesVideo: the post shows a video (a reel, a video story, a carousel with
// a video item), which Instagram takes minutes to process.
func usesVideo(ctx context.Context, m mediaModel) bool {
	if m.Type.ValueString() == mediaTypeReels || !m.VideoURL.IsNull() || !m.VideoFile.IsNull() {
		return true
	}
	var children []childModel
	if m.Children.IsNull() || m.Children.IsUnknown() || m.Children.ElementsAs(ctx, &children, false).HasError() {
		return false
	}
	for i := range children {
		if itemKind(&children[i]) == itemVideo {
			return true
		}
	}
	return false
}

// confirmMissed runs before a post is recorded as missed: a run stopped hard
// right after it published the post at its time (killed before Terraform
// recorded it) left it on Instagram, and "missed" would then say that
// nothing was published. An identical post published since publish_at that
// this run does not hold stops the apply, named as the duplicate guard names
// it (inState: the resource is in the state, as scheduled). It reports
// false when the post cannot be recorded as missed.
func (r *mediaResource) confirmMissed(ctx context.Context, plan *mediaModel, inState bool, diags *diag.Diagnostics) bool {
	post, d := postOf(ctx, plan)
	if diags.Append(d...); diags.HasError() {
		return false
	}
	err := r.publisher(plan.AccountID.ValueString()).CheckNotPublishedSince(ctx, post, scheduleOf(plan).at)
	var dup *workflow.DuplicateError
	var search *workflow.SearchError
	switch {
	case err == nil:
		return true
	case errors.As(err, &dup):
		if inState {
			diags.Append(duplicateInStateError(dup.Post, ""))
		} else {
			diags.Append(duplicateError(dup.Post))
		}
		diags.AddAttributeWarning(path.Root("publish_at"), "If that post is not this one",
			fmt.Sprintf("Post %s looks like this scheduled post, which missed its time. If it is another post, set publish_at to a "+
				"new time to reschedule this one, or set allow_duplicate = true to record it as missed without looking.", dup.Post.ID))
	case errors.As(err, &search):
		common.AddError(diags, path.Root("publish_at"), "Cannot tell whether the scheduled post was published",
			fmt.Sprintf("The post scheduled for %s missed its publish_window. Before recording it as missed, the provider looks "+
				"among the account's posts since that time for one an interrupted run may have published, and that search "+
				"failed. Nothing was published; the next apply looks again.\n\n%s", scheduleOf(plan).when(), common.DescribeError(search.Err)))
	default:
		addPublishError(diags, path.Empty(), err)
	}
	return false
}
