//go:build unix

package chaos_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The chaos suite: a configuration of every resource type, applied under
// seeded random faults of the emulator and random interruptions of the CLI,
// then applied again without faults until it converges; the invariants of
// the interruption matrix hold after every seed.
//
//	make chaos                      CHAOS_SEEDS seeds (default 200), CHAOS_WORKERS at once
//	CHAOS_SEED=123 make chaos       replay one seed
//	make test                       the fixed seeds of defaultSeeds
//
// A seed fixes the fault plan (which faults, how likely, which request is
// interrupted and how) and the emulator's draws. Terraform walks the
// resources concurrently, so the order of requests, and with it which
// request draws which fault, can differ between two runs of a seed: a replay
// repeats the plan, not always the exact run.

var defaultSeeds = []int64{1, 2, 3}

// chaosConfig declares every resource type: posts of each kind (several,
// told apart by their captions; one story of each media type, since stories
// have no caption), comments and a reply, comment settings both ways, the
// app's webhook subscription and the account's subscribed app.
var chaosConfig = config{
	posts: []post{
		{name: "photo1", kind: "IMAGE", caption: "Spring collection #bikes"},
		{name: "photo2", kind: "IMAGE", caption: "Workshop tour"},
		{name: "reel1", kind: "REELS", caption: "Fixing a flat in 60 seconds"},
		{name: "reel2", kind: "REELS", caption: "Behind the scenes"},
		{name: "album1", kind: "CAROUSEL", caption: "The whole range", items: 3},
		{name: "album2", kind: "CAROUSEL", caption: "Colours", items: 2},
		{name: "story", kind: "STORIES"},
		{name: "story_video", kind: "STORIES", video: true},
	},
	comments: []comment{
		{name: "hashtags", post: "photo1", message: "#bikes #spring #cycling"},
		{name: "answer", post: "photo1", replyTo: "hashtags", message: "See the link in our bio"},
		{name: "faq", post: "album1", message: "Shipping starts on 1 May"},
	},
	settings: []settings{{post: "photo2", enabled: false}, {post: "reel1", enabled: true}},
	webhook:  []string{"comments", "mentions"},
	app:      []string{"feed"},
}

// interruptible are the writes chaosConfig makes, where an interruption
// is tried.
var interruptible = []string{
	"POST /{ig-user-id}/media",
	"POST /{ig-user-id}/media_publish",
	"POST /{ig-media-id}/comments",
	"POST /{ig-comment-id}/replies",
	"POST /{ig-media-id}",
	"POST /{app-id}/subscriptions",
	"POST /{page-id}/subscribed_apps",
}

// seedResult is what one seed did, for the table.
type seedResult struct {
	seed          int64
	faults        map[string]int // emulator.FaultsApplied
	interruptions map[string]int // by kind, and "planned, not reached"
	converge      int            // fault-free applies until one succeeded
	violations    []string
}

func TestChaos(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.WriteOnlyAttributes, acctest.ImportBlocks)
	seeds := chaosSeeds(t)
	var mu sync.Mutex
	var results []seedResult
	t.Run("seeds", func(t *testing.T) {
		for _, seed := range seeds {
			t.Run("seed="+strconv.FormatInt(seed, 10), func(t *testing.T) {
				t.Parallel()
				r := runSeed(t, seed)
				for _, v := range r.violations {
					t.Errorf("seed %d: %s", seed, v)
				}
				if len(r.violations) > 0 {
					t.Errorf("replay it with: CHAOS_SEED=%d make chaos", seed)
				}
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
			})
		}
	})
	t.Log("\n" + chaosTable(results))
}

// chaosSeeds: CHAOS_SEED (one), else CHAOS_SEEDS (1..n), else defaultSeeds.
func chaosSeeds(t *testing.T) []int64 {
	if s := os.Getenv("CHAOS_SEED"); s != "" {
		seed, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CHAOS_SEED=%q: %v", s, err)
		}
		return []int64{seed}
	}
	if s := os.Getenv("CHAOS_SEEDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CHAOS_SEEDS=%q: want a positive number", s)
		}
		seeds := make([]int64, n)
		for i := range seeds {
			seeds[i] = int64(i + 1)
		}
		return seeds
	}
	return defaultSeeds
}

const (
	maxFaultyApplies = 2 // applies under faults (each perhaps interrupted)
	maxConvergeRuns  = 6 // fault-free applies allowed to converge
)

func runSeed(t *testing.T, seed int64) seedResult {
	plan := rand.New(rand.NewPCG(uint64(seed), 1)) // the harness's draws; the emulator has its own
	w := newWorld(t, emulator.Options{FaultSeed: seed, ThrottleFaultRegain: time.Second, FractionalRegain: true})
	w.write(chaosConfig)
	res := seedResult{seed: seed, interruptions: map[string]int{}}

	for range 1 + plan.IntN(maxFaultyApplies) {
		w.env.Emulator.ClearFaults()
		interrupt := plan.IntN(3) > 0 // two applies in three are interrupted
		how := acctest.Interruptions[plan.IntN(len(acctest.Interruptions))]
		route := interruptible[plan.IntN(len(interruptible))]
		if interrupt { // first, so that it wins over the random faults
			w.env.Emulator.InjectFault(emulator.Fault{Route: route, Times: 1, HoldAfterCommit: holdFor})
		}
		for _, f := range randomFaults(plan) {
			w.env.Emulator.InjectFault(f)
		}
		args := []string{"apply", "-auto-approve", "-no-color"}
		var out string
		if interrupt {
			hadState := stateSize(w) > 0
			var interrupted bool
			if out, interrupted = w.dir.Interrupt(w.env, route, how, args...); interrupted {
				res.interruptions[how.String()]++
			} else {
				res.interruptions["planned, not reached"]++
			}
			if hadState && stateSize(w) == 0 { // see stateLost in the matrix
				res.interruptions["state file emptied (by two SIGINTs)"]++
			}
		} else {
			out, _ = w.dir.Run(args...)
		}
		w.outs = append(w.outs, out)
		w.dir.Adopt(acctest.Orphans(out)) // what a user would do with a refusal
	}

	w.env.Emulator.ClearFaults()
	w.env.Emulator.ReleaseHeld()
	res.faults = w.env.Emulator.FaultsApplied()
	outs, runs, err := w.dir.Converge(maxConvergeRuns)
	w.outs = append(w.outs, outs...)
	res.converge = runs
	if err != nil {
		res.violations = append(res.violations, fmt.Sprintf("no fault-free apply of %d succeeded: %v", runs, err))
		return res
	}
	res.violations = append(res.violations, w.violations(chaosConfig)...)
	t.Logf("seed %d: faults %v, interruptions %v, %d fault-free applies to converge", seed, res.faults, res.interruptions, runs)
	return res
}

// stateSize is the size of the state file (0 when there is none).
func stateSize(w *world) int64 {
	info, err := os.Stat(filepath.Join(w.dir.Dir, "terraform.tfstate"))
	if err != nil {
		return 0
	}
	return info.Size()
}

// randomFaults is one apply's disturbance: each kind of fault on any Graph
// request, with a probability drawn up to its ceiling.
func randomFaults(plan *rand.Rand) []emulator.Fault {
	p := func(ceiling float64) float64 { return 0.001 + plan.Float64()*ceiling }
	ms := func(lo, hi int) time.Duration { return time.Duration(lo+plan.IntN(hi-lo)) * time.Millisecond }
	throttles := []emulator.ErrorBody{
		{Code: 4, Message: "(#4) Application request limit reached"},
		{Code: 17, Message: "(#17) User request limit reached"},
		{Code: 32, Message: "(#32) Page request limit reached"},
		{Code: 613, Message: "(#613) Calls to this api have exceeded the rate limit."},
		{Code: 80002, Message: "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again."},
	}
	throttle := throttles[plan.IntN(len(throttles))]
	return []emulator.Fault{
		{Probability: p(0.05), Status: []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}[plan.IntN(3)]},
		{Probability: p(0.03), Error: &emulator.ErrorBody{Code: 2, IsTransient: true, Message: "(#2) Service temporarily unavailable"}},
		{Probability: p(0.03), Error: &throttle},
		{Probability: p(0.03), DropBeforeCommit: true},
		{Probability: p(0.04), DropAfterCommit: true},
		{Probability: p(0.08), Latency: ms(100, 800)},
		{Probability: p(0.04), HoldAfterCommit: ms(100, 800)},
	}
}

func chaosTable(results []seedResult) string {
	faults, interruptions := map[string]int{}, map[string]int{}
	var runs []int
	var failed []int64
	violations := 0
	for _, r := range results {
		for k, n := range r.faults {
			faults[k] += n
		}
		for k, n := range r.interruptions {
			interruptions[k] += n
		}
		runs = append(runs, r.converge)
		violations += len(r.violations)
		if len(r.violations) > 0 {
			failed = append(failed, r.seed)
		}
	}
	slices.Sort(runs)
	slices.Sort(failed)
	var b strings.Builder
	row := func(k, v string) { fmt.Fprintf(&b, "| %-52s | %-12s |\n", k, v) }
	row("chaos", "")
	fmt.Fprintf(&b, "|%s|%s|\n", strings.Repeat("-", 54), strings.Repeat("-", 14))
	row("seeds run", strconv.Itoa(len(results)))
	for _, k := range slices.Sorted(maps.Keys(faults)) {
		row("faults injected: "+k, strconv.Itoa(faults[k]))
	}
	for _, k := range slices.Sorted(maps.Keys(interruptions)) {
		row("interruptions: "+k, strconv.Itoa(interruptions[k]))
	}
	if len(runs) > 0 {
		row("applies to converge (min/median/max)", fmt.Sprintf("%d / %d / %d", runs[0], runs[len(runs)/2], runs[len(runs)-1]))
	}
	row("violations", strconv.Itoa(violations))
	if len(failed) > 0 {
		row("failed seeds (CHAOS_SEED=… make chaos)", fmt.Sprint(failed))
	}
	return b.String()
}
