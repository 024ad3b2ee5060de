package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// serveHTTP counts a Graph request under its route key, takes the first
// matching fault, then: waits its latency, drops it before commit, runs it
// (or answers the fault's error), holds the answer, drops it after commit or
// writes it (Fault documents each).
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ControlPrefix || strings.HasPrefix(r.URL.Path, ControlPrefix+"/") {
		s.serveControl(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, UploadPrefix+"/") {
		s.serveUpload(w, r)
		return
	}
	req := parseRequest(r)
	s.mu.Lock()
	req.route = s.routeKey(req)
	s.mu.Unlock()
	f, ok := s.admit(req)
	if !ok {
		return
	}
	if f.DropBeforeCommit {
		s.logf("emulator: %s %s → dropped before commit (%s)", r.Method, r.URL.Path, req.route)
		dropConnection(w)
		return
	}

	status, body, hdr := s.answer(req, f)
	// Path only: the query string may hold a token.
	s.logf("emulator: %s %s → %d (%s)", r.Method, r.URL.Path, status, req.route)
	if f.HoldAfterCommit > 0 {
		held := HeldRequest{Route: req.route, Method: r.Method, Path: r.URL.Path, Status: status, Since: time.Now()}
		if !s.holdAnswer(r.Context(), held, f.HoldAfterCommit) {
			dropConnection(w) // the client went away: nothing is written
			return
		}
	}
	if f.DropAfterCommit {
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

// admit counts the request under req.route, takes the first fault that
// matches it (never nil: no fault is the zero Fault) and waits the route's
// and the fault's latency, in real time and without the lock, so other
// requests proceed. It reports false when the client went away meanwhile.
func (s *Server) admit(req *request) (*Fault, bool) {
	s.mu.Lock()
	s.st.calls[req.route]++
	s.st.totalCalls++
	if req.tokenURL {
		s.st.tokenInURL++
	}
	req.trace = s.st.trace()
	f := s.takeFault(req)
	if f == nil {
		f = &Fault{}
	}
	delay := s.routeLatency(req.route) + f.Latency
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-req.r.Context().Done():
			return f, false
		}
	}
	return f, true
}

// answer runs the request, or answers the fault's error instead, and
// computes the usage headers.
func (s *Server) answer(req *request, f *Fault) (status int, body any, hdr map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	req.version = s.effectiveVersion(req.version)
	if f.answersError() {
		e := f.apiError()
		status, body = e.status, e.envelope(req.trace)
	} else if out, aerr := s.handle(req); aerr != nil {
		status, body = aerr.status, aerr.envelope(req.trace)
	} else {
		status, body = http.StatusOK, out
	}
	return status, body, s.usageHeaders(req, status, body)
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
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
// a transport error and cannot tell whether the request was committed.
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
		return routeKeyOf(req.method, kindRoot)
	}
	return routeKeyOf(req.method, s.kindOf(req.segs[0]), req.segs[1:]...)
}

// kindOf is the kind of object an id names (the first match wins): a
// literal root of the route table names itself.
func (s *Server) kindOf(id string) objectKind {
	st := s.st
	switch {
	case id == "me":
		return kindMe
	case literalRoots[id]:
		return objectKind(id)
	case st.accounts[id] != nil || st.scoped[id] != "":
		return kindIGUser
	case st.pages[id] != "":
		return kindPage
	case st.fbUsers[id] != "":
		return kindFBUser
	case st.containers[id] != nil:
		return kindContainer
	case st.media[id] != nil:
		return kindMedia
	case s.isHashtagID(id):
		return kindHashtag
	case st.comments.byID[id] != nil:
		return kindComment
	case id == DefaultAppID:
		return kindApp
	}
	return kindUnknown
}

// handle authenticates a Graph request and dispatches it from the route
// table (routes.go). Called with s.mu held.
func (s *Server) handle(req *request) (any, *apiError) {
	kind, id, edge := kindRoot, "", ""
	if len(req.segs) > 0 {
		kind, id = s.kindOf(req.segs[0]), req.segs[0]
	}
	if len(req.segs) > 1 {
		edge = req.segs[1]
	}
	if selfAuth[kind] {
		if req.parseErr != nil {
			return nil, req.parseErr
		}
	} else if err := s.authenticate(req); err != nil {
		return nil, err
	}
	if err := s.refuseLegacyFeatures(req); err != nil {
		return nil, err
	}
	if len(req.segs) > 2 {
		return nil, errUnknownPath("/" + strings.Join(req.segs[2:], "/"))
	}
	t := &target{}
	if kind == kindMe {
		kind, id = s.meKind(req)
	}
	if !kind.literal() {
		var err *apiError
		if t, err = objectKinds[kind](s, req, id, edge); err != nil {
			return nil, err
		}
	}
	t.kind = kind
	if check := edgeChecks[kindEdge{kind, edge}]; check != nil {
		if err := check(req, edge); err != nil {
			return nil, err
		}
	}
	if h := routeIndex[routeKeyOf(req.method, kind, edge)]; h != nil {
		return h(s, req, t)
	}
	switch {
	case knownEdges[kindEdge{kind, edge}] && (edge != "" || kind.literal()):
		return nil, errMethodNotAllowed(req.method)
	case kind.literal():
		return nil, errUnknownPath("/" + strings.Join(req.segs, "/"))
	case edge == "":
		return nil, errUnsupported(req.method, req.segs[0])
	}
	return nil, errUnknownPath("/" + edge)
}

// authenticate checks the token, its expiry and appsecret_proof, then meters
// the call (usage.go).
func (s *Server) authenticate(req *request) *apiError {
	if req.token == "" {
		return errInvalidToken()
	}
	tok := s.st.tokens[req.token]
	if req.token == appToken() {
		tok = appTokenInfo
	}
	if tok == nil {
		return errInvalidToken()
	}
	if err := s.checkExpiry(tok); err != nil {
		return err
	}
	req.tok = tok
	if err := checkProof(req, DefaultAppSecret, s.opts.RequireAppSecretProof, s.now()); err != nil {
		return err
	}
	if req.parseErr != nil {
		return req.parseErr
	}
	return s.throttled(req)
}

// meKind resolves /me by token: Instagram login → the IG user, a Page token
// → the Page, otherwise the Facebook user. Route keys keep "me".
func (s *Server) meKind(req *request) (objectKind, string) {
	switch req.tok.kind {
	case tokenInstagram:
		return kindIGUser, "me"
	case tokenPage:
		return kindPage, req.tok.pageID
	}
	return kindFBUser, req.tok.fbUserID
}

// resolveUnknown answers for ids the emulator does not know.
func (s *Server) resolveUnknown(req *request, id, _ string) (*target, *apiError) {
	return nil, errUnsupported(req.method, id)
}

// fieldsParam parses `fields`; a syntax error is Graph code 2500.
// listParams are a list edge's fields and paging parameters (a limit
// above maxLimit is clamped, see pageReqFromParams).
func (req *request) listParams(maxLimit int) ([]field, pageReq, *apiError) {
	fs, err := req.fields()
	if err != nil {
		return nil, pageReq{}, err
	}
	pr, err := pageReqFromParams(req.param, maxLimit)
	return fs, pr, err
}

func (req *request) fields() ([]field, *apiError) {
	raw, _ := req.param("fields")
	fs, err := parseFields(raw)
	if err != nil {
		return nil, oauthErr(2500, 0, err.Error())
	}
	return fs, nil
}
