package common

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// An account_id that names no Instagram account the token can act for (a
// typo, another user's account, a Page id) would otherwise fail later with
// whatever the first call meets, in words about that call. CheckAccount
// names the cause, on account_id, before anything else is sent.

// accountChecks caches CheckAccount per account for the run.
type accountChecks struct {
	mu     sync.Mutex
	checks map[string]*accountCheck
}

type accountCheck struct {
	mu      sync.Mutex // held while the account is being checked
	done    bool
	problem string // why the account is unreachable; "" when it is reachable
}

// check is the account's entry, created on first use.
func (c *accountChecks) check(account string) *accountCheck {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.checks == nil {
		c.checks = map[string]*accountCheck{}
	}
	e := c.checks[account]
	if e == nil {
		e = &accountCheck{}
		c.checks[account] = e
	}
	return e
}

// reachable records an account known to be reachable (the one discovered
// from the token), so that checking it costs nothing.
func (c *accountChecks) reachable(account string) {
	e := c.check(account)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done, e.problem = true, ""
}

// CheckAccount reports, as an error on attr (account_id), an Instagram
// account the token cannot act for: "No Instagram account 1784… is reachable
// with this token", or "… is the id of a Facebook Page, not of an Instagram
// account", with the accounts the token does reach. It returns false when it
// reported one.
//
// It costs one GET /{account}?fields=id,media_count per account and provider
// process (a plan over many resources of one account pays once; concurrent
// callers wait for the first), and nothing for the account the provider
// discovered from the token. Errors that say nothing about the account (an
// invalid token, throttling, a network failure, a stop) are not reported, and
// not remembered: the caller's own request meets them and reports them as
// usual.
//
// Types that act through account_id call it through ReachableAccount (and
// DecodeWithAccount); instagram_media calls it from ModifyPlan, where its
// plan reads the account anyway, and from Create before the duplicate check.
func (d *ProviderData) CheckAccount(ctx context.Context, account string, attr path.Path, diags *diag.Diagnostics) bool {
	e := d.accountChecks.check(account)
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.done {
		e.problem, e.done = d.checkAccount(ctx, account)
	}
	if e.problem != "" {
		AddError(diags, attr, "Unknown Instagram account", e.problem)
		return false
	}
	return true
}

// checkAccount reads the account: problem is why it is unreachable ("" when
// it is reachable), conclusive false when the answer says nothing either way.
func (d *ProviderData) checkAccount(ctx context.Context, account string) (problem string, conclusive bool) {
	_, _, err := d.Client.Users.Get(ctx, account, []string{"id", "media_count"})
	var gerr *graph.Error
	switch {
	case err == nil:
		return "", true
	case !errors.As(err, &gerr):
		return "", false
	}
	if node, ok := graph.WrongNodeType(err); ok {
		problem = fmt.Sprintf("%s is the id of %s, not of an Instagram account.", account, nodeTypeName(node))
	} else if graph.IsNotFound(err) {
		problem = fmt.Sprintf("No Instagram account %s is reachable with this token.", account)
	} else {
		return "", false
	}
	problem += " account_id (here, or in the provider block) must be the id of an Instagram professional account " +
		"the token can act for: with Facebook login, an account linked to a Facebook Page the token's user manages; " +
		"with Instagram login, the token's own account."
	if found, err := d.reachableAccounts(ctx); err == nil && len(found) > 0 {
		problem += " This token reaches:\n" + listAccounts(found)
	}
	return problem + "\n\n" + metaDetails(gerr), true
}

// nodeTypeName says what a Graph node type is, for a user.
func nodeTypeName(node string) string {
	switch node {
	case "Page":
		return "a Facebook Page"
	case "User":
		return "a Facebook user"
	case "IGMedia", "ShadowIGMedia":
		return "an Instagram post"
	case "IGComment", "ShadowIGComment":
		return "an Instagram comment"
	}
	return "a Graph object of type " + node
}

// ReachableAccount is ResolveAccount followed by CheckAccount: the account to
// act on, and false (with an error on account_id) when it cannot be
// determined or the token cannot reach it.
func (d *ProviderData) ReachableAccount(ctx context.Context, configured types.String, diags *diag.Diagnostics) (string, bool) {
	account, ok := d.ResolveAccount(ctx, configured, diags)
	if !ok || !d.CheckAccount(ctx, account, path.Root("account_id"), diags) {
		return "", false
	}
	return account, true
}
