package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Media containers: what POST /{ig-user-id}/media creates and media_publish
// publishes (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).

// ContainerParams are the parameters of POST /{ig-user-id}/media. Empty
// values are not sent.
type ContainerParams struct {
	MediaType      string // "" or IMAGE for a single image; REELS, STORIES, CAROUSEL, VIDEO (carousel item)
	ImageURL       string
	VideoURL       string
	IsCarouselItem bool
	Children       []string // container ids, CAROUSEL only
	Caption        string
	AltText        string
	LocationID     string
	UserTags       []UserTag
	Collaborators  []string // usernames
	ShareToFeed    *bool    // reels
	CoverURL       string   // reels
	ThumbOffset    *int64   // ms, videos
	AudioName      string   // reels

	// UploadType UploadResumable: the video's bytes are sent to the
	// container's upload URI (Uploads.Upload) instead of fetched from
	// VideoURL. Set by CreateUploadContainer.
	UploadType string
	// TrialParams make a reel a trial reel, shown to non-followers first.
	TrialParams *TrialParams
	// BrandedContentSponsorIDs are the IG user ids of the brand partners of
	// a paid partnership; IsPaidPartnership adds the "Paid partnership" label.
	BrandedContentSponsorIDs []string
	IsPaidPartnership        *bool
	// IsAIGenerated adds the "AI info" label (a carousel's parent only).
	IsAIGenerated *bool

	// Caption add-ons (Facebook login only; feed images, reels and a
	// carousel's parent; never stories): a poll, whose question is the
	// caption, or a comment prompt, never both.
	Poll *Poll
	// IsPollDurationExtended keeps the poll open beyond 3 days.
	IsPollDurationExtended *bool
	// IsCommentPromptUsed makes the caption a prompt to answer in the comments.
	IsCommentPromptUsed *bool
	// AudioConfiguration puts licensed audio on a reel (Facebook login only).
	AudioConfiguration *AudioConfiguration
}

// Poll is a caption add-on poll: 2 to 4 options. It is sent as
// poll_attachment={"option_a":"…","option_b":"…"[,"option_c":"…"[,"option_d":"…"]]}:
// Meta's Caption Add-ons guide describes "a JSON object containing the
// options for the poll", whose keys we take from Threads' parameter of the
// same name (https://developers.facebook.com/documentation/threads/create-posts/polls)
// and Instagram's poll_attachment reading edge (uncertain).
type Poll struct {
	Options []string
}

// MarshalJSON encodes the options as option_a … option_d.
func (p Poll) MarshalJSON() ([]byte, error) {
	if len(p.Options) < 2 || len(p.Options) > len(PollOptionKeys) {
		return nil, fmt.Errorf("graph: a poll has 2 to %d options, not %d", len(PollOptionKeys), len(p.Options))
	}
	m := make(map[string]string, len(p.Options))
	for i, o := range p.Options {
		m[PollOptionKeys[i]] = o
	}
	return json.Marshal(m) // keys sorted: option_a first
}

// PollOptionKeys are the keys of poll options, in order.
var PollOptionKeys = []string{"option_a", "option_b", "option_c", "option_d"}

// AudioConfiguration is audio_configuration: a licensed track (an
// AudioAsset's id) and its volume against the video's own sound, 0–100
// each, Meta's default 100. Sent as a JSON string (Audio API guide; Meta's
// Python SDK types the parameter string).
type AudioConfiguration struct {
	AudioID     string `json:"audio_id"`
	AudioVolume *int   `json:"audio_volume,omitempty"`
	VideoVolume *int   `json:"video_volume,omitempty"`
}

// UploadResumable is the upload_type of a container whose video is uploaded.
const UploadResumable = "resumable"

// Graduation strategies of a trial reel.
const (
	GraduationManual        = "MANUAL"         // the account graduates it in the app
	GraduationSSPerformance = "SS_PERFORMANCE" // Instagram graduates it if it performs well with non-followers
)

// TrialParams is the trial_params parameter of a reel.
type TrialParams struct {
	GraduationStrategy string `json:"graduation_strategy"`
}

// UserTag tags a user on an image, reel or story. X and Y (0–1 from the top
// left) are required on images and omitted on stories.
type UserTag struct {
	Username string   `json:"username"`
	X        *float64 `json:"x,omitempty"`
	Y        *float64 `json:"y,omitempty"`
}

// values encodes p as Graph expects: JSON for user_tags, collaborators,
// trial_params, branded_content_sponsor_ids, poll_attachment and
// audio_configuration (JSON text in a form value, never a nested JSON body:
// Graph is reported to ignore those), comma-separated children,
// "true"/"false" booleans.
func (p ContainerParams) values() (url.Values, error) {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	if p.MediaType != MediaTypeImage {
		set("media_type", p.MediaType)
	}
	set("image_url", p.ImageURL)
	set("video_url", p.VideoURL)
	if p.IsCarouselItem {
		v.Set("is_carousel_item", "true")
	}
	set("children", strings.Join(p.Children, ","))
	set("caption", p.Caption)
	set("alt_text", p.AltText)
	set("location_id", p.LocationID)
	for _, j := range []struct {
		name string
		set  bool
		val  any
	}{
		{"user_tags", len(p.UserTags) > 0, p.UserTags},
		{"collaborators", len(p.Collaborators) > 0, p.Collaborators},
		{"trial_params", p.TrialParams != nil, p.TrialParams},
		{"branded_content_sponsor_ids", len(p.BrandedContentSponsorIDs) > 0, p.BrandedContentSponsorIDs},
		{"poll_attachment", p.Poll != nil, p.Poll},
		{"audio_configuration", p.AudioConfiguration != nil, p.AudioConfiguration},
	} {
		if !j.set {
			continue
		}
		b, err := json.Marshal(j.val)
		if err != nil {
			return nil, err
		}
		v.Set(j.name, string(b))
	}
	for _, b := range []struct {
		name string
		val  *bool
	}{
		{"share_to_feed", p.ShareToFeed}, {"is_paid_partnership", p.IsPaidPartnership}, {"is_ai_generated", p.IsAIGenerated},
		{"is_poll_duration_extended", p.IsPollDurationExtended}, {"is_comment_prompt_used", p.IsCommentPromptUsed},
	} {
		if b.val != nil {
			v.Set(b.name, strconv.FormatBool(*b.val))
		}
	}
	set("cover_url", p.CoverURL)
	if p.ThumbOffset != nil {
		v.Set("thumb_offset", strconv.FormatInt(*p.ThumbOffset, 10))
	}
	set("audio_name", p.AudioName)
	set("upload_type", p.UploadType)
	return v, nil
}

// idResponse is {"id": "…"}.
type idResponse struct {
	ID string `json:"id"`
}

// CreateContainer sends POST /{ig-user-id}/media and returns the container
// id. Not idempotent: an *AmbiguousError means a container may exist.
func (s *MediaService) CreateContainer(ctx context.Context, igUserID string, p ContainerParams) (string, *Response, error) {
	path, err := nodePath(igUserID, "media")
	if err != nil {
		return "", nil, err
	}
	params, err := p.values()
	if err != nil {
		return "", nil, fmt.Errorf("graph: encoding container parameters: %w", err)
	}
	// Safe to resend although not idempotent: a container is invisible until
	// published, so one whose answer was lost simply expires after 24 hours.
	return s.postForID(ctx, &Request{Method: http.MethodPost, Path: path, Params: params, Idempotent: true})
}

// UploadContainer is a container created for an upload: its id and the
// URI its video's bytes go to (Uploads.Upload).
type UploadContainer struct {
	ID  string `json:"id"`
	URI string `json:"uri"`
}

// CreateUploadContainer sends POST /{ig-user-id}/media with
// upload_type=resumable (a REELS, STORIES or carousel VIDEO container whose
// video is uploaded rather than fetched from video_url) and returns the
// container and its upload URI
// (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads).
// Resent like CreateContainer: an unused container expires.
func (s *MediaService) CreateUploadContainer(ctx context.Context, igUserID string, p ContainerParams) (*UploadContainer, *Response, error) {
	path, err := nodePath(igUserID, "media")
	if err != nil {
		return nil, nil, err
	}
	p.UploadType, p.VideoURL = UploadResumable, ""
	params, err := p.values()
	if err != nil {
		return nil, nil, fmt.Errorf("graph: encoding container parameters: %w", err)
	}
	out := new(UploadContainer)
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodPost, Path: path, Params: params, Idempotent: true}, out)
	if err != nil {
		return nil, resp, err
	}
	if out.ID == "" || out.URI == "" {
		return nil, resp, fmt.Errorf("graph: POST %s: response has no id or upload uri", path)
	}
	return out, resp, nil
}

// Publish sends POST /{ig-user-id}/media_publish and returns the media id.
// Never resent: on *AmbiguousError read the container (status_code
// PUBLISHED) or the account's recent media to learn the outcome.
func (s *MediaService) Publish(ctx context.Context, igUserID, creationID string) (string, *Response, error) {
	path, err := nodePath(igUserID, "media_publish")
	if err != nil {
		return "", nil, err
	}
	if creationID == "" {
		return "", nil, errors.New("graph: empty creation_id")
	}
	return s.postForID(ctx, &Request{Method: http.MethodPost, Path: path, Params: url.Values{"creation_id": {creationID}}})
}

func (s *MediaService) postForID(ctx context.Context, req *Request) (string, *Response, error) {
	var out idResponse
	resp, err := s.client.Do(ctx, req, &out)
	if err != nil {
		return "", resp, err
	}
	if out.ID == "" {
		return "", resp, fmt.Errorf("graph: POST %s: response has no id", req.Path)
	}
	return out.ID, resp, nil
}

// Container is an IG Container (a media upload before publishing).
type Container struct {
	ID         string `json:"id"`
	StatusCode string `json:"status_code"` // IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED
	Status     string `json:"status,omitempty"`
	// VideoStatus is set by GetUploadStatus, when Meta reports it.
	VideoStatus *VideoStatus `json:"video_status,omitempty"`
}

// VideoStatus is an upload container's video_status: how much of the
// video was received (uploading_phase) and its processing.
type VideoStatus struct {
	UploadingPhase  *UploadPhase `json:"uploading_phase,omitempty"`
	ProcessingPhase *UploadPhase `json:"processing_phase,omitempty"`
}

// UploadPhase is one phase of VideoStatus.
type UploadPhase struct {
	Status           string `json:"status,omitempty"` // not_started, in_progress, complete, error
	BytesTransferred *int64 `json:"bytes_transferred,omitempty"`
}

// GetContainer reads GET /{container-id}?fields=id,status_code,status.
func (s *MediaService) GetContainer(ctx context.Context, id string) (*Container, *Response, error) {
	return s.getContainer(ctx, id, "id,status_code,status")
}

// GetUploadStatus reads GET /{container-id}?fields=id,status_code,video_status:
// how many bytes of an uploaded video Meta has (VideoStatus.UploadingPhase).
func (s *MediaService) GetUploadStatus(ctx context.Context, id string) (*Container, *Response, error) {
	return s.getContainer(ctx, id, "id,status_code,video_status")
}

func (s *MediaService) getContainer(ctx context.Context, id, fields string) (*Container, *Response, error) {
	path, err := nodePath(id)
	if err != nil {
		return nil, nil, err
	}
	c := new(Container)
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {fields}}}, c)
	if err != nil {
		return nil, resp, err
	}
	return c, resp, nil
}
