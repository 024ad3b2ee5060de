// Package emulator is a stateful, in-memory fake of the Instagram Graph API
// (both the Facebook Login and the Instagram Login flavours). It mirrors
// Meta's wire contract as documented in graph-api-facts.md: version prefix,
// fields projection, error envelopes, container state machine, publishing
// quota, paging and usage headers. Time and ids are deterministic.
//
// The login flavour follows the token: IG… tokens behave like
// graph.instagram.com (Instagram Login), EAA… tokens like graph.facebook.com
// (Facebook Login). Every Graph request is counted under a route key that
// names the object kind instead of the id:
//
//	GET /me, GET /me/accounts, GET /{page-id}, GET /{user-id}
//	GET /{ig-user-id}, GET /{ig-user-id}/media, GET /{ig-user-id}/stories,
//	POST /{ig-user-id}/media, POST /{ig-user-id}/media_publish,
//	GET /{ig-user-id}/content_publishing_limit
//	GET /{container-id}
//	GET /{ig-media-id}, POST /{ig-media-id}, DELETE /{ig-media-id},
//	GET /{ig-media-id}/children, GET /{ig-media-id}/collaborators
//	GET /{unknown} (ids the emulator does not know), GET / (no path)
//
// Unknown edges keep their literal name (e.g. "GET /{ig-user-id}/tags").
// The control plane (ControlPrefix) is documented on serveControl.
package emulator

import (
	"net/http"
	"sync"
	"time"
)

// Seeded credentials. They are public constants: this is a fake.
const (
	DefaultAccountID             = "17841400000000001" // IG professional account (Business)
	DefaultUsername              = "emulator_brand"
	DefaultPageID                = "104000000000001" // Facebook Page linked to it
	DefaultFacebookUserID        = "10200000000000001"
	DefaultFacebookToken         = "EAAEmulatorFacebookUserToken0001"   // FBL user token → facebook-login behaviour
	DefaultInstagramToken        = "IGAAEmulatorInstagramUserToken0001" // IGL user token → instagram-login behaviour
	DefaultInstagramScopedUserID = "26000000000000001"                  // the `id` IGL /me returns (app-scoped); `user_id` = DefaultAccountID
	DefaultAppID                 = "100000000000001"
	DefaultAppSecret             = "emulator-app-secret"
	ControlPrefix                = "/_emulator"

	// DefaultAPIVersion is echoed in facebook-api-version when a request has no version prefix.
	DefaultAPIVersion = "v25.0"
)

// defaultStart is the emulator clock's origin when Options.Now is nil.
var defaultStart = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// Options configure a Server. Zero values mean the documented defaults.
type Options struct {
	Now func() time.Time // base clock; nil → a fixed start time 2026-11-01T12:00:00Z. AdvanceClock adds an offset on top.

	// Publishing quota. Docs conflict (50 vs 100 per 24 h), hence configurable; default 50.
	QuotaTotal    int
	QuotaDuration time.Duration // default 24h

	ContainerLimit int // containers per account per rolling 24 h; default 400

	// Container processing. A container answers IN_PROGRESS to this many status
	// reads before it is FINISHED (or ERROR), and stays IN_PROGRESS at least
	// ProcessingDelay on the emulator clock.
	ImageProcessingPolls int           // default 0
	VideoProcessingPolls int           // REELS, video STORIES and VIDEO carousel items; default 2; negative → 0
	ProcessingDelay      time.Duration // default 0

	MaxPageSize int // max `limit` on media lists; default 100. Uncertain in the docs: larger limits are clamped, not rejected.

	// MaxCollaborators: docs conflict (3 on the media reference, 5 on the collaborators edge); default 3.
	MaxCollaborators int

	// StoriesVanish makes stories older than 24 h unreadable (100/33) by id.
	// Uncertain whether Meta still serves expired stories by id to the owner; default false (readable).
	StoriesVanish bool

	RequireAppSecretProof bool // the app's "Require App Secret" setting

	// Usage budgets behind X-App-Usage (calls per rolling hour, app-wide) and
	// X-Business-Use-Case-Usage (calls per rolling 24 h per IG account). The real
	// budgets depend on active users / impressions; these are generous stand-ins.
	AppCallBudget     int // default 20000
	AccountCallBudget int // default 480000 (4800 × 100 impressions)

	Logf func(format string, args ...any) // optional request log (never logs tokens)
}

func (o Options) withDefaults() Options {
	if o.QuotaTotal <= 0 {
		o.QuotaTotal = 50
	}
	if o.QuotaDuration <= 0 {
		o.QuotaDuration = 24 * time.Hour
	}
	if o.ContainerLimit <= 0 {
		o.ContainerLimit = 400
	}
	if o.ImageProcessingPolls < 0 {
		o.ImageProcessingPolls = 0
	}
	if o.VideoProcessingPolls == 0 {
		o.VideoProcessingPolls = 2
	} else if o.VideoProcessingPolls < 0 {
		o.VideoProcessingPolls = 0
	}
	if o.MaxPageSize <= 0 {
		o.MaxPageSize = 100
	}
	if o.MaxCollaborators <= 0 {
		o.MaxCollaborators = 3
	}
	if o.AppCallBudget <= 0 {
		o.AppCallBudget = 20000
	}
	if o.AccountCallBudget <= 0 {
		o.AccountCallBudget = 480000
	}
	return o
}

// Server is the emulator. It is safe for concurrent use.
type Server struct {
	opts Options

	mu    sync.Mutex
	seeds []Account // accounts restored by Reset (defaults + AddAccount)
	st    *state
}

// New returns an emulator seeded with the default account.
func New(opts Options) *Server {
	s := &Server{opts: opts.withDefaults()}
	s.seeds = []Account{defaultAccount()}
	s.st = newState(s.seeds)
	return s
}

// Handler serves the Graph API and, under ControlPrefix, the control plane.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Reset returns to the seeded state: accounts from New and AddAccount, no media,
// no containers, clock offset, counters and faults cleared.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st = newState(s.seeds)
}

// Now is the emulator clock.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

func (s *Server) now() time.Time {
	base := defaultStart
	if s.opts.Now != nil {
		base = s.opts.Now()
	}
	return base.Add(s.st.clockOffset).UTC()
}

// AdvanceClock moves the emulator clock forward (container expiry, quota window, stories).
func (s *Server) AdvanceClock(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.clockOffset += d
}

// CallCount is the number of Graph requests for a route key such as
// "POST /{ig-user-id}/media_publish".
func (s *Server) CallCount(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.calls[route]
}

// Calls returns all Graph API call counts by route key (control plane excluded).
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.st.calls))
	for k, v := range s.st.calls {
		out[k] = v
	}
	return out
}

// TotalCalls is the number of Graph API requests served.
func (s *Server) TotalCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.totalCalls
}

// TokenInURLCount counts requests that carried access_token in the URL query
// string. The provider must never do this (URLs end up in logs).
func (s *Server) TokenInURLCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.tokenInURL
}

// AddAccount seeds another IG account with its own tokens. Empty ids are
// generated. The account survives Reset. Adding an existing id is a no-op, so
// test setup may run again after Reset.
func (s *Server) AddAccount(a Account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.ID != "" && s.st.accounts[a.ID] != nil {
		return
	}
	a = s.st.fillAccount(a)
	s.seeds = append(s.seeds, a)
	s.st.addAccount(a)
}
