// Package common holds what every resource and data source of the provider
// shares: the configured provider data, Graph-error diagnostics, and the
// validators and value helpers used across areas.
package common

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// Login flavours of the Instagram Platform. They decide the host, the token
// kind and which features exist (media delete, hashtags and business
// discovery are Facebook-login only).
const (
	LoginFacebook  = "facebook"
	LoginInstagram = "instagram"
)

// ProviderData is what the provider's Configure hands to every resource and
// data source. It lives as long as the provider process (one plan, apply or
// query walk), and it owns everything that lives that long: the clients, the
// default account once discovered, the coalescing media readers, the hashtag
// cache and the plan's quota tally. Nothing of that kind lives in package
// variables.
type ProviderData struct {
	// Client calls the Graph API with the user's token.
	Client *graph.Client
	// AppClient calls it with the app access token ({app-id}|{app-secret});
	// nil unless app_id and app_secret are configured (webhook subscriptions).
	AppClient *graph.Client
	// PublicClient calls graph.facebook.com (or base_url) without any token,
	// whatever the login: oEmbed, which needs none since 2026-05-15.
	PublicClient *graph.Client
	// Login is LoginFacebook or LoginInstagram.
	Login string
	// AppID is the configured Meta app id, if any.
	AppID string
	// PollInterval is the first wait between status polls (containers).
	PollInterval time.Duration
	// Logger receives the workflows' progress lines (tflog, secrets masked).
	Logger graph.Logger
	// Now is the provider's clock; tests use the emulator's.
	Now func() time.Time
	// PlanQuota tallies the posts a plan publishes against each account's
	// publishing quota (plan_quota.go).
	PlanQuota *PlanQuota
	// Files hashes local video files, each once per run (file_hashes.go).
	Files FileHashes
	// Secrets are the run's secret values, kept out of every message the
	// provider emits (secrets.go). A resource that sends a secret of its
	// own (a verify_token) adds it before sending it. May be nil in tests.
	Secrets *Secrets

	mu             sync.Mutex
	defaultAccount string // configured, or discovered once per process on first use
	discoverErr    error  // a failed discovery, not repeated by every resource of the run

	readersMu    sync.Mutex // not mu: discovery holds mu during a network call
	mediaReaders map[string]*MediaReader
	hashtags     hashtagCache

	accountedMu sync.Mutex
	accounted   map[string]bool // see AccountFor

	exclusiveMu sync.Mutex
	exclusive   map[string]*sync.Mutex // see Exclusive

	budgetsMu sync.Mutex
	budgets   map[string]*RollingBudget // see Budget

	accountChecks accountChecks // see CheckAccount
}

// ProviderDataOptions are what NewProviderData needs; zero values are the
// defaults noted on each field.
type ProviderDataOptions struct {
	Client, AppClient, PublicClient *graph.Client
	Login                           string // default LoginFacebook
	AppID                           string
	DefaultAccount                  string        // "" → discovered from the token on first use
	PollInterval                    time.Duration // default 1s
	Now                             func() time.Time
	Logger                          graph.Logger
	Secrets                         *Secrets
}

// NewProviderData builds the per-process provider data.
func NewProviderData(o ProviderDataOptions) *ProviderData {
	if o.Login == "" {
		o.Login = LoginFacebook
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	d := &ProviderData{
		Client: o.Client, AppClient: o.AppClient, PublicClient: o.PublicClient, Login: o.Login, AppID: o.AppID,
		PollInterval: o.PollInterval, Now: o.Now, Logger: o.Logger, Secrets: o.Secrets, defaultAccount: o.DefaultAccount,
		mediaReaders: map[string]*MediaReader{},
		accounted:    map[string]bool{},
		exclusive:    map[string]*sync.Mutex{},
		budgets:      map[string]*RollingBudget{},
		hashtags:     hashtagCache{entries: map[string]*hashtagEntry{}},
	}
	d.PlanQuota = newPlanQuota(d)
	return d
}

// MediaReader returns the process's coalescing reader of posts with these
// fields (one per field list, so two callers asking for different fields
// never get each other's answers).
func (d *ProviderData) MediaReader(fields []string) *MediaReader {
	key := strings.Join(fields, ",")
	d.readersMu.Lock()
	defer d.readersMu.Unlock()
	r := d.mediaReaders[key]
	if r == nil {
		r = NewMediaReader(d.Client, fields, d.Now)
		d.mediaReaders[key] = r
	}
	return r
}

// FromConfigure extracts *ProviderData in a resource's or data source's
// Configure. It is nil before the provider is configured (e.g. during
// validation), which callers must tolerate.
func FromConfigure(data any, diags *diag.Diagnostics) *ProviderData {
	if data == nil {
		return nil
	}
	pd, ok := data.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *common.ProviderData, got %T; this is a bug in the provider", data))
		return nil
	}
	return pd
}

// AccountID returns the Instagram user id to act on: the resource's own
// account_id when set, else the provider default, discovered from the token
// when the provider has none. Discovery costs one call per process.
func (d *ProviderData) AccountID(ctx context.Context, override string, attr path.Path) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	if override != "" {
		return override, diags
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.defaultAccount != "" {
		return d.defaultAccount, diags
	}
	if d.discoverErr != nil {
		AddError(&diags, attr, "Cannot determine the Instagram account", d.discoverErr.Error())
		return "", diags
	}
	id, err := d.discoverAccount(ctx)
	if err != nil {
		// The client already retried what could heal (the token reaches no
		// or several accounts, or is invalid): remember it for this run,
		// unless this caller was merely cancelled.
		if ctx.Err() == nil {
			d.discoverErr = err
		}
		AddError(&diags, attr, "Cannot determine the Instagram account", err.Error())
		return "", diags
	}
	d.defaultAccount = id
	d.accountChecks.reachable(id)
	return id, diags
}

// ResolveAccount is AccountID for a model's account_id attribute: the
// configured value, else the provider's default. ok is false when it cannot
// be determined; the diagnostics (on account_id) say why.
func (d *ProviderData) ResolveAccount(ctx context.Context, configured types.String, diags *diag.Diagnostics) (string, bool) {
	id, d2 := d.AccountID(ctx, configured.ValueString(), path.Root("account_id"))
	diags.Append(d2...)
	return id, !d2.HasError()
}

// OwnerOf is the account_id of a post read after an import: its owner as
// Meta reports it (only to the app that created the post), else the
// provider's default account.
func (d *ProviderData) OwnerOf(ctx context.Context, media *graph.Media, diags *diag.Diagnostics) types.String {
	if media.Owner != nil && media.Owner.ID != "" {
		return types.StringValue(media.Owner.ID)
	}
	id, _ := d.ResolveAccount(ctx, types.StringNull(), diags)
	return types.StringValue(id)
}

func (d *ProviderData) discoverAccount(ctx context.Context) (string, error) {
	found, err := d.reachableAccounts(ctx)
	switch {
	case err != nil:
		return "", err
	case len(found) == 1:
		return found[0].id, nil
	case len(found) == 0:
		return "", fmt.Errorf("the token reaches no Facebook Page with a linked Instagram professional account. " +
			"Link the Instagram account to a Page the token's user can manage, or set account_id")
	}
	return "", fmt.Errorf("the token reaches %d Instagram accounts; set account_id in the provider or on the resource to one of:\n%s",
		len(found), listAccounts(found))
}

// reachableAccount is an Instagram account the token can act for.
type reachableAccount struct{ id, username, page string }

// reachableAccounts lists the Instagram accounts the token can act for: with
// Instagram login its own (/me), with Facebook login those linked to the
// Facebook Pages its user manages (/me/accounts).
func (d *ProviderData) reachableAccounts(ctx context.Context) ([]reachableAccount, error) {
	if d.Login == LoginInstagram {
		me, _, err := d.Client.Users.Me(ctx, []string{"user_id", "username"})
		if err != nil {
			return nil, fmt.Errorf("reading /me with the Instagram User token failed: %s", DescribeError(err))
		}
		if me.UserID != "" {
			return []reachableAccount{{id: me.UserID, username: me.Username}}, nil
		}
		return []reachableAccount{{id: me.ID, username: me.Username}}, nil
	}
	var found []reachableAccount
	for page, err := range d.Client.Pages.ListAccounts(ctx) {
		if err != nil {
			return nil, fmt.Errorf("listing the Facebook Pages of the token (/me/accounts) failed: %s", DescribeError(err))
		}
		if ig := page.InstagramBusinessAccount; ig != nil && ig.ID != "" {
			found = append(found, reachableAccount{ig.ID, ig.Username, page.Name})
		}
	}
	return found, nil
}

// listAccounts is one line per account, sorted.
func listAccounts(accounts []reachableAccount) string {
	lines := make([]string, 0, len(accounts))
	for _, a := range accounts {
		line := fmt.Sprintf("  - %s (@%s", a.id, a.username)
		if a.page != "" {
			line += fmt.Sprintf(", Page %q", a.page)
		}
		lines = append(lines, line+")")
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// RequireFacebookLogin reports a plan-time error, before any API call, for
// features that exist only with Facebook login.
func (d *ProviderData) RequireFacebookLogin(feature string, diags *diag.Diagnostics) bool {
	if d == nil || d.Login != LoginInstagram {
		return true
	}
	diags.AddError(feature+" needs Facebook login",
		fmt.Sprintf("%s is only available in the Instagram API with Facebook login (graph.facebook.com). This provider is "+
			"configured with Instagram login (an IG… token or login = \"instagram\"). Use a Facebook User token of someone who "+
			"manages the Page linked to the account, for example in a second provider block with an alias.", feature))
	return false
}

// AccountFor records posts and comments this provider process published,
// wrote or let go of (a post a replacement keeps): the checks against writing
// twice (instagram_media, instagram_comment) never take them for an
// interrupted run's leftovers. The record lives as long as the process, so
// it covers one apply; a plan's refresh runs in another process.
func (d *ProviderData) AccountFor(ids ...string) {
	d.accountedMu.Lock()
	defer d.accountedMu.Unlock()
	for _, id := range ids {
		d.accounted[id] = true
	}
}

// Accounted reports an id recorded by AccountFor.
func (d *ProviderData) Accounted(id string) bool {
	d.accountedMu.Lock()
	defer d.accountedMu.Unlock()
	return d.accounted[id]
}

// Exclusive waits until no other caller in this process holds key, and
// returns the function that releases it. Two writes that could be mistaken
// for each other (two identical comments) take the same key, so that
// neither takes the other's work, not yet recorded with AccountFor, for a
// leftover of an interrupted run.
func (d *ProviderData) Exclusive(key string) (release func()) {
	d.exclusiveMu.Lock()
	mu := d.exclusive[key]
	if mu == nil {
		mu = &sync.Mutex{}
		d.exclusive[key] = mu
	}
	d.exclusiveMu.Unlock()
	mu.Lock()
	return mu.Unlock
}
