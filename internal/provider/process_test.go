package provider

import (
	"os"
	"runtime/debug"
	"testing"
)

// SetUpProcess changes process-wide state; each case restores it.
func TestSetUpProcess(t *testing.T) {
	for _, tc := range []struct {
		name          string
		debug         bool
		env           map[string]string // "" = unset
		wantGCPercent int
		wantLimit     int64
		wantSDKLog    string
	}{
		{"defaults", false, nil, gcPercent, memoryLimit, "OFF"},
		{"the user's GOGC and GOMEMLIMIT", false, map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}, 123, 456, "OFF"},
		{"the user asked for logs", false, map[string]string{"TF_LOG": "DEBUG"}, gcPercent, memoryLimit, ""},
		{"debug mode", true, nil, gcPercent, memoryLimit, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"GOGC", "GOMEMLIMIT", "TF_LOG", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", providerLogEnv} {
				t.Setenv(k, "") // restored after the case
				if v, ok := tc.env[k]; ok {
					t.Setenv(k, v)
				} else if err := os.Unsetenv(k); err != nil {
					t.Fatal(err)
				}
			}
			// What the runtime took from GOGC/GOMEMLIMIT at start, as far
			// as this test can tell: SetUpProcess must leave it.
			defer debug.SetGCPercent(debug.SetGCPercent(123))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(456))

			if err := SetUpProcess(tc.debug); err != nil {
				t.Fatal(err)
			}
			if got := debug.SetGCPercent(123); got != tc.wantGCPercent {
				t.Errorf("GC percent %d, want %d", got, tc.wantGCPercent)
			}
			if got := debug.SetMemoryLimit(456); got != tc.wantLimit {
				t.Errorf("memory limit %d, want %d", got, tc.wantLimit)
			}
			if got := os.Getenv("TF_LOG_SDK"); got != tc.wantSDKLog {
				t.Errorf("TF_LOG_SDK = %q, want %q", got, tc.wantSDKLog)
			}
		})
	}
}
