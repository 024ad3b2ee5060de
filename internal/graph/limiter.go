package graph

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Limiter is the process-wide view of Meta's budgets, shared by every request
// of the provider (go-github style: don't send while the budget is known to
// be spent). It is safe for concurrent use.
//
// Three rules, deliberately simple:
//
//  1. Block: when Meta throttles, or reports a budget at 100% with an
//     estimated_time_to_regain_access, nobody sends until then; calling
//     during a block only extends it.
//  2. Probe: when a block ends, how much room the budget has is unknown. One
//     request goes first; the others wait for its answer (which reports the
//     usage again) instead of all rushing a budget that may be thin, for at
//     most probeTimeout in case the probe's answer never comes.
//  3. Pace: above slowDownPercent of any reported budget, requests are spaced
//     by an interval growing linearly to maxPace at 100%, so the remaining
//     budget is spread out instead of burnt in a burst.
//
// It is not keyed by account or budget: one throttle slows everything. That
// is conservative for a Terraform run, which rarely spans many accounts.
type Limiter struct {
	mu           sync.Mutex
	blockedUntil time.Time
	budget       string // budget that caused the block
	blockErr     *Error // the throttling response, for RateLimitError
	percent      int    // last reported MaxPercent
	nextSlot     time.Time
	probeUntil   time.Time // a probe is out after a block; others wait until its answer or this time

	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

const (
	slowDownPercent = 80
	maxPace         = 5 * time.Second
	probeTimeout    = 2 * time.Second
	probePoll       = 20 * time.Millisecond
)

// NewLimiter returns a Limiter with no known usage.
func NewLimiter() *Limiter {
	return &Limiter{now: time.Now, sleep: Sleep}
}

// Wait blocks until a request may be sent. If that would take longer than
// maxWait it returns a *RateLimitError at once, without waiting.
func (l *Limiter) Wait(ctx context.Context, maxWait time.Duration) error {
	for {
		wait, again, err := l.reserve(maxWait)
		if err != nil {
			return err
		}
		if err := l.sleep(ctx, wait); err != nil || !again {
			return err
		}
	}
}

// reserve decides how long the caller waits; again means "then ask again"
// (waiting for a probe's answer).
func (l *Limiter) reserve(maxWait time.Duration) (wait time.Duration, again bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	budget, blockErr := "pacing", (*Error)(nil)
	var interval time.Duration
	var slot time.Time
	switch {
	case l.blockedUntil.After(now):
		// Everyone waits for the block to end, then asks again: the first
		// to ask becomes the probe.
		wait, again = l.blockedUntil.Sub(now), true
		budget, blockErr = l.budget, l.blockErr
	case !l.blockedUntil.IsZero():
		// The block is over: this caller is the probe; the others wait for
		// its answer to tell the usage again.
		l.blockedUntil, l.percent, l.nextSlot = time.Time{}, 0, time.Time{}
		l.probeUntil = now.Add(probeTimeout)
		return 0, false, nil
	case l.probeUntil.After(now):
		return min(probePoll, l.probeUntil.Sub(now)), true, nil
	default:
		// Pacing: take the next free slot.
		if interval = l.interval(); interval > 0 {
			slot = now
			if l.nextSlot.After(slot) {
				slot = l.nextSlot
			}
			wait = slot.Sub(now)
		}
	}
	// maxWait bounds waiting for a throttle; pacing is bounded only when a
	// positive maxWait is set (0 means "never wait for a throttle", not "never pace").
	if wait > maxWait && (blockErr != nil || budget != "pacing" || maxWait > 0) {
		return 0, false, &RateLimitError{Budget: budget, Wait: wait, Err: blockErr}
	}
	if interval > 0 {
		l.nextSlot = slot.Add(interval)
	}
	return wait, again, nil
}

// interval is the pacing gap for the last reported usage (mu held).
func (l *Limiter) interval() time.Duration {
	if l.percent <= slowDownPercent {
		return 0
	}
	p := min(l.percent, 100)
	return maxPace * time.Duration(p-slowDownPercent) / time.Duration(100-slowDownPercent)
}

// Observe records the usage headers and error of a response.
func (l *Limiter) Observe(u Usage, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.probeUntil = time.Time{} // an answer: the usage below is current again
	var ge *Error
	throttled := errors.As(err, &ge) && isThrottle(ge)
	if !throttled {
		// The block's error is what RateLimitError unwraps to: never a
		// not-found or auth error that merely arrived with a full budget,
		// which callers would take for the object being gone.
		ge = nil
	}
	switch {
	case u.Reported():
		l.percent = u.MaxPercent()
	case !throttled:
		// Meta only sends usage headers once usage is significant.
		l.percent = 0
	}
	// A usage header at 100% with a regain time means the next call would be
	// throttled: stop now rather than spend (and extend) the block.
	spent := u.MaxPercent() >= 100 && u.RegainAccessIn() > 0
	if !throttled && !spent {
		return
	}
	// A throttle without headers still means the budget is spent.
	l.percent = max(l.percent, 100)
	if d, budget := u.regain(); d > 0 {
		until := l.now().Add(d)
		if until.After(l.blockedUntil) {
			l.blockedUntil, l.budget, l.blockErr = until, budget, ge
		}
	}
}
