package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// ctl calls the control plane and decodes its JSON answer.
func (h *harness) ctl(method, path, body string) map[string]any {
	h.t.Helper()
	req, err := http.NewRequestWithContext(h.t.Context(), method, h.srv.URL+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	r := h.send(req)
	if r.status != http.StatusOK {
		h.t.Fatalf("%s %s: %d %s", method, path, r.status, r.raw)
	}
	return r.body
}

var app = appToken()

// hookServer is a webhook callback: it answers the handshake for token and
// records the events it receives.
type hookServer struct {
	*httptest.Server
	mu     sync.Mutex
	events []*http.Request
	bodies [][]byte
	got    chan struct{}
}

func newHookServer(t *testing.T, token string) *hookServer {
	hs := &hookServer{got: make(chan struct{}, 16)}
	hs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			q := r.URL.Query()
			if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != token {
				http.Error(w, "bad token", http.StatusForbidden)
				return
			}
			_, _ = io.WriteString(w, q.Get("hub.challenge"))
			return
		}
		b, _ := io.ReadAll(r.Body)
		hs.mu.Lock()
		hs.events, hs.bodies = append(hs.events, r), append(hs.bodies, b)
		hs.mu.Unlock()
		hs.got <- struct{}{}
	}))
	t.Cleanup(hs.Close)
	return hs
}

func TestWebhooks_subscriptionsHandshakeAndEdits(t *testing.T) {
	h := newHarness(t, Options{})
	cb := newHookServer(t, "s3cret")
	path := "/v25.0/" + DefaultAppID + "/subscriptions"

	// User tokens cannot manage app subscriptions.
	h.post(path, fbl, "object", "instagram").wantError(t, 400, 15, 0)
	// Wrong verify token: the callback answers 403 and the POST fails.
	e := h.post(path, app, "object", "instagram", "callback_url", cb.URL, "fields", "comments", "verify_token", "nope").wantError(t, 400, 2200, 0)
	if !strings.Contains(str(e["message"]), "callback verification failed") {
		t.Fatalf("error = %v", e)
	}
	if _, ok := h.emu.Subscription("instagram"); ok {
		t.Fatal("a failed handshake created a subscription")
	}
	h.post(path, app, "object", "instagram", "callback_url", cb.URL, "fields", "nonsense", "verify_token", "s3cret").wantError(t, 400, 100, 0)
	h.post(path, app, "object", "instagram", "callback_url", "https://example.com/hook", "fields", "comments").wantError(t, 400, 100, 0)

	h.post(path, app, "object", "instagram", "callback_url", cb.URL, "fields", "comments,mentions", "verify_token", "s3cret", "include_values", "true").mustOK(t)
	h.post(path, app, "object", "instagram", "callback_url", cb.URL, "fields", "story_insights", "verify_token", "s3cret").mustOK(t) // adds
	got := h.get(path, app).mustOK(t)
	d := asList(got["data"])
	if len(d) != 1 || asMap(d[0])["object"] != "instagram" || asMap(d[0])["active"] != true || len(asList(asMap(d[0])["fields"])) != 3 {
		t.Fatalf("subscriptions = %v", got)
	}
	if f := asMap(asList(asMap(d[0])["fields"])[0]); f["name"] != "comments" || f["version"] != "v25.0" {
		t.Fatalf("field = %v", f)
	}
	h.call(http.MethodDelete, path, app, vals("object", "instagram", "fields", "story_insights")).mustOK(t)
	if sub, _ := h.emu.Subscription("instagram"); len(sub.Fields) != 2 {
		t.Fatalf("fields after partial delete = %v", sub.Fields)
	}
	h.call(http.MethodDelete, path, app, vals("object", "instagram")).mustOK(t)
	if _, ok := h.emu.Subscription("instagram"); ok {
		t.Fatal("subscription survived DELETE")
	}
}

func TestWebhooks_subscribedApps(t *testing.T) {
	h := newHarness(t, Options{})
	ig := "/v25.0/" + DefaultAccountID + "/subscribed_apps"
	page := "/v25.0/" + DefaultPageID + "/subscribed_apps"

	h.post(ig, igl, "subscribed_fields", "comments,messages").mustOK(t)
	h.post(ig, igl, "subscribed_fields", "comments").mustOK(t) // replaces the set
	got := h.get(ig, igl).mustOK(t)
	if d := asList(got["data"]); len(d) != 1 || asMap(d[0])["app_id"] != DefaultAppID || len(asList(asMap(d[0])["subscribed_fields"])) != 1 {
		t.Fatalf("subscribed_apps = %v", got)
	}
	h.post(ig, igl, "subscribed_fields", "bogus").wantError(t, 400, 100, 0)
	h.call(http.MethodDelete, ig, igl, nil).mustOK(t)
	if _, ok := h.emu.SubscribedFields(DefaultAccountID); ok {
		t.Fatal("still subscribed after DELETE")
	}

	// Facebook login: on the Page, with the Page token only.
	h.post(page, fbl, "subscribed_fields", "feed").wantError(t, 400, 210, 0)
	h.post(page, pageToken(DefaultPageID), "subscribed_fields", "feed").mustOK(t)
	if f, ok := h.emu.SubscribedFields(DefaultAccountID); !ok || len(f) != 1 || f[0] != "feed" {
		t.Fatalf("page subscription = %v %v", f, ok)
	}
}

func TestWebhooks_signedDeliveries(t *testing.T) {
	h := newHarness(t, Options{})
	cb := newHookServer(t, "tok")
	h.post("/v25.0/"+DefaultAppID+"/subscriptions", app, "object", "instagram", "callback_url", cb.URL,
		"fields", "comments,mentions", "verify_token", "tok", "include_values", "true").mustOK(t)
	mid := h.publishImage("no events yet")

	// Not delivered until the account enables the app.
	if _, err := h.emu.AddCommentFromUser(mid, "", "fan", "early"); err != nil {
		t.Fatal(err)
	}
	h.emu.WaitForDeliveries()
	if n := len(h.emu.Deliveries()); n != 0 {
		t.Fatalf("%d deliveries before subscribed_apps", n)
	}

	h.post("/v25.0/"+DefaultAccountID+"/subscribed_apps", igl, "subscribed_fields", "comments").mustOK(t)
	cid, _ := h.emu.AddCommentFromUser(mid, "", "fan", "Love this!")
	select {
	case <-cb.got:
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery")
	}
	h.emu.WaitForDeliveries()
	cb.mu.Lock()
	r, body := cb.events[0], cb.bodies[0]
	cb.mu.Unlock()
	if r.Header.Get("X-Hub-Signature-256") != SignPayload(DefaultAppSecret, body) || r.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("headers = %v", r.Header)
	}
	var ev struct {
		Object string `json:"object"`
		Entry  []struct {
			ID      string `json:"id"`
			Changes []struct {
				Field string         `json:"field"`
				Value map[string]any `json:"value"`
			} `json:"changes"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		t.Fatal(err)
	}
	ch := ev.Entry[0].Changes[0]
	if ev.Object != "instagram" || ev.Entry[0].ID != DefaultAccountID || ch.Field != "comments" || ch.Value["id"] != cid ||
		ch.Value["text"] != "Love this!" || asMap(ch.Value["from"])["username"] != "fan" || asMap(ch.Value["media"])["id"] != mid {
		t.Fatalf("event = %s", body)
	}
	if d := h.emu.Deliveries(); len(d) != 1 || !d[0].Delivered || d[0].Attempts != 1 {
		t.Fatalf("deliveries = %+v", d)
	}

	// Inactive subscriptions deliver nothing.
	off := false
	h.emu.ChangeSubscriptionOutOfBand("instagram", SubscriptionChange{Active: &off})
	_, _ = h.emu.AddCommentFromUser(mid, "", "fan", "quiet")
	h.emu.WaitForDeliveries()
	if n := len(h.emu.Deliveries()); n != 1 {
		t.Fatalf("%d deliveries, want 1", n)
	}
}

func TestWebhooks_failedDeliveriesRetryBounded(t *testing.T) {
	h := newHarness(t, Options{WebhookMaxAttempts: 2, WebhookRetryWait: time.Millisecond})
	var mu sync.Mutex
	posts := 0
	cb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			_, _ = io.WriteString(w, r.URL.Query().Get("hub.challenge"))
			return
		}
		mu.Lock()
		posts++
		mu.Unlock()
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(cb.Close)
	h.post("/v25.0/"+DefaultAppID+"/subscriptions", app, "object", "instagram", "callback_url", cb.URL, "fields", "comments").mustOK(t)
	h.emu.SetSubscribedFieldsOutOfBand(DefaultAccountID, true, []string{"feed"})
	mid := h.publishImage("x")
	h.post("/v25.0/"+mid+"/comments", fbl, "message", "own comment").mustOK(t)
	h.emu.WaitForDeliveries()
	d := h.emu.Deliveries()
	if len(d) != 1 || d[0].Delivered || d[0].Attempts != 2 || d[0].StatusCode != 500 {
		t.Fatalf("deliveries = %+v, posts = %d", d, posts)
	}
	// include_values=false sends changed_fields only.
	if !strings.Contains(string(d[0].Body), `"changed_fields":["comments"]`) {
		t.Fatalf("body = %s", d[0].Body)
	}
}

func TestWebhooks_mentionsInCaptionsAndComments(t *testing.T) {
	h := newHarness(t, Options{})
	cb := newHookServer(t, "tok")
	h.emu.AddAccount(Account{ID: "17841400000000002", Username: "partner_brand", InstagramToken: "IGAAPartner"})
	h.post("/v25.0/"+DefaultAppID+"/subscriptions", app, "object", "instagram", "callback_url", cb.URL,
		"fields", "mentions", "verify_token", "tok", "include_values", "true").mustOK(t)
	h.post("/v25.0/17841400000000002/subscribed_apps", "IGAAPartner", "subscribed_fields", "mentions").mustOK(t)

	mid := h.publishImage("Made with @partner_brand")
	cid := str(h.post("/v25.0/"+mid+"/comments", fbl, "message", "thanks @Partner_Brand").mustOK(t)["id"])
	h.emu.WaitForDeliveries()
	d := h.emu.Deliveries()
	if len(d) != 2 || d[0].AccountID != "17841400000000002" || d[0].Field != "mentions" {
		t.Fatalf("deliveries = %+v", d)
	}
	if !strings.Contains(string(d[0].Body), `"value":{"media_id":"`+mid+`"}`) ||
		!strings.Contains(string(d[1].Body), `"comment_id":"`+cid+`"`) {
		t.Fatalf("bodies = %s / %s", d[0].Body, d[1].Body)
	}
}
