package emulator

import (
	"cmp"
	"fmt"
	"net/http"
	"time"
)

// The token endpoints, served with and without a version prefix
// (https://developers.facebook.com/docs/instagram-platform/reference/access_token,
// https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token,
// https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived,
// https://developers.facebook.com/docs/graph-api/reference/debug_token):
//
//	GET /access_token?grant_type=ig_exchange_token&client_secret=…        Instagram login: short → long-lived
//	GET /refresh_access_token?grant_type=ig_refresh_token                 Instagram login: long-lived → fresh
//	GET /oauth/access_token?grant_type=fb_exchange_token&client_id=…
//	    &client_secret=…&fb_exchange_token=…                              Facebook login: → long-lived
//	GET /debug_token?input_token=…                                        app token (or a user token of the app)
//
// Minted tokens are real emulator tokens: they reach the same accounts as the
// token they came from, and after their lifetime on the emulator clock every
// call with them fails with 190/463.

const (
	// dataAccessLifetime: data access expires 90 days after the user was last active.
	dataAccessLifetime = 90 * 24 * time.Hour
)

// IssueToken mints a user token for the seeded account accountID, as a login
// flow would: login "instagram" (an IGAA… token, Instagram login) or
// "facebook" (an EAA… user token). It expires after lifetime on the emulator
// clock; 0 means never. Use it to get a short-lived token to exchange, or a
// token that is about to expire. It returns "" for an unknown account.
func (s *Server) IssueToken(accountID, login string, lifetime time.Duration) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.accounts[accountID]
	if a == nil {
		return ""
	}
	from := &tokenInfo{kind: tokenInstagram, accounts: []string{accountID}}
	if login == "facebook" {
		from = &tokenInfo{kind: tokenFacebook, fbUserID: a.FacebookUserID, accounts: []string{accountID}}
	}
	return s.mint(from, lifetime)
}

// controlTokens is POST /_emulator/tokens?account_id=…&login=…&lifetime=…
// (IssueToken for the standalone emulator); account_id defaults to the
// seeded account, login to instagram, lifetime (a Go duration) to never.
func (s *Server) controlTokens(w http.ResponseWriter, r *http.Request, _ string) {
	q := r.URL.Query()
	var lifetime time.Duration
	if v := q.Get("lifetime"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			controlError(w, http.StatusBadRequest, "lifetime must be a duration such as 1h")
			return
		}
		lifetime = d
	}
	login := cmp.Or(q.Get("login"), "instagram")
	if login != "instagram" && login != "facebook" {
		controlError(w, http.StatusBadRequest, "login must be instagram or facebook")
		return
	}
	tok := s.IssueToken(cmp.Or(q.Get("account_id"), DefaultAccountID), login, lifetime)
	if tok == "" {
		controlError(w, http.StatusNotFound, "no account "+q.Get("account_id"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok})
}

// mint stores a new token that reaches what from reaches. Called with s.mu held.
func (s *Server) mint(from *tokenInfo, lifetime time.Duration) string {
	s.st.nextToken++
	prefix := "EAAEmulatorIssuedToken"
	if from.kind == tokenInstagram {
		prefix = "IGAAEmulatorIssuedToken"
	}
	tok := fmt.Sprintf("%s%08d", prefix, s.st.nextToken)
	ti := &tokenInfo{kind: from.kind, fbUserID: from.fbUserID, pageID: from.pageID,
		accounts: append([]string(nil), from.accounts...), issuedAt: s.now()}
	if lifetime > 0 {
		ti.expiresAt = ti.issuedAt.Add(lifetime)
	}
	s.st.tokens[tok] = ti
	return tok
}

// checkExpiry fails every call made with a token past its expiry (190/463).
func (s *Server) checkExpiry(tok *tokenInfo) *apiError {
	now := s.now()
	if tok.expiresAt.IsZero() || now.Before(tok.expiresAt) {
		return nil
	}
	return errTokenExpired(tok.expiresAt, now)
}

func errTokenExpired(at, now time.Time) *apiError {
	const layout = "Monday, 02-Jan-06 15:04:05 MST"
	return oauthErr(190, 463, fmt.Sprintf("Error validating access token: Session has expired on %s. The current time is %s.",
		at.Format(layout), now.Format(layout)))
}

// userToken authenticates the Instagram-login endpoints, whose subject is the
// access token itself.
func (s *Server) userToken(req *request, kind tokenKind) (*tokenInfo, *apiError) {
	tok := s.st.tokens[req.token]
	if req.token == "" || tok == nil || tok.kind != kind {
		return nil, errInvalidToken()
	}
	if err := s.checkExpiry(tok); err != nil {
		return nil, err
	}
	if err := checkProof(req, DefaultAppSecret, s.opts.RequireAppSecretProof, s.now()); err != nil {
		return nil, err
	}
	return tok, nil
}

func wantGrant(req *request, grant string) *apiError {
	got, ok := req.param("grant_type")
	if !ok || got == "" {
		return errMissingParam("grant_type")
	}
	if got != grant {
		return errParam("Unsupported grant_type %q, expected %s", got, grant)
	}
	return nil
}

// checkClient validates client_id (when the endpoint takes one) and
// client_secret against the seeded app.
func (s *Server) checkClient(req *request, needID bool) *apiError {
	if needID {
		id, _ := req.param("client_id")
		if id == "" {
			return errMissingParam("client_id")
		}
		if id != DefaultAppID {
			return oauthErr(101, 0, "Error validating application. Invalid application ID.")
		}
	}
	secret, _ := req.param("client_secret")
	if secret == "" {
		return errMissingParam("client_secret")
	}
	if secret != DefaultAppSecret {
		if e := s.opts.BadClientSecretError; e != nil {
			return &apiError{status: http.StatusBadRequest, body: *e}
		}
		return oauthErr(1, 0, "Error validating client secret.")
	}
	return nil
}

func (s *Server) issued(from *tokenInfo) map[string]any {
	return map[string]any{
		"access_token": s.mint(from, s.opts.LongLivedTokenLifetime),
		"token_type":   "bearer",
		"expires_in":   int64(s.opts.LongLivedTokenLifetime / time.Second),
	}
}

func (s *Server) exchangeInstagram(req *request, _ *target) (any, *apiError) {
	tok, err := s.userToken(req, tokenInstagram)
	if err != nil {
		return nil, err
	}
	if err := wantGrant(req, "ig_exchange_token"); err != nil {
		return nil, err
	}
	if err := s.checkClient(req, false); err != nil {
		return nil, err
	}
	// Whether Meta refuses to exchange a token that is already long-lived is
	// not documented (uncertain): the emulator exchanges any valid token.
	return s.issued(tok), nil
}

func (s *Server) refreshInstagram(req *request, _ *target) (any, *apiError) {
	tok, err := s.userToken(req, tokenInstagram)
	if err != nil {
		return nil, err
	}
	if err := wantGrant(req, "ig_refresh_token"); err != nil {
		return nil, err
	}
	// Seeded tokens (no issuedAt) count as issued long ago.
	if !tok.issuedAt.IsZero() && s.now().Sub(tok.issuedAt) < s.opts.TokenRefreshMinAge {
		if e := s.opts.RefreshTooEarlyError; e != nil {
			return nil, &apiError{status: http.StatusBadRequest, body: *e}
		}
		// The wording and code are not documented (uncertain).
		return nil, errParam("The access token can only be refreshed %g hours after it was issued", s.opts.TokenRefreshMinAge.Hours())
	}
	return s.issued(tok), nil
}

// exchangeFacebook authenticates with client_id/client_secret; an access
// token sent with it (our client sends the app token) is not needed.
func (s *Server) exchangeFacebook(req *request, _ *target) (any, *apiError) {
	if err := wantGrant(req, "fb_exchange_token"); err != nil {
		return nil, err
	}
	if err := s.checkClient(req, true); err != nil {
		return nil, err
	}
	subject, _ := req.param("fb_exchange_token")
	if subject == "" {
		return nil, errMissingParam("fb_exchange_token")
	}
	tok := s.st.tokens[subject]
	if tok == nil || tok.kind != tokenFacebook {
		return nil, errInvalidToken()
	}
	if err := s.checkExpiry(tok); err != nil {
		return nil, err
	}
	return s.issued(tok), nil
}

// debugToken answers for any token the emulator knows, Instagram-login
// tokens included: whether Meta's debug_token inspects those is not
// documented (uncertain).
func (s *Server) debugToken(req *request, _ *target) (any, *apiError) {
	caller := s.st.tokens[req.token]
	if req.token == appToken() {
		caller = appTokenInfo
	}
	if req.token == "" || caller == nil {
		return nil, errInvalidToken()
	}
	if err := s.checkExpiry(caller); err != nil {
		return nil, err
	}
	if err := checkProof(req, DefaultAppSecret, s.opts.RequireAppSecretProof, s.now()); err != nil {
		return nil, err
	}
	input, _ := req.param("input_token")
	if input == "" {
		return nil, errMissingParam("input_token")
	}
	if input == appToken() {
		return map[string]any{"data": map[string]any{
			"app_id": DefaultAppID, "type": "APP", "application": "Emulator App", "is_valid": true,
		}}, nil
	}
	tok := s.st.tokens[input]
	if tok == nil {
		// Invalid tokens are reported inside data, not as a call error (uncertain detail).
		return map[string]any{"data": map[string]any{"is_valid": false, "error": map[string]any{
			"code": 190, "message": "Invalid OAuth access token - Cannot parse access token",
		}}}, nil
	}
	return map[string]any{"data": s.describeToken(tok)}, nil
}

func (s *Server) describeToken(tok *tokenInfo) map[string]any {
	now := s.now()
	d := map[string]any{
		"app_id": DefaultAppID, "application": "Emulator App", "type": "USER", "is_valid": true,
		"expires_at": int64(0), "data_access_expires_at": now.Add(dataAccessLifetime).Unix(),
	}
	if !tok.issuedAt.IsZero() {
		d["issued_at"] = tok.issuedAt.Unix()
		d["data_access_expires_at"] = tok.issuedAt.Add(dataAccessLifetime).Unix()
	}
	if !tok.expiresAt.IsZero() {
		d["expires_at"] = tok.expiresAt.Unix()
	}
	if err := s.checkExpiry(tok); err != nil {
		d["is_valid"] = false
		d["error"] = map[string]any{"code": err.body.Code, "subcode": err.body.Subcode, "message": err.body.Message}
	}
	var scopes []string
	var granular []any
	grant := func(scope string, targets []string) {
		scopes = append(scopes, scope)
		g := map[string]any{"scope": scope}
		if targets != nil {
			g["target_ids"] = targets
		}
		granular = append(granular, g)
	}
	accounts := append([]string{}, tok.accounts...)
	switch tok.kind {
	case tokenInstagram:
		d["user_id"] = tok.accounts[0]
		for _, sc := range []string{"instagram_business_basic", "instagram_business_content_publish",
			"instagram_business_manage_comments", "instagram_business_manage_insights"} {
			grant(sc, accounts)
		}
	default:
		if tok.kind == tokenPage {
			d["type"] = "PAGE"
			d["profile_id"] = tok.pageID
		} else {
			d["user_id"] = tok.fbUserID
		}
		pages := []string{}
		for _, id := range tok.accounts {
			pages = append(pages, s.st.accounts[id].PageID)
		}
		for _, sc := range []string{"instagram_basic", "instagram_content_publish", "instagram_manage_comments",
			"instagram_manage_insights", "instagram_manage_contents"} {
			grant(sc, accounts)
		}
		grant("pages_show_list", pages)
		grant("pages_read_engagement", pages)
	}
	d["scopes"], d["granular_scopes"] = scopes, granular
	return d
}
