// Package acctest holds what acceptance tests share: an in-process emulator
// per test, provider factories pointed at it, and checks against its store.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider"
)

// Env is one test's private Instagram: an emulator on a loopback port and
// the provider settings that reach it.
type Env struct {
	Emulator *emulator.Server
	URL      string
	// Vars are the INSTAGRAM_* variables the provider sees instead of the
	// process environment, so parallel tests never share settings.
	Vars map[string]string
	// echo adds the echo provider to the factories (see WithEcho).
	echo bool
}

// New starts an emulator for the test (stopped at cleanup) and returns an
// Env using the seeded Facebook-login token.
func New(t testing.TB, opts emulator.Options) *Env {
	t.Helper()
	emu := emulator.New(opts)
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	return &Env{
		Emulator: emu,
		URL:      srv.URL,
		Vars: map[string]string{
			"INSTAGRAM_BASE_URL":     srv.URL,
			"INSTAGRAM_ACCESS_TOKEN": emulator.DefaultFacebookToken,
		},
	}
}

// InstagramLogin switches the Env to the seeded Instagram-login token.
func (e *Env) InstagramLogin() *Env {
	e.Vars["INSTAGRAM_ACCESS_TOKEN"] = emulator.DefaultInstagramToken
	return e
}

// WithAppCredentials gives the provider the seeded app's id and secret,
// which app-level edges and appsecret_proof need.
func (e *Env) WithAppCredentials() *Env {
	e.Vars["INSTAGRAM_APP_ID"] = emulator.DefaultAppID
	e.Vars["INSTAGRAM_APP_SECRET"] = emulator.DefaultAppSecret
	return e
}

// WithEcho adds the echo provider to the factories: it copies an ephemeral
// value into its own state, where a test can look at it.
func (e *Env) WithEcho() *Env {
	e.echo = true
	return e
}

// Factories are the ProtoV6ProviderFactories for resource.TestCase.
func (e *Env) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	// One provider for every server the harness starts, as before; each
	// server is the one main serves (provider.Server), so that tests see
	// what users see (secrets redacted).
	p := e.provider()()
	f := map[string]func() (tfprotov6.ProviderServer, error){
		"instagram": func() (tfprotov6.ProviderServer, error) { return provider.Server(p), nil },
	}
	if e.echo {
		f["echo"] = echoprovider.NewProviderServer()
	}
	return f
}

// provider is the provider the test runs in process: the Env's settings,
// on the emulator's clock, with short waits.
func (e *Env) provider() func() fwprovider.Provider {
	return provider.New("test",
		provider.WithEnv(e.Vars),
		provider.WithPollInterval(10*time.Millisecond),
		provider.WithClock(e.Emulator.Now),
		provider.WithRetryWait(time.Millisecond, 20*time.Millisecond),
	)
}

// PostOutOfBand puts media on the default account as if posted in the app
// and returns its id.
func (e *Env) PostOutOfBand(t *testing.T, p emulator.Post) string {
	t.Helper()
	id, ok := e.Emulator.PostOutOfBand(emulator.DefaultAccountID, p)
	if !ok {
		t.Fatal("PostOutOfBand failed")
	}
	return id
}

// CheckMediaExists asserts the post in state is published on the emulator.
func (e *Env) CheckMediaExists(address string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		if !e.Emulator.MediaExists(rs.Primary.ID) {
			return fmt.Errorf("%s: media %s does not exist on the emulator", address, rs.Primary.ID)
		}
		return nil
	}
}

// CheckMediaGone asserts that the post *id (captured in an earlier step, see
// CaptureID) no longer exists on the emulator: it was replaced or destroyed.
func (e *Env) CheckMediaGone(id *string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if e.Emulator.MediaExists(*id) {
			return fmt.Errorf("post %s still exists on the emulator", *id)
		}
		return nil
	}
}

// CheckMediaKept is a CheckDestroy for a post that destroy must only forget
// (deletion_policy = "retain"): the post *id still exists on the emulator.
func (e *Env) CheckMediaKept(id *string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if !e.Emulator.MediaExists(*id) {
			return fmt.Errorf("post %s was deleted on destroy, but its deletion_policy is retain", *id)
		}
		return nil
	}
}

// CaptureID stores the id of the resource at address in *into, for later
// steps, PreConfig functions and CheckDestroy to use.
func CaptureID(address string, into *string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		*into = rs.Primary.ID
		return nil
	}
}

// CheckMediaDestroyed is a CheckDestroy: no instagram_media left in the
// (last) state may still exist on the emulator.
func (e *Env) CheckMediaDestroyed(s *terraform.State) error {
	for address, rs := range s.RootModule().Resources {
		if rs.Type != "instagram_media" {
			continue
		}
		if e.Emulator.MediaExists(rs.Primary.ID) {
			return fmt.Errorf("%s: media %s still exists on the emulator after destroy", address, rs.Primary.ID)
		}
	}
	return nil
}

// CheckMediaCount asserts how many posts the account has on the emulator.
func (e *Env) CheckMediaCount(accountID string, want int) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := len(e.Emulator.MediaIDs(accountID)); got != want {
			return fmt.Errorf("account %s has %d posts on the emulator, want %d", accountID, got, want)
		}
		return nil
	}
}
