package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// MediaService publishes, reads, updates and deletes IG Media.
type MediaService service

// Media types accepted by POST /{ig-user-id}/media.
const (
	MediaTypeImage    = "IMAGE" // never sent: a single image has no media_type
	MediaTypeVideo    = "VIDEO" // carousel video item
	MediaTypeReels    = "REELS"
	MediaTypeStories  = "STORIES"
	MediaTypeCarousel = "CAROUSEL"
)

// Container status_code values.
const (
	ContainerInProgress = "IN_PROGRESS"
	ContainerFinished   = "FINISHED"
	ContainerPublished  = "PUBLISHED"
	ContainerError      = "ERROR"
	ContainerExpired    = "EXPIRED"
)

// media_product_type and the album media_type of published media (IMAGE and
// VIDEO are the MediaType constants above).
const (
	ProductFeed            = "FEED"
	ProductReels           = "REELS"
	ProductStory           = "STORY"
	MediaTypeCarouselAlbum = "CAROUSEL_ALBUM"
)

// TimeLayout is Graph's timestamp format, e.g. "2026-05-01T10:00:00+0000".
const TimeLayout = "2006-01-02T15:04:05-0700"

// ParseTime parses a Graph timestamp (falls back to RFC 3339).
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(TimeLayout, s)
	if err != nil {
		if t2, err2 := time.Parse(time.RFC3339, s); err2 == nil {
			return t2, nil
		}
		return time.Time{}, fmt.Errorf("graph: invalid timestamp %q: %w", s, err)
	}
	return t, nil
}

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
// trial_params and branded_content_sponsor_ids, comma-separated children,
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

// Media is an IG Media node: one of the account's own posts, or another
// account's, read through business discovery, a hashtag or /tags, where only
// public fields are readable. Counts are pointers: Graph omits like_count
// (rather than sending 0) when the owner hides likes.
type Media struct {
	ID               string         `json:"id"`
	Caption          string         `json:"caption,omitempty"`
	MediaType        string         `json:"media_type,omitempty"`         // IMAGE, VIDEO, CAROUSEL_ALBUM
	MediaProductType string         `json:"media_product_type,omitempty"` // FEED, REELS, STORY, AD
	MediaURL         string         `json:"media_url,omitempty"`
	ThumbnailURL     string         `json:"thumbnail_url,omitempty"`
	Permalink        string         `json:"permalink,omitempty"`
	Shortcode        string         `json:"shortcode,omitempty"`
	Timestamp        string         `json:"timestamp,omitempty"` // TimeLayout; see ParseTime
	Username         string         `json:"username,omitempty"`
	AltText          string         `json:"alt_text,omitempty"`
	Owner            *MediaOwner    `json:"owner,omitempty"`
	CommentsCount    *int64         `json:"comments_count,omitempty"`
	LikeCount        *int64         `json:"like_count,omitempty"`
	ViewCount        *int64         `json:"view_count,omitempty"` // reels of other accounts (business discovery)
	IsCommentEnabled *bool          `json:"is_comment_enabled,omitempty"`
	IsSharedToFeed   *bool          `json:"is_shared_to_feed,omitempty"`
	Children         *MediaChildren `json:"children,omitempty"`
}

// MediaOwner is the owner of a media (only returned to its creator).
type MediaOwner struct {
	ID string `json:"id"`
}

// MediaChildren holds carousel children.
type MediaChildren struct {
	Data []Media `json:"data"`
}

// Time parses Timestamp.
func (m *Media) Time() (time.Time, error) { return ParseTime(m.Timestamp) }

// MediaFields are the fields read when none are given.
var MediaFields = []string{
	"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url",
	"permalink", "shortcode", "timestamp", "username", "owner", "comments_count",
	"like_count", "is_comment_enabled", "is_shared_to_feed", "alt_text",
	"children{id,media_type,media_url,thumbnail_url,timestamp}",
}

// Get reads GET /{media-id}?fields=…; nil fields → MediaFields.
func (s *MediaService) Get(ctx context.Context, id string, fields []string) (*Media, *Response, error) {
	path, err := nodePath(id)
	if err != nil {
		return nil, nil, err
	}
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {fieldsParam(fields, MediaFields)}}}
	m := new(Media)
	resp, err := s.client.Do(ctx, req, m)
	if err != nil {
		return nil, resp, err
	}
	return m, resp, nil
}

// ListOptions filters and bounds a media list.
type ListOptions struct {
	Fields   []string  // nil → MediaFields
	Limit    int       // List: stop after this many items; 0 = all
	PageSize int       // Graph's limit= per page; 0 = min(Limit, 100) or Graph's default
	Since    time.Time // zero = unbounded; sent as unix seconds
	Until    time.Time
	After    string // cursor to start from (MediaPage.After of the previous page)
}

func (o ListOptions) params() url.Values {
	v := url.Values{"fields": {fieldsParam(o.Fields, MediaFields)}}
	size := o.PageSize
	if size == 0 && o.Limit > 0 {
		size = min(o.Limit, 100)
	}
	if size > 0 {
		v.Set("limit", strconv.Itoa(size))
	}
	if !o.Since.IsZero() {
		v.Set("since", strconv.FormatInt(o.Since.Unix(), 10))
	}
	if !o.Until.IsZero() {
		v.Set("until", strconv.FormatInt(o.Until.Unix(), 10))
	}
	if o.After != "" {
		v.Set("after", o.After)
	}
	return v
}

// MediaPage is one page of a media edge, newest first; After is the cursor
// of the next page ("" on the last).
type MediaPage = PageOf[*Media]

// ListPage reads one page of GET /{ig-user-id}/media (fields, limit, since,
// until, after from opts), newest first. Pass page.After as opts.After to
// read the next one.
func (s *MediaService) ListPage(ctx context.Context, igUserID string, opts ListOptions) (*MediaPage, *Response, error) {
	return s.listPage(ctx, igUserID, "media", opts)
}

// ListStoriesPage reads one page of GET /{ig-user-id}/stories (stories of
// the last 24 h).
func (s *MediaService) ListStoriesPage(ctx context.Context, igUserID string, opts ListOptions) (*MediaPage, *Response, error) {
	return s.listPage(ctx, igUserID, "stories", opts)
}

// List iterates GET /{ig-user-id}/media, newest first, page by page
// (ListPage), up to opts.Limit items.
func (s *MediaService) List(ctx context.Context, igUserID string, opts ListOptions) iter.Seq2[*Media, error] {
	return s.list(ctx, igUserID, "media", opts)
}

// ListStories iterates GET /{ig-user-id}/stories (stories of the last 24 h).
func (s *MediaService) ListStories(ctx context.Context, igUserID string, opts ListOptions) iter.Seq2[*Media, error] {
	return s.list(ctx, igUserID, "stories", opts)
}

func (s *MediaService) listPage(ctx context.Context, igUserID, edge string, opts ListOptions) (*MediaPage, *Response, error) {
	path, err := nodePath(igUserID, edge)
	if err != nil {
		return nil, nil, err
	}
	return getPage[*Media](ctx, s.client, &Request{Method: http.MethodGet, Path: path, Params: opts.params()}, "")
}

func (s *MediaService) list(ctx context.Context, igUserID, edge string, opts ListOptions) iter.Seq2[*Media, error] {
	return iteratePages(func(after string) (*MediaPage, error) {
		o := opts
		o.After = after
		p, _, err := s.listPage(ctx, igUserID, edge, o)
		return p, err
	}, opts.After, opts.Limit)
}

// successResponse is {"success": true[, "deleted_id": "…"]}.
type successResponse struct {
	Success bool `json:"success"`
}

// SetCommentEnabled sends POST /{media-id} comment_enabled=true|false, the
// only update Graph allows on published media. Idempotent, so retried.
func (s *MediaService) SetCommentEnabled(ctx context.Context, mediaID string, enabled bool) (*Response, error) {
	path, err := nodePath(mediaID)
	if err != nil {
		return nil, err
	}
	req := &Request{
		Method:     http.MethodPost,
		Path:       path,
		Params:     url.Values{"comment_enabled": {strconv.FormatBool(enabled)}},
		Idempotent: true,
	}
	return s.client.doSuccess(ctx, req)
}

// Delete sends DELETE /{media-id} (Facebook Login only). Retried like any
// DELETE: a second delete of a deleted post answers not-found, which
// callers treat as done.
func (s *MediaService) Delete(ctx context.Context, mediaID string) (*Response, error) {
	path, err := nodePath(mediaID)
	if err != nil {
		return nil, err
	}
	return s.client.doSuccess(ctx, &Request{Method: http.MethodDelete, Path: path})
}

// doSuccess runs a call answered by {"success": bool}; false is an error.
func (c *Client) doSuccess(ctx context.Context, req *Request) (*Response, error) {
	var raw json.RawMessage
	resp, err := c.Do(ctx, req, &raw)
	if err != nil {
		return resp, err
	}
	var out successResponse
	if string(raw) == "true" { // older Graph answers a bare true
		out.Success = true
	} else if err := json.Unmarshal(raw, &out); err != nil {
		return resp, fmt.Errorf("graph: %s %s: decoding response: %w", req.Method, req.Path, err)
	}
	if !out.Success {
		return resp, fmt.Errorf("graph: %s %s: Graph answered success=false", req.Method, req.Path)
	}
	return resp, nil
}
