package acctest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// NewWebhookEndpoint is an app's webhook endpoint: an https server on
// loopback that answers Meta's verification handshake when hub.verify_token
// is token, and accepts every event. Give the emulator its Client()
// (emulator.Options.WebhookHTTPClient) so that it trusts the certificate.
func NewWebhookEndpoint(t *testing.T, token string) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			_, _ = io.Copy(io.Discard, r.Body) // an event
			return
		}
		q := r.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != token {
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// WithApp gives the provider the seeded app's id and secret, which webhook
// subscriptions need (the app access token).
func (e *Env) WithApp() *Env {
	e.Vars["INSTAGRAM_APP_ID"] = emulator.DefaultAppID
	e.Vars["INSTAGRAM_APP_SECRET"] = emulator.DefaultAppSecret
	return e
}
