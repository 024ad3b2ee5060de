package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"reflect"
	"slices"
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

// PublishedType is what a post made from a container becomes: its
// media_type (IMAGE, VIDEO, CAROUSEL_ALBUM) and media_product_type (FEED,
// REELS, STORY). containerType is the container's media_type ("" or
// MediaTypeImage for a single image, MediaTypeVideo for a carousel item);
// video says the container holds a video (a story, a carousel item). The
// emulator's publishedType is tested equal to it.
func PublishedType(containerType string, video bool) (mediaType, productType string) {
	switch {
	case containerType == MediaTypeCarousel:
		return MediaTypeCarouselAlbum, ProductFeed
	case containerType == MediaTypeReels:
		return MediaTypeVideo, ProductReels
	case containerType == MediaTypeStories && video:
		return MediaTypeVideo, ProductStory
	case containerType == MediaTypeStories:
		return MediaTypeImage, ProductStory
	case video || containerType == MediaTypeVideo:
		return MediaTypeVideo, ProductFeed
	}
	return MediaTypeImage, ProductFeed
}

// ContainerType is the container media_type a published post was made
// from, as PublishedType maps it the other way (a video in the feed, which
// only older posts are, counts as a reel): MediaTypeImage for a single
// image, MediaTypeReels, MediaTypeStories or MediaTypeCarousel.
func ContainerType(mediaType, productType string) string {
	switch {
	case mediaType == MediaTypeCarouselAlbum:
		return MediaTypeCarousel
	case productType == ProductStory:
		return MediaTypeStories
	case mediaType == MediaTypeVideo || productType == ProductReels:
		return MediaTypeReels
	}
	return MediaTypeImage
}

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
	// Comments is the first page of the nested comments{…} field
	// (GetWithComments).
	Comments *NestedComments `json:"comments,omitempty"`

	// Fields of 2026 (https://developers.facebook.com/docs/instagram-platform/changelog).
	// MediaAudioType is MUSIC or ORIGINAL_SOUND (video only); IsAIGenerated
	// the AI info label. Both logins.
	MediaAudioType string `json:"media_audio_type,omitempty"`
	IsAIGenerated  *bool  `json:"is_ai_generated,omitempty"`
	// Facebook login only (2026-04-22); total_* include boosted posts and
	// ads. Not on carousel items; omitted where the owner hides them.
	RepostsCount       *int64 `json:"reposts_count,omitempty"`
	SavedCount         *int64 `json:"saved_count,omitempty"`
	SharesCount        *int64 `json:"shares_count,omitempty"`
	TotalLikeCount     *int64 `json:"total_like_count,omitempty"`
	TotalCommentsCount *int64 `json:"total_comments_count,omitempty"`
	TotalViewsCount    *int64 `json:"total_views_count,omitempty"` // video only
}

// Media fields of 2026 and the login they need.
var (
	// MediaFieldsBothLogins are read with either login.
	MediaFieldsBothLogins = []string{"media_audio_type", "is_ai_generated"}
	// MediaFieldsFacebookLogin exist with Facebook login only.
	MediaFieldsFacebookLogin = []string{
		"reposts_count", "saved_count", "shares_count", "total_like_count", "total_comments_count", "total_views_count",
	}
)

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

// Field is the value of the field Graph names name (its JSON name, e.g.
// "is_shared_to_feed"), and whether Graph returned it: an empty string or a
// nil pointer was not returned. It lets a caller copy fields by name.
func (m *Media) Field(name string) (any, bool) {
	i, ok := mediaFieldIndex[name]
	if !ok {
		return nil, false
	}
	f := reflect.ValueOf(m).Elem().Field(i)
	if f.IsZero() {
		return nil, false
	}
	if f.Kind() == reflect.Pointer {
		f = f.Elem()
	}
	return f.Interface(), true
}

// mediaFieldIndex maps Media's JSON field names to its struct fields.
var mediaFieldIndex = func() map[string]int {
	t := reflect.TypeFor[Media]()
	out := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			out[name] = i
		}
	}
	return out
}()

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

// GetWithComments reads a media and the first page of its comments in one
// call: GET /{media-id}?fields=…,comments.limit(n){…}. Media.Comments holds
// the page; its After continues on GET /{media-id}/comments
// (CommentsService.ListPage). opts.After and opts.Limit are not used.
func (s *MediaService) GetWithComments(ctx context.Context, id string, fields []string, comments CommentListOptions) (*Media, *Response, error) {
	comments.Limit, comments.After = 0, ""
	return s.Get(ctx, id, append(slices.Clip(fieldsOrDefault(fields, MediaFields)), comments.nested()))
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
