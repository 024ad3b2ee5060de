package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Media containers: what POST /{ig-user-id}/media creates and media_publish
// publishes (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).

// ContainerParams are the parameters of POST /{ig-user-id}/media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
// The fields are those the publishing workflow itself works with; every
// other parameter of the post is in Params.
type ContainerParams struct {
	// MediaType: "" or IMAGE for a single image (not sent), REELS, STORIES,
	// CAROUSEL, or VIDEO for a carousel's video item.
	MediaType      string
	IsCarouselItem bool
	Children       []string // container ids, CAROUSEL only; sent comma-separated
	// UploadType UploadResumable: the video's bytes are sent to the
	// container's upload URI (Uploads.Upload) instead of fetched from
	// video_url. Set by CreateUploadContainer.
	UploadType string
	// Params are the post's other parameters by name (image_url, video_url,
	// caption, alt_text, user_tags, collaborators, trial_params, …), each
	// already encoded as Graph reads it (EncodeParam). Empty values are not
	// sent.
	Params map[string]string
}

// Param is the encoded value of one of Params ("" when unset).
func (p ContainerParams) Param(name string) string { return p.Params[name] }

// UploadResumable is the upload_type of a container whose video is uploaded.
const UploadResumable = "resumable"

// Graduation strategies of a trial reel (its trial_params).
const (
	GraduationManual        = "MANUAL"         // the account graduates it in the app
	GraduationSSPerformance = "SS_PERFORMANCE" // Instagram graduates it if it performs well with non-followers
)

// EncodeParam encodes a parameter value as Graph reads it: a string as it
// is, a boolean as "true" or "false", a number in decimal, and anything
// else (lists, objects: user_tags, collaborators, trial_params …) as JSON
// text, which Meta's reference shows for object and array parameters.
func EncodeParam(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// workflowParams are the parameters ContainerParams' own fields send.
var workflowParams = map[string]bool{"media_type": true, "is_carousel_item": true, "children": true, "upload_type": true}

// values encodes p: its fields, then Params.
func (p ContainerParams) values() (url.Values, error) {
	v := url.Values{}
	if p.MediaType != "" && p.MediaType != MediaTypeImage {
		v.Set("media_type", p.MediaType)
	}
	if p.IsCarouselItem {
		v.Set("is_carousel_item", "true")
	}
	if len(p.Children) > 0 {
		v.Set("children", strings.Join(p.Children, ","))
	}
	if p.UploadType != "" {
		v.Set("upload_type", p.UploadType)
	}
	for name, value := range p.Params {
		if workflowParams[name] {
			return nil, fmt.Errorf("graph: container parameter %q is set by its own field", name)
		}
		if value != "" {
			v.Set(name, value)
		}
	}
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
	p.UploadType = UploadResumable
	if p.Params["video_url"] != "" {
		p.Params = maps.Clone(p.Params)
		delete(p.Params, "video_url") // the bytes come from the upload
	}
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
