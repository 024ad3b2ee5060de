package emulator

import (
	"crypto/tls"
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
	DefaultAPIVersion = "v26.0"
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

	// Resumable video uploads (uploads.go). Meta's guide
	// (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads)
	// says they are "available only for apps that have implemented Facebook
	// Login for Business", while the IG User Media reference lists
	// upload_type for both logins (doc-conflict): by default an
	// Instagram-login token gets an error for upload_type=resumable;
	// ResumableUploadInstagramLogin accepts it.
	ResumableUploadInstagramLogin bool
	// The guide says an interrupted upload can be resumed but not how to
	// learn where (uncertain). By default the container's
	// video_status.uploading_phase.bytes_transferred says how many bytes
	// arrived (as for Facebook reels,
	// https://developers.facebook.com/docs/video-api/guides/reels-publishing);
	// UploadOffsetOnRupload drops that field and answers GET on the upload
	// URI with {"offset": n} instead.
	UploadOffsetOnRupload bool
	// UploadChunkSize: when an upload is cut off, the bytes kept are rounded
	// down to a multiple of it, as a server that stores chunks would
	// (uncertain); 0 keeps every byte received.
	UploadChunkSize int64

	// TrialReelsUnsupported makes trial_params fail with subcode 2207081,
	// which developers report for accounts without trial reels (not on
	// Meta's Error Codes page; uncertain).
	TrialReelsUnsupported bool
	// BrandedContentFacebookLoginOnly refuses branded_content_sponsor_ids and
	// is_paid_partnership with Instagram login. The IG User Media reference
	// lists them without a login restriction; the Instagram-login publishing
	// guide says branded content is not supported (doc-conflict). Default:
	// accepted with both logins.
	BrandedContentFacebookLoginOnly bool

	// MaxCollaborators: docs conflict (3 on the media reference, 5 on the collaborators edge); default 3.
	MaxCollaborators int

	// Collaboration invites (collaboration.go): calls per IG user per 24
	// hours to GET (default 300) and POST (default 50)
	// collaboration_invites. The error past them is undocumented
	// (uncertain): CollaborationLimitError replaces the default (code 9, a
	// message naming the limit).
	CollaborationInviteReads int
	CollaborationResponses   int
	CollaborationLimitError  *ErrorBody

	// Caption add-ons and licensed audio (addons.go, audio.go).
	// PollOptionMaxLength: the longest poll option; Meta documents 25
	// characters for Threads polls, nothing for Instagram (uncertain);
	// default 25. AudioUnavailableError replaces the default answer (code
	// 100) to a track that does not exist or was withdrawn, at container
	// creation or at publish (undocumented, uncertain).
	PollOptionMaxLength   int
	AudioUnavailableError *ErrorBody

	// oEmbed (oembed.go). OEmbedHourlyLimit: requests per rolling hour;
	// default 1000. OEmbedRefusedError replaces the default answer (HTTP
	// 400, code 100 "Invalid parameter") to a URL Meta will not embed: a
	// story, a private, age-restricted or embed-disabled account's post, a
	// post that does not exist (undocumented, uncertain).
	OEmbedHourlyLimit  int
	OEmbedRefusedError *ErrorBody

	// StoriesVanish makes stories older than 24 h unreadable (100/33) by id.
	// Uncertain whether Meta still serves expired stories by id to the owner; default false (readable).
	StoriesVanish bool

	RequireAppSecretProof bool // the app's "Require App Secret" setting

	// Usage budgets behind X-App-Usage (calls per rolling hour, app-wide) and
	// X-Business-Use-Case-Usage (calls per rolling 24 h per IG account). The real
	// budgets depend on active users / impressions; these are generous stand-ins.
	AppCallBudget     int // default 20000
	AccountCallBudget int // default 480000 (4800 × 100 impressions)
	// Rolling windows of the two budgets: an hour (app) and 24 hours (IG
	// account) at Meta. Short windows, with Now = time.Now, let tests and
	// benchmarks watch throttling lift in seconds.
	AppWindow     time.Duration // default 1h
	AccountWindow time.Duration // default 24h
	// ThrottleStatus is the HTTP status of throttling errors (codes 4 and
	// 80002). Meta's is uncertain (400 or 403, not 429); default 400.
	ThrottleStatus int
	// FractionalRegain reports estimated_time_to_regain_access in exact
	// fractional minutes instead of whole minutes rounded up (Meta), so that
	// clients of short test windows don't wait a minute.
	FractionalRegain bool
	// ThrottleFaultRegain is the estimated_time_to_regain_access announced by
	// an injected throttling fault (Fault.Error with code 4/17/32/613/800xx);
	// 0 → the header shows the budget spent with no estimate.
	ThrottleFaultRegain time.Duration

	// LegacyApp makes the emulator an app created before 2026-11-04, which
	// may still make multi-ID requests and use the other legacy features
	// (legacy.go). By default it is an app created today: a request using
	// one of them is refused, with LegacyFeatureError when set (Meta does not
	// document its error; uncertain) or the capability error (#3).
	// https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/
	LegacyApp          bool
	LegacyFeatureError *ErrorBody

	// Multi-id reads GET /?ids=a,b of a LegacyApp (multiid.go). MaxIDs: 50
	// by default (uncertain). By default an id that fails (e.g. deleted)
	// fails the whole request with its error, as the docs say (uncertain);
	// MultiIDOmitFailed leaves such ids out of the answer instead.
	MaxIDs            int
	MultiIDOmitFailed bool

	// Latency is added (in real time) to every Graph request, RouteLatency to
	// the routes it names (route keys as in CallCount; it wins over Latency).
	// For benchmarks; per-request faults have Fault.Latency.
	Latency      time.Duration
	RouteLatency map[string]time.Duration

	// FaultSeed seeds the draws of Fault.Probability: the same seed and the
	// same sequence of requests give the same faults. Reset restarts the
	// sequence.
	FaultSeed int64

	// Insights (insights.go). InsightsMaxRange is the
	// longest since..until span of one account insights request: the classic
	// limit is 30 days, uncertain for v25; default 30 days. InsightsRetention is
	// how far back since may reach: the docs say 90 days, the community measured
	// 2 years (doc-conflict); default 2 years. StoryInsightsMinViewers: stories
	// seen by fewer accounts answer (#10) Not enough viewers; default 5,
	// negative → 0 (see SetMediaViewers).
	InsightsMaxRange        time.Duration
	InsightsRetention       time.Duration
	StoryInsightsMinViewers int

	// Comments and webhooks (comments.go, webhooks.go).
	MaxCommentLength   int // longest comment message; default 2200, Instagram's app limit (API limit uncertain)
	MaxCommentPageSize int // largest `limit` on comment lists; default 50 (uncertain)
	// WebhookAllowedHosts are hosts besides loopback that the subscription
	// handshake and deliveries may call (https only). By default the emulator
	// calls loopback addresses only, never anything else.
	WebhookAllowedHosts []string
	// WebhookHTTPClient replaces the client for handshakes and deliveries
	// (e.g. an httptest TLS server's Client()); hosts are still checked.
	WebhookHTTPClient *http.Client
	// WebhookTLS is the TLS configuration of the default client for
	// handshakes and deliveries (not of WebhookHTTPClient): e.g. RootCAs
	// that trust a test callback's own certificate. nil → the system's roots.
	// WebhookInsecureLoopback accepts any certificate from a callback at a
	// loopback address (self-signed test servers); others are verified.
	WebhookTLS              *tls.Config
	WebhookInsecureLoopback bool
	WebhookTimeout          time.Duration // per handshake or delivery request; default 5s
	WebhookMaxAttempts      int           // delivery attempts per event; default 3
	WebhookRetryWait        time.Duration // real-time wait before the 2nd attempt, growing linearly; default 200ms
	// SubscribedFieldsMerge makes POST subscribed_apps add fields; by default
	// it replaces the set, as the community reports (uncertain).
	SubscribedFieldsMerge bool

	// @mentions (mentions.go). Meta does not document the errors for what its
	// mentions rules refuse (a story, a post the account is only tagged on, a
	// caption or comment without the @mention): MentionRefusedError replaces
	// the default (code 100, a message naming the rule) (uncertain).
	// MentionedFieldsNeedFacebookLogin makes mentioned_media and
	// mentioned_comment nonexisting fields with Instagram login: the Instagram
	// login mentions guide lists only /tags and POST /mentions, the IG User
	// reference documents the fields on graph.facebook.com (uncertain);
	// default false (both logins).
	MentionRefusedError              *ErrorBody
	MentionedFieldsNeedFacebookLogin bool

	// Hashtag search (hashtags.go). HashtagLimit: unique hashtags per IG user
	// per rolling 7 days; default 30. The error for exceeding it is not
	// documented (uncertain): HashtagLimitError replaces the placeholder
	// (code 24, a message naming the limit).
	HashtagLimit      int
	HashtagLimitError *ErrorBody
	// TagsOmitPagingURLs drops paging.next/previous from /{ig-user-id}/tags
	// (cursors only), as one reference claims (uncertain); default false.
	TagsOmitPagingURLs bool

	// Tokens (oauth.go). LongLivedTokenLifetime: lifetime of the tokens the
	// exchange and refresh endpoints mint; default 60 days ("may change
	// without warning"). TokenRefreshMinAge: how old an Instagram-login
	// token must be before refresh_access_token accepts it; default 24h.
	// Meta does not document the errors for a refresh that comes too early or
	// a wrong client_secret (uncertain): RefreshTooEarlyError and
	// BadClientSecretError replace the defaults (code 100 naming the 24 hours;
	// code 1 "Error validating client secret.").
	LongLivedTokenLifetime time.Duration
	TokenRefreshMinAge     time.Duration
	RefreshTooEarlyError   *ErrorBody
	BadClientSecretError   *ErrorBody

	Logf func(format string, args ...any) // optional request log (never logs tokens)
}

func (o Options) withDefaults() Options {
	orDefault(&o.QuotaTotal, 50)
	orDefault(&o.QuotaDuration, 24*time.Hour)
	orDefault(&o.ContainerLimit, 400)
	o.ImageProcessingPolls = max(o.ImageProcessingPolls, 0)
	o.VideoProcessingPolls = zeroOr(o.VideoProcessingPolls, 2)
	orDefault(&o.MaxPageSize, 100)
	orDefault(&o.MaxCollaborators, 3)
	orDefault(&o.CollaborationInviteReads, 300)
	orDefault(&o.CollaborationResponses, 50)
	orDefault(&o.PollOptionMaxLength, 25)
	orDefault(&o.OEmbedHourlyLimit, 1000)
	orDefault(&o.AppCallBudget, 20000)
	orDefault(&o.AccountCallBudget, 480000)
	orDefault(&o.AppWindow, time.Hour)
	orDefault(&o.AccountWindow, 24*time.Hour)
	orDefault(&o.ThrottleStatus, http.StatusBadRequest)
	orDefault(&o.MaxIDs, 50)
	orDefault(&o.InsightsMaxRange, 30*24*time.Hour)
	orDefault(&o.InsightsRetention, 2*365*24*time.Hour)
	o.StoryInsightsMinViewers = zeroOr(o.StoryInsightsMinViewers, 5)
	orDefault(&o.MaxCommentLength, 2200)
	orDefault(&o.MaxCommentPageSize, 50)
	orDefault(&o.WebhookTimeout, 5*time.Second)
	orDefault(&o.WebhookMaxAttempts, 3)
	orDefault(&o.WebhookRetryWait, 200*time.Millisecond)
	orDefault(&o.HashtagLimit, 30)
	// Token durations: only zero means the default (a negative lifetime
	// mints tokens that are already expired).
	if o.LongLivedTokenLifetime == 0 {
		o.LongLivedTokenLifetime = 60 * 24 * time.Hour
	}
	if o.TokenRefreshMinAge == 0 {
		o.TokenRefreshMinAge = 24 * time.Hour
	}
	return o
}

// orDefault sets an option left at zero (or set below it) to its default.
func orDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// zeroOr is the option for counts where zero means the default and a
// negative value means none.
func zeroOr(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// Server is the emulator. It is safe for concurrent use.
type Server struct {
	opts       Options
	hookClient *http.Client // webhook handshakes and deliveries (webhooks.go)

	mu    sync.Mutex
	seeds []Account // accounts restored by Reset (defaults + AddAccount)
	st    *state
	holds *holds // answers held by HoldAfterCommit faults (holds.go); not state
}

// New returns an emulator seeded with the default account.
func New(opts Options) *Server {
	s := &Server{opts: opts.withDefaults(), holds: newHolds()}
	s.hookClient = newWebhookClient(s.opts)
	s.seeds = []Account{defaultAccount()}
	s.st = newState(s.seeds, s.opts.FaultSeed)
	return s
}

// Handler serves the Graph API and, under ControlPrefix, the control plane.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Reset returns to the seeded state: accounts from New and AddAccount, no media,
// no containers, clock offset, counters and faults cleared, the fault
// generator re-seeded.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st = newState(s.seeds, s.opts.FaultSeed)
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
