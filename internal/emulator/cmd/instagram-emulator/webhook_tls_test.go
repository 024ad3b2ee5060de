package main

import (
	"crypto/tls"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A callback with a self-signed certificate on loopback is reachable when
// the emulator trusts that certificate (-webhook-ca-file), and not otherwise.
func TestWebhookTLS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	caFile := filepath.Join(t.TempDir(), "callback.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(caFile, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	get := func(cfg *tls.Config) error {
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
		res, err := c.Do(req)
		if err == nil {
			res.Body.Close()
		}
		return err
	}

	if cfg, err := webhookTLS(""); err != nil || cfg != nil {
		t.Errorf("without -webhook-ca-file: %v, %v; want no TLS configuration (the system's roots)", cfg, err)
	}
	if err := get(nil); err == nil {
		t.Error("the self-signed callback was trusted without -webhook-ca-file")
	}
	cfg, err := webhookTLS(caFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := get(cfg); err != nil {
		t.Errorf("with -webhook-ca-file: %v", err)
	}

	if _, err := webhookTLS(filepath.Join(t.TempDir(), "missing.pem")); err == nil {
		t.Error("a missing -webhook-ca-file was accepted")
	}
	if err := os.WriteFile(caFile, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := webhookTLS(caFile); err == nil {
		t.Error("a -webhook-ca-file without certificates was accepted")
	}
}

func TestHostList(t *testing.T) {
	var h hostList
	for _, v := range []string{"hooks.example.com, api.example.com", "", "other.example.com"} {
		if err := h.Set(v); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"hooks.example.com", "api.example.com", "other.example.com"}; !slices.Equal(h, want) {
		t.Errorf("hosts %v, want %v", h, want)
	}
	if err := run([]string{"-webhook-ca-file", filepath.Join(t.TempDir(), "missing.pem")}); err == nil {
		t.Error("run started with a missing -webhook-ca-file")
	}
}
