package emulator

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Deliveries: an event is POSTed to the app's callback, signed with
// X-Hub-Signature-256, asynchronously and retried a bounded number of times
// (Options.WebhookMaxAttempts, WebhookRetryWait).

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
// accounts @mentioned in the text (the comments and mentions payloads of
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples).
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
	if m == nil || m.isStory() { // mentions on stories are not supported (mentions.go)
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
