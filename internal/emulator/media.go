package emulator

import (
	"crypto/sha256"
	"hash/fnv"
	"strconv"
	"time"
)

// UserTag is a user tagged on a media (x/y in [0,1] from the top-left).
type UserTag struct {
	Username string  `json:"username"`
	X        float64 `json:"x"`
	Y        float64 `json:"y"`
}

// media is a published IG Media (top-level or carousel child).
type media struct {
	id, accountID, containerID string
	parentID                   string // carousel album, for children
	seq                        int64  // publish order; the sort key of lists
	mediaType, productType     string // IMAGE|VIDEO|CAROUSEL_ALBUM, FEED|REELS|STORY
	caption, altText           string
	imageURL, videoURL         string
	coverURL, audioName        string
	locationID                 string
	thumbOffset                int
	shareToFeed                bool
	userTags                   []UserTag
	collaborators              []string
	children                   []string // media ids
	commentsEnabled            bool
	timestamp                  time.Time
	shortcode                  string
	deleted                    bool
	uploadedBytes              int64 // size of an uploaded video (upload_type=resumable)
	labels
}

// MediaSnapshot is an exported copy of a published media, for test assertions.
type MediaSnapshot struct {
	ID               string    `json:"id"`
	AccountID        string    `json:"account_id"`
	ContainerID      string    `json:"container_id"`
	MediaType        string    `json:"media_type"`         // IMAGE, VIDEO, CAROUSEL_ALBUM
	MediaProductType string    `json:"media_product_type"` // FEED, REELS, STORY
	Caption          string    `json:"caption"`
	AltText          string    `json:"alt_text"`
	ImageURL         string    `json:"image_url"`
	VideoURL         string    `json:"video_url"`
	CoverURL         string    `json:"cover_url"`
	AudioName        string    `json:"audio_name"`
	ThumbOffset      int       `json:"thumb_offset"`
	ShareToFeed      bool      `json:"share_to_feed"`
	LocationID       string    `json:"location_id"`
	UserTags         []UserTag `json:"user_tags"`
	Collaborators    []string  `json:"collaborators"`
	Children         []string  `json:"children"`
	ParentID         string    `json:"parent_id"`
	CommentsEnabled  bool      `json:"comments_enabled"`
	Timestamp        time.Time `json:"timestamp"`
	Permalink        string    `json:"permalink"`
	Shortcode        string    `json:"shortcode"`
	// UploadedBytes is the size of a video uploaded to its container
	// (0 when Meta fetched it from video_url).
	UploadedBytes int64 `json:"uploaded_bytes,omitempty"`
	// Labels of 2025–2026 (publishing_params.go).
	TrialGraduationStrategy  string   `json:"trial_graduation_strategy,omitempty"`
	BrandedContentSponsorIDs []string `json:"branded_content_sponsor_ids,omitempty"`
	IsPaidPartnership        bool     `json:"is_paid_partnership,omitempty"`
	IsAIGenerated            bool     `json:"is_ai_generated,omitempty"`
}

const timeLayout = "2006-01-02T15:04:05-0700" // Graph: 2019-09-26T22:36:43+0000

func (m *media) isStory() bool { return m.productType == productStory }

// visible reports whether the media can be read by id.
func (s *Server) visible(m *media) bool {
	if m.deleted {
		return false
	}
	if m.isStory() && s.opts.StoriesVanish && s.now().Sub(m.timestamp) >= 24*time.Hour {
		return false
	}
	return true
}

func (m *media) permalink(username string) string {
	switch {
	case m.parentID != "":
		return "" // carousel children have no permalink
	case m.productType == productReels:
		return "https://www.instagram.com/reel/" + m.shortcode + "/"
	case m.isStory():
		return "https://www.instagram.com/stories/" + username + "/" + m.id + "/"
	}
	return "https://www.instagram.com/p/" + m.shortcode + "/"
}

func (m *media) mediaURL() string {
	if m.mediaType == mediaVideo {
		return "https://scontent.cdninstagram.com/emulator/" + m.id + ".mp4"
	}
	return "https://scontent.cdninstagram.com/emulator/" + m.id + ".jpg"
}

// shortcodeFor derives a deterministic 11-character shortcode from an id.
func shortcodeFor(id string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	sum := sha256.Sum256([]byte(id))
	b := []byte("D")
	for i := 0; len(b) < 11; i++ {
		b = append(b, alphabet[sum[i]%64])
	}
	return string(b)
}

// likeCount is a deterministic, plausible number (likes are volatile anyway).
func likeCount(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % 500)
}

// postCount is the number of live posts (feed + reels, no stories, no children).
func (s *Server) postCount(accountID string) int {
	n := 0
	for _, m := range s.st.published {
		if m.accountID == accountID && !m.deleted && !m.isStory() {
			n++
		}
	}
	return n
}

// mediaList returns an account's top-level media newest first: posts (stories
// excluded) or current stories, filtered by since/until.
func (s *Server) mediaList(accountID string, stories bool, pr pageReq) []*media {
	now := s.now()
	var out []*media
	for i := len(s.st.published) - 1; i >= 0; i-- {
		m := s.st.published[i]
		if m.accountID != accountID || m.deleted || m.isStory() != stories {
			continue
		}
		if stories && now.Sub(m.timestamp) >= 24*time.Hour {
			continue
		}
		if pr.since != nil && m.timestamp.Before(*pr.since) || pr.until != nil && m.timestamp.After(*pr.until) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func mediaKeys(items []*media) []int64 {
	keys := make([]int64, len(items))
	for i, m := range items {
		keys[i] = m.seq
	}
	return keys
}

func (s *Server) renderMediaItems(req *request, items []*media, fs []field) ([]any, *apiError) {
	data := []any{}
	for _, m := range items {
		node, err := s.renderMedia(req, m, fs)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	return data, nil
}

// renderMedia projects an IG Media node
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media). Fields that
// do not apply (thumbnail_url on images, permalink on children…) are omitted,
// as Graph does.
func (s *Server) renderMedia(req *request, m *media, fs []field) (map[string]any, *apiError) {
	a := s.st.accounts[m.accountID]
	child := m.parentID != ""
	out := map[string]any{"id": m.id}
	for _, f := range fs {
		switch f.Name {
		case "id":
		case "caption":
			if m.caption != "" && !child {
				out["caption"] = m.caption
			}
		case "media_type":
			out["media_type"] = m.mediaType
		case "media_product_type":
			out["media_product_type"] = m.productType
		case "media_url":
			if m.mediaType == mediaCarouselAlbum {
				if len(m.children) > 0 {
					out["media_url"] = s.st.media[m.children[0]].mediaURL()
				}
			} else {
				out["media_url"] = m.mediaURL()
			}
		case "thumbnail_url":
			if m.mediaType == mediaVideo {
				out["thumbnail_url"] = "https://scontent.cdninstagram.com/emulator/" + m.id + "_thumb.jpg"
			}
		case "media_audio_type":
			if m.mediaType == mediaVideo {
				out["media_audio_type"] = "ORIGINAL_SOUND"
			}
		case "permalink":
			if p := m.permalink(a.Username); p != "" {
				out["permalink"] = p
			}
		case "shortcode":
			out["shortcode"] = m.shortcode
		case "timestamp":
			out["timestamp"] = m.timestamp.UTC().Format(timeLayout)
		case "username":
			out["username"] = a.Username
		case "owner":
			// Meta returns owner only to the app that created the post: not
			// for posts made in the Instagram app (no container here).
			if m.containerID == "" {
				continue
			}
			node, err := s.renderUser(req, a, a.ID, f.Sub)
			if err != nil {
				return nil, err
			}
			out["owner"] = node
		case "comments_count":
			if !child {
				out["comments_count"] = s.commentsCount(m.id)
			}
		case "like_count":
			if !child {
				out["like_count"] = likeCount(m.id)
			}
		case "is_comment_enabled":
			if !child {
				out["is_comment_enabled"] = m.commentsEnabled
			}
		case "is_shared_to_feed":
			if m.productType == productReels {
				out["is_shared_to_feed"] = m.shareToFeed
			}
		case "alt_text":
			if m.mediaType == mediaImage && m.altText != "" {
				out["alt_text"] = m.altText
			}
		case "ig_id", "legacy_instagram_media_id":
			out[f.Name] = strconv.FormatInt(legacyID(m.id), 10)
		case "children":
			if m.mediaType == mediaCarouselAlbum {
				data, err := s.childrenData(req, m, f)
				if err != nil {
					return nil, err
				}
				out["children"] = map[string]any{"data": data}
			}
		case "comments":
			// The comments edge as a field (comments.limit(n){…}); Graph
			// leaves an empty edge out.
			if items := s.commentsOf(m); !child && len(items) > 0 {
				page, err := s.nestedComments(req, items, f, "/"+m.id+"/comments")
				if err != nil {
					return nil, err
				}
				out["comments"] = page
			}
		default:
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
	}
	return out, nil
}

func (s *Server) childrenData(req *request, m *media, f field) ([]any, *apiError) {
	var kids []*media
	for _, id := range m.children {
		kids = append(kids, s.st.media[id])
	}
	return s.renderMediaItems(req, kids, f.Sub)
}

func (s *Server) snapshot(m *media) MediaSnapshot {
	a := s.st.accounts[m.accountID]
	return MediaSnapshot{
		ID: m.id, AccountID: m.accountID, ContainerID: m.containerID,
		MediaType: m.mediaType, MediaProductType: m.productType,
		Caption: m.caption, AltText: m.altText, ImageURL: m.imageURL, VideoURL: m.videoURL,
		CoverURL: m.coverURL, AudioName: m.audioName, ThumbOffset: m.thumbOffset, ShareToFeed: m.shareToFeed,
		LocationID: m.locationID, UserTags: append([]UserTag(nil), m.userTags...),
		Collaborators: append([]string(nil), m.collaborators...), Children: append([]string(nil), m.children...),
		ParentID: m.parentID, CommentsEnabled: m.commentsEnabled, Timestamp: m.timestamp,
		Permalink: m.permalink(a.Username), Shortcode: m.shortcode, UploadedBytes: m.uploadedBytes,
		TrialGraduationStrategy: m.trialGraduation, BrandedContentSponsorIDs: append([]string(nil), m.sponsorIDs...),
		IsPaidPartnership: m.paidPartnership, IsAIGenerated: m.aiGenerated,
	}
}
