package graph

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// HashtagsService is hashtag search (Facebook login only,
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search).
// Each IG user may query 30 unique hashtags per rolling 7 days; search
// spends a slot the first time a name is queried.
type HashtagsService service

// Hashtag is an IG Hashtag node; Name has no '#'.
type Hashtag struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Hashtag media edges.
const (
	HashtagEdgeTop    = "top"    // top_media: most popular
	HashtagEdgeRecent = "recent" // recent_media: published in the last 24 h
)

// HashtagMaxPageSize is the most results one top/recent media page returns.
const HashtagMaxPageSize = 50

// HashtagLimit is how many unique hashtags an IG user may query per 7 days.
const HashtagLimit = 30

// HashtagMediaFields are the fields hashtag media allows (no username).
var HashtagMediaFields = []string{
	"id", "caption", "media_type", "media_url", "permalink", "timestamp",
	"like_count", "comments_count", "children{id,media_type,media_url}",
}

// NormalizeHashtag turns user input into the name Graph searches for: a
// leading '#' removed, lower case. Hashtags are letters, digits and
// underscores; spaces, punctuation and emoji (unsupported by search) are
// refused so that a bad name never spends one of the 30 weekly slots.
func NormalizeHashtag(s string) (string, error) {
	name := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	if name == "" {
		return "", errors.New("a hashtag needs at least one letter or digit")
	}
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '_' {
			continue
		}
		switch {
		case unicode.IsSpace(r):
			return "", errors.New("a hashtag cannot contain spaces")
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\u200d' || r == '\ufe0f':
			return "", errors.New("hashtag search does not support emoji")
		default:
			return "", fmt.Errorf("a hashtag can only contain letters, digits and underscores, not %q", r)
		}
	}
	return name, nil
}

// Search resolves a hashtag name to its global id:
// GET /ig_hashtag_search?user_id={ig-user-id}&q={name}. name should come
// from NormalizeHashtag.
func (s *HashtagsService) Search(ctx context.Context, igUserID, name string) (string, *Response, error) {
	if igUserID == "" || name == "" {
		return "", nil, errors.New("graph: hashtag search needs a user id and a name")
	}
	req := &Request{Method: http.MethodGet, Path: "/ig_hashtag_search", Params: url.Values{"user_id": {igUserID}, "q": {name}}}
	var out page[Hashtag]
	resp, err := s.client.Do(ctx, req, &out)
	if err != nil {
		return "", resp, err
	}
	if len(out.Data) == 0 || out.Data[0].ID == "" {
		return "", resp, fmt.Errorf("graph: hashtag search for %q returned no id", name)
	}
	return out.Data[0].ID, resp, nil
}

// Get reads GET /{ig-hashtag-id}?fields=id,name.
func (s *HashtagsService) Get(ctx context.Context, id string) (*Hashtag, *Response, error) {
	path, err := nodePath(id)
	if err != nil {
		return nil, nil, err
	}
	h := new(Hashtag)
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path, Params: url.Values{"fields": {"id,name"}}}, h)
	if err != nil {
		return nil, resp, err
	}
	return h, resp, nil
}

// Media iterates GET /{ig-hashtag-id}/top_media or /recent_media with
// user_id, in pages of at most 50, stopping after limit items (0 = all).
func (s *HashtagsService) Media(ctx context.Context, hashtagID, igUserID, edge string, limit int) iter.Seq2[*Media, error] {
	fail := func(err error) iter.Seq2[*Media, error] {
		return func(yield func(*Media, error) bool) { yield(nil, err) }
	}
	if edge != HashtagEdgeTop && edge != HashtagEdgeRecent {
		return fail(fmt.Errorf("graph: hashtag edge %q: want %q or %q", edge, HashtagEdgeTop, HashtagEdgeRecent))
	}
	path, err := nodePath(hashtagID, edge+"_media")
	if err != nil {
		return fail(err)
	}
	size := HashtagMaxPageSize
	if limit > 0 {
		size = min(limit, HashtagMaxPageSize)
	}
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{
		"user_id": {igUserID},
		"fields":  {strings.Join(HashtagMediaFields, ",")},
		"limit":   {strconv.Itoa(size)},
	}}
	return Paginate[*Media](ctx, s.client, req, limit)
}

// RecentlySearched lists GET /{ig-user-id}/recently_searched_hashtags: the
// hashtags counting against the 7-day budget (at most 30, one page).
func (s *HashtagsService) RecentlySearched(ctx context.Context, igUserID string) ([]Hashtag, *Response, error) {
	path, err := nodePath(igUserID, "recently_searched_hashtags")
	if err != nil {
		return nil, nil, err
	}
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{
		"fields": {"id,name"},
		"limit":  {strconv.Itoa(HashtagLimit)},
	}}
	var out page[Hashtag]
	resp, err := s.client.Do(ctx, req, &out)
	if err != nil {
		return nil, resp, err
	}
	return out.Data, resp, nil
}

// IsHashtagLimit reports the refusal of a 31st unique hashtag in 7 days.
// Meta does not document its code: we recognise
// code 24 (the placeholder the emulator uses by default) and any message
// that names the hashtag limit.
func IsHashtagLimit(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	if e.Code == 24 {
		return true
	}
	text := strings.ToLower(e.Message + " " + e.UserTitle + " " + e.UserMsg)
	return strings.Contains(text, "hashtag") && (strings.Contains(text, "limit") || strings.Contains(text, "maximum"))
}
