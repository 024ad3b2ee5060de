package emulator

import (
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The "world" is public Instagram content owned by accounts the emulator's
// tokens do not manage: other businesses and creators for business discovery,
// the media behind hashtags, and posts that tag a seeded account (/tags).
// It is seeded deterministically relative to the clock at first use, so
// "recent" hashtag media and 24-hour windows behave with AdvanceClock.

// worldUser is a public account. Personal accounts exist (their media feeds
// nothing) but business discovery treats them as unknown, as Meta does.
type worldUser struct {
	id, username, name, biography, website string
	followers, follows                     int
	accountType                            string // BUSINESS, MEDIA_CREATOR or PERSONAL
	private                                bool   // a private account: its mentions send no webhooks (mentions.go)
	media                                  []*worldMedia
}

// worldMedia is a post of a worldUser.
type worldMedia struct {
	id                     string
	owner                  *worldUser
	mediaType, productType string // IMAGE|VIDEO|CAROUSEL_ALBUM, FEED|REELS
	caption                string
	timestamp              time.Time
	likes, comments, views int
	hideLikes              bool     // owner hid like counts: like_count is omitted
	isChild                bool     // carousel item: no caption, counts or permalink
	tagged                 []string // usernames tagged on the post
	children               []*worldMedia
	hashtags               []string // lowercase names from the caption
	commentsDisabled       bool     // the owner turned comments off (mentions.go)
}

type world struct {
	users      []*worldUser
	byUsername map[string]*worldUser
	media      []*worldMedia          // top-level feed posts and reels, newest first
	byID       map[string]*worldMedia // every media, stories and carousel items included
	nextID     int64                  // world media ids: "180…", apart from published media ("179…")

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

// worldSeed lists the seeded posts: owner, type, caption, age in hours,
// likes, comments, whether likes are hidden, usernames tagged, carousel size.
type postSeed struct {
	owner, mediaType, productType, caption string
	hoursAgo, likes, comments, views       int
	hideLikes                              bool
	tagged                                 []string
	children                               int
}

var worldUserSeeds = []worldUser{
	{id: "17841401441775531", username: "bluebottle", name: "Blue Bottle Coffee", biography: "Coffee roaster. Cafés worldwide.",
		website: "https://bluebottle.example/", followers: 267793, follows: 312, accountType: "BUSINESS"},
	{id: "17841401900000002", username: "fernweh.studio", name: "Fernweh Studio", biography: "Travel films and slow mornings.",
		website: "https://fernweh.example/", followers: 48210, follows: 901, accountType: "MEDIA_CREATOR"},
	{id: "17841401900000003", username: "northwind_outfitters", name: "Northwind Outfitters", biography: "Gear for long trails.",
		website: "https://northwind.example/", followers: 9120, follows: 150, accountType: "BUSINESS"},
	{id: "17841401900000004", username: "jane.personal", name: "Jane", biography: "Just me.",
		followers: 210, follows: 340, accountType: "PERSONAL"},
}

var worldPostSeeds = []postSeed{
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Morning pour-over. #coffee #bluebottle", hoursAgo: 2, likes: 5841, comments: 50, tagged: []string{DefaultUsername}},
	{owner: "bluebottle", mediaType: "VIDEO", productType: "REELS", caption: "Latte art in slow motion #latteart #coffee", hoursAgo: 5, likes: 2998, comments: 11, views: 88000},
	{owner: "bluebottle", mediaType: "CAROUSEL_ALBUM", productType: "FEED", caption: "New beans from Ethiopia #coffee", hoursAgo: 20, likes: 1500, comments: 23, children: 2},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Café opening in Tokyo #travel #bluebottle", hoursAgo: 30, likes: 4200, comments: 80, tagged: []string{DefaultUsername}},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "#coffee time", hoursAgo: 50, likes: 900, comments: 4},
	{owner: "bluebottle", mediaType: "IMAGE", productType: "FEED", caption: "Cold brew season #coldbrew", hoursAgo: 100, likes: 3100, comments: 31},
	{owner: "bluebottle", mediaType: "VIDEO", productType: "FEED", caption: "Behind the roaster #coffee", hoursAgo: 200, likes: 760, comments: 9},
	{owner: "fernweh.studio", mediaType: "VIDEO", productType: "REELS", caption: "Sunrise over the fjord #travel", hoursAgo: 1, likes: 12000, comments: 140, views: 250000, hideLikes: true},
	{owner: "fernweh.studio", mediaType: "CAROUSEL_ALBUM", productType: "FEED", caption: "Packing list #travel #coffee", hoursAgo: 10, likes: 800, comments: 12, tagged: []string{DefaultUsername}, children: 3},
	{owner: "fernweh.studio", mediaType: "IMAGE", productType: "FEED", caption: "Flat white in Lisbon #latteart #coffee", hoursAgo: 26, likes: 430, comments: 7},
	{owner: "fernweh.studio", mediaType: "IMAGE", productType: "FEED", caption: "Studio days", hoursAgo: 300, likes: 220, comments: 3},
	{owner: "northwind_outfitters", mediaType: "IMAGE", productType: "FEED", caption: "Trail ready #travel", hoursAgo: 3, likes: 650, comments: 5, tagged: []string{DefaultUsername}},
	{owner: "northwind_outfitters", mediaType: "IMAGE", productType: "FEED", caption: "Thermos + #coffee = summit", hoursAgo: 15, likes: 1200, comments: 18},
	{owner: "northwind_outfitters", mediaType: "VIDEO", productType: "FEED", caption: "Gear check", hoursAgo: 72, likes: 300, comments: 2},
	// Personal accounts' media is never returned (the IG Media reference), not even by hashtag.
	{owner: "jane.personal", mediaType: "IMAGE", productType: "FEED", caption: "#coffee with friends", hoursAgo: 4, likes: 12, comments: 1, tagged: []string{DefaultUsername}},
}

// world returns the seeded public content, built on first use.
func (s *Server) world() *world {
	if s.st.world == nil {
		s.st.world = newWorld(s.now().Add(-s.st.clockOffset))
	}
	return s.st.world
}

func newWorld(base time.Time) *world {
	w := &world{
		byUsername:   map[string]*worldUser{},
		byID:         map[string]*worldMedia{},
		nextID:       18000000000000001,
		hashtagNames: map[string]string{},
		hashtagIDs:   map[string]string{},
		searches:     map[string][]hashtagUse{},
	}
	for _, seed := range worldUserSeeds {
		u := seed
		w.users = append(w.users, &u)
		w.byUsername[u.username] = &u
	}
	for name, id := range seededHashtags {
		w.hashtagNames[id] = name
		w.hashtagIDs[name] = id
	}
	for _, p := range worldPostSeeds {
		u := w.byUsername[p.owner]
		m := &worldMedia{
			id: w.newID(), owner: u, mediaType: p.mediaType, productType: p.productType, caption: p.caption,
			timestamp: base.Add(-time.Duration(p.hoursAgo) * time.Hour), likes: p.likes, comments: p.comments,
			views: p.views, hideLikes: p.hideLikes, tagged: p.tagged, hashtags: captionHashtags(p.caption),
		}
		for i := range p.children {
			kind := mediaImage
			if i == 1 {
				kind = mediaVideo
			}
			c := &worldMedia{id: w.newID(), owner: u, mediaType: kind, productType: productFeed, timestamp: m.timestamp, isChild: true}
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
	byAge := func(ms []*worldMedia) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].timestamp.After(ms[j].timestamp) })
	}
	byAge(w.media)
	for _, u := range w.users {
		byAge(u.media)
	}
	return w
}

// newID issues the next world media id.
func (w *world) newID() string {
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

func (m *worldMedia) key() int64 { return m.timestamp.Unix() }

func (m *worldMedia) hasHashtag(name string) bool { return slices.Contains(m.hashtags, name) }

func (m *worldMedia) permalink() string {
	code := shortcodeFor(m.id)
	if m.productType == productReels {
		return "https://www.instagram.com/reel/" + code + "/"
	}
	return "https://www.instagram.com/p/" + code + "/"
}

func (m *worldMedia) mediaURL() string {
	if m.mediaType == mediaVideo {
		return "https://scontent.cdninstagram.com/emulator/world/" + m.id + ".mp4"
	}
	return "https://scontent.cdninstagram.com/emulator/world/" + m.id + ".jpg"
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
		"insights", "comments", "collaborators", "legacy_instagram_media_id", "ig_id")
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

// renderWorldMedia projects someone else's media. allowed is the context's
// field set; a known IGMedia field outside it is (#10), anything else an
// unknown field.
func renderWorldMedia(m *worldMedia, fs []field, allowed map[string]bool) (map[string]any, *apiError) {
	out := map[string]any{"id": m.id}
	child := m.isChild
	for _, f := range fs {
		if !allowed[f.Name] {
			if knownMediaFields[f.Name] {
				return nil, errNoPermission()
			}
			return nil, errNonexistingField(f.Name, "IGMedia")
		}
		switch f.Name {
		case "id":
		case "caption":
			if m.caption != "" {
				out["caption"] = m.caption
			}
		case "media_type":
			out["media_type"] = m.mediaType
		case "media_product_type":
			out["media_product_type"] = m.productType
		case "media_url":
			if m.mediaType != mediaCarouselAlbum { // albums: use children{media_url}
				out["media_url"] = m.mediaURL()
			}
		case "thumbnail_url":
			if m.mediaType == mediaVideo {
				out["thumbnail_url"] = "https://scontent.cdninstagram.com/emulator/world/" + m.id + "_thumb.jpg"
			}
		case "permalink":
			if !child {
				out["permalink"] = m.permalink()
			}
		case "shortcode":
			out["shortcode"] = shortcodeFor(m.id)
		case "timestamp":
			out["timestamp"] = m.timestamp.UTC().Format(timeLayout)
		case "username":
			out["username"] = m.owner.username
		case "comments_count":
			if !child {
				out["comments_count"] = m.comments
			}
		case "like_count":
			if !child && !m.hideLikes { // omitted, not 0, when hidden (v11+)
				out["like_count"] = m.likes
			}
		case "view_count":
			if m.productType == productReels {
				out["view_count"] = m.views
			}
		case "children":
			if m.mediaType == mediaCarouselAlbum {
				data := []any{}
				for _, c := range m.children {
					node, err := renderWorldMedia(c, f.Sub, allowed)
					if err != nil {
						return nil, err
					}
					data = append(data, node)
				}
				out["children"] = map[string]any{"data": data}
			}
		}
	}
	return out, nil
}

// Business discovery
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery):
// public profile fields only.
var discoveryUserFields = fieldSet("id", "username", "name", "biography", "website", "profile_picture_url",
	"followers_count", "follows_count", "media_count", "ig_id", "media")

// businessDiscovery renders `business_discovery.username(x){…}` on the
// caller's own IG user (Facebook login only).
func (s *Server) businessDiscovery(req *request, f field) (any, *apiError) {
	if req.tok.kind == tokenInstagram {
		return nil, errNonexistingField(f.Name, "IGUser")
	}
	username, ok := f.mod("username")
	if !ok || username == "" {
		return nil, errParam("The parameter username is required for business_discovery")
	}
	for _, sf := range f.Sub {
		switch {
		case discoveryUserFields[sf.Name]:
		case sf.Name == "stories", sf.Name == "shopping_product_tag_eligibility":
			return nil, errNoPermission()
		case sf.Name == "live_media":
			return nil, oauthErr(36104, 0, "(#36104) Cannot access live media from business discovery")
		default:
			return nil, errNonexistingField(sf.Name, "IGUser")
		}
	}
	u := s.world().byUsername[strings.ToLower(username)]
	if u == nil || u.accountType == "PERSONAL" {
		// Unknown and personal accounts look identical (community-observed; user texts uncertain).
		return nil, userErr(110, 2207013, "Invalid user id", "Cannot find user",
			"The user with username: "+username+" cannot be found.")
	}
	out := map[string]any{"id": u.id}
	profile := publicProfile{
		username: u.username, name: u.name, biography: u.biography, website: u.website,
		pictureURL: "https://scontent.cdninstagram.com/emulator/world/profile/" + u.id + ".jpg",
		followers:  u.followers, follows: u.follows, media: len(u.media),
	}
	for _, sf := range f.Sub {
		if profile.render(sf.Name, out) {
			continue
		}
		switch sf.Name {
		case "ig_id":
			out["ig_id"] = legacyID(u.id)
		case "media":
			page, err := s.discoveryMedia(req, u, f, sf)
			if err != nil {
				return nil, err
			}
			out["media"] = page
		}
	}
	return out, nil
}

// discoveryMedia pages the nested `media.limit(n).after(c){…}` edge. Its
// paging.next repeats the whole request with the cursor moved into the
// field expansion, which is how Graph pages nested edges.
func (s *Server) discoveryMedia(req *request, u *worldUser, bd, mf field) (any, *apiError) {
	pr, err := pageReqFromParams(mf.mod, s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	keys := make([]int64, len(u.media))
	for i, m := range u.media {
		keys[i] = m.key()
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, m := range u.media[start:end] {
		node, err := renderWorldMedia(m, mf.Sub, discoveryMediaFields)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	out := map[string]any{"data": data}
	if start == end {
		return out, nil
	}
	before, after := encodeCursor(keys[start]), encodeCursor(keys[end-1])
	paging := map[string]any{"cursors": map[string]any{"before": before, "after": after}}
	// A URL for the same call with the nested cursor swapped.
	withCursor := func(name, cursor string) string {
		nmf := mf
		nmf.Mods = nil
		for _, m := range mf.Mods {
			if m.Name != "after" && m.Name != "before" {
				nmf.Mods = append(nmf.Mods, m)
			}
		}
		nmf.Mods = append(nmf.Mods, modifier{Name: name, Arg: cursor})
		nbd := bd
		nbd.Sub = nil
		for _, sf := range bd.Sub {
			if sf.Name == "media" {
				sf = nmf
			}
			nbd.Sub = append(nbd.Sub, sf)
		}
		return req.pagingURL("/"+strings.Join(req.segs, "/"), url.Values{"fields": {nbd.String()}})
	}
	if hasNext {
		paging["next"] = withCursor("after", after)
	}
	if hasPrev {
		paging["previous"] = withCursor("before", before)
	}
	out["paging"] = paging
	return out, nil
}

// BusinessDiscoveryUsernames lists the seeded public accounts by type, for
// tests and docs: username → BUSINESS, MEDIA_CREATOR or PERSONAL.
func (s *Server) BusinessDiscoveryUsernames() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for _, u := range s.world().users {
		out[u.username] = u.accountType
	}
	return out
}
