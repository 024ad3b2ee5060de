package graph

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
)

// OEmbedService reads the embed HTML of Instagram posts and profiles (Meta
// oEmbed Read, https://developers.facebook.com/documentation/instagram-platform/oembed).
// It exists on graph.facebook.com only and, since 2026-05-15, needs no
// access token: give it a Client made without one (Options.AccessToken
// empty), whatever the login of the rest of the provider. Meta allows up
// to 1,000 requests an hour.
type OEmbedService service

// oEmbed's bounds of maxwidth, in pixels.
const (
	OEmbedMinWidth = 320
	OEmbedMaxWidth = 658
)

// OEmbedFields are the fields left after 2025-11-03 (author_* and
// thumbnail_* were removed).
var OEmbedFields = []string{"html", "width", "provider_name", "provider_url", "type", "version"}

// OEmbed is the answer. Meta's terms allow it for front-end display only.
type OEmbed struct {
	HTML         string `json:"html"`
	Width        *int64 `json:"width,omitempty"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Type         string `json:"type"`
	Version      string `json:"version"`
}

// OEmbedOptions are GET /instagram_oembed's parameters.
type OEmbedOptions struct {
	URL         string // a /p/ or /reel/ post, or a profile
	MaxWidth    int    // 0 = Meta's default (658); else OEmbedMinWidth–OEmbedMaxWidth
	OmitScript  bool   // leave out embed.js (call instgrm.Embeds.process() yourself)
	HideCaption bool
}

// Get reads GET /instagram_oembed?url=…&fields=….
func (s *OEmbedService) Get(ctx context.Context, o OEmbedOptions) (*OEmbed, *Response, error) {
	if o.URL == "" {
		return nil, nil, errors.New("graph: oEmbed needs a URL")
	}
	params := url.Values{"url": {o.URL}, "fields": {fieldsParam(nil, OEmbedFields)}}
	if o.MaxWidth != 0 {
		params.Set("maxwidth", strconv.Itoa(o.MaxWidth))
	}
	if o.OmitScript {
		params.Set("omitscript", "true")
	}
	if o.HideCaption {
		params.Set("hidecaption", "true")
	}
	out := new(OEmbed)
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: "/instagram_oembed", Params: params}, out)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}
