package graph

import (
	"fmt"
	"strconv"
	"time"
)

// DefaultAPIVersion is the Graph API version the client sends unless told
// otherwise: v26.0 (2026-07-29), the newest version whose Instagram
// behaviour Meta's 2026 references describe. Its changelog changes nothing
// the provider uses (its removal of legacy protocol features reached every
// version on 2026-10-27). v27.0 (2026-11-04) is accepted, but Meta's
// v27.0 changelog says nothing of Instagram yet.
const DefaultAPIVersion = "v26.0"

// Version is a Graph API version and the days Meta gives it
// (https://developers.facebook.com/docs/graph-api/changelog/versions).
type Version struct {
	Name     string    // "v26.0"
	Released time.Time // zero when not recorded here
	Until    time.Time // last day it is served; zero while Meta says "TBD"
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Versions are the Graph API versions, newest first, as Meta's changelog
// listed them on 2026-10-29. Calls to a version past its date are served by
// the oldest available one, or fail, at Meta's choice.
var Versions = []Version{
	{"v27.0", day(2026, 11, 4), time.Time{}},
	{"v26.0", day(2026, 7, 29), time.Time{}},
	{"v25.0", day(2026, 2, 18), day(2028, 7, 29)},
	{"v24.0", day(2025, 10, 8), day(2028, 2, 18)},
	{"v23.0", day(2025, 5, 29), day(2027, 10, 8)},
	{"v22.0", day(2025, 1, 21), day(2027, 5, 20)},
	{"v21.0", day(2024, 10, 2), day(2027, 1, 21)},
	{"v20.0", day(2024, 5, 21), day(2026, 9, 24)},
	{"v19.0", day(2024, 1, 23), day(2026, 5, 21)},
	{"v18.0", day(2023, 9, 12), day(2026, 1, 26)},
	{"v17.0", day(2023, 5, 23), day(2025, 9, 12)},
	{"v16.0", day(2023, 2, 2), day(2025, 5, 14)},
	{"v15.0", day(2022, 9, 15), day(2024, 11, 20)},
	{"v14.0", day(2022, 5, 25), day(2024, 9, 17)},
	{"v13.0", day(2022, 2, 8), day(2024, 5, 28)},
}

// Retired reports whether Meta no longer serves version v at now, and since
// when. Versions older than the table are retired since before its oldest
// date (zero time then); versions newer than the table are not retired.
func Retired(v string, now time.Time) (bool, time.Time) {
	for _, ver := range Versions {
		if ver.Name == v {
			return !ver.Until.IsZero() && !now.Before(ver.Until), ver.Until
		}
	}
	oldest := Versions[len(Versions)-1]
	return versionMajor(v) < versionMajor(oldest.Name), time.Time{}
}

// versionMajor is NN of "vNN.N", or -1.
func versionMajor(v string) int {
	var major, minor int
	if _, err := fmt.Sscanf(v, "v%d.%d", &major, &minor); err != nil || "v"+strconv.Itoa(major)+"."+strconv.Itoa(minor) != v {
		return -1
	}
	return major
}
