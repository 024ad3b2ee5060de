package emulator

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// "Others" is the emulator's model of other users' content: public
// Instagram content owned by accounts the emulator's tokens do not manage.
// Other businesses and creators for business discovery (discovery.go), the
// media behind hashtags (hashtags.go), posts that tag or @mention a seeded
// account (tags.go, mentions.go; PostByOtherUser adds them), and the
// hashtag ids. It is seeded deterministically relative to the clock at
// first use, so "recent" hashtag media and 24-hour windows behave with
// AdvanceClock.

// otherUser is a public account. Personal accounts exist (their media feeds
// nothing) but business discovery treats them as unknown, as Meta does.
type otherUser struct {
	id, username, name, biography, website string
	followers, follows                     int
	accountType                            string // BUSINESS, MEDIA_CREATOR or PERSONAL
	private                                bool   // a private account: its mentions send no webhooks (mentions.go)
	embedsDisabled                         bool   // oEmbed refuses its posts (oembed.go)
	media                                  []*otherMedia
}

// otherMedia is a post of a otherUser.
type otherMedia struct {
	id                     string
	owner                  *otherUser
	mediaType, productType string // IMAGE|VIDEO|CAROUSEL_ALBUM, FEED|REELS
	caption                string
	timestamp              time.Time
	likes, comments, views int
	hideLikes              bool     // owner hid like counts: like_count is omitted
	isChild                bool     // carousel item: no caption, counts or permalink
	tagged                 []string // usernames tagged on the post
	children               []*otherMedia
	hashtags               []string // lowercase names from the caption
	commentsDisabled       bool     // the owner turned comments off (mentions.go)
	collaborators          []string // usernames invited as collaborators (collaboration.go)
	collabStatus           map[string]string
	ageRestricted          bool // oEmbed refuses it (oembed.go)
}

type others struct {
	users      []*otherUser
	byUsername map[string]*otherUser
	media      []*otherMedia          // top-level feed posts and reels, newest first
	byID       map[string]*otherMedia // every media, stories and carousel items included
	nextID     int64                  // their media ids: "180…", apart from published media ("179…")

	hashtagNames map[string]string // hashtag id → name
	hashtagIDs   map[string]string // name → id
	// searches are the hashtags each IG account queried, with the time each
	// first counted (the 30-per-7-days rule).
	searches map[string][]hashtagUse
}

type hashtagUse struct {
	id string
	at time.Time
}

// postSeed is a seeded post: owner, type, caption, age in hours,
// likes, comments, whether likes are hidden, usernames tagged, carousel size.
type postSeed struct {
	owner, mediaType, productType, caption string
	hoursAgo, likes, comments, views       int
	hideLikes                              bool
	tagged                                 []string
	children                               int
	collaborators                          []string // invited; the seeded account's invites are pending
}

var otherUserSeeds = []otherUser{
	{id: "17841401441775531", username: "bluebottle", name: "Blue Bottle Coffee", biography: "Coffee roaster. Cafés worldwide.",
		website: "https://bluebottle.example/", followers: 267793, follows: 312, accountType: "BUSINESS"},
	{id: "17841401900000002", username: "fernweh.studio", name: "Fernweh Studio", biography: "Travel films and slow mornings.",
		website: "https://fernweh.example/", followers: 48210, follows: 901, accountType: "MEDIA_CREATOR"},
	{id: "17841401900000003", username: "northwind_outfitters", name: "Northwind Outfitters", biography: "Gear for long trails.",
		website: "https://northwind.example/", followers: 9120, follows: 150, accountType: "BUSINESS"},
	{id: "17841401900000004", username: "jane.personal", name: "Jane", biography: "Just me.",
		followers: 210, follows: 340, accountType: "PERSONAL"},
}

var otherPostSeeds = []postSeed{
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Morning pour-over. #coffee #bluebottle", hoursAgo: 2, likes: 5841, comments: 50, tagged: []string{DefaultUsername}},
	{owner: "bluebottle", mediaType: "VIDEO", productType: "REELS", caption: "Latte art in slow motion #latteart #coffee", hoursAgo: 5, likes: 2998, comments: 11, views: 88000},
	{owner: "bluebottle", mediaType: "CAROUSEL_ALBUM", productType: "FEED", caption: "New beans from Ethiopia #coffee", hoursAgo: 20, likes: 1500, comments: 23, children: 2},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Café opening in Tokyo #travel #bluebottle", hoursAgo: 30, likes: 4200, comments: 80, tagged: []string{DefaultUsername}},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "#coffee time", hoursAgo: 50, likes: 900, comments: 4},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Cold brew season #coldbrew", hoursAgo: 100, likes: 3100, comments: 31, collaborators: []string{DefaultUsername}},
	{owner: "bluebottle", mediaType: "VIDEO", productType: "FEED", caption: "Behind the roaster #coffee", hoursAgo: 200, likes: 760, comments: 9},
	{owner: "fernweh.studio", mediaType: "VIDEO", productType: "REELS", caption: "Sunrise over the fjord #travel", hoursAgo: 1, likes: 12000, comments: 140, views: 250000, hideLikes: true},
	{owner: "fernweh.studio", mediaType: "CAROUSEL_ALBUM", productType: "FEED", caption: "Packing list #travel #coffee", hoursAgo: 10, likes: 800, comments: 12, tagged: []string{DefaultUsername}, children: 3},
	{owner: "fernweh.studio", mediaType: "IMAGE", productType: "FEED", caption: "Flat white in Lisbon #latteart #coffee", hoursAgo: 26, likes: 430, comments: 7},
	{owner: "fernweh.studio", mediaType: "IMAGE", productType: "FEED", caption: "Studio days", hoursAgo: 300, likes: 220, comments: 3},
	{owner: "northwind_outfitters", mediaType: "IMAGE", productType: "FEED", caption: "Trail ready #travel", hoursAgo: 3, likes: 650, comments: 5, tagged: []string{DefaultUsername}},
	{owner: "northwind_outfitters", mediaType: "IMAGE", productType: "FEED", caption: "Thermos + #coffee = summit", hoursAgo: 15, likes: 1200, comments: 18, collaborators: []string{DefaultUsername}},
	{owner: "northwind_outfitters", mediaType: "VIDEO", productType: "FEED", caption: "Gear check", hoursAgo: 72, likes: 300, comments: 2},
	// Personal accounts' media is never returned (the IG Media reference), not even by hashtag.
	{owner: "jane.personal", mediaType: "IMAGE", productType: "FEED", caption: "#coffee with friends", hoursAgo: 4, likes: 12, comments: 1, tagged: []string{DefaultUsername}},
}

// others returns other users' content, built on first use.
func (s *Server) others() *others {
	if s.st.others == nil {
		s.st.others = newOthers(s.now().Add(-s.st.clockOffset))
	}
	return s.st.others
}

func newOthers(base time.Time) *others {
	w := &others{
		byUsername:   map[string]*otherUser{},
		byID:         map[string]*otherMedia{},
		nextID:       18000000000000001,
		hashtagNames: map[string]string{},
		hashtagIDs:   map[string]string{},
		searches:     map[string][]hashtagUse{},
	}
	for _, seed := range otherUserSeeds {
		u := seed
		w.users = append(w.users, &u)
		w.byUsername[u.username] = &u
	}
	for name, id := range seededHashtags {
		w.hashtagNames[id] = name
		w.hashtagIDs[name] = id
	}
	for _, p := range otherPostSeeds {
		u := w.byUsername[p.owner]
		m := &otherMedia{
			id: w.newID(), owner: u, mediaType: p.mediaType, productType: p.productType, caption: p.caption,
			timestamp: base.Add(-time.Duration(p.hoursAgo) * time.Hour), likes: p.likes, comments: p.comments,
			views: p.views, hideLikes: p.hideLikes, tagged: p.tagged, hashtags: captionHashtags(p.caption),
			collaborators: p.collaborators,
		}
		for i := range p.children {
			kind := mediaImage
			if i == 1 {
				kind = mediaVideo
			}
			c := &otherMedia{id: w.newID(), owner: u, mediaType: kind, productType: productFeed, timestamp: m.timestamp, isChild: true}
			m.children = append(m.children, c)
			w.byID[c.id] = c
		}
		for _, h := range m.hashtags {
			w.hashtagID(h)
		}
		u.media = append(u.media, m)
		w.media = append(w.media, m)
		w.byID[m.id] = m
	}
	byAge := func(ms []*otherMedia) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].timestamp.After(ms[j].timestamp) })
	}
	byAge(w.media)
	for _, u := range w.users {
		byAge(u.media)
	}
	return w
}

// newID issues the next id of another user's media.
func (w *others) newID() string {
	id := strconv.FormatInt(w.nextID, 10)
	w.nextID++
	return id
}

// captionHashtags extracts lowercase hashtag names from a caption.
func captionHashtags(caption string) []string {
	var out []string
	for _, word := range strings.Fields(caption) {
		if name, ok := strings.CutPrefix(word, "#"); ok {
			name = strings.ToLower(strings.TrimRight(name, ".,!?"))
			if name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

func (m *otherMedia) key() int64 { return m.timestamp.Unix() }

func (m *otherMedia) hasHashtag(name string) bool { return slices.Contains(m.hashtags, name) }

func (m *otherMedia) permalink() string {
	code := shortcodeFor(m.id)
	if m.productType == productReels {
		return "https://www.instagram.com/reel/" + code + "/"
	}
	return "https://www.instagram.com/p/" + code + "/"
}

func (m *otherMedia) mediaURL() string {
	if m.mediaType == mediaVideo {
		return "https://scontent.cdninstagram.com/emulator/others/" + m.id + ".mp4"
	}
	return "https://scontent.cdninstagram.com/emulator/others/" + m.id + ".jpg"
}

// Field sets of others' media by context: the IG Media reference, hashtag
// top/recent media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/top-media)
// and business discovery.
var (
	discoveryMediaFields = fieldSet("id", "caption", "comments_count", "like_count", "media_type", "media_product_type",
		"media_url", "permalink", "timestamp", "username", "children", "view_count")
	taggedMediaFields = fieldSet("id", "caption", "comments_count", "like_count", "media_type", "media_product_type",
		"media_url", "thumbnail_url", "permalink", "shortcode", "timestamp", "username", "children")
	hashtagMediaFields = fieldSet("id", "caption", "children", "comments_count", "like_count", "media_type",
		"media_url", "permalink", "timestamp")
	// knownMediaFields are IGMedia fields: outside a context's set they are
	// refused with (#10) rather than reported as nonexisting.
	knownMediaFields = fieldSet("id", "caption", "comments_count", "like_count", "media_type", "media_product_type",
		"media_url", "thumbnail_url", "permalink", "shortcode", "timestamp", "username", "children", "view_count",
		"owner", "is_comment_enabled", "is_shared_to_feed", "alt_text", "media_audio_type", "saved_count",
		"shares_count", "reposts_count", "total_like_count", "total_comments_count", "total_views_count",
		"insights", "comments", "collaborators", "legacy_instagram_media_id", "ig_id", "is_ai_generated", "has_poll")
)

func fieldSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// errNoPermission is Graph's (#10) for fields an app may not read here.
func errNoPermission() *apiError {
	return oauthErr(10, 0, "(#10) Application does not have permission for this action")
}

// renderOtherMedia projects someone else's media. allowed is the context's
// field set; a known IGMedia field outside it is (#10), anything else an
// unknown field.
func renderOtherMedia(m *otherMedia, fs []field, allowed map[string]bool) (map[string]any, *apiError) {
	out := map[string]any{"id": m.id}
	for _, f := range fs {
		if !allowed[f.Name] {
			if knownMediaFields[f.Name] {
				return nil, errNoPermission()
			}
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
		if f.Name == "children" && m.mediaType == mediaCarouselAlbum {
			data := []any{}
			for _, c := range m.children {
				node, err := renderOtherMedia(c, f.Sub, allowed)
				if err != nil {
					return nil, err
				}
				data = append(data, node)
			}
			out["children"] = map[string]any{"data": data}
		} else if render := otherMediaFields[f.Name]; render != nil {
			if v, ok := render(m); ok {
				out[f.Name] = v
			}
		}
	}
	return out, nil
}

// otherMediaFields render the fields of another user's media; a field whose
// render answers false is left out, as Graph leaves out what does not apply
// (a carousel item has no caption, counts or permalink).
var otherMediaFields = map[string]func(m *otherMedia) (any, bool){
	"caption":            func(m *otherMedia) (any, bool) { return m.caption, m.caption != "" },
	"media_type":         func(m *otherMedia) (any, bool) { return m.mediaType, true },
	"media_product_type": func(m *otherMedia) (any, bool) { return m.productType, true },
	// Albums have none: read children{media_url}.
	"media_url": func(m *otherMedia) (any, bool) { return m.mediaURL(), m.mediaType != mediaCarouselAlbum },
	"thumbnail_url": func(m *otherMedia) (any, bool) {
		return "https://scontent.cdninstagram.com/emulator/others/" + m.id + "_thumb.jpg", m.mediaType == mediaVideo
	},
	"permalink":      func(m *otherMedia) (any, bool) { return m.permalink(), !m.isChild },
	"shortcode":      func(m *otherMedia) (any, bool) { return shortcodeFor(m.id), true },
	"timestamp":      func(m *otherMedia) (any, bool) { return m.timestamp.UTC().Format(timeLayout), true },
	"username":       func(m *otherMedia) (any, bool) { return m.owner.username, true },
	"comments_count": func(m *otherMedia) (any, bool) { return m.comments, !m.isChild },
	// Omitted, not 0, when the owner hides likes (v11+).
	"like_count": func(m *otherMedia) (any, bool) { return m.likes, !m.isChild && !m.hideLikes },
	"view_count": func(m *otherMedia) (any, bool) { return m.views, m.productType == productReels },
	// The counts of 2026: the seeded ones plus a deterministic extra.
	"total_like_count": func(m *otherMedia) (any, bool) {
		return m.likes + extraCount(m.id, "total_like_count", 200), !m.isChild && !m.hideLikes
	},
	"total_comments_count": func(m *otherMedia) (any, bool) {
		return m.comments + extraCount(m.id, "total_comments_count", 20), !m.isChild
	},
	"total_views_count": func(m *otherMedia) (any, bool) {
		return m.views + extraCount(m.id, "total_views_count", 5000), !m.isChild && m.mediaType == mediaVideo
	},
	"reposts_count": otherMediaCount("reposts_count"),
	"saved_count":   otherMediaCount("saved_count"),
	"shares_count":  otherMediaCount("shares_count"),
}

// otherMediaCount renders a count Meta gives without a seeded value.
func otherMediaCount(name string) func(m *otherMedia) (any, bool) {
	return func(m *otherMedia) (any, bool) { return extraCount(m.id, name, 100), !m.isChild }
}
