package reliability

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// BenchmarkRefresh prints, in one run, what `terraform plan` (with refresh)
// costs for N posts in one state: wall time, Graph round trips and metered
// calls per post, at 0 and 50 ms emulated latency, next to the same plan over
// N terraform_data (Terraform's own cost), and a throttled scenario. Timings
// are printed, never asserted. Skips without a Terraform CLI.
func BenchmarkRefresh(b *testing.B) {
	tf := terraformCLI(b)
	dir := b.TempDir()
	provider := buildProvider(b, dir)
	fmt.Printf("\n%-34s %5s %8s %10s %12s %12s %9s %6s\n", "scenario", "N", "latency", "plan wall", "trips/post", "metered/post", "rejected", "errors")
	for _, n := range []int{100, 500} {
		ws := newWorkspace(b, tf, provider, n)
		for _, lat := range []time.Duration{0, 50 * time.Millisecond} {
			ws.emu.SetLatency(lat)
			r := ws.plan(b)
			r.print("instagram_media (plan)", n, lat)
		}
		ref := newDataWorkspace(b, tf, n)
		r := ref.plan(b)
		r.print("terraform_data (reference)", n, 0)
	}

	// Throttled: the account allows B calls per window W, fewer than the plan
	// needs. Ideal = the longer of the unthrottled plan and the span the
	// budget forces on its calls: Terraform's own work overlaps the waits, so
	// adding the two would flatter the ratio.
	const n, budget, window = 500, 2, 2 * time.Second
	ws := newWorkspace(b, tf, provider, n)
	ws.plan(b) // warm-up: the first plan of a workspace is slower and would flatter the ratio
	base := ws.plan(b)
	ws.emu.SetAccountBudget(budget, window)
	time.Sleep(window) // start with a fresh window
	r := ws.plan(b)
	ideal := max(base.wall, time.Duration((base.metered-1)/budget)*window)
	r.print(fmt.Sprintf("throttled: %d calls/%s", budget, window), n, 0)
	fmt.Printf("  throttled plan: %d metered calls; ideal %s, wall %s = %.2f× ideal; %d of %d calls rejected (%.1f%%)\n",
		r.metered, ideal.Round(time.Millisecond), r.wall.Round(time.Millisecond), float64(r.wall)/float64(ideal),
		r.rejected, r.metered, 100*float64(r.rejected)/float64(max(1, r.metered)))
}

type result struct {
	n                        int
	wall                     time.Duration
	trips, metered, rejected int
	failed                   bool
	output                   string
}

func (r result) print(name string, n int, lat time.Duration) {
	errs := 0
	if r.failed {
		errs = 1
	}
	fmt.Printf("%-34s %5d %8s %10s %12.3f %12.3f %9d %6d\n", name, n, lat, r.wall.Round(time.Millisecond),
		float64(r.trips)/float64(n), float64(r.metered)/float64(n), r.rejected, errs)
	if r.failed {
		fmt.Println(r.output)
	}
}

// workspace is a Terraform working directory whose state holds N posts
// seeded on an emulator running on 127.0.0.1.
type workspace struct {
	tf, dir string
	env     []string
	emu     *emulator.Server
	n       int
}

func newWorkspace(b *testing.B, tf, providerDir string, n int) *workspace {
	b.Helper()
	emu := emulator.New(emulator.Options{Now: time.Now, FractionalRegain: true})
	srv := httptest.NewServer(emu.Handler())
	b.Cleanup(srv.Close)
	ids, err := emu.SeedImagePosts(emulator.DefaultAccountID, "https://cdn.example.com/%d.jpg", n)
	if err != nil {
		b.Fatal(err)
	}
	ws := &workspace{tf: tf, dir: b.TempDir(), emu: emu, n: n}
	cfg := filepath.Join(ws.dir, "cli.tfrc")
	writeFile(b, cfg, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"terraform-instagram/instagram\" = %q\n  }\n  direct {}\n}\n", providerDir))
	ws.env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cfg, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"INSTAGRAM_BASE_URL="+srv.URL, "INSTAGRAM_ACCESS_TOKEN="+emulator.DefaultFacebookToken,
		"INSTAGRAM_ACCOUNT_ID="+emulator.DefaultAccountID)
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = fmt.Sprintf("%q", id)
	}
	writeFile(b, filepath.Join(ws.dir, "main.tf"), fmt.Sprintf(`
terraform {
  required_providers {
    instagram = { source = "terraform-instagram/instagram" }
  }
}

locals {
  ids = [%s]
}

resource "instagram_media" "post" {
  count           = %d
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/${count.index + 1}.jpg"
  caption         = "Seeded post ${count.index + 1}"
  deletion_policy = "retain"
}

import {
  for_each = { for i, id in local.ids : id => i }
  to       = instagram_media.post[each.value]
  id       = each.key
}
`, strings.Join(quoted, ", "), n))
	if out, err := ws.run("apply", "-auto-approve", "-input=false", "-parallelism=10"); err != nil {
		b.Fatalf("importing %d posts: %v\n%s", n, err, out)
	}
	return ws
}

// newDataWorkspace is the reference: N terraform_data, no provider.
func newDataWorkspace(b *testing.B, tf string, n int) *workspace {
	b.Helper()
	ws := &workspace{tf: tf, dir: b.TempDir(), n: n}
	cfg := filepath.Join(ws.dir, "cli.tfrc")
	writeFile(b, cfg, "")
	ws.env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cfg, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	writeFile(b, filepath.Join(ws.dir, "main.tf"), fmt.Sprintf("resource \"terraform_data\" \"r\" {\n  count = %d\n  input = count.index\n}\n", n))
	if out, err := ws.run("init", "-input=false"); err != nil {
		b.Fatalf("init: %v\n%s", err, out)
	}
	if out, err := ws.run("apply", "-auto-approve", "-input=false"); err != nil {
		b.Fatalf("apply: %v\n%s", err, out)
	}
	return ws
}

// plan runs `terraform plan -detailed-exitcode` (refresh included); an
// empty plan is the expected outcome.
func (ws *workspace) plan(b *testing.B) result {
	b.Helper()
	var trips, metered, rejected int
	if ws.emu != nil {
		trips, metered, rejected = ws.emu.TotalCalls(), ws.emu.MeteredCalls(), ws.emu.ThrottledCalls()
	}
	start := time.Now()
	out, err := ws.run("plan", "-input=false", "-detailed-exitcode", "-parallelism=10")
	r := result{n: ws.n, wall: time.Since(start), failed: err != nil, output: out}
	if ws.emu != nil {
		r.trips, r.metered, r.rejected = ws.emu.TotalCalls()-trips, ws.emu.MeteredCalls()-metered, ws.emu.ThrottledCalls()-rejected
	}
	return r
}

func (ws *workspace) run(args ...string) (string, error) {
	cmd := exec.CommandContext(context.Background(), ws.tf, append([]string{"-chdir=" + ws.dir}, append(args, "-no-color")...)...)
	cmd.Env = ws.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// terraformCLI is TF_ACC_TERRAFORM_PATH (as set by scripts/gotest.sh from
// scripts/tf-cli.sh) or terraform on PATH.
func terraformCLI(b *testing.B) string {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		b.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
	}
	return p
}

// buildProvider builds the provider binary into dir (dev_overrides wants the directory).
func buildProvider(b *testing.B, dir string) string {
	b.Helper()
	root, err := exec.CommandContext(b.Context(), "go", "env", "GOMOD").Output()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.CommandContext(b.Context(), "go", "build", "-o", filepath.Join(dir, "terraform-provider-instagram"), ".")
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(root)))
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building the provider: %v\n%s", err, out)
	}
	return dir
}

func writeFile(b *testing.B, path, content string) {
	b.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		b.Fatal(err)
	}
}
