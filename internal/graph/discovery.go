package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// DiscoveryService reads other professional accounts through business
// discovery (Facebook login only): a field expansion on the caller's own IG
// user, `business_discovery.username(x){…}`
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/business_discovery).
type DiscoveryService service

// DiscoveredUser is the public profile of a Business or Creator account.
type DiscoveredUser struct {
	Profile
	// Media holds up to the requested number of recent posts, newest first.
	Media []*Media `json:"-"`
}

// DiscoveryMediaFields are the media fields business discovery may read
// (public fields only; others answer (#10)); of the profile it may read
// ProfileFields.
var DiscoveryMediaFields = []string{
	"id", "caption", "media_type", "media_product_type", "media_url", "permalink",
	"timestamp", "like_count", "comments_count", "view_count", "children{id,media_type,media_url}",
}

// discoveryPageSize is the nested media page size we ask for; Graph's default is 25.
const discoveryPageSize = 50

// usernameRE is Instagram's username alphabet. Checking it also keeps the
// value from breaking out of the field expansion's parentheses.
var usernameRE = regexp.MustCompile(`^[A-Za-z0-9._]{1,30}$`)

// discoveryResponse is the caller's node with the expansion inside.
type discoveryResponse struct {
	BusinessDiscovery *struct {
		DiscoveredUser
		Media *page[*Media] `json:"media"`
	} `json:"business_discovery"`
}

// Get reads the profile of username and up to mediaLimit recent posts,
// through igUserID (the caller's own account). Media pages are followed with
// `media.limit(n).after(cursor)` inside the expansion. An unknown username
// and a personal account both answer code 110 subcode 2207013; see
// IsDiscoveryNotFound.
func (s *DiscoveryService) Get(ctx context.Context, igUserID, username string, mediaLimit int) (*DiscoveredUser, *Response, error) {
	path, err := nodePath(igUserID)
	if err != nil {
		return nil, nil, err
	}
	if !usernameRE.MatchString(username) {
		return nil, nil, fmt.Errorf("graph: invalid Instagram username %q", username)
	}
	mediaFields := strings.Join(DiscoveryMediaFields, ",")
	inner := strings.Join(ProfileFields, ",")
	if mediaLimit > 0 {
		inner += fmt.Sprintf(",media.limit(%d){%s}", min(mediaLimit, discoveryPageSize), mediaFields)
	}
	user, media, resp, err := s.call(ctx, path, username, inner)
	if err != nil {
		return nil, resp, err
	}
	u := &user
	asked := min(mediaLimit, discoveryPageSize)
	for media != nil {
		for _, m := range media.Data {
			if len(u.Media) < mediaLimit {
				u.Media = append(u.Media, m)
			}
		}
		if len(u.Media) >= mediaLimit || !morePages(media, asked) {
			break
		}
		after := media.Paging.Cursors.After
		if strings.ContainsAny(after, "(){},") { // would break the expansion syntax
			return nil, resp, fmt.Errorf("graph: GET %s: unexpected business discovery cursor %q", path, after)
		}
		asked = min(mediaLimit-len(u.Media), discoveryPageSize)
		inner = fmt.Sprintf("media.limit(%d).after(%s){%s}", asked, after, mediaFields)
		if _, media, resp, err = s.call(ctx, path, username, inner); err != nil {
			return nil, resp, err
		}
	}
	return u, resp, nil
}

func (s *DiscoveryService) call(ctx context.Context, path, username, inner string) (DiscoveredUser, *page[*Media], *Response, error) {
	req := &Request{Method: http.MethodGet, Path: path, Params: url.Values{
		"fields": {"business_discovery.username(" + username + "){" + inner + "}"},
	}}
	var out discoveryResponse
	resp, err := s.client.Do(ctx, req, &out)
	if err != nil {
		return DiscoveredUser{}, nil, resp, err
	}
	if out.BusinessDiscovery == nil {
		return DiscoveredUser{}, nil, resp, errors.New("graph: GET " + path + ": response has no business_discovery")
	}
	return out.BusinessDiscovery.DiscoveredUser, out.BusinessDiscovery.Media, resp, nil
}

// morePages decides whether a nested page has a successor. Nested edges may
// come without paging.next (Meta's sample shows cursors only), so a full page
// with an after cursor also counts as "more".
func morePages[T any](p *page[T], asked int) bool {
	if p == nil || p.Paging == nil || p.Paging.Cursors.After == "" || len(p.Data) == 0 {
		return false
	}
	return p.Paging.Next != "" || len(p.Data) >= asked
}

// IsDiscoveryNotFound reports business discovery's answer for a username that
// does not exist or is not a professional account (code 110, subcode 2207013).
func IsDiscoveryNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == 110 && e.Subcode == 2207013
}
