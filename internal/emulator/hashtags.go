package emulator

import (
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Hashtag search, Facebook login only
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag-search):
//
//	GET /ig_hashtag_search?user_id=&q=         → {"data":[{"id":…}]}
//	GET /{ig-hashtag-id}?fields=id,name
//	GET /{ig-hashtag-id}/top_media|recent_media?user_id=&fields=&limit=&after=
//	GET /{ig-user-id}/recently_searched_hashtags?limit=
//
// Each IG user may query 30 unique hashtags per rolling 7 days; a hashtag
// counts once, when first queried, and re-querying it neither counts again
// nor restarts its 7 days.

// seededHashtags are ids Meta's docs show; other names get a stable id from their hash.
var seededHashtags = map[string]string{
	"bluebottle": "17843857450040591",
	"coke":       "17841593698074073",
}

const (
	hashtagWindow  = 7 * 24 * time.Hour
	hashtagMaxPage = 50 // top/recent media: at most 50 results per page
)

// hashtagID returns the global id of a hashtag name, registering it.
func (w *others) hashtagID(name string) string {
	if id, ok := w.hashtagIDs[name]; ok {
		return id
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	id := "178438" + strconv.FormatUint(1e10+h.Sum64()%9e10, 10) // 17 digits, like Meta's
	w.hashtagIDs[name], w.hashtagNames[id] = id, name
	return id
}

// isHashtagID reports whether id names a known hashtag.
func (s *Server) isHashtagID(id string) bool {
	_, ok := s.others().hashtagNames[id]
	return ok
}

// validHashtagName: letters (any script), digits and underscores. Emoji are
// unsupported per the docs; what Meta answers for spaces, '#' or punctuation
// is undocumented (uncertain), so they get the same refusal.
func validHashtagName(q string) bool {
	if q == "" {
		return false
	}
	for _, r := range q {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) && r != '_' {
			return false
		}
	}
	return true
}

// hashtagUser checks the user_id parameter the hashtag endpoints require.
func (s *Server) hashtagUser(req *request) (*Account, *apiError) {
	uid, _ := req.param("user_id")
	if uid == "" {
		return nil, errMissingParam("user_id")
	}
	a := s.st.accounts[uid]
	if a == nil || !req.tok.reaches(uid) {
		return nil, errNoPermission()
	}
	return a, nil
}

// useHashtag counts a hashtag query against the account's 30-per-7-days budget.
func (s *Server) useHashtag(accountID, hashtagID string) *apiError {
	w := s.others()
	now := s.now()
	var live []hashtagUse
	for _, u := range w.searches[accountID] {
		if now.Sub(u.at) < hashtagWindow {
			live = append(live, u)
		}
	}
	for _, u := range live {
		if u.id == hashtagID {
			return nil // already counted: no new slot, no timer reset
		}
	}
	if len(live) >= s.opts.HashtagLimit {
		return s.hashtagLimitError(s.opts.HashtagLimit)
	}
	w.searches[accountID] = append(w.searches[accountID], hashtagUse{id: hashtagID, at: now})
	return nil
}

// hashtagLimitError: Meta documents the limit of 30 unique hashtags per 7
// days, not the error for the 31st (uncertain). The default is a placeholder,
// code 24 with a message naming the limit; Options.HashtagLimitError replaces it.
func (s *Server) hashtagLimitError(limit int) *apiError {
	if e := s.opts.HashtagLimitError; e != nil {
		return &apiError{status: 400, body: *e}
	}
	return userErr(24, 0, "(#24) Hashtag query limit reached: an Instagram account can query at most "+strconv.Itoa(limit)+
		" unique hashtags in 7 days", "Hashtag limit reached",
		"You have searched the maximum number of unique hashtags allowed in a 7-day period.")
}

// facebookLoginRoot refuses an Instagram-login token on a literal root that
// exists with Facebook login only (ig_hashtag_search, ig_audio).
func facebookLoginRoot(req *request) *apiError {
	if req.tok.kind == tokenInstagram {
		return errUnsupported(req.method, req.segs[0])
	}
	return nil
}

// hashtagSearch is GET /ig_hashtag_search?user_id=…&q=…, with Facebook
// login only.
func (s *Server) hashtagSearch(req *request, _ *target) (any, *apiError) {
	if err := facebookLoginRoot(req); err != nil {
		return nil, err
	}
	a, err := s.hashtagUser(req)
	if err != nil {
		return nil, err
	}
	q, _ := req.param("q")
	if q == "" {
		return nil, errMissingParam("q")
	}
	name := strings.ToLower(q)
	if !validHashtagName(name) {
		return nil, userErr(100, 0, "(#100) Invalid parameter", "Hashtag not supported",
			"Hashtags with spaces, emoji or punctuation cannot be searched.")
	}
	id := s.others().hashtagID(name)
	if err := s.useHashtag(a.ID, id); err != nil {
		return nil, err
	}
	return map[string]any{"data": []any{map[string]any{"id": id}}}, nil
}

// resolveHashtag: hashtag nodes exist for Facebook login only and are read-only.
func (s *Server) resolveHashtag(req *request, id, edge string) (*target, *apiError) {
	if req.tok.kind == tokenInstagram {
		return nil, errUnsupported(req.method, id)
	}
	if req.method != "GET" {
		if edge == "" {
			return nil, errUnsupported(req.method, id)
		}
		return nil, errMethodNotAllowed(req.method)
	}
	return &target{hashtagID: id}, nil
}

// getHashtag is GET /{ig-hashtag-id}.
func (s *Server) getHashtag(req *request, t *target) (any, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, err
	}
	return renderHashtag(t.hashtagID, s.others().hashtagNames[t.hashtagID], fs)
}

// topMedia is GET /{ig-hashtag-id}/top_media.
func (s *Server) topMedia(req *request, t *target) (any, *apiError) {
	return s.hashtagMedia(req, t.hashtagID, false)
}

// recentMedia is GET /{ig-hashtag-id}/recent_media.
func (s *Server) recentMedia(req *request, t *target) (any, *apiError) {
	return s.hashtagMedia(req, t.hashtagID, true)
}

func renderHashtag(id, name string, fs []field) (map[string]any, *apiError) {
	out := map[string]any{"id": id}
	for _, f := range fs {
		switch f.Name {
		case "id":
		case "name":
			out["name"] = name
		default:
			return nil, errNonexistingField(f.Name, "IGHashtag")
		}
	}
	return out, nil
}

// hashtagMedia pages top or recent media. Items: public media of
// professional accounts; recent = published in the last 24 h, newest first;
// top = most liked first. Paging has only an `after` cursor and `next`.
// Meta's cursor reportedly repeats the same value on every page; ours
// encodes the offset (clients must not care either way).
func (s *Server) hashtagMedia(req *request, id string, recent bool) (any, *apiError) {
	name := s.others().hashtagNames[id]
	a, err := s.hashtagUser(req)
	if err != nil {
		return nil, err
	}
	fs, pr, err := req.listParams(min(hashtagMaxPage, s.opts.MaxPageSize))
	if err != nil {
		return nil, err
	}
	if err := s.useHashtag(a.ID, id); err != nil {
		return nil, err
	}
	now := s.now()
	var items []*otherMedia
	for _, m := range s.others().media {
		if m.owner.accountType == "PERSONAL" || !m.hasHashtag(name) || m.timestamp.After(now) {
			continue
		}
		if recent && now.Sub(m.timestamp) >= 24*time.Hour {
			continue
		}
		items = append(items, m)
	}
	if !recent {
		sort.SliceStable(items, func(i, j int) bool { return items[i].likes > items[j].likes })
	}
	start := 0
	if pr.after != nil {
		start = int(min(max(*pr.after, 0), int64(len(items))))
	}
	end := min(start+pr.limit, len(items))
	data := []any{}
	for _, m := range items[start:end] {
		node, err := renderOtherMedia(m, fs, hashtagMediaFields)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	out := map[string]any{"data": data}
	if end > start {
		after := encodeCursor(int64(end))
		paging := map[string]any{"cursors": map[string]any{"after": after}}
		if end < len(items) {
			paging["next"] = req.pagingURL(req.prefixlessPath(), map[string][]string{"after": {after}})
		}
		out["paging"] = paging
	}
	return out, nil
}

// prefixlessPath is the request path without the version prefix.
func (req *request) prefixlessPath() string { return "/" + strings.Join(req.segs, "/") }

// recentlySearchedHashtags is GET /{ig-user-id}/recently_searched_hashtags:
// the hashtags counting against the 7-day budget, most recent first; 25 per
// page by default, limit up to 30.
func (s *Server) recentlySearchedHashtags(req *request, t *target) (any, *apiError) {
	a := t.account
	fs, pr, err := req.listParams(30)
	if err != nil {
		return nil, err
	}
	w := s.others()
	now := s.now()
	var uses []hashtagUse
	var keys []int64 // position in the account's search log: unique, descending
	all := w.searches[a.ID]
	for i := len(all) - 1; i >= 0; i-- {
		if now.Sub(all[i].at) < hashtagWindow {
			uses = append(uses, all[i])
			keys = append(keys, int64(i))
		}
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, u := range uses[start:end] {
		node, err := renderHashtag(u.id, w.hashtagNames[u.id], fs)
		if err != nil {
			return nil, err
		}
		data = append(data, node)
	}
	return pageResponse(req, data, keys[start:end], hasPrev, hasNext, req.prefixlessPath()), nil
}

// SearchedHashtags lists the hashtag names counting against the account's
// 7-day budget, oldest first (test helper).
func (s *Server) SearchedHashtags(accountID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.others()
	now := s.now()
	out := []string{}
	for _, u := range w.searches[accountID] {
		if now.Sub(u.at) < hashtagWindow {
			out = append(out, w.hashtagNames[u.id])
		}
	}
	return out
}

// HashtagID returns the id the emulator gives a hashtag name (lowercase, no '#').
func (s *Server) HashtagID(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.others().hashtagID(name)
}
