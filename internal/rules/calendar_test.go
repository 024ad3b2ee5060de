package rules

import (
	"reflect"
	"testing"
	"time"
)

func TestOverQuota(t *testing.T) {
	at := func(h float64) time.Time {
		return time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC).Add(time.Duration(h * float64(time.Hour)))
	}
	for _, tc := range []struct {
		name  string
		hours []float64
		quota int
		want  [][]int // each window's posts
	}{
		{"within quota", []float64{0, 1, 2}, 3, nil},
		{"one over", []float64{0, 1, 2, 3}, 3, [][]int{{0, 1, 2, 3}}},
		{"exactly 24 hours apart do not share a window", []float64{0, 1, 2, 24}, 3, nil},
		{"just under 24 hours apart do", []float64{0, 1, 2, 23.99}, 3, [][]int{{0, 1, 2, 3}}},
		{"unsorted input keeps its indexes", []float64{3, 0, 2, 1}, 3, [][]int{{1, 3, 2, 0}}},
		{"a growing window is reported once", []float64{0, 1, 2, 3, 4}, 2, [][]int{{0, 1, 2, 3, 4}}},
		{"two separate days", []float64{0, 1, 48, 49}, 1, [][]int{{0, 1}, {2, 3}}},
		{"a moving window", []float64{0, 20, 30, 40}, 2, [][]int{{1, 2, 3}}},
		{"no limit", []float64{0, 0, 0}, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			times := make([]time.Time, len(tc.hours))
			for i, h := range tc.hours {
				times[i] = at(h)
			}
			var got [][]int
			for _, w := range OverQuota(times, tc.quota) {
				got = append(got, w.Posts)
				if !w.Start.Equal(times[w.Posts[0]]) || !w.End.Equal(times[w.Posts[len(w.Posts)-1]]) {
					t.Errorf("window %v–%v does not span its posts %v", w.Start, w.End, w.Posts)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("OverQuota = %v, want %v", got, tc.want)
			}
		})
	}
}
