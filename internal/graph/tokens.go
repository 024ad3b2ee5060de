package graph

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// TokensService exchanges, refreshes and inspects access tokens
// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens,
// https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token,
// https://developers.facebook.com/docs/graph-api/reference/debug_token).
//
// Where the token goes: the token that authenticates a call travels in the
// Authorization header, as on every other call, so the client never puts
// access_token in a URL. Where Meta defines a token as the *subject* of a call
// in a named parameter (fb_exchange_token, input_token), it goes where Meta
// documents it: in the query string of a GET, like client_secret. The client
// logs paths only, never query strings (retry.go logAttempt), so none of them
// reaches a log. For Instagram login's exchange and refresh the subject is the
// access token itself, so it is the bearer token of the call.
type TokensService service

// ErrNoAppCredentials is returned, before any request, by calls that need
// the app id and/or app secret when the client was built without them.
var ErrNoAppCredentials = errors.New("graph: this call needs the app id and app secret")

// AccessToken is the answer of the exchange and refresh endpoints. Keep it in
// memory only.
type AccessToken struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	// ExpiresIn is the lifetime in seconds; 0 when Meta leaves it out
	// (a token that does not expire on a schedule).
	ExpiresIn int64 `json:"expires_in"`
}

// ExchangeInstagramToken turns a short-lived Instagram-login token into a
// long-lived one (60 days): GET graph.instagram.com/access_token
// ?grant_type=ig_exchange_token&client_secret=… (unversioned). token ""
// exchanges the client's own token. Needs the (Instagram) app secret.
func (s *TokensService) ExchangeInstagramToken(ctx context.Context, token string) (*AccessToken, *Response, error) {
	if s.client.appSecret == "" {
		return nil, nil, ErrNoAppCredentials
	}
	return s.get(ctx, s.client.withToken(token), &Request{Method: http.MethodGet, Path: "/access_token", Unversioned: true,
		Params: url.Values{"grant_type": {"ig_exchange_token"}, "client_secret": {s.client.appSecret}}})
}

// RefreshInstagramToken trades a long-lived Instagram-login token, at least
// 24 hours old and unexpired, for a fresh one: GET
// graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token
// (unversioned). token "" refreshes the client's own token.
func (s *TokensService) RefreshInstagramToken(ctx context.Context, token string) (*AccessToken, *Response, error) {
	return s.get(ctx, s.client.withToken(token), &Request{Method: http.MethodGet, Path: "/refresh_access_token", Unversioned: true,
		Params: url.Values{"grant_type": {"ig_refresh_token"}}})
}

// ExchangeFacebookToken turns a Facebook User token into a long-lived one
// (about 60 days): GET /oauth/access_token?grant_type=fb_exchange_token
// &client_id=&client_secret=&fb_exchange_token=. token "" exchanges the
// client's own token. The call is authenticated as the app.
func (s *TokensService) ExchangeFacebookToken(ctx context.Context, token string) (*AccessToken, *Response, error) {
	c := s.client
	if c.appID == "" || c.appSecret == "" {
		return nil, nil, ErrNoAppCredentials
	}
	if token == "" {
		token = c.token
	}
	c.secrets(token)
	return s.get(ctx, c.withToken(c.appToken()), &Request{Method: http.MethodGet, Path: "/oauth/access_token",
		Params: url.Values{
			"grant_type":        {"fb_exchange_token"},
			"client_id":         {c.appID},
			"client_secret":     {c.appSecret},
			"fb_exchange_token": {token},
		}})
}

func (s *TokensService) get(ctx context.Context, c *Client, req *Request) (*AccessToken, *Response, error) {
	out := new(AccessToken)
	resp, err := c.Do(ctx, req, out)
	if err != nil {
		return nil, resp, err
	}
	if out.AccessToken == "" {
		return nil, resp, errors.New("graph: " + req.Path + " answered without an access_token")
	}
	c.secrets(out.AccessToken)
	return out, resp, nil
}

// TokenDebug is the data of GET /debug_token. Times are Unix seconds; 0
// means "never" (expires_at) or "not reported".
type TokenDebug struct {
	AppID               string          `json:"app_id"`
	Type                string          `json:"type"` // USER, PAGE, APP, SYSTEM_USER
	Application         string          `json:"application"`
	IsValid             bool            `json:"is_valid"`
	UserID              string          `json:"user_id"`
	Scopes              []string        `json:"scopes"`
	GranularScopes      []GranularScope `json:"granular_scopes"`
	ExpiresAt           int64           `json:"expires_at"`
	DataAccessExpiresAt int64           `json:"data_access_expires_at"`
	IssuedAt            int64           `json:"issued_at"`
	// Error says why an invalid token is invalid (is_valid false).
	Error *TokenDebugError `json:"error,omitempty"`
}

// GranularScope is a permission and the Page / IG ids it was granted for.
type GranularScope struct {
	Scope     string   `json:"scope"`
	TargetIDs []string `json:"target_ids"`
}

// TokenDebugError is debug_token's reason for is_valid = false.
type TokenDebugError struct {
	Code    int    `json:"code"`
	Subcode int    `json:"subcode"`
	Message string `json:"message"`
}

// Debug inspects a token with GET /debug_token?input_token=… (Facebook
// login), authenticated with the app token {app-id}|{app-secret}. inputToken
// "" inspects the client's own token.
func (s *TokensService) Debug(ctx context.Context, inputToken string) (*TokenDebug, *Response, error) {
	c := s.client
	if c.appID == "" || c.appSecret == "" {
		return nil, nil, ErrNoAppCredentials
	}
	if inputToken == "" {
		inputToken = c.token
	}
	c.secrets(inputToken)
	var out struct {
		Data TokenDebug `json:"data"`
	}
	resp, err := c.withToken(c.appToken()).Do(ctx, &Request{Method: http.MethodGet, Path: "/debug_token",
		Params: url.Values{"input_token": {inputToken}}}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out.Data, resp, nil
}

// appToken is the app access token "{app-id}|{app-secret}".
func (c *Client) appToken() string { return c.appID + "|" + c.appSecret }
