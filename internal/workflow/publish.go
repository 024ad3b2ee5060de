// Publishing a post: container(s) → wait until Instagram has processed
// them → media_publish → settle a lost answer. The flow follows Meta's
// content publishing guide:
// https://developers.facebook.com/docs/instagram-platform/content-publishing
//
// Local video files (Post.Videos) go through Meta's resumable upload: the
// container is created with upload_type=resumable, the file is streamed to
// its upload URI (graph.UploadsService, which resumes a cut-off upload from
// the offset Meta reports), then the container is processed like any other
// (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads).
//
// Stopping. Every step before media_publish is safe to abandon (an unused
// container, uploaded or not, just expires), so it stops as soon as ctx
// ends and returns a *StoppedError: nothing was published. media_publish is
// the one step that cannot be taken back: it is sent only while ctx is
// live, and once sent, it and the reads that settle its outcome and read the
// post back run under context.WithoutCancel(ctx), bounded by PublishTimeout.
// So a post that Meta published is always reported with its id, even when
// ctx was cancelled meanwhile, and the caller can record it.
package workflow

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const (
	// DefaultPollInterval is the first wait between container status reads.
	DefaultPollInterval = time.Second
	// DefaultPublishTimeout bounds media_publish and what settles it once it
	// was sent, whatever happens to ctx. Meta may take several seconds to
	// publish a video, a lost answer costs a container read and a media list,
	// and the client retries reads and waits out throttles; Terraform waits
	// for in-flight operations after the first interrupt, so two minutes
	// let a stopped run record what it published.
	DefaultPublishTimeout = 2 * time.Minute

	maxPollWait = 30 * time.Second
	// recoveryMargin reaches back before the publish began when looking for
	// the post a lost answer published: clocks differ, and Meta stamps the
	// post when it is done.
	recoveryMargin = 2 * time.Minute
	// maxLostAnswers bounds how often media_publish is sent again after its
	// answer was lost and the container proved it unpublished.
	maxLostAnswers = 3
)

// Publisher publishes posts to one account. The zero values of the optional
// fields are the documented defaults. It is safe for concurrent use.
type Publisher struct {
	Client    *graph.Client
	AccountID string

	// Now is the clock of the quota estimate and of the search for a post
	// whose publish answer was lost; nil → time.Now.
	Now func() time.Time
	// PollInterval is the first wait between container status reads; later
	// waits grow ×1.5 up to min(30 s, 20 × PollInterval). 0 → DefaultPollInterval.
	PollInterval time.Duration
	// PublishTimeout bounds media_publish, the reads that settle it and the
	// read-back, even after ctx is cancelled. 0 → DefaultPublishTimeout.
	PublishTimeout time.Duration
	// Logger receives progress lines; nil → none.
	Logger graph.Logger
	// ReadFields are read back from the published post; nil → graph.MediaFields.
	ReadFields []string
	// Held reports a post the caller holds (published by its run, held by
	// a resource, or a replaced post kept on Instagram): never a leftover of
	// an interrupted run (the duplicate guard), never what a lost answer
	// published. nil → none.
	Held func(mediaID string) bool
	// Exclusive, when set, makes two identical posts of one process take
	// turns (see guard.go): it waits until no other caller holds key and
	// returns the release. nil → no coordination.
	Exclusive func(key string) (release func())
	// OnPublished, when set, learns the media id as soon as Meta has it,
	// before the read-back: the caller can record it at once.
	OnPublished func(mediaID string)
}

// Post is what to publish.
type Post struct {
	// Parent is the post's own container: MediaType "" (a single image),
	// REELS, STORIES or CAROUSEL. Publish fills a carousel's Children.
	Parent graph.ContainerParams
	// Items are a carousel's items, in order (IsCarouselItem is set by Publish).
	Items []graph.ContainerParams
	// Videos are local video files uploaded to their containers instead of
	// fetched from a video_url: ParentItem (a reel or a story) or a
	// carousel item's index → the file's path.
	Videos map[int]string
	// AllowDuplicate publishes even when the account has an identical post
	// that the caller does not hold (no duplicate guard, see guard.go).
	AllowDuplicate bool
}

// ProductType is the media_product_type the post will have: FEED, REELS or STORY.
func (p Post) ProductType() string {
	_, product := graph.PublishedType(p.Parent.MediaType, p.video())
	return product
}

// MediaType is the media_type the post will have: IMAGE, VIDEO or CAROUSEL_ALBUM.
func (p Post) MediaType() string {
	mediaType, _ := graph.PublishedType(p.Parent.MediaType, p.video())
	return mediaType
}

// video reports a post whose own container holds a video (from a URL or a
// file): a reel, a video story.
func (p Post) video() bool { return p.Parent.Param("video_url") != "" || p.Videos[ParentItem] != "" }

// Result is a published post.
type Result struct {
	MediaID     string
	ContainerID string
	// Recovered: the answer of media_publish was lost and the id was found
	// among the account's newest media.
	Recovered bool
	// Media is the post read back with ReadFields, or ReadErr why not: the
	// post is published either way.
	Media   *graph.Media
	ReadErr error
}

// Publish publishes post: the duplicate guard (guard.go), quota check,
// containers (a carousel's items concurrently, each until processed), the
// post's container until processed, media_publish once, then reads the
// post back. On error nothing was
// published, unless MayHavePublished(err). See the package comment for what
// happens when ctx ends.
func (p *Publisher) Publish(ctx context.Context, post Post) (*Result, error) {
	defer exclusive(p.Exclusive, post.exclusiveKey(p.AccountID))()
	if err := p.beforePublishing(ctx, post); err != nil {
		return nil, err
	}
	containerID, err := p.createContainers(ctx, post)
	if err != nil {
		return nil, err
	}
	return p.publishContainer(ctx, post, containerID)
}

// Stage creates a post's containers and uploads its video files now, and
// waits until Instagram has processed them, so that PublishStaged, later,
// only has to send media_publish: a scheduled video is ready at its time.
// It publishes nothing and returns the post's container id. A staged
// container that is never published expires after 24 hours.
func (p *Publisher) Stage(ctx context.Context, post Post) (string, error) {
	containerID, err := p.createContainers(ctx, post)
	if err != nil {
		return "", err
	}
	if err := p.waitFinished(ctx, containerID, ParentItem); err != nil {
		return "", markUploaded(err, post.Videos[ParentItem])
	}
	return containerID, nil
}

// PublishStaged publishes post from the container Stage made for it. A
// container that is still usable is published after the duplicate guard
// and the quota check; one that expired, failed or is gone is made again
// (Publish). A container already PUBLISHED was published by an earlier run
// that could not record it (stopped hard): its post is looked up among the
// account's recent posts and returned as Recovered, never published again.
func (p *Publisher) PublishStaged(ctx context.Context, post Post, containerID string) (*Result, error) {
	c, _, err := p.Client.Media.GetContainer(ctx, containerID)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, stoppedAt(ctx, StepProcessing)
	case err != nil, c.StatusCode == graph.ContainerError, c.StatusCode == graph.ContainerExpired:
		p.log().Debug(ctx, "the staged container cannot be published; making it again", map[string]any{"container_id": containerID})
		return p.Publish(ctx, post)
	case c.StatusCode == graph.ContainerPublished:
		return p.recoverStaged(ctx, post, containerID)
	}
	defer exclusive(p.Exclusive, post.exclusiveKey(p.AccountID))()
	if err := p.beforePublishing(ctx, post); err != nil {
		return nil, err
	}
	return p.publishContainer(ctx, post, containerID)
}

// recoverStaged finds the post an earlier run published from a staged
// container. Containers live 24 hours, so it was published within the last
// two days.
func (p *Publisher) recoverStaged(ctx context.Context, post Post, containerID string) (*Result, error) {
	m, err := p.FindRecentMatch(ctx, post, p.now().Add(-2*containerLife), p.Held)
	if err != nil || m == nil {
		return nil, &PublishedNotRecoveredError{ContainerID: containerID, Err: err}
	}
	p.log().Warn(ctx, "the staged container was published by an earlier run; recording its post", map[string]any{"media_id": m.ID, "container_id": containerID})
	if p.OnPublished != nil {
		p.OnPublished(m.ID)
	}
	res := &Result{MediaID: m.ID, ContainerID: containerID, Recovered: true}
	res.Media, _, res.ReadErr = p.Client.Media.Get(ctx, m.ID, p.ReadFields)
	return res, nil
}

// containerLife is how long Meta keeps an unpublished container.
const containerLife = 24 * time.Hour

// beforePublishing runs the duplicate guard (unless the post allows a
// duplicate) and the quota check.
func (p *Publisher) beforePublishing(ctx context.Context, post Post) error {
	if !post.AllowDuplicate {
		if err := p.checkDuplicate(ctx, post); err != nil {
			return err
		}
	}
	return p.checkQuota(ctx)
}

// publishContainer waits until the post's container is processed, sends
// media_publish once and reads the post back.
func (p *Publisher) publishContainer(ctx context.Context, post Post, containerID string) (*Result, error) {
	if err := p.waitFinished(ctx, containerID, ParentItem); err != nil {
		return nil, markUploaded(err, post.Videos[ParentItem])
	}
	res, err := p.publish(ctx, post, containerID)
	if err != nil {
		return nil, err
	}
	if p.OnPublished != nil {
		p.OnPublished(res.MediaID)
	}
	rctx, cancel := p.detached(ctx)
	defer cancel()
	res.Media, _, res.ReadErr = p.Client.Media.Get(rctx, res.MediaID, p.ReadFields)
	return res, nil
}

// checkQuota fails before anything is created when the quota is used up.
func (p *Publisher) checkQuota(ctx context.Context) error {
	limit, _, err := p.Client.Media.PublishingLimit(ctx, p.AccountID)
	if err != nil {
		if ctx.Err() != nil {
			return &StoppedError{Step: StepQuotaCheck, Err: ctx.Err()}
		}
		// Not fatal: media_publish enforces the quota anyway.
		p.log().Warn(ctx, "cannot read content_publishing_limit; publishing without a quota check", map[string]any{"error": err.Error()})
		return nil
	}
	if limit.Config.QuotaTotal == 0 || limit.Remaining() > 0 {
		return nil
	}
	return p.quotaError(ctx, limit, nil)
}

// quotaError describes the used-up quota (limit nil: read it now).
func (p *Publisher) quotaError(ctx context.Context, limit *graph.PublishingLimit, cause error) *QuotaError {
	e := &QuotaError{AccountID: p.AccountID, Window: 24 * time.Hour, Cause: cause}
	if limit == nil {
		var err error
		if limit, _, err = p.Client.Media.PublishingLimit(ctx, p.AccountID); err != nil {
			return e
		}
	}
	e.Usage, e.Total = limit.QuotaUsage, limit.Config.QuotaTotal
	if limit.Config.QuotaDuration > 0 {
		e.Window = time.Duration(limit.Config.QuotaDuration) * time.Second
	}
	// The oldest publish of the window leaves it first.
	for media, err := range p.Client.Media.List(ctx, p.AccountID, graph.ListOptions{
		Fields: []string{"id", "timestamp"}, Since: p.now().Add(-e.Window), Limit: max(e.Total, 1),
	}) {
		if err != nil {
			return e // the estimate is a courtesy
		}
		if ts, err := media.Time(); err == nil && (e.NextFreeSlot.IsZero() || ts.Add(e.Window).Before(e.NextFreeSlot)) {
			e.NextFreeSlot = ts.Add(e.Window)
		}
	}
	return e
}

// createContainers creates the post's container (a carousel's items first)
// and returns its id.
func (p *Publisher) createContainers(ctx context.Context, post Post) (string, error) {
	parent := post.Parent
	if parent.MediaType == graph.MediaTypeCarousel {
		ids, err := p.createItems(ctx, post.Items, post.Videos)
		if err != nil {
			return "", err
		}
		parent.Children = ids
	}
	return p.createContainer(ctx, parent, ParentItem, post.Videos[ParentItem])
}

// createContainer creates one container and uploads its video file, if it
// has one. The client resends a create whose answer was lost: an orphan
// container is never published and expires.
func (p *Publisher) createContainer(ctx context.Context, params graph.ContainerParams, item int, video string) (string, error) {
	var id string
	var err error
	if video == "" {
		id, _, err = p.Client.Media.CreateContainer(ctx, p.AccountID, params)
	} else {
		var c *graph.UploadContainer
		if c, _, err = p.Client.Media.CreateUploadContainer(ctx, p.AccountID, params); err == nil {
			return c.ID, p.upload(ctx, c, video, item)
		}
	}
	if err == nil {
		return id, nil
	}
	if ctx.Err() != nil {
		return "", &StoppedError{Step: StepContainers, Err: ctx.Err()}
	}
	e := &ContainerError{Item: item, Err: err, Uploaded: video != ""}
	var gerr *graph.Error
	if errors.As(err, &gerr) {
		e.setSubcode(gerr.Subcode)
	}
	return "", e
}

// upload streams the file at path to container c.
func (p *Publisher) upload(ctx context.Context, c *graph.UploadContainer, path string, item int) error {
	fail := func(err error) error {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			e := &StoppedError{Step: StepUpload, Err: ctx.Err()}
			if item == ParentItem {
				e.ContainerID = c.ID
			}
			return e
		}
		return &UploadError{Item: item, ContainerID: c.ID, Path: path, Err: err}
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	p.log().Debug(ctx, "uploading a video file", map[string]any{"container_id": c.ID, "path": path, "bytes": info.Size()})
	if err := p.Client.Uploads.Upload(ctx, graph.Upload{ContainerID: c.ID, URI: c.URI, File: f, Size: info.Size()}); err != nil {
		return fail(err)
	}
	p.log().Debug(ctx, "video file uploaded", map[string]any{"container_id": c.ID, "path": path, "bytes": info.Size()})
	return nil
}

// markUploaded notes on a processing error that the container's video was
// uploaded from a file.
func markUploaded(err error, video string) error {
	var ce *ContainerError
	if video != "" && errors.As(err, &ce) {
		ce.Uploaded = true
	}
	return err
}

// createItems creates a carousel's item containers concurrently (uploading
// their video files) and waits until each is processed. All items run to
// the end, so that every failing item is reported at once.
func (p *Publisher) createItems(ctx context.Context, items []graph.ContainerParams, videos map[int]string) ([]string, error) {
	ids := make([]string, len(items))
	errs := make([]error, len(items))
	var wg sync.WaitGroup
	for i, item := range items {
		item.IsCarouselItem = true
		wg.Go(func() {
			id, err := p.createContainer(ctx, item, i, videos[i])
			if err == nil {
				err = markUploaded(p.waitFinished(ctx, id, i), videos[i])
			}
			ids[i], errs[i] = id, err
		})
	}
	wg.Wait()

	var interrupted *StoppedError
	failed := &ItemsError{Items: len(items)}
	for i, err := range errs {
		if errors.As(err, &interrupted) {
			return nil, &StoppedError{Step: interrupted.Step, Err: interrupted.Err}
		}
		if err != nil {
			failed.Failures = append(failed.Failures, ItemFailure{Index: i, Err: err})
		}
	}
	if len(failed.Failures) > 0 {
		return nil, failed
	}
	return ids, nil
}

// waitFinished polls a container until it is ready to publish, backing off
// from PollInterval, as long as ctx lasts.
func (p *Publisher) waitFinished(ctx context.Context, id string, item int) error {
	wait := p.pollInterval()
	maxWait := min(maxPollWait, 20*wait)
	status := ""
	for {
		c, _, err := p.Client.Media.GetContainer(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				return stopped(ctx, id, item, status)
			}
			return fmt.Errorf("reading the status of container %s: %w", id, err)
		}
		status = c.StatusCode
		switch status {
		case graph.ContainerFinished, graph.ContainerPublished:
			return nil
		case graph.ContainerError:
			return containerFailed(id, item, c.Status)
		case graph.ContainerExpired:
			return &ContainerExpiredError{Item: item, ContainerID: id}
		}
		p.log().Debug(ctx, "container not ready yet", map[string]any{"container_id": id, "status_code": status, "next_poll": wait.String()})
		if graph.Sleep(ctx, wait) != nil {
			return stopped(ctx, id, item, status)
		}
		wait = min(maxWait, wait*3/2)
	}
}

// stopped is the error for a wait that ctx ended: its deadline means the
// media took too long, a cancellation that we were asked to stop.
func stopped(ctx context.Context, id string, item int, status string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &ProcessingTimeoutError{Item: item, ContainerID: id, StatusCode: status, Err: ctx.Err()}
	}
	e := &StoppedError{Step: StepProcessing, Err: ctx.Err()}
	if item == ParentItem {
		e.ContainerID = id
	}
	return e
}

func containerFailed(id string, item int, status string) *ContainerError {
	e := &ContainerError{Item: item, ContainerID: id, Status: status}
	e.setSubcode(graph.SubcodeInStatus(status))
	return e
}

func (e *ContainerError) setSubcode(subcode int) {
	e.Subcode = subcode
	e.Explanation, _ = graph.ExplainSubcode(subcode)
	e.Attribute = graph.SubcodeAttribute(subcode)
}

// detached outlives ctx's cancellation, for at most PublishTimeout.
func (p *Publisher) detached(ctx context.Context) (context.Context, context.CancelFunc) {
	return detach(ctx, p.PublishTimeout, DefaultPublishTimeout)
}

func (p *Publisher) pollInterval() time.Duration {
	if p.PollInterval <= 0 {
		return DefaultPollInterval
	}
	return p.PollInterval
}

func (p *Publisher) now() time.Time { return clock(p.Now) }

func (p *Publisher) log() graph.Logger { return logger(p.Logger) }
