package graph

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func newTestLimiter() (*Limiter, *fakeClock) {
	l, f := NewLimiter(), newFakeClock()
	l.now, l.sleep = f.now, f.sleep
	return l, f
}

func usageAt(percent float64, regainMinutes float64) Usage {
	return Usage{BusinessUseCase: map[string][]BUCUsage{"1": {{Type: "instagram", CallCount: percent, EstimatedTimeToRegainAccess: regainMinutes}}}}
}

func TestLimiter_freeWhenUsageLow(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(80, 0), nil)
	for range 5 {
		if err := l.Wait(context.Background(), time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if len(f.sleeps()) != 0 {
		t.Errorf("slept %v at 80%%", f.sleeps())
	}
}

func TestLimiter_pacesAboveThreshold(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(90, 0), nil) // halfway from 80% to 100% → maxPace/2 between requests
	for range 3 {
		if err := l.Wait(context.Background(), time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{maxPace / 2, maxPace / 2} // the first request goes at once
	if got := f.sleeps(); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("sleeps = %v, want %v", got, want)
	}
	// A response without headers means usage is low again.
	l.Observe(Usage{}, nil)
	if err := l.Wait(context.Background(), time.Minute); err != nil || len(f.sleeps()) != 2 {
		t.Errorf("err=%v sleeps=%v", err, f.sleeps())
	}
}

func TestLimiter_pacingSpreadsConcurrentCallers(t *testing.T) {
	// All callers arrive at the same instant: the clock does not move while
	// they sleep, so each must take a later slot.
	l, _ := newTestLimiter()
	var mu sync.Mutex
	var slept []time.Duration
	l.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		slept = append(slept, d)
		return nil
	}
	l.Observe(usageAt(100, 0), nil)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if err := l.Wait(context.Background(), time.Hour); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var total time.Duration
	for _, d := range slept {
		total += d
	}
	// Slots at 0, 5s, 10s, 15s from the same instant: 30s of waiting in all.
	if len(slept) != 4 || total != 30*time.Second {
		t.Errorf("sleeps = %v (total %v), want 0+5+10+15s", slept, total)
	}
}

func TestLimiter_blocksDuringThrottle(t *testing.T) {
	l, f := newTestLimiter()
	throttle := &Error{HTTPStatus: 400, Code: 80002}
	l.Observe(usageAt(100, 3), throttle)

	err := l.Wait(context.Background(), time.Minute)
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.Budget != "instagram business use case" || rl.Wait != 3*time.Minute || rl.Err != throttle {
		t.Fatalf("err = %v", err)
	}
	if len(f.sleeps()) != 0 {
		t.Error("waited although the wait exceeds maxWait")
	}
	if err := l.Wait(context.Background(), 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	if s := f.sleeps(); len(s) != 1 || s[0] != 3*time.Minute {
		t.Errorf("sleeps = %v, want [3m]", s)
	}
}

func TestLimiter_ignoresRegainWithoutThrottle(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(10, 3), nil) // advisory only; a successful response is not a block
	if err := l.Wait(context.Background(), time.Second); err != nil || len(f.sleeps()) != 0 {
		t.Errorf("err=%v sleeps=%v", err, f.sleeps())
	}
}

func TestLimiter_contextCanceled(t *testing.T) {
	l, _ := newTestLimiter()
	l.Observe(usageAt(100, 1), &Error{Code: 17})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.Wait(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestLimiter_blocksAtFullUsage(t *testing.T) {
	// A successful response at 100% with a regain time: the next call would
	// be throttled, so nobody sends until then.
	l, f := newTestLimiter()
	l.Observe(usageAt(100, 0.5), nil)
	if err := l.Wait(context.Background(), time.Minute); err != nil {
		t.Fatal(err)
	}
	if s := f.sleeps(); len(s) != 1 || s[0] != 30*time.Second {
		t.Errorf("sleeps = %v, want [30s]", s)
	}
}

func TestLimiter_noPacingBacklogAfterBlock(t *testing.T) {
	// Once the probe after a block has answered, the usage reported before
	// the block no longer holds: nobody inherits a queue of pacing slots.
	l, f := newTestLimiter()
	l.Observe(usageAt(100, 1), &Error{Code: 80002})
	if err := l.Wait(context.Background(), 5*time.Minute); err != nil { // the probe
		t.Fatal(err)
	}
	l.Observe(Usage{}, nil) // its answer: no usage headers, the budget has room
	for range 3 {
		if err := l.Wait(context.Background(), 5*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if s := f.sleeps(); len(s) != 1 || s[0] != time.Minute {
		t.Errorf("sleeps = %v, want [1m] then none", s)
	}
}

func TestLimiter_probesAfterABlock(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(100, 1), &Error{Code: 80002}) // blocked for a minute
	// The first caller sleeps through the block and goes as the probe.
	if err := l.Wait(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	if got := f.sleeps(); len(got) != 1 || got[0] != time.Minute {
		t.Fatalf("probe slept %v, want the 1m block", got)
	}
	// A second caller waits for the probe's answer, which arrives during
	// its first poll, and then goes.
	polls := 0
	l.sleep = func(ctx context.Context, d time.Duration) error {
		if d > 0 {
			polls++
			l.Observe(usageAt(10, 0), nil)
		}
		return f.sleep(ctx, d)
	}
	if err := l.Wait(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	if polls != 1 {
		t.Fatalf("second caller polled %d times, want 1 (until the probe answered)", polls)
	}
	// Usage is known again: nobody waits.
	l.sleep = f.sleep
	n := len(f.sleeps())
	if err := l.Wait(context.Background(), time.Hour); err != nil || len(f.sleeps()) != n {
		t.Fatalf("err=%v, extra sleeps %v", err, f.sleeps()[n:])
	}
}

func TestLimiter_lostProbeDoesNotStrandOthers(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(100, 1), &Error{Code: 80002})
	if err := l.Wait(context.Background(), time.Hour); err != nil { // the probe; its answer never comes
		t.Fatal(err)
	}
	before := f.now()
	if err := l.Wait(context.Background(), time.Hour); err != nil {
		t.Fatal(err)
	}
	if waited := f.now().Sub(before); waited != probeTimeout {
		t.Fatalf("waited %v for a lost probe, want %v", waited, probeTimeout)
	}
}

// A not-found that arrives with a budget at 100% blocks, but the refusal that
// follows must not look like "not found": the provider would drop resources.
func TestLimiter_blockErrorIsOnlyAThrottle(t *testing.T) {
	l, _ := newTestLimiter()
	l.Observe(usageAt(100, 10), &Error{Code: 100, Subcode: 33})
	err := l.Wait(context.Background(), time.Minute)
	var rl *RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err = %v, want a refusal during the block", err)
	}
	if IsNotFound(err) || rl.Err != nil {
		t.Fatalf("the refusal carries the unrelated not-found: %+v", rl)
	}
}

// "Never wait for a throttle" (maxWait 0) still lets pacing space requests.
func TestLimiter_zeroMaxWaitStillPaces(t *testing.T) {
	l, f := newTestLimiter()
	l.Observe(usageAt(90, 0), nil)
	for range 2 {
		if err := l.Wait(context.Background(), 0); err != nil {
			t.Fatalf("pacing refused with maxWait 0: %v", err)
		}
	}
	if len(f.sleeps()) != 1 {
		t.Fatalf("sleeps = %v, want one pacing gap", f.sleeps())
	}
}
