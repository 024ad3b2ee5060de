package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// WebhooksService manages app-level webhook subscriptions
// (/{app-id}/subscriptions, app access token) and per-account enablement
// (/{id}/subscribed_apps, user or Page token).
type WebhooksService service

// InstagramWebhookFields are the documented webhook fields of
// object=instagram
// (https://developers.facebook.com/docs/instagram-platform/webhooks).
var InstagramWebhookFields = []string{
	"agent_messages", "comment_poll_response", "comments", "creator_marketplace_invited_creator_onboarding",
	"creator_marketplace_projects", "delta", "follow", "live_comments", "mentions", "message_echoes", "message_edit",
	"message_reactions", "messages", "messaging_handover", "messaging_optins", "messaging_policy_enforcement",
	"messaging_postbacks", "messaging_referral", "messaging_seen", "onboarding_welcome_message_series",
	"response_feedback", "share_to_story", "standby", "story_insights", "story_poll_response", "story_reactions",
}

// Subscription is one object's entry of GET /{app-id}/subscriptions.
type Subscription struct {
	Object      string              `json:"object"`
	CallbackURL string              `json:"callback_url"`
	Active      bool                `json:"active"`
	Fields      []SubscriptionField `json:"fields"`
}

// SubscriptionField is a subscribed field and the Graph version it is pinned to.
type SubscriptionField struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// SubscribeParams are the parameters of POST /{app-id}/subscriptions.
type SubscribeParams struct {
	Object        string
	CallbackURL   string
	Fields        []string // added to the object's existing fields
	VerifyToken   string   // echoed by Meta in the verification GET; never logged
	IncludeValues bool
}

// Subscriptions reads GET /{app-id}/subscriptions (app token).
func (s *WebhooksService) Subscriptions(ctx context.Context, appID string) ([]Subscription, *Response, error) {
	path, err := nodePath(appID, "subscriptions")
	if err != nil {
		return nil, nil, err
	}
	var out struct {
		Data []Subscription `json:"data"`
	}
	resp, err := s.client.Do(ctx, &Request{Method: http.MethodGet, Path: path}, &out)
	return out.Data, resp, err
}

// Subscribe sends POST /{app-id}/subscriptions. Meta verifies the callback
// before answering; a failed handshake is an *Error (codes 2200/2201).
// Resending the same subscription is harmless, so it is retried.
func (s *WebhooksService) Subscribe(ctx context.Context, appID string, p SubscribeParams) (*Response, error) {
	path, err := nodePath(appID, "subscriptions")
	if err != nil {
		return nil, err
	}
	if p.Object == "" || p.CallbackURL == "" || len(p.Fields) == 0 {
		return nil, errors.New("graph: subscribe needs object, callback_url and fields")
	}
	v := url.Values{
		"object":         {p.Object},
		"callback_url":   {p.CallbackURL},
		"fields":         {strings.Join(p.Fields, ",")},
		"include_values": {strconv.FormatBool(p.IncludeValues)},
	}
	if p.VerifyToken != "" {
		v.Set("verify_token", p.VerifyToken)
	}
	return s.client.doSuccess(ctx, &Request{Method: http.MethodPost, Path: path, Params: v, Idempotent: true})
}

// DeleteSubscription sends DELETE /{app-id}/subscriptions?object=…[&fields=…]:
// with fields only those are removed, else the object's whole subscription.
func (s *WebhooksService) DeleteSubscription(ctx context.Context, appID, object string, fields []string) (*Response, error) {
	path, err := nodePath(appID, "subscriptions")
	if err != nil {
		return nil, err
	}
	if object == "" {
		return nil, errors.New("graph: empty object") // without it Graph deletes every subscription of the app
	}
	v := url.Values{"object": {object}}
	if len(fields) > 0 {
		v.Set("fields", strings.Join(fields, ","))
	}
	return s.client.doSuccess(ctx, &Request{Method: http.MethodDelete, Path: path, Params: v})
}

// LinkedPage is the Facebook Page an IG account is linked to, with the Page
// token that subscribed_apps needs under Facebook login. Keep the token in
// memory only.
type LinkedPage struct {
	ID          string
	AccessToken string
}

// FindLinkedPage finds the Page of igUserID among GET /me/accounts
// (Facebook login, user token).
func (s *WebhooksService) FindLinkedPage(ctx context.Context, igUserID string) (*LinkedPage, error) {
	type page struct {
		ID          string            `json:"id"`
		AccessToken string            `json:"access_token"`
		IG          *InstagramAccount `json:"instagram_business_account"`
	}
	req := &Request{Method: http.MethodGet, Path: "/me/accounts", Params: url.Values{"fields": {"id,access_token,instagram_business_account"}}}
	for p, err := range Paginate[page](ctx, s.client, req, 0) {
		if err != nil {
			return nil, err
		}
		s.client.secrets(p.AccessToken)
		if p.IG != nil && p.IG.ID == igUserID {
			if p.AccessToken == "" {
				return nil, fmt.Errorf("graph: Page %s of Instagram account %s came without an access token (the user needs a task on the Page)", p.ID, igUserID)
			}
			return &LinkedPage{ID: p.ID, AccessToken: p.AccessToken}, nil
		}
	}
	return nil, fmt.Errorf("graph: no Facebook Page reachable with this token is linked to Instagram account %s", igUserID)
}

// SubscribedApp is an entry of GET /{id}/subscribed_apps.
type SubscribedApp struct {
	AppID            string   `json:"app_id"` // IG user edge
	ID               string   `json:"id"`     // Page edge: the app id
	SubscribedFields []string `json:"subscribed_fields"`
}

// App is the subscribed app's id whichever edge answered.
func (a SubscribedApp) App() string {
	if a.AppID != "" {
		return a.AppID
	}
	return a.ID
}

// SubscribedApps reads GET /{id}/subscribed_apps. id is the IG user
// (Instagram login) or the linked Page with its token (Facebook login);
// pageToken "" uses the client's token.
func (s *WebhooksService) SubscribedApps(ctx context.Context, id, pageToken string) ([]SubscribedApp, *Response, error) {
	path, err := nodePath(id, "subscribed_apps")
	if err != nil {
		return nil, nil, err
	}
	var out struct {
		Data []SubscribedApp `json:"data"`
	}
	resp, err := s.client.withToken(pageToken).Do(ctx, &Request{Method: http.MethodGet, Path: path}, &out)
	return out.Data, resp, err
}

// SubscribeApp sends POST /{id}/subscribed_apps?subscribed_fields=…, which
// replaces the account's set. Idempotent, so retried.
func (s *WebhooksService) SubscribeApp(ctx context.Context, id, pageToken string, fields []string) (*Response, error) {
	path, err := nodePath(id, "subscribed_apps")
	if err != nil {
		return nil, err
	}
	if len(fields) == 0 {
		return nil, errors.New("graph: subscribed_apps needs at least one field")
	}
	return s.client.withToken(pageToken).doSuccess(ctx, &Request{Method: http.MethodPost, Path: path,
		Params: url.Values{"subscribed_fields": {strings.Join(fields, ",")}}, Idempotent: true})
}

// UnsubscribeApp sends DELETE /{id}/subscribed_apps.
func (s *WebhooksService) UnsubscribeApp(ctx context.Context, id, pageToken string) (*Response, error) {
	path, err := nodePath(id, "subscribed_apps")
	if err != nil {
		return nil, err
	}
	return s.client.withToken(pageToken).doSuccess(ctx, &Request{Method: http.MethodDelete, Path: path})
}

// withToken returns a shallow copy of c that authenticates with token (and
// its appsecret_proof); "" returns c. Only Do/doSuccess are used on the copy:
// its service fields still point at c.
func (c *Client) withToken(token string) *Client {
	if token == "" {
		return c
	}
	cp := *c
	cp.token, cp.proof = token, ""
	if c.appSecret != "" {
		cp.proof = appSecretProof(c.appSecret, token)
	}
	c.secrets(token, cp.proof)
	return &cp
}
