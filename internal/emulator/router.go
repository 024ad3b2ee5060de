package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ControlPrefix || strings.HasPrefix(r.URL.Path, ControlPrefix+"/") {
		s.serveControl(w, r)
		return
	}
	req, perr := parseRequest(r)

	s.mu.Lock()
	req.route = s.routeKey(req)
	s.st.calls[req.route]++
	s.st.totalCalls++
	if req.tokenURL {
		s.st.tokenInURL++
	}
	req.trace = s.st.trace()
	f := s.takeFault(req)
	delay := s.routeLatency(req.route)
	s.mu.Unlock()

	if f != nil {
		delay += f.Latency
	}
	if delay > 0 {
		// Real time, without the lock, so other requests proceed.
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}

	var status int
	var body any
	s.mu.Lock()
	req.version = s.effectiveVersion(req.version)
	if f != nil && !f.DropAfterCommit && (f.Error != nil || f.Status != 0) {
		e := f.apiError()
		status, body = e.status, e.envelope(req.trace)
	} else {
		out, aerr := s.handle(req, perr)
		if aerr != nil {
			status, body = aerr.status, aerr.envelope(req.trace)
		} else {
			status, body = http.StatusOK, out
		}
	}
	hdr := s.usageHeaders(req, status, body)
	s.mu.Unlock()

	if s.opts.Logf != nil {
		// Path only: the query string may hold a token.
		s.opts.Logf("emulator: %s %s → %d (%s)", r.Method, r.URL.Path, status, req.route)
	}
	if f != nil && f.DropAfterCommit {
		dropConnection(w)
		return
	}
	for k, v := range hdr {
		w.Header().Set(k, v)
	}
	w.Header().Set("facebook-api-version", req.version)
	w.Header().Set("x-fb-trace-id", req.trace)
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(body)
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// dropConnection closes the connection without any response: the client sees
// a transport error although the request's effects were committed.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler) // HTTP/2: net/http resets the stream
}

// routeKey names the request by object kind, e.g. "GET /{ig-user-id}/media".
// It does not look at the token: unknown and forbidden objects are told apart
// only in the response.
func (s *Server) routeKey(req *request) string {
	if len(req.segs) == 0 {
		return req.method + " /"
	}
	parts := append([]string{s.kindOf(req.segs[0])}, req.segs[1:]...)
	return req.method + " /" + strings.Join(parts, "/")
}

func (s *Server) kindOf(id string) string {
	st := s.st
	switch {
	case id == "me":
		return "me"
	case st.accounts[id] != nil || st.scoped[id] != "":
		return "{ig-user-id}"
	case st.pages[id] != "":
		return "{page-id}"
	case st.fbUsers[id] != "":
		return "{user-id}"
	case st.containers[id] != nil:
		return "{container-id}"
	case st.media[id] != nil:
		return "{ig-media-id}"
	case id == "ig_hashtag_search" || oauthRoots[id]:
		return id
	case s.isHashtagID(id):
		return "{ig-hashtag-id}"
	case st.comments.byID[id] != nil:
		return "{ig-comment-id}"
	case id == DefaultAppID:
		return "{app-id}"
	}
	return "{unknown}"
}

// versionExpiry lists when Graph versions stop working (graph-api-facts.md §1.2).
// Calls to an expired version are served by the oldest available one.
var versionExpiry = []struct {
	v   string
	end time.Time
}{
	{"v18.0", time.Date(2026, 1, 26, 0, 0, 0, 0, time.UTC)},
	{"v19.0", time.Date(2026, 5, 21, 0, 0, 0, 0, time.UTC)},
	{"v20.0", time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC)},
	{"v21.0", time.Date(2027, 1, 21, 0, 0, 0, 0, time.UTC)},
	{"v22.0", time.Date(2027, 5, 20, 0, 0, 0, 0, time.UTC)},
	{"v23.0", time.Date(2027, 10, 8, 0, 0, 0, 0, time.UTC)},
	{"v24.0", time.Date(2028, 2, 18, 0, 0, 0, 0, time.UTC)},
	{"v25.0", time.Date(2028, 7, 29, 0, 0, 0, 0, time.UTC)},
}

func (s *Server) effectiveVersion(v string) string {
	now := s.now()
	var major, minor int
	if _, err := fmt.Sscanf(v, "v%d.%d", &major, &minor); err != nil {
		return v
	}
	if major >= 18 {
		// Versions older than v18 are certainly expired; v18+ per the table.
		for _, e := range versionExpiry {
			if e.v == v && !now.Before(e.end) {
				return s.oldestLiveVersion(now)
			}
		}
		return v
	}
	return s.oldestLiveVersion(now)
}

func (s *Server) oldestLiveVersion(now time.Time) string {
	for _, e := range versionExpiry {
		if now.Before(e.end) {
			return e.v
		}
	}
	return "v26.0"
}

// handle authenticates and dispatches a Graph request. Called with s.mu held.
func (s *Server) handle(req *request, perr *apiError) (any, *apiError) {
	if len(req.segs) > 0 && oauthRoots[req.segs[0]] {
		return s.handleOAuth(req, perr) // authenticates its own way (oauth.go)
	}
	if req.token == "" {
		return nil, errInvalidToken()
	}
	tok := s.st.tokens[req.token]
	if req.token == appToken() {
		tok = appTokenInfo
	}
	if tok == nil {
		return nil, errInvalidToken()
	}
	if err := s.checkExpiry(tok); err != nil {
		return nil, err
	}
	req.tok = tok
	if err := checkProof(req, DefaultAppSecret, s.opts.RequireAppSecretProof, s.now()); err != nil {
		return nil, err
	}
	if perr != nil {
		return nil, perr
	}
	if err := s.throttled(req); err != nil {
		return nil, err
	}
	if len(req.segs) == 0 {
		return s.handleIDs(req) // GET /?ids=a,b (multiid.go)
	}
	id, edge := req.segs[0], ""
	if len(req.segs) > 1 {
		edge = req.segs[1]
	}
	if len(req.segs) > 2 {
		return nil, errUnknownPath("/" + strings.Join(req.segs[2:], "/"))
	}

	st := s.st
	switch {
	case id == "me":
		return s.handleMe(req, edge)
	case st.accounts[id] != nil || st.scoped[id] != "":
		return s.handleIGUser(req, id, edge)
	case st.pages[id] != "":
		return s.handlePage(req, id, edge)
	case st.fbUsers[id] != "":
		return s.handleFBUser(req, id, edge)
	case st.containers[id] != nil:
		return s.handleContainer(req, st.containers[id], edge)
	case st.media[id] != nil:
		return s.handleMedia(req, st.media[id], edge)
	case id == "ig_hashtag_search" && edge == "":
		return s.hashtagSearch(req)
	case s.isHashtagID(id):
		return s.handleHashtag(req, id, edge)
	case st.comments.byID[id] != nil:
		return s.handleComment(req, id, edge)
	case id == DefaultAppID:
		return s.handleApp(req, edge)
	}
	return nil, errUnsupported(req.method, id)
}

// fieldsParam parses `fields`; a syntax error is Graph code 2500.
func (req *request) fields() ([]field, *apiError) {
	raw, _ := req.param("fields")
	fs, err := parseFields(raw)
	if err != nil {
		return nil, oauthErr(2500, 0, err.Error())
	}
	return fs, nil
}
