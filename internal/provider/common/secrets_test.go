package common

import (
	"strings"
	"sync"
	"testing"
)

func TestSecrets_redactEveryForm(t *testing.T) {
	s := NewSecrets()
	const token, appSecret = "EAAB/token+with=chars&more", "app-secret"
	appToken := "1234|" + appSecret
	s.Add(token, "", appToken, appSecret)
	for _, text := range []string{
		"Cannot parse access token " + token,                       // as is
		"GET /me?access_token=EAAB%2Ftoken%2Bwith%3Dchars%26more",  // in a query
		"GET /EAAB%2Ftoken+with=chars&more",                        // in a path
		`{"input_token":"EAAB/token+with=chars\u0026more"}`,        // in JSON
		"invalid token: \"EAAB/token+with=chars&more\"",            // Go-quoted
		"app token 1234|app-secret, or 1234%7Capp-secret in a URL", // the app token and its escaped form
		"client_secret=app-secret",                                 // the secret alone
		"two: " + token + " and " + token,                          // every occurrence
	} {
		got := s.Redact(text)
		for _, secret := range []string{"token+with", "token%2Bwith", "app-secret", "1234|", "1234%7C"} {
			if strings.Contains(got, secret) {
				t.Errorf("Redact(%q) = %q: still has %q", text, got, secret)
			}
		}
		if !strings.Contains(got, Redacted) {
			t.Errorf("Redact(%q) = %q: nothing redacted", text, got)
		}
	}
	if got := s.Redact("nothing secret here"); got != "nothing secret here" {
		t.Errorf("Redact changed a message without secrets: %q", got)
	}
	for _, v := range s.Values() {
		if v == "" {
			t.Error("Values has an empty string, which would mask everything")
		}
	}
}

func TestSecrets_nilAndEmpty(t *testing.T) {
	var none *Secrets
	none.Add("x")
	if none.Redact("x") != "x" || none.Values() != nil || none.MaskLogs(t.Context()) != t.Context() {
		t.Error("a nil *Secrets must know nothing and change nothing")
	}
	s := NewSecrets()
	s.Add("", "")
	if s.Redact("text") != "text" || len(s.Values()) != 0 || s.MaskLogs(t.Context()) != t.Context() {
		t.Error("empty values must not be secrets")
	}
}

// Secrets are learned while other RPCs redact (go test -race).
func TestSecrets_concurrentUse(t *testing.T) {
	s := NewSecrets()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			secret := strings.Repeat(string(rune('a'+i)), 8)
			s.Add(secret)
			if got := s.Redact("x " + secret + " y"); got != "x "+Redacted+" y" {
				t.Errorf("Redact = %q", got)
			}
			_ = s.Values()
		})
	}
	wg.Wait()
}
