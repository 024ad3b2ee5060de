package common

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// PlanQuota tallies, per account, how many posts one plan publishes against
// the publishing quota left. The quota is read once per account and provider
// process (one plan walk), not once per resource. ProviderData owns it.
type PlanQuota struct {
	data     *ProviderData
	mu       sync.Mutex
	accounts map[string]*accountQuota
}

type accountQuota struct {
	read      bool
	remaining int // -1 when the quota could not be read
	total     int
	planned   int
}

func newPlanQuota(d *ProviderData) *PlanQuota {
	return &PlanQuota{data: d, accounts: map[string]*accountQuota{}}
}

// NotePublish records one more post this plan publishes for the account,
// and warns once the plan publishes more than the quota has left.
func (t *PlanQuota) NotePublish(ctx context.Context, account string, diags *diag.Diagnostics) {
	if account == "" {
		return // not known until apply (set from another resource)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	q := t.accounts[account]
	if q == nil {
		q = &accountQuota{remaining: -1}
		t.accounts[account] = q
	}
	if !q.read {
		q.read = true
		limit, _, err := t.data.Client.Media.PublishingLimit(ctx, account)
		if err != nil {
			tflog.Warn(ctx, "cannot read content_publishing_limit at plan time", map[string]any{"error": err.Error()})
		} else if limit.Config.QuotaTotal > 0 {
			q.total = limit.Config.QuotaTotal
			q.remaining = limit.Remaining()
		}
	}
	q.planned++
	if q.remaining >= 0 && q.planned > q.remaining {
		diags.AddWarning("This plan publishes more posts than the publishing quota allows",
			fmt.Sprintf("This plan publishes at least %d posts to account %s, but only %d of its %d posts per 24 hours are left. "+
				"The apply will fail for the posts beyond the quota (nothing is published for them); apply the rest once "+
				"slots free up, or split the change.", q.planned, account, q.remaining, q.total))
	}
}
