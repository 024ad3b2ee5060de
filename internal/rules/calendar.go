package rules

import (
	"slices"
	"time"
)

// QuotaWindow is how long Instagram counts a post against the account's
// publishing quota: a moving 24 hours
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
const QuotaWindow = 24 * time.Hour

// Window is a stretch of QuotaWindow in which more posts go out than the
// quota allows: from the first of them (Start) to the last (End).
type Window struct {
	Start, End time.Time
	// Posts are the indexes, into the times given to OverQuota, of the posts
	// published in the window, in time order.
	Posts []int
}

// OverQuota finds the moving windows of QuotaWindow in which the posts
// published at times exceed quota. Each post in turn is the last of a
// window that reaches back QuotaWindow (Instagram's moving period, as seen
// at the moment the post goes out): where that window holds more than
// quota posts, it is reported, unless an earlier reported window already
// holds all of its posts. quota ≤ 0 means no limit.
func OverQuota(times []time.Time, quota int) []Window {
	if quota <= 0 {
		return nil
	}
	order := make([]int, len(times))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return times[a].Compare(times[b]) })

	var out []Window
	first := 0 // the oldest post within QuotaWindow of the current one
	for last := range order {
		end := times[order[last]]
		for !times[order[first]].After(end.Add(-QuotaWindow)) {
			first++
		}
		if last-first+1 <= quota {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Start.Equal(times[order[first]]) {
			out[n-1].End, out[n-1].Posts = end, append(out[n-1].Posts, order[last])
			continue // the same window, one post longer
		}
		out = append(out, Window{Start: times[order[first]], End: end, Posts: slices.Clone(order[first : last+1])})
	}
	return out
}
