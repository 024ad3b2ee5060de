// Package acctest holds what acceptance tests share: an in-process emulator
// per test, provider factories pointed at it, and checks against its store.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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
}

// New starts an emulator for the test (stopped at cleanup) and returns an
// Env using the seeded Facebook-login token.
func New(t *testing.T, opts emulator.Options) *Env {
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
			"INSTAGRAM_API_VERSION":  "v25.0",
		},
	}
}

// InstagramLogin switches the Env to the seeded Instagram-login token.
func (e *Env) InstagramLogin() *Env {
	e.Vars["INSTAGRAM_ACCESS_TOKEN"] = emulator.DefaultInstagramToken
	return e
}

// Factories are the ProtoV6ProviderFactories for resource.TestCase.
func (e *Env) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"instagram": providerserver.NewProtocol6WithError(provider.New("test",
			provider.WithEnv(e.Vars),
			provider.WithPollInterval(10*time.Millisecond),
			provider.WithClock(e.Emulator.Now),
			provider.WithRetryWait(time.Millisecond, 20*time.Millisecond),
		)()),
	}
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
