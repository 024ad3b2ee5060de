package workflow

import (
	"context"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// matchPageSize is small: the post looked for is among the newest.
const matchPageSize = 25

// FindRecentMatch returns the newest post of the account, published at or
// after since, that post would have produced and that exclude (may be nil)
// does not rule out; nil when there is none. It finds what a lost
// media_publish answer published, and lets a new run adopt a post that an
// interrupted run published instead of posting it twice.
//
// A match has the same media_product_type (FEED for images and carousels,
// REELS, STORY), the same media_type (IMAGE, VIDEO for reels and video
// stories, CAROUSEL_ALBUM), exactly the same caption (stories have none) and,
// for a carousel, as many children. Stories are searched on the stories edge,
// everything else on the media edge, which lists newest first: paging stops
// at the first post older than since.
func (p *Publisher) FindRecentMatch(ctx context.Context, post Post, since time.Time, exclude func(mediaID string) bool) (*graph.Media, error) {
	listPage, newestFirst := p.Client.Media.ListPage, true
	if post.ProductType() == graph.ProductStory {
		// Whether the stories edge is ordered is not documented: read it all
		// (it holds one day of stories).
		listPage, newestFirst = p.Client.Media.ListStoriesPage, false
	}
	opts := graph.ListOptions{
		Fields:   []string{"id", "caption", "media_type", "media_product_type", "timestamp", "permalink", "children{id}"},
		PageSize: matchPageSize,
	}
	var best *graph.Media
	var bestTime time.Time
	for {
		page, _, err := listPage(ctx, p.AccountID, opts)
		if err != nil {
			return nil, err
		}
		for _, m := range page.Items {
			ts, err := m.Time()
			if err != nil {
				continue // cannot tell its age
			}
			if ts.Before(since) {
				if newestFirst {
					return best, nil
				}
				continue
			}
			if post.Matches(m) && (exclude == nil || !exclude(m.ID)) && (best == nil || ts.After(bestTime)) {
				best, bestTime = m, ts
				if newestFirst {
					return best, nil
				}
			}
		}
		if page.After == "" {
			return best, nil
		}
		opts.After = page.After
	}
}

// Matches reports whether m looks like the post this Post publishes (the
// rules of FindRecentMatch, apart from time). m needs the fields
// media_product_type, media_type, caption and children{id}.
func (p Post) Matches(m *graph.Media) bool {
	if m.MediaProductType != p.ProductType() || m.MediaType != p.MediaType() {
		return false
	}
	if p.ProductType() != graph.ProductStory && m.Caption != p.Parent.Param("caption") {
		return false
	}
	if p.MediaType() == graph.MediaTypeCarouselAlbum {
		children := 0
		if m.Children != nil {
			children = len(m.Children.Data)
		}
		return children == len(p.Items)
	}
	return true
}
