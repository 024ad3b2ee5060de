package emulator

import (
	"fmt"
	"time"
)

// versionExpiry lists the Graph versions from v18.0 and when they stop
// working, as Meta's changelog listed them on 2026-10-29
// (https://developers.facebook.com/docs/graph-api/changelog/versions); a
// zero end is Meta's "TBD". Calls to an expired version are served by the
// oldest available one, and facebook-api-version says which.
var versionExpiry = []struct {
	v   string
	end time.Time
}{
	{"v18.0", time.Date(2026, 1, 26, 0, 0, 0, 0, time.UTC)},
	{"v19.0", time.Date(2026, 5, 21, 0, 0, 0, 0, time.UTC)},
	{"v20.0", time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC)},
	{"v21.0", time.Date(2027, 1, 21, 0, 0, 0, 0, time.UTC)},
	{"v22.0", time.Date(2027, 5, 20, 0, 0, 0, 0, time.UTC)},
	{"v23.0", time.Date(2027, 10, 8, 0, 0, 0, 0, time.UTC)},
	{"v24.0", time.Date(2028, 2, 18, 0, 0, 0, 0, time.UTC)},
	{"v25.0", time.Date(2028, 7, 29, 0, 0, 0, 0, time.UTC)},
	{"v26.0", time.Time{}},
	{"v27.0", time.Time{}},
}

// effectiveVersion is the version that serves a request for v.
func (s *Server) effectiveVersion(v string) string {
	now := s.now()
	var major, minor int
	if _, err := fmt.Sscanf(v, "v%d.%d", &major, &minor); err != nil {
		return v
	}
	if major >= 18 {
		// Versions older than v18 are certainly expired; v18+ per the table.
		for _, e := range versionExpiry {
			if e.v == v && !live(e.end, now) {
				return s.oldestLiveVersion(now)
			}
		}
		return v
	}
	return s.oldestLiveVersion(now)
}

func (s *Server) oldestLiveVersion(now time.Time) string {
	for _, e := range versionExpiry {
		if live(e.end, now) {
			return e.v
		}
	}
	return DefaultAPIVersion
}

func live(end, now time.Time) bool { return end.IsZero() || now.Before(end) }
