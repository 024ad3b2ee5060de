package preview

import (
	"slices"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// Calendar is when the plan's posts go out, day by day, against the
// publishing quota of every moving 24 hours. It is built when at least one
// post is scheduled.
type Calendar struct {
	Days []Day
	// Quota is the posts allowed per 24 hours; QuotaSource where it comes
	// from (a data source's address, "--quota" or "assumed").
	Quota       int
	QuotaSource string
	// Zone is the offset the days are counted in (the first scheduled
	// post's own).
	Zone string
	// Over are the moving 24 hours in which more posts go out than Quota
	// allows.
	Over []QuotaWindow
	// Unplaced are the scheduled posts whose time the plan does not show
	// (publish_at sensitive or known after apply): not on a day, not
	// counted against the quota.
	Unplaced []Entry
}

// Day is one calendar day with its posts, in time order.
type Day struct {
	Date    string
	Entries []Entry
}

// Entry is one post going out.
type Entry struct {
	Time    string
	Address string
	Type    string
	// InWindow is how many posts go out in the 24 hours up to and including
	// this one (the account's already published posts included).
	InWindow int
	Over     bool
}

// QuotaWindow is a moving 24 hours over the quota.
type QuotaWindow struct {
	From, To  string
	Count     int
	Addresses []string
	// Published are the account's posts already out in the window.
	Published int
}

func buildCalendar(cards []*Card, existing []Existing, now time.Time, quota int, source string) *Calendar {
	type out struct {
		at   time.Time
		card *Card // nil for an already published post
	}
	var posts []out
	var unplaced []Entry
	scheduled := false
	var zone *time.Location
	for _, c := range cards {
		if c.Kind != typeMedia || (c.Verb != VerbPublish && c.Verb != VerbSchedule && c.Verb != VerbReplace) {
			continue
		}
		at := c.When
		if c.Verb == VerbSchedule {
			if zone == nil && !at.IsZero() {
				zone = at.Location()
			}
			scheduled = true
		} else {
			at = now
		}
		if at.IsZero() {
			unplaced = append(unplaced, Entry{Time: c.WhenText, Address: c.Address, Type: postType(c)})
		} else {
			posts = append(posts, out{at: at, card: c})
		}
	}
	if !scheduled {
		return nil
	}
	for _, e := range existing {
		if !e.Time.IsZero() && !now.IsZero() && e.Time.After(now.Add(-rules.QuotaWindow)) && !e.Time.After(now) {
			posts = append(posts, out{at: e.Time})
		}
	}
	slices.SortStableFunc(posts, func(a, b out) int { return a.at.Compare(b.at) })
	if zone == nil {
		zone = time.UTC
	}
	cal := &Calendar{Quota: quota, QuotaSource: source, Zone: "UTC", Unplaced: unplaced}
	if len(posts) > 0 {
		cal.Zone = zoneName(posts[0].at.In(zone))
	}
	times := make([]time.Time, len(posts))
	for i, p := range posts {
		times[i] = p.at
	}
	first := 0 // the oldest post within rules.QuotaWindow of post i
	for i, p := range posts {
		for !times[first].After(p.at.Add(-rules.QuotaWindow)) {
			first++
		}
		if p.card == nil {
			continue
		}
		in := i - first + 1
		local := p.at.In(zone)
		date := local.Format("Mon 2 Jan 2006")
		if n := len(cal.Days); n == 0 || cal.Days[n-1].Date != date {
			cal.Days = append(cal.Days, Day{Date: date})
		}
		day := &cal.Days[len(cal.Days)-1]
		day.Entries = append(day.Entries, Entry{Time: local.Format("15:04"), Address: p.card.Address, Type: postType(p.card), InWindow: in, Over: in > quota})
	}
	for _, w := range rules.OverQuota(times, quota) {
		qw := QuotaWindow{From: formatTime(w.Start.In(zone)), To: formatTime(w.End.In(zone)), Count: len(w.Posts)}
		for _, i := range w.Posts {
			if posts[i].card == nil {
				qw.Published++
			} else {
				qw.Addresses = append(qw.Addresses, posts[i].card.Address)
			}
		}
		cal.Over = append(cal.Over, qw)
	}
	return cal
}

func zoneName(t time.Time) string {
	if _, off := t.Zone(); off == 0 {
		return "UTC"
	}
	return "UTC" + t.Format("-07:00")
}

func postType(c *Card) string {
	if c.Post != nil {
		return c.Post.Type
	}
	return ""
}
