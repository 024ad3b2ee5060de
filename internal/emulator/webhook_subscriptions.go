package emulator

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// /{app-id}/subscriptions
// (https://developers.facebook.com/docs/graph-api/reference/app/subscriptions/):
// the app's webhook subscriptions, one per object, managed with the app
// access token.

// appSubscription is one object's entry of /{app-id}/subscriptions.
type appSubscription struct {
	object, callbackURL string
	fields              map[string]string // name → Graph version pinned at subscribe time
	active              bool
	includeValues       bool
	verifyToken         string
}

// resolveApp: the seeded app node exists for every token; its edges check
// the token themselves (appTokenOnly).
func (s *Server) resolveApp(*request, string, string) (*target, *apiError) {
	return &target{}, nil
}

// listSubscriptions is GET /{app-id}/subscriptions.
func (s *Server) listSubscriptions(*request, *target) (any, *apiError) {
	objects := make([]string, 0, len(s.st.hooks.subs))
	for o := range s.st.hooks.subs {
		objects = append(objects, o)
	}
	sort.Strings(objects)
	data := []any{}
	for _, o := range objects {
		sub := s.st.hooks.subs[o]
		fields := []any{}
		for _, name := range slices.Sorted(maps.Keys(sub.fields)) {
			fields = append(fields, map[string]any{"name": name, "version": sub.fields[name]})
		}
		data = append(data, map[string]any{"object": o, "callback_url": sub.callbackURL, "active": sub.active, "fields": fields})
	}
	return map[string]any{"data": data}, nil
}

// subscribe is POST /{app-id}/subscriptions: it verifies the callback with
// the hub.challenge handshake (s.mu is released meanwhile) and fails like
// Meta when the callback does not echo the challenge.
func (s *Server) subscribe(req *request, _ *target) (any, *apiError) {
	object, _ := req.param("object")
	callback, _ := req.param("callback_url")
	rawFields, _ := req.param("fields")
	token := ""
	if v, ok := req.params["verify_token"]; ok && len(v) > 0 {
		token = v[0]
	}
	switch {
	case object == "":
		return nil, errMissingParam("object")
	case !namePattern.MatchString(object):
		return nil, errParam("Invalid object %q", object)
	case callback == "":
		return nil, errMissingParam("callback_url")
	}
	fields := parseList(rawFields)
	if len(fields) == 0 {
		return nil, errMissingParam("fields")
	}
	if err := checkFields(object, fields); err != nil {
		return nil, err
	}
	includeValues := false
	if v, ok := req.param("include_values"); ok {
		b, ok := parseBool(v)
		if !ok {
			return nil, errParam("Param include_values must be a boolean")
		}
		includeValues = b
	}
	u, err := s.callbackURL(callback)
	if err != nil {
		return nil, errParam("callback_url %s", err)
	}

	version := req.version
	s.mu.Unlock()
	verr := s.verifyCallback(req.r.Context(), u, token)
	s.mu.Lock()
	if verr != nil {
		return nil, verr
	}

	sub := s.st.hooks.subs[object]
	if sub == nil {
		sub = &appSubscription{object: object, fields: map[string]string{}}
		s.st.hooks.subs[object] = sub
	}
	sub.callbackURL, sub.verifyToken, sub.includeValues, sub.active = callback, token, includeValues, true
	for _, f := range fields { // POST adds fields; existing ones keep their version
		if _, ok := sub.fields[f]; !ok {
			sub.fields[f] = version
		}
	}
	return map[string]any{"success": true}, nil
}

// unsubscribe is DELETE /{app-id}/subscriptions[?object=…[&fields=…]].
func (s *Server) unsubscribe(req *request, _ *target) (any, *apiError) {
	object, _ := req.param("object")
	if object == "" {
		s.st.hooks.subs = map[string]*appSubscription{}
		return map[string]any{"success": true}, nil
	}
	sub := s.st.hooks.subs[object]
	raw, _ := req.param("fields")
	fields := parseList(raw)
	if sub != nil && len(fields) > 0 {
		for _, f := range fields {
			delete(sub.fields, f)
		}
		if len(sub.fields) > 0 {
			return map[string]any{"success": true}, nil
		}
	}
	delete(s.st.hooks.subs, object)
	return map[string]any{"success": true}, nil
}

// verifyCallback sends GET callback?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…
// and expects 200 with the challenge as the body. Meta's failure wording
// (codes 2200/2201) is from community reports (uncertain).
func (s *Server) verifyCallback(ctx context.Context, u *url.URL, token string) *apiError {
	challenge := strconv.FormatInt(1_000_000_000+rand.Int64N(9_000_000_000), 10)
	q := u.Query()
	q.Set("hub.mode", "subscribe")
	q.Set("hub.challenge", challenge)
	q.Set("hub.verify_token", token)
	v := *u
	v.RawQuery = q.Encode()

	ctx, cancel := context.WithTimeout(ctx, s.opts.WebhookTimeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodGet, v.String(), nil)
	if err != nil {
		return oauthErr(2200, 0, "(#2200) callback verification failed: "+err.Error())
	}
	hr.Header.Set("User-Agent", "facebookexternalua")
	res, err := s.hookClient.Do(hr)
	if err != nil {
		return oauthErr(2200, 0, "(#2200) callback verification failed: "+err.Error())
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	if res.StatusCode != http.StatusOK {
		return oauthErr(2200, 0, fmt.Sprintf("(#2200) callback verification failed: HTTP Status Code = %d; HTTP Message = %s",
			res.StatusCode, http.StatusText(res.StatusCode)))
	}
	if got := strings.TrimSpace(string(body)); got != challenge {
		return oauthErr(2201, 0, fmt.Sprintf("(#2201) response does not match challenge, expected value=%q, received=%q", challenge, excerpt(got, 80)))
	}
	return nil
}

func excerpt(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// WebhookSubscription is an exported copy of an app subscription.
type WebhookSubscription struct {
	Object        string            `json:"object"`
	CallbackURL   string            `json:"callback_url"`
	Fields        map[string]string `json:"fields"` // name → version
	Active        bool              `json:"active"`
	IncludeValues bool              `json:"include_values"`
}

// Subscription returns the app subscription of an object.
func (s *Server) Subscription(object string) (WebhookSubscription, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.st.hooks.subs[object]
	if sub == nil {
		return WebhookSubscription{}, false
	}
	fields := map[string]string{}
	for k, v := range sub.fields {
		fields[k] = v
	}
	return WebhookSubscription{Object: object, CallbackURL: sub.callbackURL, Fields: fields, Active: sub.active, IncludeValues: sub.includeValues}, true
}

// SubscriptionChange is an out-of-band edit of an app subscription (as in
// the App Dashboard); nil members stay unchanged.
type SubscriptionChange struct {
	CallbackURL *string  `json:"callback_url,omitempty"`
	Fields      []string `json:"fields,omitempty"`
	Active      *bool    `json:"active,omitempty"`
	Delete      bool     `json:"delete,omitempty"`
}

// ChangeSubscriptionOutOfBand edits or deletes an object's subscription
// without a handshake, for drift tests. It reports whether it existed.
func (s *Server) ChangeSubscriptionOutOfBand(object string, ch SubscriptionChange) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.st.hooks.subs[object]
	if sub == nil {
		return false
	}
	if ch.Delete {
		delete(s.st.hooks.subs, object)
		return true
	}
	if ch.CallbackURL != nil {
		sub.callbackURL = *ch.CallbackURL
	}
	if ch.Fields != nil {
		old := sub.fields
		sub.fields = map[string]string{}
		for _, f := range ch.Fields {
			sub.fields[f] = cmp.Or(old[f], DefaultAPIVersion)
		}
	}
	if ch.Active != nil {
		sub.active = *ch.Active
	}
	return true
}
