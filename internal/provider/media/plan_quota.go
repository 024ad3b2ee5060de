package media

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// planQuotas tracks, per configured provider (one per plan or apply walk) and
// account, how many posts the plan publishes against the quota left. The
// quota is read once per account and walk, not once per resource.
var planQuotas sync.Map // *common.ProviderData → *quotaTracker

type quotaTracker struct {
	mu       sync.Mutex
	accounts map[string]*accountQuota
}

type accountQuota struct {
	read      bool
	remaining int // -1 when the quota could not be read
	total     int
	planned   int
}

// notePlannedPublish records one more post this plan will publish for the
// account, and warns once the plan publishes more than the quota has left.
func notePlannedPublish(ctx context.Context, data *common.ProviderData, account string, diags *diag.Diagnostics) {
	if account == "" {
		return // not known until apply (set from another resource)
	}
	v, _ := planQuotas.LoadOrStore(data, &quotaTracker{accounts: map[string]*accountQuota{}})
	t := v.(*quotaTracker) //nolint:forcetypeassert // only quotaTrackers are stored

	t.mu.Lock()
	defer t.mu.Unlock()
	q := t.accounts[account]
	if q == nil {
		q = &accountQuota{remaining: -1}
		t.accounts[account] = q
	}
	if !q.read {
		q.read = true
		limit, _, err := data.Client.Media.PublishingLimit(ctx, account)
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
