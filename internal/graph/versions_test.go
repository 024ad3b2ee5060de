package graph

import (
	"testing"
	"time"
)

func TestRetired(t *testing.T) {
	today := day(2026, 12, 6)
	for _, tc := range []struct {
		v       string
		at      time.Time
		retired bool
		since   time.Time
	}{
		{"v27.0", today, false, time.Time{}},
		{DefaultAPIVersion, today, false, time.Time{}},
		{"v25.0", today, false, day(2028, 7, 29)},
		{"v21.0", today, false, day(2027, 1, 21)},
		{"v21.0", day(2027, 1, 21), true, day(2027, 1, 21)},
		{"v20.0", today, true, day(2026, 9, 24)},
		{"v20.0", day(2026, 9, 23), false, day(2026, 9, 24)},
		{"v13.0", today, true, day(2024, 5, 28)},
		{"v12.0", today, true, time.Time{}}, // older than the table
		{"v2.12", today, true, time.Time{}},
		{"v28.0", today, false, time.Time{}}, // newer than the table
	} {
		retired, since := Retired(tc.v, tc.at)
		if retired != tc.retired || !since.Equal(tc.since) {
			t.Errorf("Retired(%s, %s) = %v, %s; want %v, %s", tc.v, tc.at.Format(time.DateOnly), retired, since, tc.retired, tc.since)
		}
	}
	for i, v := range Versions {
		if ValidateAPIVersion(v.Name) != nil || i > 0 && versionMajor(v.Name) != versionMajor(Versions[i-1].Name)-1 {
			t.Errorf("Versions[%d] = %s: not vNN.0 newest first without gaps", i, v.Name)
		}
	}
	if retired, _ := Retired(DefaultAPIVersion, time.Now()); retired {
		t.Errorf("the default %s is retired", DefaultAPIVersion)
	}
}
