package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider"
)

// Workdir runs the real CLI (TF_ACC_TERRAFORM_PATH) in a directory of its
// own, with the provider as a separate process (a binary built once per test
// process, installed through dev_overrides), against the test's emulator.
// It is for what terraform-plugin-testing cannot do: `terraform query
// -generate-config-out`, `apply -invoke`, and interrupting or killing a run
// while a request is in flight.
type Workdir struct {
	t   testing.TB
	Dir string
	cli string
	env []string
	// OnReplaced deletes a post "in the app" when a refusal's advice says to
	// (Adopt); nil → the post is kept.
	OnReplaced func(mediaID string)
	// imports are the files of import blocks Adopt wrote, by the address
	// they import to.
	imports map[string]string
}

// Workdir prepares a directory whose configuration requires this provider
// (providers.tf); write the rest with Write. The emulator should run on the
// wall clock (emulator.Options{Now: time.Now}): the provider process has no
// other clock.
func (e *Env) Workdir(t testing.TB) *Workdir {
	t.Helper()
	return e.workdir(t, buildProvider(t))
}

// InProcessWorkdir is a Workdir whose provider runs in the test process, on
// the emulator's clock (TF_REATTACH_PROVIDERS, as terraform-plugin-testing
// does), so that a test can move time and still read the CLI's own output
// (warnings, exit codes). The CLI cannot kill this provider: interruption
// tests use Workdir.
func (e *Env) InProcessWorkdir(t testing.TB) *Workdir {
	t.Helper()
	w := e.workdir(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	configCh, closeCh := make(chan *plugin.ReattachConfig, 1), make(chan struct{})
	p := e.provider()()
	server := func() tfprotov6.ProviderServer { return provider.Server(p) } // as main serves it: secrets redacted
	go func() {
		if err := tf6server.Serve("registry.terraform.io/terraform-instagram/instagram", server,
			tf6server.WithDebug(ctx, configCh, closeCh), tf6server.WithLoggingSink(sinkT{t}),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger())); err != nil {
			t.Errorf("serving the provider in process: %v", err)
			close(configCh)
		}
	}()
	cfg, ok := <-configCh
	if !ok || cfg == nil {
		cancel()
		t.Fatal("the provider did not start in process")
	}
	t.Cleanup(func() { cancel(); <-closeCh })
	attach := map[string]any{
		"Protocol": string(cfg.Protocol), "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": true,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}
	reattach, err := json.Marshal(map[string]any{
		"registry.terraform.io/terraform-instagram/instagram": attach,
		"registry.opentofu.org/terraform-instagram/instagram": attach,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.env = append(w.env, "TF_REATTACH_PROVIDERS="+string(reattach))
	w.MustRun("init", "-input=false", "-no-color") // installs nothing: the provider is reattached
	return w
}

// workdir prepares the directory, with dev_overrides pointing at bin.
func (e *Env) workdir(t testing.TB, bin string) *Workdir {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: run through scripts/gotest.sh")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".cli.tfrc")
	overrides := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/terraform-instagram/instagram" = %[1]q
    "registry.opentofu.org/terraform-instagram/instagram" = %[1]q
  }
  direct {}
}
`, bin)
	if bin == "" {
		overrides = "" // the provider is reattached (InProcessWorkdir)
	}
	writeFile(t, cfg, overrides)
	writeFile(t, filepath.Join(dir, "providers.tf"), `terraform {
  required_providers {
    instagram = { source = "terraform-instagram/instagram" }
  }
}
`)
	env := []string{
		"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "TF_CLI_CONFIG_FILE=" + cfg,
		"TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_INPUT=0",
	}
	for k, v := range e.Vars {
		env = append(env, k+"="+v)
	}
	return &Workdir{t: t, Dir: dir, cli: cli, env: env}
}

// buildProvider builds the provider binary once per test process and returns
// the directory holding it.
func buildProvider(t testing.TB) string {
	t.Helper()
	return filepath.Dir(Program(t, ".", "terraform-provider-instagram"))
}

// builds are the programs Program built, by package, shared by the test
// process.
var builds struct {
	sync.Mutex
	byPkg map[string]*build
}

type build struct {
	once sync.Once
	path string
	err  error
}

// Program builds the main package pkg (a path relative to the module root,
// e.g. "./internal/emulator/cmd/instagram-emulator") once per test process,
// as a binary called name, and returns its path.
func Program(t testing.TB, pkg, name string) string {
	t.Helper()
	builds.Lock()
	if builds.byPkg == nil {
		builds.byPkg = map[string]*build{}
	}
	b := builds.byPkg[pkg]
	if b == nil {
		b = &build{}
		builds.byPkg[pkg] = b
	}
	builds.Unlock()
	b.once.Do(func() { b.path, b.err = goBuild(pkg, name) })
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

func goBuild(pkg, name string) (string, error) {
	// Shared by every test of the process: no test's context or TempDir.
	root, err := exec.CommandContext(context.Background(), "go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root: %w", err)
	}
	dir, err := os.MkdirTemp("", "terraform-provider-instagram-test-") //nolint:usetesting // outlives the first test
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, name)
	cmd := exec.CommandContext(context.Background(), "go", "build", "-o", out, pkg)
	cmd.Dir = strings.TrimSpace(string(root))
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return out, nil
}

// Write writes a file of the configuration (or a .tfquery.hcl).
func (w *Workdir) Write(name, content string) {
	w.t.Helper()
	writeFile(w.t, filepath.Join(w.Dir, name), content)
}

// Read returns a file the CLI wrote (e.g. generated configuration).
func (w *Workdir) Read(name string) string {
	w.t.Helper()
	b, err := os.ReadFile(filepath.Join(w.Dir, name))
	if err != nil {
		w.t.Fatal(err)
	}
	return string(b)
}

// Run runs the CLI to completion and returns its combined output; a failure
// is returned with the output in the error.
func (w *Workdir) Run(args ...string) (string, error) {
	w.t.Helper()
	cmd := w.Command(w.t.Context(), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%s %s: %w\n%s", filepath.Base(w.cli), strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}

// MustRun is Run that fails the test on error.
func (w *Workdir) MustRun(args ...string) string {
	w.t.Helper()
	out, err := w.Run(args...)
	if err != nil {
		w.t.Fatal(err)
	}
	return out
}

// Command prepares a CLI run without starting it, in its own process group
// so that a test can signal the CLI and the provider it starts together.
func (w *Workdir) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.cli, args...)
	cmd.Dir = w.Dir
	cmd.Env = w.env
	setProcessGroup(cmd)
	return cmd
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// sinkT is t as tf6server's logging sink takes it (go-testing-interface's T,
// which also has Parallel: benchmarks use the sink too).
type sinkT struct{ testing.TB }

func (sinkT) Parallel() {}
