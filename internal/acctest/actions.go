package acctest

import (
	"crypto/hmac"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Invoke runs an action on demand, `apply -invoke=ADDRESS -auto-approve
// -no-color` (Terraform ≥ 1.14; gate the test with SkipUnless(t, Actions)),
// and returns the CLI's output, which holds the action's progress lines.
func (w *Workdir) Invoke(address string, args ...string) (string, error) {
	w.t.Helper()
	return w.Run(append([]string{"apply", "-invoke=" + address, "-auto-approve", "-no-color"}, args...)...)
}

// WebhookReceiver is an app's webhook callback for tests: an https server on
// 127.0.0.1 that answers Meta's verification handshake for its verify token
// and keeps the instagram events whose X-Hub-Signature-256 is right (HMAC-SHA256
// of the body with the seeded app secret). Pass Client() as the emulator's
// Options.WebhookHTTPClient so that the emulator trusts its certificate.
type WebhookReceiver struct {
	URL         string
	VerifyToken string
	srv         *httptest.Server

	mu      sync.Mutex
	changes []WebhookChange
	badSigs int
	got     chan struct{}
}

// WebhookChange is one entry[].changes[] of an instagram event.
type WebhookChange struct {
	AccountID string         // entry[].id
	Field     string         // e.g. "mentions"
	Value     map[string]any // e.g. {"media_id": …, "comment_id": …}
}

// NewWebhookReceiver starts a receiver, stopped at cleanup.
func NewWebhookReceiver(t *testing.T, verifyToken string) *WebhookReceiver {
	r := &WebhookReceiver{VerifyToken: verifyToken, got: make(chan struct{}, 64)}
	r.srv = httptest.NewTLSServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	r.URL = r.srv.URL + "/instagram"
	return r
}

// Client trusts the receiver's certificate.
func (r *WebhookReceiver) Client() *http.Client { return r.srv.Client() }

func (r *WebhookReceiver) serve(w http.ResponseWriter, req *http.Request) {
	if req.Method == http.MethodGet {
		q := req.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != r.VerifyToken {
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
		return
	}
	body, _ := io.ReadAll(req.Body)
	want := emulator.SignPayload(emulator.DefaultAppSecret, body)
	var ev struct {
		Entry []struct {
			ID      string `json:"id"`
			Changes []struct {
				Field string         `json:"field"`
				Value map[string]any `json:"value"`
			} `json:"changes"`
		} `json:"entry"`
	}
	err := json.Unmarshal(body, &ev)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil || !hmac.Equal([]byte(req.Header.Get("X-Hub-Signature-256")), []byte(want)) {
		r.badSigs++
		http.Error(w, "bad signature", http.StatusForbidden)
		return
	}
	for _, e := range ev.Entry {
		for _, c := range e.Changes {
			r.changes = append(r.changes, WebhookChange{AccountID: e.ID, Field: c.Field, Value: c.Value})
			select {
			case r.got <- struct{}{}:
			default: // WaitFor looks at changes anyway
			}
		}
	}
}

// WaitFor waits until n changes of field arrived (at most 30 s) and returns
// them in arrival order. It fails the test on a bad signature or a timeout.
func (r *WebhookReceiver) WaitFor(t *testing.T, field string, n int) []WebhookChange {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		r.mu.Lock()
		var out []WebhookChange
		for _, c := range r.changes {
			if c.Field == field {
				out = append(out, c)
			}
		}
		bad := r.badSigs
		r.mu.Unlock()
		switch {
		case bad > 0:
			t.Fatalf("%d webhook deliveries with a wrong signature", bad)
		case len(out) >= n:
			return out
		}
		select {
		case <-r.got:
		case <-deadline:
			t.Fatalf("%d %s webhooks after 30s, want %d", len(out), field, n)
		}
	}
}
