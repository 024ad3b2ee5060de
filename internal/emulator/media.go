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
	parentID                   string   // carousel album, for children
	seq                        int64    // publish order; the sort key of lists
	mediaType, productType     string   // IMAGE|VIDEO|CAROUSEL_ALBUM, FEED|REELS|STORY
	children                   []string // media ids
	commentsEnabled            bool
	timestamp                  time.Time
	shortcode                  string
	deleted                    bool
	uploadedBytes              int64             // size of an uploaded video (upload_type=resumable)
	collabStatus               map[string]string // answers of invited collaborators (collaboration.go)
	inputs                                       // what its container was created with (container_params.go)
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
	// Caption add-ons and licensed audio (addons.go).
	PollOptions          []string `json:"poll_options,omitempty"`
	PollDurationExtended bool     `json:"poll_duration_extended,omitempty"`
	CommentPrompt        bool     `json:"comment_prompt,omitempty"`
	AudioID              string   `json:"audio_id,omitempty"`
	AudioVolume          int      `json:"audio_volume,omitempty"`
	VideoVolume          int      `json:"video_volume,omitempty"`
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
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media):
// the edges read as fields here, the other fields from mediaFields. Fields
// that do not apply (thumbnail_url on images, permalink on children…) are
// omitted, as Graph does.
func (s *Server) renderMedia(req *request, m *media, fs []field) (map[string]any, *apiError) {
	out := map[string]any{"id": m.id}
	for _, f := range fs {
		var node any
		var err *apiError
		switch render := mediaFields[f.Name]; {
		case f.Name == "id":
			continue
		case facebookLoginMediaFields[f.Name] && req.tok.kind == tokenInstagram:
			return nil, errNonexistingField(f.Name, "IGMedia")
		case f.Name == "owner":
			// Meta returns owner only to the app that created the post: not
			// for posts made in the Instagram app (no container here).
			if m.containerID == "" {
				continue
			}
			a := s.st.accounts[m.accountID]
			node, err = s.renderUser(req, a, a.ID, f.Sub)
		case f.Name == "children":
			if m.mediaType != mediaCarouselAlbum {
				continue
			}
			var data []any
			data, err = s.childrenData(req, m, f)
			node = map[string]any{"data": data}
		case f.Name == "comments":
			// The comments edge as a field (comments.limit(n){…}); Graph
			// leaves an empty edge out.
			items := s.commentsOf(m)
			if m.parentID != "" || len(items) == 0 {
				continue
			}
			node, err = s.nestedComments(req, items, f, "/"+m.id+"/comments")
		case render != nil:
			v, ok := render(s, m)
			if !ok {
				continue
			}
			node = v
		default:
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
		if err != nil {
			return nil, err
		}
		out[f.Name] = node
	}
	return out, nil
}

// mediaFields render the fields of a published media; a field whose render
// answers false is left out. child: a carousel item.
var mediaFields = map[string]func(s *Server, m *media) (any, bool){
	"caption":            func(_ *Server, m *media) (any, bool) { return m.caption, m.caption != "" && !m.child() },
	"media_type":         func(_ *Server, m *media) (any, bool) { return m.mediaType, true },
	"media_product_type": func(_ *Server, m *media) (any, bool) { return m.productType, true },
	"media_url": func(s *Server, m *media) (any, bool) {
		if m.mediaType != mediaCarouselAlbum {
			return m.mediaURL(), true
		}
		if len(m.children) == 0 {
			return nil, false
		}
		return s.st.media[m.children[0]].mediaURL(), true // an album shows its first item
	},
	"thumbnail_url": func(_ *Server, m *media) (any, bool) {
		return "https://scontent.cdninstagram.com/emulator/" + m.id + "_thumb.jpg", m.mediaType == mediaVideo
	},
	"media_audio_type": func(_ *Server, m *media) (any, bool) {
		if a := m.attachedAudio(); a != nil && a.audioType == "music" {
			return "MUSIC", m.mediaType == mediaVideo
		}
		return "ORIGINAL_SOUND", m.mediaType == mediaVideo
	},
	"is_ai_generated": func(_ *Server, m *media) (any, bool) { return m.aiGenerated, !m.child() },
	"permalink": func(s *Server, m *media) (any, bool) {
		p := m.permalink(s.st.accounts[m.accountID].Username)
		return p, p != ""
	},
	"shortcode":          func(_ *Server, m *media) (any, bool) { return m.shortcode, true },
	"timestamp":          func(_ *Server, m *media) (any, bool) { return m.timestamp.UTC().Format(timeLayout), true },
	"username":           func(s *Server, m *media) (any, bool) { return s.st.accounts[m.accountID].Username, true },
	"comments_count":     func(s *Server, m *media) (any, bool) { return s.commentsCount(m.id), !m.child() },
	"like_count":         func(_ *Server, m *media) (any, bool) { return likeCount(m.id), !m.child() },
	"is_comment_enabled": func(_ *Server, m *media) (any, bool) { return m.commentsEnabled, !m.child() },
	"is_shared_to_feed":  func(_ *Server, m *media) (any, bool) { return m.shareToFeed, m.productType == productReels },
	"alt_text": func(_ *Server, m *media) (any, bool) {
		return m.altText, m.mediaType == mediaImage && m.altText != ""
	},
	"ig_id":                     legacyMediaID,
	"legacy_instagram_media_id": legacyMediaID,

	// Facebook login only (facebookLoginMediaFields). Carousel items and
	// stories have none of them, but for views.
	"has_poll": func(_ *Server, m *media) (any, bool) { return m.poll != nil, !m.child() && !m.isStory() },
	"total_views_count": func(_ *Server, m *media) (any, bool) {
		return likeCount(m.id)*40 + extraCount(m.id, "total_views_count", 5000), !m.child() && m.mediaType == mediaVideo
	},
	"total_like_count": engagementCount("total_like_count", 200, func(_ *Server, m *media) int { return likeCount(m.id) }),
	"total_comments_count": engagementCount("total_comments_count", 20, func(s *Server, m *media) int {
		return s.commentsCount(m.id)
	}),
	"reposts_count": engagementCount("reposts_count", 100, nil),
	"saved_count":   engagementCount("saved_count", 100, nil),
	"shares_count":  engagementCount("shares_count", 100, nil),
}

// facebookLoginMediaFields are the fields of 2026 that exist with Facebook
// login only (changelog 2026-04-22; has_poll is in Meta's Python SDK field
// list, not in the reference: uncertain). With Instagram login they are
// unknown fields.
var facebookLoginMediaFields = fieldSet("has_poll", "reposts_count", "saved_count", "shares_count",
	"total_like_count", "total_comments_count", "total_views_count")

// engagementCount renders a 2026 count of a post (not of a carousel item or
// a story): base, if any, plus a deterministic, plausible extra
// (engagement is volatile anyway).
func engagementCount(name string, scale int, base func(s *Server, m *media) int) func(*Server, *media) (any, bool) {
	return func(s *Server, m *media) (any, bool) {
		n := extraCount(m.id, name, scale)
		if base != nil {
			n += base(s, m)
		}
		return n, !m.child() && !m.isStory()
	}
}

// extraCount is a deterministic, plausible count.
func extraCount(id, name string, scale int) int {
	return int(insightHash(id, name) % uint64(scale))
}

// attachedAudio is the track of the media's audio_configuration, or nil.
func (m *media) attachedAudio() *audioTrack {
	if m.audio == nil {
		return nil
	}
	return findAudio(m.audio.AudioID)
}

func legacyMediaID(_ *Server, m *media) (any, bool) {
	return strconv.FormatInt(legacyID(m.id), 10), true
}

// child reports a carousel item.
func (m *media) child() bool { return m.parentID != "" }

func (s *Server) childrenData(req *request, m *media, f field) ([]any, *apiError) {
	var kids []*media
	for _, id := range m.children {
		kids = append(kids, s.st.media[id])
	}
	return s.renderMediaItems(req, kids, f.Sub)
}

func (s *Server) snapshot(m *media) MediaSnapshot {
	a := s.st.accounts[m.accountID]
	snap := MediaSnapshot{
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
		PollOptions: append([]string(nil), m.poll...), PollDurationExtended: m.pollExtended, CommentPrompt: m.commentPrompt,
	}
	if m.audio != nil {
		snap.AudioID, snap.AudioVolume, snap.VideoVolume = m.audio.AudioID, m.audio.AudioVolume, m.audio.VideoVolume
	}
	return snap
}
