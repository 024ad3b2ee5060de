package emulator

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Posts that exist on an account without the API having published them: as
// if posted in the Instagram app, or long before the test began. They use no
// container and no publishing quota (Meta counts API publishes only). One
// mechanism, addPost, serves PostOutOfBand, SeedImagePosts and SeedPosts.

// Post is media that appears on a seeded account as if posted in the
// Instagram app: no container, no publishing quota.
type Post struct {
	Type     string // FEED (default), REELS, STORY or CAROUSEL
	Video    bool   // FEED and STORY: a video instead of an image
	Caption  string
	AltText  string
	Children int    // CAROUSEL: number of items (2–10; default 2), images except the second
	ImageURL string // the source image of an image post; default https://example.com/emulator/{id}.jpg
	// Poll options (2–4; the caption is the question) and a licensed track
	// of the audio catalogue (REELS), as the app attaches them (addons.go).
	Poll        []string
	AudioID     string
	AIGenerated bool
}

// PostOutOfBand publishes p on the account at the current emulator clock and
// returns the media id. It is the way to give read-only data sources
// (instagram_media, instagram_account_media, instagram_stories) something to read.
func (s *Server) PostOutOfBand(accountID string, p Post) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.accounts[accountID] == nil {
		return "", false
	}
	return s.addPost(accountID, p, s.now()).id, true
}

// SeedImagePosts publishes n IMAGE posts on the account directly, as if they
// had been published earlier (no Graph calls, no quota use), and returns
// their media ids, oldest first. The image URL of post i is imageURL with
// "%d" replaced by i (1-based). For benchmarks and tests that need many posts.
func (s *Server) SeedImagePosts(accountID, imageURL string, n int) ([]string, error) {
	return s.seed(accountID, n, func(i int, now time.Time) (Post, time.Time) {
		return Post{Caption: fmt.Sprintf("Seeded post %d", i), ImageURL: strings.ReplaceAll(imageURL, "%d", strconv.Itoa(i))}, now
	})
}

// SeedPosts gives the account n older posts of every kind, cycling image,
// reel, carousel (2 or 3 items) and story, captioned "Seeded post {i}
// #emulator" (stories have no caption). Post i of n was posted (n-i+1) × 6
// hours before the emulator clock, a story (n-i+1)/(n+1) × 24 hours before,
// so that every story is still live. They list newest first, among posts
// published through the API by their time. They do not count against the
// publishing quota: they existed before. It returns the ids, oldest first.
func (s *Server) SeedPosts(accountID string, n int) ([]string, error) {
	return s.seed(accountID, n, func(i int, now time.Time) (Post, time.Time) {
		age := time.Duration(n-i+1) * seedSpacing
		p := Post{Caption: fmt.Sprintf("Seeded post %d #emulator", i)}
		switch (i - 1) % 4 {
		case 1:
			p.Type = productReels
		case 2:
			p.Type, p.Children = containerCarousel, 2+(i/4)%2
		case 3:
			p.Type, p.Video, p.Caption = productStory, (i/4)%2 == 1, ""
			age = time.Duration(n-i+1) * 24 * time.Hour / time.Duration(n+1)
		}
		return p, now.Add(-age)
	})
}

// seedSpacing is the time between two seeded feed posts.
const seedSpacing = 6 * time.Hour

// seed adds post(i) for i = 1..n at the time it gives, then lists them.
func (s *Server) seed(accountID string, n int, post func(i int, now time.Time) (Post, time.Time)) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.accounts[accountID] == nil {
		return nil, fmt.Errorf("emulator: unknown account %s", accountID)
	}
	if n < 0 {
		return nil, fmt.Errorf("emulator: cannot seed %d posts", n)
	}
	now := s.now()
	ids := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		p, at := post(i, now)
		ids = append(ids, s.addPost(accountID, p, at).id)
	}
	return ids, nil
}

// addPost creates p's media (and carousel items) posted at a time and lists
// it. Called with s.mu held.
func (s *Server) addPost(accountID string, p Post, at time.Time) *media {
	m := s.addMedia(accountID, "", at)
	m.mediaType, m.productType = mediaImage, productFeed
	m.caption, m.altText, m.poll, m.aiGenerated = p.Caption, p.AltText, p.Poll, p.AIGenerated
	if p.AudioID != "" {
		m.audio = &audioConfig{AudioID: p.AudioID, AudioVolume: 100, VideoVolume: 100}
	}
	switch p.Type {
	case productReels:
		m.mediaType, m.productType = mediaVideo, productReels
	case productStory:
		m.productType = productStory
	case containerCarousel:
		m.mediaType = mediaCarouselAlbum
		for i := range max(p.Children, 2) {
			c := s.addMedia(accountID, m.id, at)
			c.mediaType, c.productType = mediaImage, productFeed
			c.imageURL = "https://example.com/emulator/" + c.id + ".jpg"
			if i == 1 {
				c.mediaType, c.imageURL, c.videoURL = mediaVideo, "", "https://example.com/emulator/"+c.id+".mp4"
			}
			m.children = append(m.children, c.id)
		}
	}
	if p.Video && (p.Type == "" || p.Type == productFeed || p.Type == productStory) {
		m.mediaType = mediaVideo
	}
	if m.mediaType == mediaVideo {
		m.videoURL = "https://example.com/emulator/" + m.id + ".mp4"
	} else {
		m.imageURL = cmp.Or(p.ImageURL, "https://example.com/emulator/"+m.id+".jpg")
	}
	s.list(m)
	return m
}

// addMedia creates a media (top-level, or a carousel item of parentID)
// posted at a time. Called with s.mu held.
func (s *Server) addMedia(accountID, parentID string, at time.Time) *media {
	id := strconv.FormatInt(s.st.nextMedia, 10)
	s.st.nextMedia++
	s.st.nextSeq++
	m := &media{
		id: id, accountID: accountID, parentID: parentID, seq: s.st.nextSeq,
		commentsEnabled: true, timestamp: at, shortcode: shortcodeFor(id),
	}
	s.st.media[id] = m
	return m
}

// list adds a top-level media to the listings, which are ordered by time
// (then by publishing order). A post older than the newest one listed
// (SeedPosts) is put in its place, and the sort keys are renumbered.
func (s *Server) list(m *media) {
	pub := s.st.published
	s.st.published = append(pub, m)
	if len(pub) == 0 || !m.timestamp.Before(pub[len(pub)-1].timestamp) {
		return
	}
	slices.SortStableFunc(s.st.published, func(a, b *media) int { return a.timestamp.Compare(b.timestamp) })
	for i, x := range s.st.published {
		x.seq = int64(i + 1)
	}
}

// controlSeedPosts is POST /_emulator/seed/posts?account_id=…&n=…: SeedPosts
// (account_id defaults to the seeded account).
func (s *Server) controlSeedPosts(w http.ResponseWriter, r *http.Request, _ string) {
	q := r.URL.Query()
	n, err := strconv.Atoi(q.Get("n"))
	if err != nil || n < 1 || n > maxSeedPosts {
		controlError(w, http.StatusBadRequest, fmt.Sprintf("n must be a number of posts from 1 to %d", maxSeedPosts))
		return
	}
	ids, err := s.SeedPosts(cmp.Or(q.Get("account_id"), DefaultAccountID), n)
	if err != nil {
		controlError(w, http.StatusNotFound, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ids": ids})
}

// maxSeedPosts bounds one seeding request of the control plane.
const maxSeedPosts = 10000
