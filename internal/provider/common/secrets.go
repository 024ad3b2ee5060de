package common

import (
	"cmp"
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Redacted replaces a secret in every message the provider emits.
const Redacted = "***"

// Secrets are the secret values one provider process has seen: the access
// token, the app secret and app token, every appsecret_proof, every token
// it authenticated with or was given (graph.Options.OnSecret reports them),
// and every verify_token a resource sent. The provider's protocol server
// (internal/provider/server.go) removes them from every diagnostic, warning,
// progress message and error it answers, and from the provider's logs,
// wherever they appear: Meta's own messages may quote them, or echo a URL
// that carries one. A nil *Secrets knows none. Safe for concurrent use.
type Secrets struct {
	mu       sync.RWMutex
	seen     map[string]bool // the values as given
	forms    []string        // every form of every value, longest first; replaced, never modified
	replacer *strings.Replacer
}

// NewSecrets returns an empty set.
func NewSecrets() *Secrets { return &Secrets{seen: map[string]bool{}} }

// Add learns secret values; empty ones are ignored. Never log what is
// passed here.
func (s *Secrets) Add(values ...string) {
	if s == nil {
		return
	}
	s.mu.RLock()
	known := true
	for _, v := range values {
		known = known && (v == "" || s.seen[v])
	}
	s.mu.RUnlock()
	if known {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	forms := map[string]bool{}
	for _, f := range s.forms {
		forms[f] = true
	}
	for _, v := range values {
		if v == "" || s.seen[v] {
			continue
		}
		s.seen[v] = true
		for _, f := range quotedForms(v) {
			forms[f] = true
		}
	}
	// A new slice: Values hands the old one out.
	s.forms = make([]string, 0, len(forms))
	for f := range forms {
		s.forms = append(s.forms, f)
	}
	// Longest first: strings.Replacer tries its pairs in order at each
	// position, so a secret inside a longer one (the app secret in the app
	// token) does not leave the rest of the longer one behind.
	slices.SortFunc(s.forms, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	pairs := make([]string, 0, 2*len(s.forms))
	for _, f := range s.forms {
		pairs = append(pairs, f, Redacted)
	}
	s.replacer = strings.NewReplacer(pairs...)
}

// quotedForms are the ways a message may spell v: as is, escaped in a URL's
// query or path, in a JSON string, or in a Go-quoted string.
func quotedForms(v string) []string {
	forms := []string{v, url.QueryEscape(v), url.PathEscape(v)}
	if b, err := json.Marshal(v); err == nil {
		forms = append(forms, strings.Trim(string(b), `"`))
	}
	forms = append(forms, strings.Trim(strconv.Quote(v), `"`))
	slices.Sort(forms)
	return slices.Compact(forms)
}

// Redact returns text with every secret replaced by Redacted.
func (s *Secrets) Redact(text string) string {
	if s == nil || text == "" {
		return text
	}
	s.mu.RLock()
	r := s.replacer
	s.mu.RUnlock()
	if r == nil {
		return text
	}
	return r.Replace(text)
}

// Values are the secrets in every form, for log masks; nil when none. The
// caller must not modify the slice.
func (s *Secrets) Values() []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.forms
}

// MaskLogs returns ctx with the provider's logger (tflog) masking every
// secret known now, in messages and field values.
func (s *Secrets) MaskLogs(ctx context.Context) context.Context {
	values := s.Values()
	if len(values) == 0 {
		return ctx
	}
	return tflog.MaskLogStrings(ctx, values...)
}
