package emulator

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"strconv"
)

// resolveFBUser: the Facebook user node is visible to its own user token only.
func (s *Server) resolveFBUser(req *request, id, _ string) (*target, *apiError) {
	if req.tok.kind != tokenFacebook || req.tok.fbUserID != id {
		return nil, errUnsupported(req.method, req.segs[0])
	}
	return &target{fbUserID: id}, nil
}

// getFBUser is GET /{user-id} (Facebook login).
func (s *Server) getFBUser(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	if fs == nil {
		fs = []field{{Name: "name"}} // Graph's /me default is name + id
	}
	out := map[string]any{"id": t.fbUserID}
	for _, f := range fs {
		switch f.Name {
		case "id":
		case "name":
			out["name"] = s.st.fbUsers[t.fbUserID]
		default:
			return nil, errNonexistingField(f.Name, "User")
		}
	}
	return out, nil
}

// listPages is GET /me/accounts: the Pages behind the token's IG accounts.
func (s *Server) listPages(req *request, _ *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	if fs == nil {
		// Graph's default for /me/accounts items (the sample response of
		// https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
		fs = []field{{Name: "access_token"}, {Name: "category"}, {Name: "category_list"}, {Name: "name"}, {Name: "tasks"}}
	}
	pr, err := pageReqFromParams(req.param, s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	accts := req.tok.accounts
	keys := make([]int64, len(accts))
	for i := range accts {
		keys[i] = -int64(i) // seeding order; keys must descend
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, id := range accts[start:end] {
		a := s.st.accounts[id]
		node, err := s.renderPage(req, a, fs)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, "/"+req.segs[0]+"/accounts"), nil
}

// resolvePage: a Page is visible to a Facebook-login user token that
// reaches its IG account, or to its own Page token.
func (s *Server) resolvePage(req *request, pageID, _ string) (*target, *apiError) {
	acct := s.st.accounts[s.st.pages[pageID]]
	ok := acct != nil && (req.tok.kind == tokenFacebook && req.tok.reaches(acct.ID) ||
		req.tok.kind == tokenPage && req.tok.pageID == pageID)
	if !ok {
		return nil, errUnsupported(req.method, req.segs[0])
	}
	return &target{account: acct, pageID: pageID}, nil
}

// getPage is GET /{page-id}.
func (s *Server) getPage(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	if fs == nil {
		fs = []field{{Name: "name"}}
	}
	return s.renderPage(req, t.account, fs)
}

func (s *Server) renderPage(req *request, a *Account, fs []field) (map[string]any, *apiError) {
	out := map[string]any{"id": a.PageID}
	for _, f := range fs {
		switch f.Name {
		case "id":
		case "name":
			out["name"] = a.PageName
		case "category":
			out["category"] = "Brand"
		case "category_list":
			out["category_list"] = []any{map[string]any{"id": "1605186416478696", "name": "Brand"}}
		case "access_token":
			out["access_token"] = pageToken(a.PageID)
		case "tasks":
			out["tasks"] = []string{"ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"}
		case "instagram_business_account":
			node, err := s.renderUser(req, a, a.ID, f.Sub)
			if err != nil {
				return nil, err
			}
			out["instagram_business_account"] = node
		default:
			return nil, errNonexistingField(f.Name, "Page")
		}
	}
	return out, nil
}

// resolveIGUser finds the IG user an id names: "me" (Instagram login), the
// account id, or (Instagram login only) the app-scoped id.
func (s *Server) resolveIGUser(req *request, id, _ string) (*target, *apiError) {
	acctID, shownID := id, id
	switch {
	case id == "me":
		acctID = req.tok.accounts[0]
		shownID = s.st.accounts[acctID].InstagramScopedID
	case s.st.scoped[id] != "":
		if req.tok.kind != tokenInstagram { // scoped ids only exist for Instagram Login
			return nil, errUnsupported(req.method, id)
		}
		acctID = s.st.scoped[id]
	}
	a := s.st.accounts[acctID]
	if a == nil || !req.tok.reaches(acctID) {
		return nil, errUnsupported(req.method, req.segs[0])
	}
	return &target{account: a, shownID: shownID}, nil
}

// getIGUser is GET /{ig-user-id}.
func (s *Server) getIGUser(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	return s.renderUser(req, t.account, t.shownID, fs)
}

// publicProfile is what anyone may read of an IG User (all that business
// discovery reads): the emulator's accounts and others' render it alike.
type publicProfile struct {
	username, name, biography, website, pictureURL string
	followers, follows, media                      int
}

// render puts the profile field name into out; false when name is not a
// profile field. Graph leaves out a field the profile has no value for.
func (p publicProfile) render(name string, out map[string]any) bool {
	render := profileFields[name]
	if render == nil {
		return false
	}
	if v, ok := render(p); ok {
		out[name] = v
	}
	return true
}

// profileFields render the public profile's fields; false leaves one out.
var profileFields = map[string]func(p publicProfile) (any, bool){
	"username":            func(p publicProfile) (any, bool) { return p.username, true },
	"name":                func(p publicProfile) (any, bool) { return p.name, p.name != "" },
	"biography":           func(p publicProfile) (any, bool) { return p.biography, p.biography != "" },
	"website":             func(p publicProfile) (any, bool) { return p.website, p.website != "" },
	"profile_picture_url": func(p publicProfile) (any, bool) { return p.pictureURL, true },
	"followers_count":     func(p publicProfile) (any, bool) { return p.followers, true },
	"follows_count":       func(p publicProfile) (any, bool) { return p.follows, true },
	"media_count":         func(p publicProfile) (any, bool) { return p.media, true },
}

// renderUser projects an IG user node. The field sets differ per login
// flavour: Instagram login adds user_id and account_type
// (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started),
// Facebook login has ig_id, has_profile_pic and friends
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user). Rejecting the other flavour's
// fields is our reading of the docs (uncertain).
func (s *Server) renderUser(req *request, a *Account, shownID string, fs []field) (map[string]any, *apiError) {
	igl := req.tok.kind == tokenInstagram
	out := map[string]any{"id": shownID}
	profile := publicProfile{
		username: a.Username, name: a.Name, biography: a.Biography, website: a.Website,
		pictureURL: "https://scontent.cdninstagram.com/emulator/profile/" + a.ID + ".jpg",
		followers:  a.FollowersCount, follows: a.FollowsCount, media: a.MediaCount + s.postCount(a.ID),
	}
	for _, f := range fs {
		if profile.render(f.Name, out) {
			continue
		}
		switch f.Name {
		case "id":
		case "business_discovery":
			node, err := s.businessDiscovery(req, f)
			if err != nil {
				return nil, err
			}
			out["business_discovery"] = node
		case "mentioned_media":
			node, err := s.mentionedMedia(req, a, f)
			if err != nil {
				return nil, err
			}
			out[f.Name] = node
		case "mentioned_comment":
			node, err := s.mentionedComment(req, a, f)
			if err != nil {
				return nil, err
			}
			out[f.Name] = node
		case "media", "stories":
			page, err := s.nestedMedia(req, a, f)
			if err != nil {
				return nil, err
			}
			out[f.Name] = page
		case "user_id":
			if !igl {
				return nil, errNonexistingField(f.Name, "IGUser")
			}
			out["user_id"] = a.ID
		case "account_type":
			if !igl {
				return nil, errNonexistingField(f.Name, "IGUser")
			}
			if a.AccountType == "MEDIA_CREATOR" {
				out["account_type"] = "Media_Creator"
			} else {
				out["account_type"] = "Business"
			}
		case "ig_id", "legacy_instagram_user_id":
			if igl {
				return nil, errNonexistingField(f.Name, "IGUser")
			}
			out[f.Name] = legacyID(a.ID)
		case "has_profile_pic", "is_published":
			if igl {
				return nil, errNonexistingField(f.Name, "IGUser")
			}
			out[f.Name] = true
		default:
			return nil, errNonexistingField(f.Name, "IGUser")
		}
	}
	return out, nil
}

// legacyID derives a stable pre-v22 style numeric id.
func legacyID(id string) int64 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return 1000000000 + int64(h.Sum32()%1000000000)
}

// nestedMedia serves `media.limit(n).after(c){…}` and `stories{…}` inside a user node.
func (s *Server) nestedMedia(req *request, a *Account, f field) (any, *apiError) {
	get := func(name string) (string, bool) { return f.mod(name) }
	pr, err := pageReqFromParams(get, s.opts.MaxPageSize)
	if err != nil {
		return nil, err
	}
	items := s.mediaList(a.ID, f.Name == "stories", pr)
	keys := mediaKeys(items)
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data, err := s.renderMediaItems(req, items[start:end], f.Sub)
	if err != nil {
		return nil, err
	}
	// Nested paging URLs point at the edge itself (never with a token).
	q := url.Values{}
	if f.Sub != nil {
		q.Set("fields", fieldsString(f.Sub))
	}
	for _, m := range []string{"since", "until"} {
		if v, ok := f.mod(m); ok {
			q.Set(m, v)
		}
	}
	q.Set("limit", strconv.Itoa(pr.limit))
	nreq := *req
	nreq.r = req.r.Clone(req.r.Context())
	nreq.r.URL.RawQuery = q.Encode()
	return pageResponse(&nreq, data, keys[start:end], hasPrev, hasNext, fmt.Sprintf("/%s/%s", a.ID, f.Name)), nil
}
