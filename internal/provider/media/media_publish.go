package media

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// publisher runs Instagram's publishing flow for one post:
// container(s) → wait until FINISHED → media_publish, and never publishes twice.
type publisher struct {
	data    *common.ProviderData
	account string
}

type publishResult struct{ mediaID, containerID string }

func (p *publisher) publish(ctx context.Context, m *mediaModel, diags *diag.Diagnostics) publishResult {
	if !p.checkQuota(ctx, diags) {
		return publishResult{}
	}
	containerID := p.createContainers(ctx, m, diags)
	if containerID == "" {
		return publishResult{}
	}
	if !p.waitFinished(ctx, containerID, path.Empty(), diags) {
		return publishResult{}
	}
	mediaID := p.publishContainer(ctx, m, containerID, diags)
	return publishResult{mediaID: mediaID, containerID: containerID}
}

// checkQuota fails before anything is created when the 24-hour publishing
// quota is already used up, saying when a slot frees up.
func (p *publisher) checkQuota(ctx context.Context, diags *diag.Diagnostics) bool {
	limit, _, err := p.data.Client.Media.PublishingLimit(ctx, p.account)
	if err != nil {
		// Not fatal: media_publish enforces the quota anyway.
		tflog.Warn(ctx, "cannot read content_publishing_limit; publishing without a quota check", map[string]any{"error": err.Error()})
		return true
	}
	if limit.Config.QuotaTotal == 0 || limit.Remaining() > 0 {
		return true
	}
	p.quotaUsedUp(ctx, limit, nil, diags)
	return false
}

// quotaUsedUp reports the quota error, whether found before publishing or
// answered by media_publish (cause, code 9/2207042) when concurrent publishes
// raced past the check.
func (p *publisher) quotaUsedUp(ctx context.Context, limit *graph.PublishingLimit, cause error, diags *diag.Diagnostics) {
	if limit == nil {
		var err error
		if limit, _, err = p.data.Client.Media.PublishingLimit(ctx, p.account); err != nil {
			common.AddAPIError(diags, path.Empty(), "Publishing quota used up", cause)
			return
		}
	}
	detail := fmt.Sprintf("Account %s has published %d of %d posts allowed in the last %d hours. %s "+
		"Nothing was published for this resource; apply again once a slot is free.",
		p.account, limit.QuotaUsage, limit.Config.QuotaTotal, int(quotaWindow(limit).Hours()), p.nextFreeSlot(ctx, limit))
	if cause != nil {
		detail += "\n\n" + common.DescribeError(cause)
	}
	diags.AddError("Publishing quota used up", detail)
}

func quotaWindow(l *graph.PublishingLimit) time.Duration {
	if l.Config.QuotaDuration > 0 {
		return time.Duration(l.Config.QuotaDuration) * time.Second
	}
	return 24 * time.Hour
}

// nextFreeSlot estimates when the oldest publish of the window leaves it.
func (p *publisher) nextFreeSlot(ctx context.Context, l *graph.PublishingLimit) string {
	window := quotaWindow(l)
	var oldest time.Time
	for media, err := range p.data.Client.Media.List(ctx, p.account, graph.ListOptions{
		Fields: []string{"id", "timestamp"}, Since: p.data.Now().Add(-window), Limit: l.Config.QuotaTotal,
	}) {
		if err != nil {
			break
		}
		if ts, err := graph.ParseTime(media.Timestamp); err == nil && (oldest.IsZero() || ts.Before(oldest)) {
			oldest = ts
		}
	}
	if oldest.IsZero() {
		return "A slot frees up as older posts leave the window."
	}
	return fmt.Sprintf("The next slot frees up at about %s.", oldest.Add(window).UTC().Format(time.RFC3339))
}

// createContainers creates the post's container (and, for a carousel, its
// items' containers concurrently) and returns the container to publish.
func (p *publisher) createContainers(ctx context.Context, m *mediaModel, diags *diag.Diagnostics) string {
	params, d := containerParams(ctx, m)
	diags.Append(d...)
	if diags.HasError() {
		return ""
	}
	if m.Type.ValueString() == mediaTypeCarousel {
		children, d := carouselItemParams(ctx, m)
		diags.Append(d...)
		if diags.HasError() {
			return ""
		}
		ids := p.createCarouselItems(ctx, children, diags)
		if ids == nil {
			return ""
		}
		params.Children = ids
	}
	id, err := p.createContainer(ctx, params)
	if err != nil {
		common.AddAPIError(diags, containerErrorPath(err), "Cannot create the media container", err)
		return ""
	}
	return id
}

// createContainer creates one container. The client resends a create whose
// answer was lost (an orphan container is never published and expires).
func (p *publisher) createContainer(ctx context.Context, params graph.ContainerParams) (string, error) {
	id, _, err := p.data.Client.Media.CreateContainer(ctx, p.account, params)
	return id, err
}

// createCarouselItems creates all item containers concurrently and waits
// until each has finished processing. It returns nil on any failure.
func (p *publisher) createCarouselItems(ctx context.Context, items []graph.ContainerParams, diags *diag.Diagnostics) []string {
	ids := make([]string, len(items))
	itemDiags := make([]diag.Diagnostics, len(items))
	var wg sync.WaitGroup
	for i, item := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			itemPath := path.Root("children").AtListIndex(i)
			id, err := p.createContainer(ctx, item)
			if err != nil {
				common.AddAPIError(&itemDiags[i], itemPath, fmt.Sprintf("Cannot create the container of carousel item %d", i), err)
				return
			}
			if p.waitFinished(ctx, id, itemPath, &itemDiags[i]) {
				ids[i] = id
			}
		}()
	}
	wg.Wait()
	for _, d := range itemDiags {
		diags.Append(d...)
	}
	if diags.HasError() {
		return nil
	}
	return ids
}

// waitFinished polls a container until it is ready to publish, backing off
// from the provider's poll interval, bounded by the create timeout.
func (p *publisher) waitFinished(ctx context.Context, id string, at path.Path, diags *diag.Diagnostics) bool {
	wait := p.data.PollInterval
	maxWait := min(30*time.Second, 20*p.data.PollInterval)
	for {
		c, _, err := p.data.Client.Media.GetContainer(ctx, id)
		if err != nil {
			common.AddAPIError(diags, at, "Cannot read the media container status", err)
			return false
		}
		switch c.StatusCode {
		case graph.ContainerFinished:
			return true
		case graph.ContainerError:
			common.AddError(diags, at, "Instagram could not process the media", containerFailure(id, c.Status))
			return false
		case graph.ContainerExpired:
			common.AddError(diags, at, "Media container expired",
				fmt.Sprintf("Container %s expired before it was published (containers live 24 hours). Apply again to create a new one.", id))
			return false
		case graph.ContainerPublished:
			return true
		}
		tflog.Debug(ctx, "container not ready yet", map[string]any{"container_id": id, "status_code": c.StatusCode, "next_poll": wait.String()})
		select {
		case <-ctx.Done():
			common.AddError(diags, at, "Timed out waiting for Instagram to process the media",
				fmt.Sprintf("Container %s was still %s when the create timeout ran out. Video processing can take minutes: "+
					"raise timeouts.create, or check that the video meets Instagram's specifications (MP4/MOV, H.264/HEVC, 3 s – 15 min).", id, c.StatusCode))
			return false
		case <-time.After(wait):
		}
		wait = min(maxWait, wait*3/2)
	}
}

// publishContainer publishes once. When the answer is lost, it re-reads the
// container instead of publishing again: PUBLISHED means the post exists and
// its id is recovered from the account's newest media.
func (p *publisher) publishContainer(ctx context.Context, m *mediaModel, containerID string, diags *diag.Diagnostics) string {
	started := p.data.Now()
	for {
		mediaID, _, err := p.data.Client.Media.Publish(ctx, p.account, containerID)
		if err == nil {
			return mediaID
		}
		var gerr *graph.Error
		var amb *graph.AmbiguousError
		switch {
		case errors.As(err, &gerr) && gerr.Code == 9007:
			// Not ready after all: wait for processing, then publish again.
			if !p.waitFinished(ctx, containerID, path.Empty(), diags) {
				return ""
			}
			select {
			case <-ctx.Done():
				common.AddAPIError(diags, path.Empty(), "Timed out publishing the post", err)
				return ""
			case <-time.After(p.data.PollInterval):
			}
			continue
		case errors.As(err, &amb):
			return p.recoverPublish(ctx, m, containerID, started, err, diags)
		case errors.As(err, &gerr) && gerr.Code == 9 && gerr.Subcode == 2207042:
			p.quotaUsedUp(ctx, nil, err, diags)
			return ""
		default:
			common.AddAPIError(diags, path.Empty(), "Cannot publish the post", err)
			return ""
		}
	}
}

func (p *publisher) recoverPublish(ctx context.Context, m *mediaModel, containerID string, started time.Time, cause error, diags *diag.Diagnostics) string {
	tflog.Warn(ctx, "media_publish answer lost; reading the container to find out whether it was published", map[string]any{"container_id": containerID})
	c, _, err := p.data.Client.Media.GetContainer(ctx, containerID)
	if err != nil {
		common.AddAPIError(diags, path.Empty(), "Publishing may have succeeded, but its status cannot be read",
			fmt.Errorf("%w\n\nAfter that, reading container %s failed: %s. Check the account before applying again; import the post if it was published", cause, containerID, common.DescribeError(err)))
		return ""
	}
	switch c.StatusCode {
	case graph.ContainerFinished:
		// Provably not published: publishing now cannot make a duplicate.
		mediaID, _, err := p.data.Client.Media.Publish(ctx, p.account, containerID)
		if err != nil {
			common.AddAPIError(diags, path.Empty(), "Cannot publish the post", err)
			return ""
		}
		return mediaID
	case graph.ContainerPublished:
		if id := p.findPublished(ctx, m, started); id != "" {
			tflog.Info(ctx, "recovered the id of a post whose publish answer was lost", map[string]any{"media_id": id})
			return id
		}
		diags.AddError("Post published, but its id could not be recovered",
			fmt.Sprintf("Container %s was published, but the answer was lost and the post could not be found among the account's "+
				"newest media. Find it on Instagram and run `terraform import` with its media id instead of applying again, "+
				"which would publish it a second time.", containerID))
		return ""
	default:
		common.AddAPIError(diags, path.Empty(), "Cannot publish the post",
			fmt.Errorf("%w\n\nThe container is now %s", cause, c.StatusCode))
		return ""
	}
}

// findPublished finds the post a lost media_publish created: the newest media
// of the right kind, published since the attempt began, with the caption.
func (p *publisher) findPublished(ctx context.Context, m *mediaModel, since time.Time) string {
	fields := []string{"id", "caption", "media_product_type", "timestamp"}
	opts := graph.ListOptions{Fields: fields, Limit: 25}
	list := p.data.Client.Media.List
	wantProduct := "FEED"
	switch m.Type.ValueString() {
	case mediaTypeStories:
		list, wantProduct = p.data.Client.Media.ListStories, "STORY"
	case mediaTypeReels:
		wantProduct = "REELS"
	}
	for media, err := range list(ctx, p.account, opts) {
		if err != nil {
			return ""
		}
		ts, err := graph.ParseTime(media.Timestamp)
		if err == nil && ts.Before(since.Add(-2*time.Minute)) {
			return "" // newest first: everything further is older than the attempt
		}
		if media.MediaProductType == wantProduct && media.Caption == m.Caption.ValueString() {
			return media.ID
		}
	}
	return ""
}

// containerFailure explains an ERROR container using Meta's publishing error
// subcodes.
func containerFailure(id, status string) string {
	msg := fmt.Sprintf("Container %s ended in ERROR", id)
	if status != "" {
		msg += fmt.Sprintf(" (%s)", status)
	}
	if sub := subcodeIn(status); sub != 0 {
		if why, ok := publishingSubcodes[sub]; ok {
			return msg + ": " + why
		}
	}
	return msg + ". Check that the media meets Instagram's specifications and the URL is publicly reachable, then apply again."
}

var publishingSubcodes = map[int]string{
	2207001: "Instagram had a server error. Apply again.",
	2207003: "downloading the media timed out. Make sure the URL answers quickly, then apply again.",
	2207004: "the image is larger than 8 MB.",
	2207005: "the image format is not supported; use JPEG.",
	2207009: "the image aspect ratio must be between 4:5 and 1.91:1.",
	2207010: "the caption exceeds 2200 characters, 30 hashtags or 20 @mentions.",
	2207020: "the container expired before it was published. Apply again.",
	2207026: "the video format is not supported; use MP4 or MOV (H.264 or HEVC, AAC audio).",
	2207032: "creating the media failed. Apply again.",
	2207052: "Instagram could not download the media from its URL. It must be public and point at the file itself.",
	2207053: "an unknown upload error occurred. Apply again.",
	2207057: "thumb_offset is outside the video (it must be ≥ 0 and shorter than the video).",
}

func subcodeIn(status string) int {
	for _, f := range strings.FieldsFunc(status, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(f) == 7 {
			if n, err := strconv.Atoi(f); err == nil {
				return n
			}
		}
	}
	return 0
}

// containerErrorPath points a container creation error at the attribute it
// is about, when Meta's subcode says so.
func containerErrorPath(err error) path.Path {
	var gerr *graph.Error
	if !errors.As(err, &gerr) {
		return path.Empty()
	}
	switch gerr.Subcode {
	case 2207010, 2207040:
		return path.Root("caption")
	case 2207028:
		return path.Root("children")
	}
	return path.Empty()
}
