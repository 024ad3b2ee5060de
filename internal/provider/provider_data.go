package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client       *graph.Client
	settings     settings
	pollInterval time.Duration
	now          func() time.Time

	mu             sync.Mutex
	defaultAccount string // discovered once per process, on first use
}

func newProviderData(client *graph.Client, s settings, pollInterval time.Duration, now func() time.Time) *providerData {
	return &providerData{client: client, settings: s, pollInterval: pollInterval, now: now, defaultAccount: s.AccountID}
}

func (d *providerData) login() string { return d.settings.Login }

// configureData extracts *providerData in a resource's or data source's
// Configure. It is nil before the provider is configured (e.g. ValidateConfig),
// which callers must tolerate.
func configureData(data any, diags *diag.Diagnostics) *providerData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *providerData, got %T; this is a bug in the provider", data))
		return nil
	}
	return pd
}

// accountID returns the Instagram user id to act on: the resource's own
// account_id when set, else the provider default, discovered from the token
// when the provider has none. Discovery costs one call per process.
func (d *providerData) accountID(ctx context.Context, override string, attr path.Path) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	if override != "" {
		return override, diags
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.defaultAccount != "" {
		return d.defaultAccount, diags
	}
	id, err := d.discoverAccount(ctx)
	if err != nil {
		diags.AddAttributeError(attr, "Cannot determine the Instagram account", err.Error())
		return "", diags
	}
	d.defaultAccount = id
	return id, diags
}

func (d *providerData) discoverAccount(ctx context.Context) (string, error) {
	if d.login() == LoginInstagram {
		me, _, err := d.client.Users.Me(ctx, []string{"user_id", "username"})
		if err != nil {
			return "", fmt.Errorf("reading /me with the Instagram User token failed: %s", describeError(err))
		}
		if me.UserID != "" {
			return me.UserID, nil
		}
		return me.ID, nil
	}

	type candidate struct{ id, username, page string }
	var found []candidate
	for page, err := range d.client.Pages.ListAccounts(ctx) {
		if err != nil {
			return "", fmt.Errorf("listing the Facebook Pages of the token (/me/accounts) failed: %s", describeError(err))
		}
		if page.InstagramBusinessAccount != nil && page.InstagramBusinessAccount.ID != "" {
			found = append(found, candidate{page.InstagramBusinessAccount.ID, page.InstagramBusinessAccount.Username, page.Name})
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("the token reaches no Facebook Page with a linked Instagram professional account. " +
			"Link the Instagram account to a Page the token's user can manage, or set account_id")
	case 1:
		return found[0].id, nil
	}
	lines := make([]string, 0, len(found))
	for _, c := range found {
		lines = append(lines, fmt.Sprintf("  - %s (@%s, Page %q)", c.id, c.username, c.page))
	}
	sort.Strings(lines)
	return "", fmt.Errorf("the token reaches %d Instagram accounts; set account_id in the provider or on the resource to one of:\n%s",
		len(found), strings.Join(lines, "\n"))
}
