package common

import (
	"testing"
	"time"
)

func TestRollingBudget(t *testing.T) {
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	d := NewProviderData(ProviderDataOptions{Now: func() time.Time { return now }})
	b := d.Budget("collaboration_invites", "1", 2, 24*time.Hour)
	if b != d.Budget("collaboration_invites", "1", 2, 24*time.Hour) || b == d.Budget("collaboration_invites", "2", 2, 24*time.Hour) {
		t.Fatal("one budget per kind and account")
	}
	for range 2 {
		if ok, _ := b.Take(); !ok {
			t.Fatal("refused within the limit")
		}
		now = now.Add(time.Hour)
	}
	ok, next := b.Take()
	if ok || !next.Equal(time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)) || b.Limit() != 2 {
		t.Fatalf("third: %v, next free %v", ok, next)
	}
	now = next
	if ok, _ := b.Take(); !ok {
		t.Fatal("the oldest left the window: one more is allowed")
	}
}
