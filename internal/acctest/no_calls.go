package acctest

import "testing"

// RequireNoGraphCalls fails the test if the emulator served any Graph API
// request: plan-time validation and login checks must refuse before calling.
func (e *Env) RequireNoGraphCalls(t *testing.T) {
	t.Helper()
	if n := e.Emulator.TotalCalls(); n != 0 {
		t.Fatalf("expected no Graph API calls, got %d: %v", n, e.Emulator.Calls())
	}
}
