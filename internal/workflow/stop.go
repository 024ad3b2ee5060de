package workflow

import (
	"context"
	"fmt"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Steps a workflow names when it stops (StoppedError.Step).
const (
	StepDuplicateCheck = "looking for an identical earlier write"
	StepQuotaCheck     = "checking the publishing quota"
	StepContainers     = "creating the media containers"
	StepUpload         = "uploading the video"
	StepProcessing     = "waiting for Instagram to process the media"
	StepPublish        = "about to publish"
	StepComment        = "about to write the comment"
	StepDeleteComment  = "about to delete the comment"
	StepSweep          = "moderating the comments"
	StepAnswerInvite   = "about to answer the collaboration invite"
)

// StoppedError: ctx ended (Terraform asked the provider to stop, or a
// deadline passed) at a point that is safe to abandon. Nothing irreversible
// was done — except, for a moderation sweep, what Report lists, which stays
// done.
type StoppedError struct {
	Step string // one of the Step constants
	// ContainerID is the post's container, when it exists (it expires
	// unused).
	ContainerID string
	// Report is what a moderation sweep did before it stopped; nil for the
	// other workflows.
	Report *Report
	Err    error // the context's error
}

func (e *StoppedError) Error() string {
	if e.Report != nil {
		r := e.Report
		return fmt.Sprintf("stopped after %d of %d comments were %s (those stay %s; run again for the rest): %v",
			len(r.Done)+len(r.WithParent), len(r.Matched), verb(r.Operation, true), verb(r.Operation, true), e.Err)
	}
	msg := "stopped while " + e.Step + ": " + nothingDone(e.Step)
	if e.ContainerID != "" {
		msg += " (container " + e.ContainerID + " expires unused)"
	}
	return msg + ": " + e.Err.Error()
}

func (e *StoppedError) Unwrap() error { return e.Err }

// nothingDone says what a stop at step did not do.
func nothingDone(step string) string {
	switch step {
	case StepComment:
		return "nothing was written"
	case StepDeleteComment:
		return "nothing was deleted"
	case StepAnswerInvite:
		return "nothing was sent"
	case StepDuplicateCheck:
		return "nothing was done"
	}
	return "nothing was published"
}

// stoppedAt is the error of a workflow that ctx stopped at step.
func stoppedAt(ctx context.Context, step string) *StoppedError {
	return &StoppedError{Step: step, Err: ctx.Err()}
}

// detach outlives ctx's cancellation, for at most d (def when d ≤ 0): the
// context of an irreversible step once it was sent.
func detach(ctx context.Context, d, def time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		d = def
	}
	return context.WithTimeout(context.WithoutCancel(ctx), d)
}

// clock is now(), or time.Now() when now is nil.
func clock(now func() time.Time) time.Time {
	if now == nil {
		return time.Now()
	}
	return now()
}

// logger is l, or a logger that drops everything when l is nil.
func logger(l graph.Logger) graph.Logger {
	if l == nil {
		return discard{}
	}
	return l
}

type discard struct{}

func (discard) Debug(context.Context, string, map[string]any) {}
func (discard) Warn(context.Context, string, map[string]any)  {}
