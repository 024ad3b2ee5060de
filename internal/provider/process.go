package provider

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings when the user sets neither GOGC nor
// GOMEMLIMIT. A plan allocates mostly short-lived values (every RPC decodes
// and encodes whole resource objects) over a small live heap, so Go's
// default GOGC=100 collects often for little. Measured with make bench
// (BENCH_ENVS) over a plan of 2000 instagram_media: GOGC=400 uses about a
// fifth less CPU than 100 for a peak RSS of about 80 MB instead of 45 MB.
// The soft limit caps what GOGC=400 would let a large live heap grow to.
const (
	gcPercent   = 400
	memoryLimit = 512 << 20
)

// SetUpProcess makes the process-wide settings the provider serves with:
// the log levels of QuietLogEnv, unless debug (the provider's stderr is then
// the developer's terminal, not Terraform's pipe, and keeps the SDK's
// default of everything at TRACE), and the garbage collector's settings
// unless the user set GOGC or GOMEMLIMIT (which the Go runtime has already
// applied). The bench's baseline providers call it too.
func SetUpProcess(debugMode bool) error {
	if !debugMode {
		for k, v := range QuietLogEnv(os.Environ()) {
			if err := os.Setenv(k, v); err != nil {
				return err
			}
		}
	}
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(gcPercent)
	}
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(memoryLimit)
	}
	return nil
}
