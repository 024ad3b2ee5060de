package reliability

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// TestAccProviderLogs_onlyWhenAsked runs the provider binary under the real
// CLI as users do: without a log level it writes no SDK or provider log
// lines (they cost about 250 lines per instagram_media in a plan, which
// Terraform parses and throws away); with TF_LOG=TRACE or TF_LOG_PROVIDER
// the framework's, the protocol's and the provider's own lines are all in
// Terraform's log, and no secret is.
func TestAccProviderLogs_onlyWhenAsked(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: run through scripts/gotest.sh")
	}
	tf := terraformCLI(t)
	cli := newCLIConfig(t, tf, map[string]string{providerSources["instagram"]: buildProvider(t, t.TempDir())})
	ws := cli.mediaWorkspace(t, providerSources["instagram"], 3, true)
	ws.env = append(ws.env, "INSTAGRAM_APP_ID="+emulator.DefaultAppID, "INSTAGRAM_APP_SECRET="+emulator.DefaultAppSecret)
	secrets := []string{emulator.DefaultFacebookToken, emulator.DefaultAppSecret}
	plan := []string{"plan", "-input=false", "-detailed-exitcode"}

	t.Run("no log level", func(t *testing.T) {
		s := runProbed(t, tf, ws.dir, ws.env, plan...)
		if s.err != nil {
			t.Fatalf("plan: %v\n%s", s.err, s.output)
		}
		if s.providerLog == "" && s.stderrLines > 0 {
			t.Fatal("the probe did not keep the provider's stderr")
		}
		for _, module := range []string{`"@module":"sdk.`, `"@module":"instagram`} {
			if strings.Contains(s.providerLog, module) {
				t.Errorf("the provider wrote %s… log lines nobody asked for:\n%s", module, firstLines(s.providerLog, 5))
			}
		}
	})

	for _, tc := range []struct {
		name string
		env  []string
		want []string
	}{
		{"TF_LOG=TRACE", []string{"TF_LOG=TRACE"}, []string{"@module=sdk.proto", "@module=sdk.framework", "@module=instagram.graph"}},
		{"TF_LOG_PROVIDER=DEBUG", []string{"TF_LOG_PROVIDER=DEBUG"}, []string{"@module=sdk.framework", "@module=instagram.graph"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logPath := filepath.Join(t.TempDir(), "terraform.log")
			env := append(append(ws.env, "TF_LOG_PATH="+logPath, probeStderrEnv+"=terraform"), tc.env...)
			if s := runProbed(t, tf, ws.dir, env, plan...); s.err != nil {
				t.Fatalf("plan: %v\n%s", s.err, s.output)
			}
			log, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(string(log), want) {
					t.Errorf("Terraform's log has no %s lines", want)
				}
			}
			for _, secret := range secrets {
				if strings.Contains(string(log), secret) {
					t.Errorf("Terraform's log contains a secret (%.4s…)", secret)
				}
			}
		})
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
