package emulator

import (
	"net/url"
	"strings"
)

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
	u := s.others().byUsername[strings.ToLower(username)]
	if u == nil || u.accountType == "PERSONAL" {
		// Unknown and personal accounts look identical (community-observed; user texts uncertain).
		return nil, userErr(110, 2207013, "Invalid user id", "Cannot find user",
			"The user with username: "+username+" cannot be found.")
	}
	out := map[string]any{"id": u.id}
	profile := publicProfile{
		username: u.username, name: u.name, biography: u.biography, website: u.website,
		pictureURL: "https://scontent.cdninstagram.com/emulator/others/profile/" + u.id + ".jpg",
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
func (s *Server) discoveryMedia(req *request, u *otherUser, bd, mf field) (any, *apiError) {
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
		node, err := renderOtherMedia(m, mf.Sub, discoveryMediaFields)
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
	for _, u := range s.others().users {
		out[u.username] = u.accountType
	}
	return out
}
