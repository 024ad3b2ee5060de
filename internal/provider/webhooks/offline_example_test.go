package webhooks_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The offline webhook example of the README and of the webhook subscription's
// page, run as a user runs it: the callback of examples/webhooks-offline
// (https on loopback with the self-signed certificate it writes), the
// emulator command trusting that certificate (-webhook-ca-file), and the
// example's configuration applied with the real CLI. Meta's handshake
// reaches the callback, and a comment from another user reaches it as a
// signed event.
func TestAccWebhookSubscription_offlineExample(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.WriteOnlyAttributes)
	const verifyToken = "offline-verify-token"
	dir := t.TempDir()
	certFile := filepath.Join(dir, "callback.pem")

	callback := startProgram(t, acctest.Program(t, "./examples/webhooks-offline/callback", "callback"),
		[]string{"WEBHOOK_VERIFY_TOKEN=" + verifyToken, "INSTAGRAM_APP_SECRET=" + emulator.DefaultAppSecret},
		"-listen", "127.0.0.1:0", "-cert-out", certFile)
	callbackURL := callback.waitFor(t, regexp.MustCompile(`listening on (https://\S+/)`))[1]

	addrFile := filepath.Join(dir, "emulator.addr")
	startProgram(t, acctest.Program(t, "./internal/emulator/cmd/instagram-emulator", "instagram-emulator"), nil,
		"-listen", "127.0.0.1:0", "-addr-file", addrFile, "-webhook-ca-file", certFile)
	base := waitForFile(t, addrFile)

	env := &acctest.Env{URL: base, Vars: map[string]string{
		"INSTAGRAM_BASE_URL":          base,
		"INSTAGRAM_ACCESS_TOKEN":      emulator.DefaultFacebookToken,
		"INSTAGRAM_APP_ID":            emulator.DefaultAppID,
		"INSTAGRAM_APP_SECRET":        emulator.DefaultAppSecret,
		"TF_VAR_webhook_verify_token": verifyToken,
	}}
	w := env.Workdir(t)
	example, err := os.ReadFile("../../../examples/webhooks-offline/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	w.Write("main.tf", string(example))
	w.Write("providers.tf", "") // the example has its own required_providers
	vars := []string{"-var", "callback_url=" + callbackURL}
	w.MustRun(append([]string{"apply", "-auto-approve", "-no-color"}, vars...)...)
	callback.waitFor(t, regexp.MustCompile(`verified a subscription`))

	postID := strings.TrimSpace(w.MustRun("output", "-raw", "post_id"))
	controlPost(t, base+emulator.ControlPrefix+"/comments", `{"media_id":"`+postID+`","username":"a_fan","text":"Nice!"}`)
	callback.waitFor(t, regexp.MustCompile(`event: .*"field":"comments".*Nice!`))

	w.MustRun(append([]string{"destroy", "-auto-approve", "-no-color"}, vars...)...)
}

// program is a command started by a test, stopped at cleanup; its stdout is
// collected line by line.
type program struct {
	mu    sync.Mutex
	lines []string
	added chan struct{} // signalled on every line
}

func startProgram(t *testing.T, bin string, env []string, args ...string) *program {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &program{added: make(chan struct{}, 1)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, s.Text())
			p.mu.Unlock()
			select {
			case p.added <- struct{}{}:
			default:
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		<-done
	})
	return p
}

// waitFor waits up to 30 seconds for a line matching re and returns its
// submatches.
func (p *program) waitFor(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		p.mu.Lock()
		for _, l := range p.lines {
			if m := re.FindStringSubmatch(l); m != nil {
				p.mu.Unlock()
				return m
			}
		}
		output := strings.Join(p.lines, "\n")
		p.mu.Unlock()
		select {
		case <-p.added:
		case <-deadline:
			t.Fatalf("no line matching %q; the program printed:\n%s", re, output)
		}
	}
}

// waitForFile waits for a program to write a file and returns its content.
func waitForFile(t *testing.T, path string) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
	}
	t.Fatalf("%s was not written", path)
	return ""
}

func controlPost(t *testing.T, url, body string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d %s", url, res.StatusCode, b)
	}
}
