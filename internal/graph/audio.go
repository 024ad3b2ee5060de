package graph

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// AudioService searches the licensed audio that reels may use (the
// Instagram Audio API, Facebook login only,
// https://developers.facebook.com/documentation/instagram-platform/content-publishing/audio-api).
type AudioService service

// Audio types of GET /ig_audio.
const (
	AudioTypeMusic         = "music"
	AudioTypeOriginalSound = "original_sound"
)

// AudioMaxPageSize is the largest page one client reports (uncertain).
const AudioMaxPageSize = 50

// AudioAsset is one track. Meta's field table was not readable; the names
// are those third-party clients agree on (uncertain).
type AudioAsset struct {
	AudioID       string `json:"audio_id"`
	AudioType     string `json:"audio_type"`
	Title         string `json:"title"`
	DisplayArtist string `json:"display_artist,omitempty"` // licensed music
	IGUsername    string `json:"ig_username,omitempty"`    // the author of an original sound
	DurationMS    *int64 `json:"duration_in_ms,omitempty"`
	// DownloadURL is a temporary preview (about 1.5 days);
	// PreviewLink the track's page on instagram.com.
	DownloadURL   string `json:"download_url,omitempty"`
	PreviewLink   string `json:"on_platform_audio_preview_link,omitempty"`
	CoverArtURL   string `json:"cover_artwork_thumbnail_uri,omitempty"`
	IsAdsEligible *bool  `json:"is_ads_eligible,omitempty"`
}

// AudioSearch is GET /ig_audio's query. Without Query, Meta lists what is
// trending.
type AudioSearch struct {
	Type     string // AudioTypeMusic or AudioTypeOriginalSound
	Query    string // search_query
	Limit    int    // stop after this many; 0 = all
	PageSize int    // limit= per page; 0 = min(Limit, AudioMaxPageSize) or Meta's default
}

// audioPage is /ig_audio's answer: the list under "audio" (three clients),
// not "data" (one) (uncertain: both are read).
type audioPage struct {
	Audio  []*AudioAsset `json:"audio"`
	Data   []*AudioAsset `json:"data"`
	Paging *Paging       `json:"paging"`
}

// Search iterates GET /ig_audio?audio_type=…&user_id=…[&search_query=…],
// page by page. No fields are sent: the request syntax has none.
func (s *AudioService) Search(ctx context.Context, igUserID string, q AudioSearch) iter.Seq2[*AudioAsset, error] {
	params := url.Values{"audio_type": {q.Type}, "user_id": {igUserID}}
	if q.Query != "" {
		params.Set("search_query", q.Query)
	}
	size := q.PageSize
	if size == 0 && q.Limit > 0 {
		size = min(q.Limit, AudioMaxPageSize)
	}
	if size > 0 {
		params.Set("limit", strconv.Itoa(size))
	}
	return iteratePages(func(after string) (*PageOf[*AudioAsset], error) {
		if igUserID == "" || q.Type == "" {
			return nil, errors.New("graph: audio search needs a user id and an audio type")
		}
		p := url.Values{}
		for k, v := range params {
			p[k] = v
		}
		if after != "" {
			p.Set("after", after)
		}
		var out audioPage
		if _, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: "/ig_audio", Params: p}, &out); err != nil {
			return nil, err
		}
		items := out.Audio
		if items == nil {
			items = out.Data
		}
		return &PageOf[*AudioAsset]{Items: items, After: nextCursor(page[*AudioAsset]{Data: items, Paging: out.Paging})}, nil
	}, "", q.Limit)
}
