package emulator

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An https callback with a certificate of its own (self-signed) fails the
// handshake's certificate check by default, and passes it when the emulator
// trusts that certificate (WebhookTLS) or accepts any on loopback
// (WebhookInsecureLoopback).
func TestWebhooks_callbackCertificates(t *testing.T) {
	cb := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, r.URL.Query().Get("hub.challenge"))
	}))
	t.Cleanup(cb.Close)
	roots := x509.NewCertPool()
	roots.AddCert(cb.Certificate())

	for _, tc := range []struct {
		name string
		opts Options
		ok   bool
	}{
		{"the system's roots", Options{}, false},
		{"WebhookTLS trusting the callback", Options{WebhookTLS: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}}, true},
		{"WebhookInsecureLoopback", Options{WebhookInsecureLoopback: true}, true},
	} {
		h := newHarness(t, tc.opts)
		r := h.post("/v25.0/"+DefaultAppID+"/subscriptions", app, "object", "instagram", "callback_url", cb.URL,
			"fields", "comments", "verify_token", "t")
		if !tc.ok {
			e := r.wantError(t, 400, 2200, 0)
			if !strings.Contains(str(e["message"]), "certificate") {
				t.Errorf("%s: error %v does not name the certificate", tc.name, e)
			}
			continue
		}
		r.mustOK(t)
	}
}
