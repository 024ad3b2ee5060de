package media

import (
	"context"
	"time"
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
