package emulator

import (
	"bytes"
	"cmp"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// tokenApp is an app access token "{app-id}|{app-secret}" (§2.2). It reaches
// no IG account; only app-level edges accept it.
const tokenApp tokenKind = 100

// appTokenInfo authenticates the seeded app's token.
var appTokenInfo = &tokenInfo{kind: tokenApp}

// appToken is the seeded app's access token.
func appToken() string { return DefaultAppID + "|" + DefaultAppSecret }

// InstagramWebhookFields are the documented fields of object=instagram
// (graph-api-facts.md §11.2, §11.3).
var InstagramWebhookFields = []string{
	"agent_messages", "comment_poll_response", "comments", "creator_marketplace_invited_creator_onboarding",
	"creator_marketplace_projects", "delta", "follow", "live_comments", "mentions", "message_echoes", "message_edit",
	"message_reactions", "messages", "messaging_handover", "messaging_optins", "messaging_policy_enforcement",
	"messaging_postbacks", "messaging_referral", "messaging_seen", "onboarding_welcome_message_series",
	"response_feedback", "share_to_story", "standby", "story_insights", "story_poll_response", "story_reactions",
}

// appSubscription is one object's entry of /{app-id}/subscriptions.
type appSubscription struct {
	object, callbackURL string
	fields              map[string]string // name → Graph version pinned at subscribe time
	active              bool
	includeValues       bool
	verifyToken         string
}

// hookState is the webhook part of state: app subscriptions, per-account
// subscribed apps and the deliveries made.
type hookState struct {
	subs       map[string]*appSubscription // by object
	subscribed map[string][]string         // "ig:{account}" or "page:{page}" → subscribed_fields
	deliveries []*Delivery
	inflight   sync.WaitGroup
}

func newHookState() *hookState {
	return &hookState{subs: map[string]*appSubscription{}, subscribed: map[string][]string{}}
}

// Delivery is one event notification POSTed (or attempted) to a callback.
type Delivery struct {
	Object      string `json:"object"`
	Field       string `json:"field"`
	AccountID   string `json:"account_id"` // entry[].id
	CallbackURL string `json:"callback_url"`
	Body        []byte `json:"body"`      // the exact bytes signed and sent
	Signature   string `json:"signature"` // X-Hub-Signature-256 header value
	Attempts    int    `json:"attempts"`
	StatusCode  int    `json:"status_code"` // of the last attempt; 0 = no response
	Delivered   bool   `json:"delivered"`
	Error       string `json:"error,omitempty"`
}

// SignPayload is the X-Hub-Signature-256 value for a body: sha256=<hex HMAC-SHA256(app secret, body)>.
func SignPayload(appSecret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(appSecret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// ---- /{app-id}/subscriptions ----------------------------------------------

// handleApp serves the seeded app node; only its subscriptions edge exists.
func (s *Server) handleApp(req *request, edge string) (any, *apiError) {
	if edge != "subscriptions" {
		if edge == "" {
			return nil, errUnsupported(req.method, DefaultAppID)
		}
		return nil, errUnknownPath("/" + edge)
	}
	if req.tok.kind != tokenApp {
		return nil, oauthErr(15, 0, "(#15) This method must be called with an app access_token.")
	}
	switch req.method {
	case "GET":
		return s.listSubscriptions(), nil
	case "POST":
		return s.subscribe(req)
	case "DELETE":
		return s.unsubscribe(req)
	}
	return nil, errMethodNotAllowed(req.method)
}

func (s *Server) listSubscriptions() map[string]any {
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
	return map[string]any{"data": data}
}

var namePattern = regexp.MustCompile(`^[a-z_]+$`)

// checkFields validates webhook field names; object=instagram knows its list.
func checkFields(object string, fields []string) *apiError {
	for _, f := range fields {
		if !namePattern.MatchString(f) || object == "instagram" && !slices.Contains(InstagramWebhookFields, f) {
			// Exact wording uncertain.
			return errParam("Invalid field name %q for object %s", f, object)
		}
	}
	return nil
}

// subscribe is POST /{app-id}/subscriptions: it verifies the callback with
// the hub.challenge handshake (s.mu is released meanwhile) and fails like
// Meta when the callback does not echo the challenge.
func (s *Server) subscribe(req *request) (any, *apiError) {
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
func (s *Server) unsubscribe(req *request) (any, *apiError) {
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

// callbackURL checks that the emulator may call the URL: http or https on a
// loopback host, or https on a host in Options.WebhookAllowedHosts. It never
// calls anything else.
func (s *Server) callbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil {
		return nil, errors.New("must be an absolute https URL")
	}
	host := u.Hostname()
	switch {
	case isLoopbackHost(host):
	case slices.Contains(s.opts.WebhookAllowedHosts, host) && u.Scheme == "https":
	default:
		return nil, fmt.Errorf("host %q is not one the emulator may call (loopback, or https on Options.WebhookAllowedHosts)", host)
	}
	return u, nil
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// newWebhookClient is Options.WebhookHTTPClient, or a client that only dials
// loopback addresses unless the host is explicitly allowed, and never follows
// redirects. New builds it once, so handshakes and deliveries share one
// transport and reuse its connections.
func newWebhookClient(opts Options) *http.Client {
	if opts.WebhookHTTPClient != nil {
		return opts.WebhookHTTPClient
	}
	d := &net.Dialer{Timeout: 5 * time.Second}
	allowed := opts.WebhookAllowedHosts
	return &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				host, _, _ := net.SplitHostPort(addr)
				if slices.Contains(allowed, host) {
					return d.DialContext(ctx, network, addr)
				}
				ld := *d
				ld.Control = func(_, address string, _ syscall.RawConn) error { // after name resolution
					ip, _, _ := net.SplitHostPort(address)
					if p := net.ParseIP(ip); p == nil || !p.IsLoopback() {
						return fmt.Errorf("emulator: refusing to call non-loopback address %s", address)
					}
					return nil
				}
				return ld.DialContext(ctx, network, addr)
			},
			IdleConnTimeout: 90 * time.Second, // as http.DefaultTransport
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
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

// ---- /{id}/subscribed_apps --------------------------------------------------

// handleSubscribedApps serves GET/POST/DELETE subscribed_apps on an IG user
// (Instagram login, IG user token) or on the linked Page (Facebook login,
// Page token). key identifies the subscription ("ig:…" or "page:…").
func (s *Server) handleSubscribedApps(req *request, key string, onPage bool) (any, *apiError) {
	switch {
	case onPage && req.tok.kind != tokenPage:
		return nil, oauthErr(210, 0, "(#210) A page access token is required to request this resource.")
	case !onPage && req.tok.kind != tokenInstagram:
		// With Facebook login the edge lives on the Page (§11.2).
		return nil, errUnknownPath("/subscribed_apps")
	}
	hs := s.st.hooks
	switch req.method {
	case "GET":
		fields, ok := hs.subscribed[key]
		data := []any{}
		if ok {
			item := map[string]any{"subscribed_fields": append([]string{}, fields...)}
			if onPage {
				item["id"], item["name"], item["category"] = DefaultAppID, "Emulator App", "Business"
				item["link"] = "https://www.facebook.com/games/?app_id=" + DefaultAppID
			} else {
				item["app_id"] = DefaultAppID
			}
			data = append(data, item)
		}
		return map[string]any{"data": data}, nil
	case "POST":
		raw, _ := req.param("subscribed_fields")
		fields := parseList(raw)
		if len(fields) == 0 {
			return nil, errMissingParam("subscribed_fields")
		}
		object := "page"
		if !onPage {
			object = "instagram"
		}
		if err := checkFields(object, fields); err != nil {
			return nil, err
		}
		if s.opts.SubscribedFieldsMerge {
			for _, f := range hs.subscribed[key] {
				if !slices.Contains(fields, f) {
					fields = append(fields, f)
				}
			}
		}
		sort.Strings(fields)
		hs.subscribed[key] = slices.Compact(fields)
		return map[string]any{"success": true}, nil
	case "DELETE":
		delete(hs.subscribed, key)
		return map[string]any{"success": true}, nil
	}
	return nil, errMethodNotAllowed(req.method)
}

// ---- deliveries -------------------------------------------------------------

// accountSubscribed: the app receives an account's events once the account
// enabled it (subscribed_apps on the IG user or on its Page). Which fields
// the account listed does not matter (§11.2: no account-level customization).
func (s *Server) accountSubscribed(accountID string) bool {
	a := s.st.accounts[accountID]
	if a == nil {
		return false
	}
	_, ig := s.st.hooks.subscribed["ig:"+accountID]
	_, page := s.st.hooks.subscribed["page:"+a.PageID]
	return ig || page
}

// emit queues an instagram event for an account when both the account and the
// app-level subscription ask for it. Called with s.mu held; the POST happens
// asynchronously with a bounded retry.
func (s *Server) emit(accountID, field string, value map[string]any) {
	sub := s.st.hooks.subs["instagram"]
	if sub == nil || !sub.active || sub.fields[field] == "" || !s.accountSubscribed(accountID) {
		return
	}
	entry := map[string]any{"id": accountID, "time": s.now().Unix()}
	if sub.includeValues {
		entry["changes"] = []any{map[string]any{"field": field, "value": value}}
	} else {
		entry["changed_fields"] = []string{field}
	}
	body, _ := json.Marshal(map[string]any{"object": "instagram", "entry": []any{entry}})
	d := &Delivery{Object: "instagram", Field: field, AccountID: accountID, CallbackURL: sub.callbackURL,
		Body: body, Signature: SignPayload(DefaultAppSecret, body)}
	hs := s.st.hooks
	hs.deliveries = append(hs.deliveries, d)
	hs.inflight.Add(1)
	go s.deliver(hs, d)
}

func (s *Server) deliver(hs *hookState, d *Delivery) {
	defer hs.inflight.Done()
	attempts, wait := s.opts.WebhookMaxAttempts, s.opts.WebhookRetryWait
	u, uerr := s.callbackURL(d.CallbackURL)
	for i := 1; i <= attempts; i++ {
		status, err := 0, uerr
		if err == nil {
			status, err = s.post(u.String(), d)
		}
		s.mu.Lock()
		d.Attempts, d.StatusCode, d.Error = i, status, ""
		if err != nil {
			d.Error = err.Error()
		}
		d.Delivered = err == nil && status == http.StatusOK
		done := d.Delivered || uerr != nil
		s.mu.Unlock()
		if done {
			return
		}
		if i < attempts {
			time.Sleep(wait * time.Duration(i))
		}
	}
}

func (s *Server) post(u string, d *Delivery) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.WebhookTimeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(d.Body))
	if err != nil {
		return 0, err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("X-Hub-Signature-256", d.Signature)
	hr.Header.Set("User-Agent", "facebookexternalua")
	res, err := s.hookClient.Do(hr)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<16))
	res.Body.Close()
	return res.StatusCode, nil
}

var mentionNameRe = regexp.MustCompile(`@([A-Za-z0-9._]{1,30})`)

// mentionedAccounts are the emulator accounts @mentioned in text, except self.
func (s *Server) mentionedAccounts(text, self string) []string {
	var out []string
	for _, m := range mentionNameRe.FindAllStringSubmatch(text, -1) {
		for _, id := range s.st.order {
			if a := s.st.accounts[id]; id != self && strings.EqualFold(a.Username, m[1]) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// commentCreated fires `comments` for the media owner and `mentions` for
// accounts @mentioned in the text (§11.4, §15.9).
func (s *Server) commentCreated(m *media, c *comment) {
	value := map[string]any{
		"id": c.id, "text": c.text,
		"from":  map[string]any{"id": c.fromID, "username": c.username},
		"media": map[string]any{"id": m.id, "media_product_type": m.productType},
	}
	if c.parentID != "" {
		value["parent_id"] = c.parentID
	}
	s.emit(m.accountID, "comments", value)
	for _, id := range s.mentionedAccounts(c.text, m.accountID) {
		s.emit(id, "mentions", map[string]any{"media_id": m.id, "comment_id": c.id})
	}
}

// mediaPublished fires `mentions` for accounts @mentioned in a caption.
func (s *Server) mediaPublished(mediaID string) {
	m := s.st.media[mediaID]
	if m == nil {
		return
	}
	for _, id := range s.mentionedAccounts(m.caption, m.accountID) {
		s.emit(id, "mentions", map[string]any{"media_id": m.id})
	}
}

// Deliveries lists the event deliveries made so far (copies), oldest first.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, 0, len(s.st.hooks.deliveries))
	for _, d := range s.st.hooks.deliveries {
		c := *d
		c.Body = append([]byte(nil), d.Body...)
		out = append(out, c)
	}
	return out
}

// WaitForDeliveries blocks until every queued delivery has succeeded or used
// up its attempts.
func (s *Server) WaitForDeliveries() {
	s.mu.Lock()
	hs := s.st.hooks
	s.mu.Unlock()
	hs.inflight.Wait()
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

// SubscribedFields returns an account's subscribed_apps fields (Instagram
// login on the IG user, else on its Page) and whether it is subscribed.
func (s *Server) SubscribedFields(accountID string) ([]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.st.hooks.subscribed["ig:"+accountID]; ok {
		return append([]string{}, f...), true
	}
	if a := s.st.accounts[accountID]; a != nil {
		if f, ok := s.st.hooks.subscribed["page:"+a.PageID]; ok {
			return append([]string{}, f...), true
		}
	}
	return nil, false
}

// SetSubscribedFieldsOutOfBand replaces an account's subscribed fields on
// the IG user (Instagram login) or its Page (pageLevel); nil unsubscribes.
func (s *Server) SetSubscribedFieldsOutOfBand(accountID string, pageLevel bool, fields []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.accounts[accountID]
	if a == nil {
		return false
	}
	key := "ig:" + accountID
	if pageLevel {
		key = "page:" + a.PageID
	}
	if fields == nil {
		delete(s.st.hooks.subscribed, key)
	} else {
		s.st.hooks.subscribed[key] = append([]string{}, fields...)
	}
	return true
}

// controlHooks serves the comment and webhook control plane:
//
//	POST   /_emulator/comments                 JSON {media_id, parent_id?, username?, text}: a comment from another user
//	POST   /_emulator/comments/{id}?hidden=…   out-of-band hide/unhide
//	DELETE /_emulator/comments/{id}            out-of-band delete
//	POST   /_emulator/webhooks/subscriptions/{object}  JSON SubscriptionChange
//	GET    /_emulator/webhooks/deliveries
//
// It reports false when path is not one of its endpoints.
func (s *Server) controlHooks(w http.ResponseWriter, r *http.Request, path string) bool {
	ok := map[string]any{"success": true}
	switch {
	case path == "comments" && r.Method == http.MethodPost:
		var in struct {
			MediaID  string `json:"media_id"`
			ParentID string `json:"parent_id"`
			Username string `json:"username"`
			Text     string `json:"text"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Text == "" {
			controlError(w, http.StatusBadRequest, "want JSON {media_id, parent_id?, username?, text}")
			return true
		}
		id, err := s.AddCommentFromUser(in.MediaID, in.ParentID, in.Username, in.Text)
		if err != nil {
			controlError(w, http.StatusNotFound, err.Error())
			return true
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": id})
	case strings.HasPrefix(path, "comments/"):
		id := strings.TrimPrefix(path, "comments/")
		switch r.Method {
		case http.MethodDelete:
			if !s.DeleteCommentOutOfBand(id) {
				controlError(w, http.StatusNotFound, "no comment "+id)
				return true
			}
		case http.MethodPost:
			b, valid := parseBool(r.URL.Query().Get("hidden"))
			if !valid {
				controlError(w, http.StatusBadRequest, "hidden must be true or false")
				return true
			}
			if !s.SetCommentHiddenOutOfBand(id, b) {
				controlError(w, http.StatusNotFound, "no comment "+id)
				return true
			}
		default:
			controlError(w, http.StatusMethodNotAllowed, "use DELETE or POST")
			return true
		}
		writeJSON(w, http.StatusOK, ok)
	case strings.HasPrefix(path, "webhooks/subscriptions/") && r.Method == http.MethodPost:
		var ch SubscriptionChange
		if err := json.NewDecoder(r.Body).Decode(&ch); err != nil {
			controlError(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
			return true
		}
		if !s.ChangeSubscriptionOutOfBand(strings.TrimPrefix(path, "webhooks/subscriptions/"), ch) {
			controlError(w, http.StatusNotFound, "no such subscription")
			return true
		}
		writeJSON(w, http.StatusOK, ok)
	case path == "webhooks/deliveries" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, map[string]any{"data": s.Deliveries()})
	default:
		return false
	}
	return true
}
