package workflow

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// ParentItem is the Item of an error about the post's own container (a
// single post, or a carousel's parent) rather than a carousel item.
const ParentItem = -1

// Every error below except PublishUnknownError and PublishedNotRecoveredError
// means nothing was published (see MayHavePublished).

// QuotaError: the account's 24-hour publishing quota is used up, found by the
// check before anything was created, or answered by media_publish (code 9,
// subcode 2207042) when concurrent publishes raced past the check.
type QuotaError struct {
	AccountID    string
	Usage, Total int           // quota_usage and quota_total; 0 when they could not be read
	Window       time.Duration // quota_duration (24 hours)
	NextFreeSlot time.Time     // when the oldest publish of the window leaves it; zero when unknown
	Cause        error         // media_publish's answer; nil when the check found it
}

func (e *QuotaError) Error() string {
	var b strings.Builder
	if e.Total > 0 {
		fmt.Fprintf(&b, "publishing quota used up: account %s has published %d of %d posts allowed in the last %d hours",
			e.AccountID, e.Usage, e.Total, int(e.Window.Hours()))
	} else {
		fmt.Fprintf(&b, "publishing quota used up for account %s", e.AccountID)
	}
	if !e.NextFreeSlot.IsZero() {
		fmt.Fprintf(&b, "; the next slot frees up at about %s", e.NextFreeSlot.UTC().Format(time.RFC3339))
	} else {
		b.WriteString("; a slot frees up as older posts leave the window")
	}
	b.WriteString("; nothing was published")
	if e.Cause != nil {
		b.WriteString(": " + e.Cause.Error())
	}
	return b.String()
}

func (e *QuotaError) Unwrap() error { return e.Cause }

// ContainerError: Instagram refused to create a container (Err is its
// answer), or processing the container ended in ERROR (Status is its status
// text).
type ContainerError struct {
	Item        int    // carousel item index, or ParentItem
	ContainerID string // "" when creating it failed
	Status      string // status text of an ERROR container, e.g. "Error: 2207026"
	Subcode     int    // Meta's subcode, from Status or from Err; 0 when none
	Explanation string // graph.ExplainSubcode's text; "" for an unknown subcode
	Attribute   string // the container parameter the subcode is about (graph.SubcodeAttribute); "" when none
	// Uploaded: the container's video was uploaded from a file (Post.Videos),
	// so an error about "video_url" is about that file.
	Uploaded bool
	Err      error // the refusal of POST /{ig-user-id}/media; nil when processing failed
}

func (e *ContainerError) Error() string {
	var msg string
	if e.Err != nil {
		msg = fmt.Sprintf("creating the container of %s failed: %v", itemName(e.Item), e.Err)
	} else {
		msg = fmt.Sprintf("Instagram could not process %s: container %s ended in ERROR", itemName(e.Item), e.ContainerID)
		if e.Status != "" {
			msg += " (" + e.Status + ")"
		}
	}
	switch {
	case e.Explanation != "":
		msg += ". " + e.Explanation
	case e.Err == nil:
		msg += ". Check that the media meets Instagram's specifications and that its URL is publicly reachable, then try again."
	}
	return msg + " Nothing was published."
}

func (e *ContainerError) Unwrap() error { return e.Err }

// ContainerExpiredError: a container expired (after 24 hours) before it was
// published.
type ContainerExpiredError struct {
	Item        int
	ContainerID string
}

func (e *ContainerExpiredError) Error() string {
	return fmt.Sprintf("container %s of %s expired before it was published (containers live 24 hours); nothing was published, try again",
		e.ContainerID, itemName(e.Item))
}

// UploadError: sending a local video file to its container failed (or ctx's
// deadline passed meanwhile). Nothing was published; the container expires
// unused.
type UploadError struct {
	Item        int
	ContainerID string
	Path        string
	Err         error
}

func (e *UploadError) Error() string {
	return fmt.Sprintf("uploading %s to the container of %s (%s) failed, nothing was published: %v", e.Path, itemName(e.Item), e.ContainerID, e.Err)
}

func (e *UploadError) Unwrap() error { return e.Err }

// ProcessingTimeoutError: ctx's deadline passed while Instagram was still
// processing a container.
type ProcessingTimeoutError struct {
	Item        int
	ContainerID string
	StatusCode  string // the last status_code read, e.g. IN_PROGRESS; "" when none was read
	Err         error  // the context's error
}

func (e *ProcessingTimeoutError) Error() string {
	status := e.StatusCode
	if status == "" {
		status = "unread"
	}
	return fmt.Sprintf("timed out waiting for Instagram to process %s (container %s, status %s); nothing was published. "+
		"Video processing can take minutes: allow more time, or check that the video meets Instagram's specifications "+
		"(MP4/MOV, H.264/HEVC, 3 s to 15 min)", itemName(e.Item), e.ContainerID, status)
}

func (e *ProcessingTimeoutError) Unwrap() error { return e.Err }

// ItemFailure is why one carousel item could not be made ready.
type ItemFailure struct {
	Index int
	Err   error // *ContainerError, *UploadError, *ContainerExpiredError, *ProcessingTimeoutError or a Graph error
}

// ItemsError: carousel items failed, so the carousel itself was never
// created. Failures are in item order.
type ItemsError struct {
	Items    int // how many items the carousel has
	Failures []ItemFailure
}

func (e *ItemsError) Error() string {
	parts := make([]string, len(e.Failures))
	for i, f := range e.Failures {
		parts[i] = fmt.Sprintf("item %d: %v", f.Index, f.Err)
	}
	return fmt.Sprintf("%d of %d carousel items failed, nothing was published: %s", len(e.Failures), e.Items, strings.Join(parts, "; "))
}

func (e *ItemsError) Unwrap() []error {
	out := make([]error, len(e.Failures))
	for i, f := range e.Failures {
		out[i] = f.Err
	}
	return out
}

// PublishError: media_publish was refused (or its lost answers were all
// proven to have published nothing). Nothing was published.
type PublishError struct {
	ContainerID string
	Err         error
}

func (e *PublishError) Error() string {
	return fmt.Sprintf("publishing container %s failed, nothing was published: %v", e.ContainerID, e.Err)
}

func (e *PublishError) Unwrap() error { return e.Err }

// LostAnswersError: a write that is not safe to resend (media_publish, a
// comment) was sent Times times, every answer was lost, and each time
// reading proved that it had not taken effect. Nothing was done. It does not
// unwrap to the lost answer (a *graph.AmbiguousError): the doubt was settled,
// and a diagnostic must not say that the request may have reached Instagram.
type LostAnswersError struct {
	Request string // what was sent, e.g. "media_publish"
	Times   int
	Last    error // the last lost answer
}

func (e *LostAnswersError) Error() string {
	last := e.Last
	var amb *graph.AmbiguousError
	if errors.As(last, &amb) {
		last = amb.Err
	}
	return fmt.Sprintf("%s was sent %d times and every answer was lost (last: %v); each time reading showed that it had not "+
		"taken effect, so nothing was done. Apply again", e.Request, e.Times, last)
}

// PublishUnknownError: the answer to media_publish was lost and reading the
// container did not tell whether it was published. The post may exist.
type PublishUnknownError struct {
	ContainerID string
	Cause       error  // the lost answer (*graph.AmbiguousError)
	Err         error  // why the container could not tell; nil when Status says it
	StatusCode  string // the container's status_code, when it was read
}

func (e *PublishUnknownError) Error() string {
	msg := fmt.Sprintf("publishing container %s may or may not have succeeded: %v", e.ContainerID, e.Cause)
	if e.Err != nil {
		msg += fmt.Sprintf("; reading the container afterwards failed: %v", e.Err)
	} else {
		msg += "; the container is now " + e.StatusCode
	}
	return msg + ". Check the account: if the post exists, import it instead of publishing again"
}

func (e *PublishUnknownError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Cause}
	}
	return []error{e.Cause, e.Err}
}

// PublishedNotRecoveredError: the container was published (the post exists),
// but the answer carrying its media id was lost and the post could not be
// found among the account's newest media. Publishing again would post twice.
type PublishedNotRecoveredError struct {
	ContainerID string
	Err         error // why the lookup failed; nil when it found no matching post
}

func (e *PublishedNotRecoveredError) Error() string {
	msg := fmt.Sprintf("container %s was published, but the answer was lost and the post could not be found among the account's newest media", e.ContainerID)
	if e.Err != nil {
		msg += fmt.Sprintf(" (%v)", e.Err)
	}
	return msg + ". The post exists: find its media id and import it instead of publishing again, which would post it twice"
}

func (e *PublishedNotRecoveredError) Unwrap() error { return e.Err }

// MayHavePublished reports an error after which a post may exist (or does):
// the caller must not publish again without looking.
func MayHavePublished(err error) bool {
	var unknown *PublishUnknownError
	var lost *PublishedNotRecoveredError
	return errors.As(err, &unknown) || errors.As(err, &lost)
}

func itemName(item int) string {
	if item == ParentItem {
		return "the post"
	}
	return fmt.Sprintf("carousel item %d", item)
}
