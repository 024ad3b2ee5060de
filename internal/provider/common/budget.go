package common

import (
	"sync"
	"time"
)

// RollingBudget counts the writes of one kind this process sends for one
// account against a limit per rolling window, such as Meta's 50 answers to
// collaboration invites a day (workflow.Budget). Only this process's writes
// are counted: others' are not visible, and Meta's own refusal still
// applies to them.
type RollingBudget struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	sent []time.Time
}

// Take reserves one write, or reports when the oldest leaves the window.
func (b *RollingBudget) Take() (bool, time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	kept := b.sent[:0]
	for _, t := range b.sent {
		if now.Sub(t) < b.window {
			kept = append(kept, t)
		}
	}
	b.sent = kept
	if len(b.sent) >= b.limit {
		return false, b.sent[0].Add(b.window)
	}
	b.sent = append(b.sent, now)
	return true, time.Time{}
}

// Limit is the writes allowed per window.
func (b *RollingBudget) Limit() int { return b.limit }

// Budget returns the process's budget of kind for an account, limit writes
// per window, created on first use.
func (d *ProviderData) Budget(kind, account string, limit int, window time.Duration) *RollingBudget {
	d.budgetsMu.Lock()
	defer d.budgetsMu.Unlock()
	key := kind + "/" + account
	b := d.budgets[key]
	if b == nil {
		b = &RollingBudget{limit: limit, window: window, now: d.Now}
		d.budgets[key] = b
	}
	return b
}
