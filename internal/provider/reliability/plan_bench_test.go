package reliability

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/media"
)

// BenchmarkPlan prints, in one interleaved run, what the CLI costs over N
// existing resources of each kind side by side (make bench):
//
//   - plan, with refresh and without (-refresh=false), over N terraform_data
//     (Terraform alone), N minimal_item (a minimal framework provider), N
//     floor_media (a framework provider with instagram_media's schema and no
//     logic: the floor the schema's shape sets) and N instagram_media;
//   - import: a plan whose N import blocks adopt existing objects, for the
//     three providers, and the apply that adopts N posts;
//   - terraform query over an account of N posts.
//
// Each measurement is repeated BENCH_REPS times (default 3), all scenarios
// in turn before the next repetition, and printed as median and minimum, as
// ratios to the minimal provider and to the floor, with the provider's peak
// RSS (VmHWM), the lines the provider wrote to stderr per resource, the
// state's size per resource and the metered Graph calls per post; and the
// CPU time of the CLI with its providers and of the providers alone, which
// other work on the machine disturbs less than wall time. The baselines are
// served as this provider is (provider.SetUpProcess, provider.NewServer), so
// that the ratios compare schemas and logic; the row "as the framework
// ships" shows the minimal provider served with providerserver.Serve.
//
// Knobs (environment):
//
//	BENCH_N="500 2000"    the sizes
//	BENCH_REPS="3"        repetitions, per size in BENCH_N's order ("3 2": 2 at 2000)
//	BENCH_ONLY=regexp     only the rows whose "mode N name" matches
//	BENCH_OTHERS=1        also instagram_comment_settings and instagram_comment (first N only)
//	BENCH_SHAPES=1        also floors of other shapes of instagram_media's schema
//	BENCH_ENVS="GOGC=200;GOGC=off GOMEMLIMIT=256MiB"
//	                      also instagram_media with each of these environments
//	BENCH_ALT="name=/path/to/checkout name=@git-revision ..."
//	                      also instagram_media built from other source trees
//	                      (e.g. before=@main: the change against main)
//	BENCH_PROFILE=dir     CPU and allocation profiles of every provider
//	                      process, in dir/<row>/
//
// Timings are printed, never asserted. Skips without a Terraform CLI.
func BenchmarkPlan(b *testing.B) {
	tf := terraformCLI(b)
	ns := envInts(b, "BENCH_N", []int{500, 2000})
	reps := envInts(b, "BENCH_REPS", []int{3})
	only := regexp.MustCompile(os.Getenv("BENCH_ONLY"))

	p := buildBenchProviders(b)
	cli := newCLIConfig(b, tf, p.overrides)
	var rows []*row
	for i, n := range ns {
		for _, r := range append(p.planRows(cli, n, i == 0), p.importRows(cli, n, i == 0)...) {
			if only.MatchString(fmt.Sprintf("%s %d %s", r.mode, r.n, r.name)) {
				rows = append(rows, r)
			}
		}
	}
	if !cli.supportsQuery(b) {
		rows = slices.DeleteFunc(rows, func(r *row) bool { return r.mode == "query" })
	}
	if len(rows) == 0 {
		b.Skip("BENCH_ONLY matches no row")
	}
	fmt.Printf("\nCLI %s; repetitions %v for N %v, interleaved; parallelism 10; emulator at 0 ms latency\n", tf, reps, ns)
	for _, r := range rows {
		r.ws.get(b) // set up every workspace before the first measurement
	}
	for rep := range slices.Max(reps) {
		for _, r := range rows {
			if rep < repsFor(reps, ns, r.n) {
				r.run(b, tf, profileEnv(b, r))
			}
		}
		fmt.Printf("repetition %d done\n", rep+1)
	}
	printRows(rows)
	printSummary(rows)
}

// repsFor is the number of repetitions of size n: BENCH_REPS lists them in
// the order of BENCH_N, the last one for the remaining sizes.
func repsFor(reps, ns []int, n int) int {
	i := slices.Index(ns, n)
	return reps[min(i, len(reps)-1)]
}

// profileEnv is the row's environment, with BENCH_PROFILE's directory for it.
func profileEnv(tb testing.TB, r *row) []string {
	tb.Helper()
	profile := os.Getenv("BENCH_PROFILE")
	if profile == "" {
		return r.env
	}
	name := strings.NewReplacer(" ", "_", ",", "", "(", "", ")", "", "=", "-", "/", "-").Replace(fmt.Sprintf("%s %d %s", r.mode, r.n, r.name))
	dir := filepath.Join(profile, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return append(slices.Clone(r.env), profileDirEnv+"="+dir)
}

// benchProviders are the providers the bench built and where the CLI finds
// them.
type benchProviders struct {
	overrides map[string]string // dev_overrides
	minimal   baselineProvider
	floors    []baselineProvider // the floor, then the other shapes (BENCH_SHAPES)
	alts      []alternative      // BENCH_ALT
}

func buildBenchProviders(b *testing.B) benchProviders {
	bin := b.TempDir()
	p := benchProviders{overrides: map[string]string{
		providerSources["instagram"]: buildProvider(b, filepath.Join(bin, "instagram")),
	}}
	p.minimal = buildMinimalProvider(b, bin)
	p.floors = []baselineProvider{buildFloorProvider(b, bin, "floor", media.NewMediaResource(), nil)}
	if os.Getenv("BENCH_SHAPES") != "" {
		for _, shape := range mediaShapes {
			p.floors = append(p.floors, buildFloorProvider(b, bin, shape.name, media.NewMediaResource(), shape.reshape))
		}
	}
	for _, bp := range append([]baselineProvider{p.minimal}, p.floors...) {
		p.overrides[bp.source] = bp.dir
	}
	for i, spec := range strings.Fields(os.Getenv("BENCH_ALT")) {
		name, src, ok := strings.Cut(spec, "=")
		if !ok {
			b.Fatalf("BENCH_ALT: %q is not name=path or name=@revision", spec)
		}
		if rev, ok := strings.CutPrefix(src, "@"); ok {
			src = gitArchive(b, rev)
		}
		typeName := "alt" + strconv.Itoa(i+1)
		alt := alternative{name: name, source: "bench/" + typeName}
		p.overrides[alt.source] = buildProviderFrom(b, src, filepath.Join(bin, typeName), typeName)
		p.alts = append(p.alts, alt)
	}
	return p
}

// planRows are the plans over N existing resources, with and without
// refresh; first is the first size (the other resources only run there).
func (p benchProviders) planRows(cli *cliConfig, n int, first bool) []*row {
	media := cli.lazy(func(tb testing.TB) *workspace { return cli.mediaWorkspace(tb, providerSources["instagram"], n, true) })
	minimal := cli.lazy(func(tb testing.TB) *workspace { return cli.baselineWorkspace(tb, p.minimal, n) })
	data := cli.lazy(func(tb testing.TB) *workspace { return cli.dataWorkspace(tb, n) })
	floors := make([]*lazyWorkspace, len(p.floors))
	for i, f := range p.floors {
		floors[i] = cli.lazy(func(tb testing.TB) *workspace { return cli.baselineWorkspace(tb, f, n) })
	}
	alts := make([]*lazyWorkspace, len(p.alts))
	for i, a := range p.alts {
		alts[i] = cli.lazy(func(tb testing.TB) *workspace { return cli.mediaWorkspace(tb, a.source, n, true) })
	}
	var settings, comments *lazyWorkspace
	if os.Getenv("BENCH_OTHERS") != "" && first {
		settings = cli.lazy(func(tb testing.TB) *workspace { return cli.otherWorkspace(tb, n, commentSettingsConfig) })
		comments = cli.lazy(func(tb testing.TB) *workspace { return cli.otherWorkspace(tb, n, commentsConfig) })
	}

	var rows []*row
	for _, refresh := range []bool{true, false} {
		mode := "plan, refresh"
		args := []string{"plan", "-input=false", "-detailed-exitcode", "-parallelism=10"}
		if !refresh {
			mode = "plan, -refresh=false"
			args = append(args, "-refresh=false")
		}
		add := func(name string, ws *lazyWorkspace, env []string, role role) {
			rows = append(rows, &row{mode: mode, n: n, name: name, ws: ws, args: args, env: env, role: role})
		}
		add("terraform_data", data, nil, roleOther)
		add("minimal_item", minimal, nil, roleMinimal)
		add("minimal_item, as the framework ships", minimal, asShipped, roleOther)
		for i, f := range p.floors {
			r := roleOther
			if i == 0 {
				r = roleFloor
			}
			add(f.label, floors[i], nil, r)
		}
		add("instagram_media", media, nil, roleSubject)
		add("instagram_media, SDK logs on, GOGC=100", media, logsAndGCAsBefore, roleOther)
		for _, env := range strings.Split(os.Getenv("BENCH_ENVS"), ";") {
			if env = strings.TrimSpace(env); env != "" {
				add("instagram_media, "+env, media, strings.Fields(env), roleOther)
			}
		}
		for i, a := range p.alts {
			add("instagram_media ("+a.name+")", alts[i], nil, roleOther)
		}
		if settings != nil {
			add("instagram_comment_settings", settings, nil, roleOther)
			add("instagram_comment", comments, nil, roleOther)
		}
	}
	return rows
}

// importRows are the adoption of N existing objects with import blocks: a
// plan from an empty state for the three providers, and the apply (first
// size only: the CLI's import apply grows faster than N, minutes at 2000;
// the baselines' import keeps only the id, so their apply also updates);
// and terraform query over an account of N posts.
func (p benchProviders) importRows(cli *cliConfig, n int, first bool) []*row {
	minimal := cli.lazy(func(tb testing.TB) *workspace { return cli.baselineImportWorkspace(tb, p.minimal, n) })
	floor := cli.lazy(func(tb testing.TB) *workspace { return cli.baselineImportWorkspace(tb, p.floors[0], n) })
	adopt := cli.lazy(func(tb testing.TB) *workspace { return cli.mediaWorkspace(tb, providerSources["instagram"], n, false) })
	var rows []*row
	for _, mode := range []string{"import (plan)", "import (apply)"} {
		args, before := []string{"plan", "-input=false", "-parallelism=10"}, (func(*workspace, testing.TB))(nil)
		if mode == "import (apply)" {
			if !first && os.Getenv("BENCH_ONLY") == "" {
				continue
			}
			args, before = []string{"apply", "-input=false", "-auto-approve", "-parallelism=10"}, (*workspace).removeState
		}
		rows = append(rows,
			&row{mode: mode, n: n, name: "minimal_item", ws: minimal, args: args, before: before, role: roleMinimal},
			&row{mode: mode, n: n, name: "floor_media", ws: floor, args: args, before: before, role: roleFloor},
			&row{mode: mode, n: n, name: "instagram_media", ws: adopt, args: args, before: before, role: roleSubject})
	}
	return append(rows, &row{mode: "query", n: n, name: "instagram_media", args: []string{"query"}, role: roleSubject,
		ws: cli.lazy(func(tb testing.TB) *workspace { return cli.queryWorkspace(tb, n) })})
}

// alternative is instagram_media built from another source tree, installed
// under its own source address (configurations name it "instagram").
type alternative struct{ name, source string }

// asShipped serves a baseline as the framework ships, not as this
// provider is served.
var asShipped = []string{shippedEnv + "=1"}

// logsAndGCAsBefore is the environment that undoes the provider's choice of
// log levels and GC settings, which it makes only when the user did not
// (BENCH_ALT=before=@<revision> measures a whole earlier version).
var logsAndGCAsBefore = []string{"TF_LOG_SDK=TRACE", "TF_LOG_PROVIDER_INSTAGRAM=TRACE", "GOGC=100", "GOMEMLIMIT=off"}

type role int

const (
	roleOther role = iota
	roleMinimal
	roleFloor
	roleSubject
)

// row is one scenario and its measurements.
type row struct {
	mode, name string
	n          int
	role       role
	ws         *lazyWorkspace
	args, env  []string
	before     func(*workspace, testing.TB)
	runs       []runStats
	metered    []int
	throttled  int
	calls      map[string]int // Graph requests by route, summed over the runs
}

func (r *row) run(tb testing.TB, tf string, env []string) {
	tb.Helper()
	ws := r.ws.get(tb)
	if r.before != nil {
		r.before(ws, tb)
	}
	var metered, throttled int
	var calls map[string]int
	if ws.emu != nil {
		metered, throttled, calls = ws.emu.MeteredCalls(), ws.emu.ThrottledCalls(), ws.emu.Calls()
	}
	s := runProbed(tb, tf, ws.dir, append(slices.Clone(ws.env), env...), r.args...)
	// plan -detailed-exitcode exits 2 when the plan is not empty.
	if s.err != nil {
		tb.Fatalf("%s of %d %s: %v\n%s", r.mode, r.n, r.name, s.err, s.output)
	}
	if ws.emu != nil {
		metered, throttled = ws.emu.MeteredCalls()-metered, ws.emu.ThrottledCalls()-throttled
		if r.calls == nil {
			r.calls = map[string]int{}
		}
		for route, n := range ws.emu.Calls() {
			r.calls[route] += n - calls[route]
		}
	}
	r.runs = append(r.runs, s)
	r.metered = append(r.metered, metered)
	r.throttled += throttled
}

func (r *row) median() time.Duration {
	walls := r.walls()
	return walls[len(walls)/2]
}

func (r *row) min() time.Duration { return r.walls()[0] }

// medianCPU is the median CPU time of the CLI and its providers, and of the
// providers alone.
func (r *row) medianCPU() (all, provider time.Duration) {
	var a, p []time.Duration
	for _, s := range r.runs {
		a, p = append(a, s.cpu), append(p, s.providerCPU)
	}
	slices.Sort(a)
	slices.Sort(p)
	return a[len(a)/2], p[len(p)/2]
}

func (r *row) walls() []time.Duration {
	var w []time.Duration
	for _, s := range r.runs {
		w = append(w, s.wall)
	}
	slices.Sort(w)
	return w
}

// peakRSS is the largest provider peak over the repetitions.
func (r *row) peakRSS() int64 {
	var p int64
	for _, s := range r.runs {
		p = max(p, s.peakRSS)
	}
	return p
}

func printRows(rows []*row) {
	fmt.Printf("\n%-22s %5s  %-40s %8s %8s %9s %7s %8s %8s %9s %11s %10s %12s\n",
		"", "N", "resource", "median", "min", "×minimal", "×floor", "CPU", "prov CPU", "peak RSS", "stderr/res", "state/res", "metered/post")
	var notes []string
	for _, r := range rows {
		base := func(role role) string {
			for _, o := range rows {
				if o.role == role && o.mode == r.mode && o.n == r.n {
					return fmt.Sprintf("%.2f", r.median().Seconds()/o.median().Seconds())
				}
			}
			return "-"
		}
		rss, lines, metered, state := "-", "-", "-", "-"
		if size := r.ws.get(nil).stateSize(); size > 0 {
			state = fmt.Sprintf("%d B", size/int64(r.n))
		}
		if r.peakRSS() > 0 {
			rss = fmt.Sprintf("%d MB", r.peakRSS()>>20)
			lines = fmt.Sprintf("%.1f", float64(r.runs[len(r.runs)-1].stderrLines)/float64(r.n))
		}
		if r.ws.get(nil).emu != nil {
			metered = fmt.Sprintf("%.3f", float64(slices.Max(r.metered))/float64(r.n))
			if r.throttled > 0 {
				metered += fmt.Sprintf(" (%d throttled)", r.throttled)
			}
		}
		cpu, providerCPU := r.medianCPU()
		if len(r.calls) > 0 {
			notes = append(notes, fmt.Sprintf("  %s %d %s, Graph requests per run: %s", r.mode, r.n, r.name, perRun(r.calls, len(r.runs))))
		}
		fmt.Printf("%-22s %5d  %-40s %7.2fs %7.2fs %9s %7s %7.2fs %7.2fs %9s %11s %10s %12s\n",
			r.mode, r.n, r.name, r.median().Seconds(), r.min().Seconds(), base(roleMinimal), base(roleFloor),
			cpu.Seconds(), providerCPU.Seconds(), rss, lines, state, metered)
	}
	fmt.Println(strings.Join(notes, "\n"))
}

// perRun is calls by route, divided by the number of runs.
func perRun(calls map[string]int, runs int) string {
	var parts []string
	for _, route := range sortedKeys(calls) {
		if calls[route] > 0 {
			parts = append(parts, fmt.Sprintf("%s %.1f", route, float64(calls[route])/float64(runs)))
		}
	}
	return strings.Join(parts, ", ")
}

// printSummary is the table: instagram_media's plan against the
// baselines (medians), with the earlier version when BENCH_ALT names one
// "before".
func printSummary(rows []*row) {
	find := func(mode string, n int, name string) *row {
		for _, r := range rows {
			if r.mode == mode && r.n == n && r.name == name {
				return r
			}
		}
		return nil
	}
	fmt.Printf("\n| N | refresh | terraform_data | minimal provider | schema floor | instagram_media | ×minimal | ×floor | provider CPU ×minimal | ×floor | media peak RSS | before | metered calls/post |\n")
	fmt.Printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		if r.role != roleSubject || !strings.HasPrefix(r.mode, "plan") {
			continue
		}
		data, minimal, floor := find(r.mode, r.n, "terraform_data"), find(r.mode, r.n, "minimal_item"), find(r.mode, r.n, "floor_media")
		if data == nil || minimal == nil || floor == nil {
			continue // left out by BENCH_ONLY
		}
		before := "-"
		if b := find(r.mode, r.n, "instagram_media (before)"); b != nil {
			before = fmt.Sprintf("%.2f s, %d MB", b.median().Seconds(), b.peakRSS()>>20)
		}
		refresh := "on"
		if strings.Contains(r.mode, "-refresh=false") {
			refresh = "off"
		}
		_, cpu := r.medianCPU()
		_, minimalCPU := minimal.medianCPU()
		_, floorCPU := floor.medianCPU()
		fmt.Printf("| %d | %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f× | %.2f× | %.2f× | %.2f× | %d MB | %s | %.3f |\n",
			r.n, refresh, data.median().Seconds(), minimal.median().Seconds(), floor.median().Seconds(), r.median().Seconds(),
			r.median().Seconds()/minimal.median().Seconds(), r.median().Seconds()/floor.median().Seconds(),
			cpu.Seconds()/minimalCPU.Seconds(), cpu.Seconds()/floorCPU.Seconds(), r.peakRSS()>>20,
			before, float64(slices.Max(r.metered))/float64(r.n))
	}
}

// envInts reads a space-separated list of numbers from the environment.
func envInts(tb testing.TB, name string, def []int) []int {
	tb.Helper()
	v := strings.Fields(os.Getenv(name))
	if len(v) == 0 {
		return def
	}
	out := make([]int, len(v))
	for i, s := range v {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			tb.Fatalf("%s: %q is not a positive number", name, s)
		}
		out[i] = n
	}
	return out
}
