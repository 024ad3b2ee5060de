package graph

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

const (
	testAppID      = "188559381496048"
	testShortToken = "IGAAshortLIVEDtoken42"
)

// tokenEnv is a client on a server that records every request. The wire
// checks of setupEnv do not apply here: these calls authenticate with other
// tokens than the client's and some paths are unversioned.
type tokenEnv struct {
	client *Client
	logs   *captureLogger
	mu     sync.Mutex
	reqs   []*http.Request
	answer string
}

func setupTokens(t *testing.T, appID, appSecret string) *tokenEnv {
	t.Helper()
	e := &tokenEnv{logs: &captureLogger{}, answer: `{"access_token":"IGAAlongLIVED","token_type":"bearer","expires_in":5184000}`}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		e.reqs = append(e.reqs, r.Clone(r.Context()))
		e.mu.Unlock()
		writeJSON(w, http.StatusOK, e.answer)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Options{BaseURL: srv.URL, AccessToken: testToken, AppID: appID, AppSecret: appSecret, Logger: e.logs})
	if err != nil {
		t.Fatal(err)
	}
	e.client = c
	t.Cleanup(func() {
		assertNoSecretsLogged(t, e.logs)
		for _, line := range e.logs.all() {
			if strings.Contains(line.String(), testShortToken) {
				t.Errorf("log line leaks the subject token: %s", line)
			}
		}
	})
	return e
}

// only returns the single request the server saw.
func (e *tokenEnv) only(t *testing.T) *http.Request {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.reqs) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(e.reqs))
	}
	return e.reqs[0]
}

func wantRequest(t *testing.T, r *http.Request, path, bearer string, params map[string]string) {
	t.Helper()
	testMethod(t, r, http.MethodGet)
	if r.URL.Path != path {
		t.Errorf("path = %s, want %s", r.URL.Path, path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+bearer {
		t.Errorf("Authorization = %q, want Bearer %s", got, bearer)
	}
	if r.URL.Query().Has("access_token") {
		t.Error("access_token in the URL")
	}
	if got, want := r.URL.Query().Get("appsecret_proof"), appSecretProof(testAppSecret, bearer); got != want {
		t.Errorf("appsecret_proof = %q, want the proof of the bearer token %q", got, want)
	}
	testParams(t, r, params)
}

func TestTokensExchangeInstagram(t *testing.T) {
	e := setupTokens(t, "", testAppSecret)
	tok, _, err := e.client.Tokens.ExchangeInstagramToken(t.Context(), testShortToken)
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "IGAAlongLIVED" || tok.TokenType != "bearer" || tok.ExpiresIn != 5184000 {
		t.Errorf("token = %+v", tok)
	}
	// Unversioned, the short-lived token as the bearer, the secret as client_secret.
	wantRequest(t, e.only(t), "/access_token", testShortToken,
		map[string]string{"grant_type": "ig_exchange_token", "client_secret": testAppSecret})
}

func TestTokensRefreshInstagramOwnToken(t *testing.T) {
	e := setupTokens(t, "", testAppSecret)
	if _, _, err := e.client.Tokens.RefreshInstagramToken(t.Context(), ""); err != nil {
		t.Fatal(err)
	}
	wantRequest(t, e.only(t), "/refresh_access_token", testToken, map[string]string{"grant_type": "ig_refresh_token"})
}

func TestTokensExchangeFacebook(t *testing.T) {
	e := setupTokens(t, testAppID, testAppSecret)
	e.answer = `{"access_token":"EAAlong","token_type":"bearer"}`
	tok, _, err := e.client.Tokens.ExchangeFacebookToken(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "EAAlong" || tok.ExpiresIn != 0 {
		t.Errorf("token = %+v", tok)
	}
	// Versioned, authenticated as the app; the subject where Meta documents it.
	wantRequest(t, e.only(t), "/v26.0/oauth/access_token", testAppID+"|"+testAppSecret, map[string]string{
		"grant_type": "fb_exchange_token", "client_id": testAppID, "client_secret": testAppSecret, "fb_exchange_token": testToken,
	})
}

func TestTokensDebug(t *testing.T) {
	e := setupTokens(t, testAppID, testAppSecret)
	e.answer = `{"data":{"app_id":"188559381496048","type":"USER","application":"My App","data_access_expires_at":1754846089,
	  "expires_at":1752254132,"is_valid":true,"issued_at":1747070132,"scopes":["instagram_basic","pages_show_list"],
	  "granular_scopes":[{"scope":"instagram_basic","target_ids":["17841405822304914"]}],"user_id":"10211998223264288"}}`
	d, _, err := e.client.Tokens.Debug(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if !d.IsValid || d.Type != "USER" || d.ExpiresAt != 1752254132 || d.IssuedAt != 1747070132 || d.DataAccessExpiresAt != 1754846089 ||
		d.UserID != "10211998223264288" || len(d.Scopes) != 2 || len(d.GranularScopes) != 1 || d.GranularScopes[0].TargetIDs[0] != "17841405822304914" {
		t.Errorf("debug = %+v", d)
	}
	wantRequest(t, e.only(t), "/v26.0/debug_token", testAppID+"|"+testAppSecret, map[string]string{"input_token": testToken})
}

func TestTokensNeedAppCredentials(t *testing.T) {
	e := setupTokens(t, "", "")
	calls := map[string]func() error{
		"ExchangeInstagramToken": func() error { _, _, err := e.client.Tokens.ExchangeInstagramToken(t.Context(), ""); return err },
		"ExchangeFacebookToken":  func() error { _, _, err := e.client.Tokens.ExchangeFacebookToken(t.Context(), ""); return err },
		"Debug":                  func() error { _, _, err := e.client.Tokens.Debug(t.Context(), ""); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrNoAppCredentials) {
			t.Errorf("%s: err = %v, want ErrNoAppCredentials", name, err)
		}
	}
	if len(e.reqs) != 0 {
		t.Errorf("%d requests sent without app credentials", len(e.reqs))
	}
}

func TestTokensEmptyAnswer(t *testing.T) {
	e := setupTokens(t, "", testAppSecret)
	e.answer = `{}`
	if _, _, err := e.client.Tokens.RefreshInstagramToken(t.Context(), ""); err == nil || !strings.Contains(err.Error(), "without an access_token") {
		t.Errorf("err = %v", err)
	}
}
