package reliability

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"
)

// BenchmarkRefresh prints what `terraform plan` (with refresh) costs for N
// posts in one state in Graph calls: wall time, round trips and metered
// calls per post, at 0 and 50 ms emulated latency, and a throttled scenario.
// BENCH_N sets the sizes (default "500 2000", the README's figures).
// BenchmarkPlan compares the CPU cost with the baselines. Timings are
// printed, never asserted. Skips without a Terraform CLI.
func BenchmarkRefresh(b *testing.B) {
	tf := terraformCLI(b)
	cli := newCLIConfig(b, tf, map[string]string{providerSources["instagram"]: buildProvider(b, b.TempDir())})
	fmt.Printf("\n%-34s %5s %8s %10s %12s %12s %9s\n", "scenario", "N", "latency", "plan wall", "trips/post", "metered/post", "rejected")
	for _, n := range envInts(b, "BENCH_N", []int{500, 2000}) {
		ws := cli.mediaWorkspace(b, providerSources["instagram"], n, true)
		for _, lat := range []time.Duration{0, 50 * time.Millisecond} {
			ws.emu.SetLatency(lat)
			r := ws.refresh(b, tf)
			r.print("instagram_media (plan)", n, lat)
		}
	}

	// Throttled: the account allows B calls per window W, fewer than the plan
	// needs. Ideal = the longer of the unthrottled plan and the span the
	// budget forces on its calls: Terraform's own work overlaps the waits, so
	// adding the two would flatter the ratio.
	const n, budget, window = 500, 2, 2 * time.Second
	ws := cli.mediaWorkspace(b, providerSources["instagram"], n, true)
	ws.refresh(b, tf) // warm-up: the first plan of a workspace is slower and would flatter the ratio
	base := ws.refresh(b, tf)
	ws.emu.SetAccountBudget(budget, window)
	time.Sleep(window) // start with a fresh window
	r := ws.refresh(b, tf)
	ideal := max(base.wall, time.Duration((base.metered-1)/budget)*window)
	r.print(fmt.Sprintf("throttled: %d calls/%s", budget, window), n, 0)
	fmt.Printf("  throttled plan: %d metered calls; ideal %s, wall %s = %.2f× ideal; %d of %d calls rejected (%.1f%%)\n",
		r.metered, ideal.Round(time.Millisecond), r.wall.Round(time.Millisecond), float64(r.wall)/float64(ideal),
		r.rejected, r.metered, 100*float64(r.rejected)/float64(max(1, r.metered)))
}

type refreshResult struct {
	wall                     time.Duration
	trips, metered, rejected int
}

func (r refreshResult) print(name string, n int, lat time.Duration) {
	fmt.Printf("%-34s %5d %8s %10s %12.3f %12.3f %9d\n", name, n, lat, r.wall.Round(time.Millisecond),
		float64(r.trips)/float64(n), float64(r.metered)/float64(n), r.rejected)
}

// refresh runs `terraform plan -detailed-exitcode` (refresh included); an
// empty plan is the expected outcome.
func (ws *workspace) refresh(tb testing.TB, tf string) refreshResult {
	tb.Helper()
	trips, metered, rejected := ws.emu.TotalCalls(), ws.emu.MeteredCalls(), ws.emu.ThrottledCalls()
	s := runProbed(tb, tf, ws.dir, ws.env, "plan", "-input=false", "-detailed-exitcode", "-parallelism=10")
	if s.err != nil {
		tb.Fatalf("plan: %v\n%s", s.err, s.output)
	}
	return refreshResult{wall: s.wall, trips: ws.emu.TotalCalls() - trips, metered: ws.emu.MeteredCalls() - metered,
		rejected: ws.emu.ThrottledCalls() - rejected}
}

// terraformCLI is TF_ACC_TERRAFORM_PATH (as set by scripts/gotest.sh from
// scripts/tf-cli.sh) or terraform on PATH.
func terraformCLI(tb testing.TB) string {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		tb.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
	}
	return p
}

func writeFile(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
}
