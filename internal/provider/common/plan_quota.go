package common

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// PlanQuota is one plan's publishing calendar, per account: the posts the
// plan publishes now and the scheduled posts (publish_at) with their times,
// checked against the account's publishing quota — quota_total posts in any
// moving 24 hours, quota_usage of them used by the last 24 hours
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
// A plan that would publish more than the quota allows in some 24 hours,
// now or in the scheduled future, warns once per such window, naming it and
// its posts, before anything is published.
//
// The quota is read once per account and provider process (one plan walk),
// and only once the plan publishes or schedules something new for the
// account: a plan in which every scheduled post is unchanged costs no call.
// ProviderData owns it.
type PlanQuota struct {
	data     *ProviderData
	mu       sync.Mutex
	accounts map[string]*accountCalendar
}

// PlannedPost is a post of the calendar.
type PlannedPost struct {
	// At is when it goes out: now, or its publish_at.
	At time.Time
	// Label names it in a warning, e.g. its caption's first words.
	Label string
	// Changes: the plan publishes it now, or adds or changes it as a
	// scheduled post. Only then is the calendar checked.
	Changes bool
}

type accountCalendar struct {
	read   bool // the quota was read (or could not be)
	total  int  // quota_total; 0 when unknown
	usage  int  // quota_usage when read
	readAt time.Time
	posts  []PlannedPost
	warned map[time.Time]bool // windows warned about, by their start
}

func newPlanQuota(d *ProviderData) *PlanQuota {
	return &PlanQuota{data: d, accounts: map[string]*accountCalendar{}}
}

// Note adds a post to the account's calendar and warns when a 24-hour
// window of the calendar now holds more posts than the quota allows.
func (t *PlanQuota) Note(ctx context.Context, account string, post PlannedPost, diags *diag.Diagnostics) {
	if account == "" {
		return // not known until apply (set from another resource)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.accounts[account]
	if c == nil {
		c = &accountCalendar{warned: map[time.Time]bool{}}
		t.accounts[account] = c
	}
	c.posts = append(c.posts, post)
	if post.Changes && !c.read {
		c.read, c.readAt = true, t.data.Now()
		limit, _, err := t.data.Client.Media.PublishingLimit(ctx, account)
		if err != nil {
			tflog.Warn(ctx, "cannot read content_publishing_limit at plan time", map[string]any{"error": err.Error()})
		} else {
			c.total, c.usage = limit.Config.QuotaTotal, limit.QuotaUsage
		}
	}
	if !c.read || c.total <= 0 {
		return
	}
	for _, w := range c.overQuota() {
		if !c.warned[w.Start] {
			c.warned[w.Start] = true
			diags.AddWarning("The posts of this plan exceed the publishing quota", c.describe(account, w))
		}
	}
}

// overQuota finds the windows of the calendar beyond the quota. The posts
// that used the quota by the time it was read count as published then.
func (c *accountCalendar) overQuota() []rules.Window {
	times := make([]time.Time, 0, c.usage+len(c.posts))
	for range c.usage {
		times = append(times, c.readAt)
	}
	for _, p := range c.posts {
		times = append(times, p.At)
	}
	return rules.OverQuota(times, c.total)
}

// describe names a window beyond the quota and its posts.
func (c *accountCalendar) describe(account string, w rules.Window) string {
	var posts []string
	used := 0
	for _, i := range w.Posts {
		if i < c.usage {
			used++
			continue
		}
		p := c.posts[i-c.usage]
		posts = append(posts, "  - "+p.At.Format(time.RFC3339)+": "+p.Label)
	}
	slices.Sort(posts)
	msg := fmt.Sprintf("Account %s may publish %d posts in any 24 hours. Between %s and %s, %d would go out",
		account, c.total, w.Start.Format(time.RFC3339), w.End.Format(time.RFC3339), len(w.Posts))
	if used > 0 {
		msg += fmt.Sprintf(" (%d of them already published in the last 24 hours)", used)
	}
	return msg + ":\n" + strings.Join(posts, "\n") + "\n\nEach post beyond the quota fails when its time comes and nothing is " +
		"published for it (a scheduled post stays scheduled and is published by a later run within its publish_window, once " +
		"a slot frees up). Spread the posts out with publish_at, or split the change."
}
