package workflow

import (
	"context"
	"errors"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// media_publish itself: sent once while the context is live, then settled
// under a context its cancellation does not reach (see the package comment).

// round is the settled outcome of one media_publish.
type round struct {
	mediaID   string
	recovered bool
	notReady  bool  // not published yet: wait for processing, publish again
	lost      error // answer lost, container provably unpublished: publish again
	err       error
	// uncertain: this round's answer was lost, so a later refusal ("already
	// published", say) may hide that it went through: the container decides.
	uncertain bool
}

// publish sends media_publish and settles it, again while Meta says the
// container is not ready yet. It sends only while ctx is live.
func (p *Publisher) publish(ctx context.Context, post Post, containerID string) (*Result, error) {
	started := p.now()
	lost := 0
	uncertain := false // once an answer was lost, every later refusal is checked against the container
	for {
		if err := ctx.Err(); err != nil {
			return nil, &StoppedError{Step: StepPublish, ContainerID: containerID, Err: err}
		}
		r := p.publishRound(ctx, post, containerID, started, uncertain)
		uncertain = uncertain || r.uncertain
		switch {
		case r.err != nil:
			return nil, r.err
		case r.mediaID != "":
			return &Result{MediaID: r.mediaID, ContainerID: containerID, Recovered: r.recovered}, nil
		case r.notReady:
			if err := p.waitFinished(ctx, containerID, ParentItem); err != nil {
				return nil, err
			}
			if graph.Sleep(ctx, p.pollInterval()) != nil {
				return nil, stopped(ctx, containerID, ParentItem, graph.ContainerFinished)
			}
		default:
			if lost++; lost >= maxLostAnswers {
				return nil, &PublishError{ContainerID: containerID, Err: &LostAnswersError{Request: "media_publish", Times: lost, Last: r.lost}}
			}
		}
	}
}

// publishRound sends media_publish once and settles its answer, under a
// context that ctx's cancellation does not reach (see the package comment).
func (p *Publisher) publishRound(ctx context.Context, post Post, containerID string, started time.Time, afterLost bool) round {
	pctx, cancel := p.detached(ctx)
	defer cancel()
	mediaID, _, err := p.Client.Media.Publish(pctx, p.AccountID, containerID)
	if err == nil {
		return round{mediaID: mediaID}
	}
	// After a lost answer, even a refusal may hide that the earlier publish
	// went through late: the container tells.
	var amb *graph.AmbiguousError
	lostNow := errors.As(err, &amb)
	if lostNow || afterLost {
		if r, settled := p.settle(pctx, post, containerID, started, err, lostNow); settled {
			r.uncertain = lostNow
			return r
		}
	}
	switch {
	case graph.IsNotReady(err):
		p.log().Debug(ctx, "container not ready to publish yet", map[string]any{"container_id": containerID})
		return round{notReady: true}
	case graph.IsPublishingQuotaReached(err):
		return round{err: p.quotaError(pctx, nil, err)}
	}
	return round{err: &PublishError{ContainerID: containerID, Err: err}}
}

// settle reads the container instead of trusting the answer (cause):
// PUBLISHED means the post exists and its id is looked up among the account's
// newest media; FINISHED proves nothing was published, so a lost answer
// (lost) is sent again and a refusal is taken at its word (settled false).
func (p *Publisher) settle(ctx context.Context, post Post, containerID string, started time.Time, cause error, lost bool) (r round, settled bool) {
	p.log().Warn(ctx, "media_publish outcome uncertain; reading the container to find out whether it was published",
		map[string]any{"container_id": containerID, "error": cause.Error()})
	c, _, err := p.Client.Media.GetContainer(ctx, containerID)
	if err != nil {
		return round{err: &PublishUnknownError{ContainerID: containerID, Cause: cause, Err: err}}, true
	}
	switch c.StatusCode {
	case graph.ContainerFinished:
		return round{lost: cause}, lost
	case graph.ContainerInProgress:
		return round{notReady: true}, true
	case graph.ContainerPublished:
		m, err := p.FindRecentMatch(ctx, post, started.Add(-recoveryMargin), p.Held)
		if err != nil || m == nil {
			return round{err: &PublishedNotRecoveredError{ContainerID: containerID, Err: err}}, true
		}
		p.log().Warn(ctx, "recovered the id of a post whose publish answer was lost", map[string]any{"media_id": m.ID, "container_id": containerID})
		return round{mediaID: m.ID, recovered: true}, true
	case graph.ContainerError:
		return round{err: containerFailed(containerID, ParentItem, c.Status)}, true
	case graph.ContainerExpired:
		return round{err: &ContainerExpiredError{Item: ParentItem, ContainerID: containerID}}, true
	}
	return round{err: &PublishUnknownError{ContainerID: containerID, Cause: cause, StatusCode: c.StatusCode}}, true
}
