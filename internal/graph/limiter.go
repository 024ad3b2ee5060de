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
// Two rules, deliberately simple:
//
//  1. Block: when Meta throttles, or reports a budget at 100% with an
//     estimated_time_to_regain_access, nobody sends until then; calling
//     during a block only extends it.
//  2. Pace: above slowDownPercent of any reported budget, requests are spaced
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

	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

const (
	slowDownPercent = 80
	maxPace         = 5 * time.Second
)

// NewLimiter returns a Limiter with no known usage.
func NewLimiter() *Limiter {
	return &Limiter{now: time.Now, sleep: sleepCtx}
}

// Wait blocks until a request may be sent. If that would take longer than
// maxWait (when maxWait > 0) it returns a *RateLimitError at once, without
// waiting.
func (l *Limiter) Wait(ctx context.Context, maxWait time.Duration) error {
	l.mu.Lock()
	now := l.now()
	var wait time.Duration
	budget, blockErr := "pacing", (*Error)(nil)
	var interval time.Duration
	var slot time.Time
	switch {
	case l.blockedUntil.After(now):
		// Everyone waits for the block to end; the first answers after it
		// tell the usage again.
		wait = l.blockedUntil.Sub(now)
		budget, blockErr = l.budget, l.blockErr
	case !l.blockedUntil.IsZero():
		// The block is over: the budget has room again, usage is unknown.
		l.blockedUntil, l.percent, l.nextSlot = time.Time{}, 0, time.Time{}
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
	if maxWait > 0 && wait > maxWait {
		err := &RateLimitError{Budget: budget, Wait: wait, Err: blockErr}
		l.mu.Unlock()
		return err
	}
	if interval > 0 {
		l.nextSlot = slot.Add(interval)
	}
	l.mu.Unlock()
	return l.sleep(ctx, wait)
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
	var ge *Error
	throttled := errors.As(err, &ge) && isThrottle(ge)
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
