package preview

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Existing is a post the account already has.
type Existing struct {
	ID        string
	Permalink string
	// Image is what the grid shows: the image, a video's thumbnail, a
	// carousel's first item.
	Image       Text
	Video       bool
	Carousel    bool
	ProductType string // FEED, REELS, STORY
	Time        time.Time
}

// existingFromPlan reads the account's posts from instagram_account_media
// data sources the plan read (the first that has any), and names it.
func existingFromPlan(p *Plan) ([]Existing, string) {
	for _, r := range p.stateResources() {
		if r.Mode != "data" || r.Type != "instagram_account_media" {
			continue
		}
		n := node{v: r.Values, sensitive: r.SensitiveValues}
		var out []Existing
		for _, m := range n.get("media").items() {
			img := m.get("media_url")
			if t := m.get("thumbnail_url"); !t.isNull() {
				img = t
			}
			out = append(out, Existing{
				ID:          m.get("id").str(),
				Permalink:   instagramLink(m.get("permalink").str()),
				Image:       img.text(),
				Video:       m.get("media_type").str() == graph.MediaTypeVideo,
				Carousel:    m.get("media_type").str() == graph.MediaTypeCarouselAlbum,
				ProductType: m.get("media_product_type").str(),
				Time:        parseTime(m.get("timestamp").str()),
			})
		}
		if len(out) > 0 {
			return out, r.Address
		}
	}
	return nil, ""
}

// AccountSource says where the account's current posts come from with
// --account: the Graph API, read only.
type AccountSource struct {
	BaseURL, Token, APIVersion string
	AccountID                  string
	Limit                      int
}

// ReadAccount lists the account's most recent posts (GET
// /{ig-user-id}/media, read only). The token is sent in the Authorization
// header by internal/graph and never appears in an error.
func ReadAccount(ctx context.Context, src AccountSource) ([]Existing, error) {
	base := src.BaseURL
	if base == "" {
		base = graph.FacebookBaseURL
		if strings.HasPrefix(src.Token, "IG") {
			base = graph.InstagramBaseURL
		}
	}
	client, err := graph.New(graph.Options{BaseURL: base, APIVersion: src.APIVersion, AccessToken: src.Token, UserAgent: "instagram-preview"})
	if err != nil {
		return nil, err
	}
	fields := []string{"id", "media_type", "media_product_type", "media_url", "thumbnail_url", "permalink", "timestamp"}
	var out []Existing
	for m, err := range client.Media.List(ctx, src.AccountID, graph.ListOptions{Fields: fields, Limit: src.Limit}) {
		if err != nil {
			return nil, fmt.Errorf("reading the posts of account %s: %w", src.AccountID, err)
		}
		img := m.MediaURL
		if m.ThumbnailURL != "" {
			img = m.ThumbnailURL
		}
		t, _ := m.Time()
		out = append(out, Existing{
			ID: m.ID, Permalink: instagramLink(m.Permalink), Image: Text{S: img}, Time: t,
			Video: m.MediaType == graph.MediaTypeVideo, Carousel: m.MediaType == graph.MediaTypeCarouselAlbum,
			ProductType: m.MediaProductType,
		})
	}
	return out, nil
}
