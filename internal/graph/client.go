// Package graph is a small client for the Instagram Graph API (both the
// Facebook Login host graph.facebook.com and the Instagram Login host
// graph.instagram.com), modelled on google/go-github: one Client, one service
// per API area, typed errors, a Response carrying usage, iter.Seq2 paging.
//
// It must never import Terraform packages: the provider adapts it (logging,
// diagnostics) from the outside.
package graph

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Defaults applied by New when an Options field is zero.
const (
	DefaultMaxRetries       = 4
	DefaultRequestTimeout   = 60 * time.Second
	DefaultMaxRateLimitWait = 5 * time.Minute
	DefaultRetryWaitMin     = 1 * time.Second
	DefaultRetryWaitMax     = 30 * time.Second
	DefaultUserAgent        = "terraform-provider-instagram"

	// FacebookBaseURL and InstagramBaseURL are the hosts of the two API
	// flavours (Facebook Login and Instagram Login).
	FacebookBaseURL  = "https://graph.facebook.com"
	InstagramBaseURL = "https://graph.instagram.com"
)

// maxBodyBytes caps how much of a response we read; Graph payloads are small.
const maxBodyBytes = 16 << 20

var versionRE = regexp.MustCompile(`^v[0-9]{1,3}\.[0-9]{1,3}$`)

// Options configures a Client. Only BaseURL is required.
type Options struct {
	BaseURL     string // e.g. "https://graph.facebook.com" or an emulator "http://127.0.0.1:1234"
	APIVersion  string // DefaultAPIVersion by default; sent as the first path segment
	AccessToken string // sent only as "Authorization: Bearer <token>"

	// AppSecret, when set, adds appsecret_proof to every call. AppID is kept
	// for callers that build app tokens; the client itself does not send it.
	AppID, AppSecret string

	HTTPClient *http.Client // optional; only its Transport is used
	UserAgent  string

	MaxRetries       int           // 0 → 4; negative → no retries
	RequestTimeout   time.Duration // per attempt; 0 → 60s
	MaxRateLimitWait time.Duration // longest wait for a throttle; 0 → 5m; negative → never wait
	RetryWaitMin     time.Duration // 0 → 1s
	RetryWaitMax     time.Duration // 0 → 30s

	Logger  Logger   // optional; nil → no logging
	Limiter *Limiter // optional; nil → a private one. Share one per process.

	// OnSecret, when set, is told every secret value the client sends or is
	// given, before it is used: its access token, the app secret, every
	// appsecret_proof, the app token and Page tokens it authenticates with,
	// and the tokens the exchange and refresh endpoints return. The caller
	// can then keep them out of what it shows (Meta's messages may quote
	// them). It must be safe for concurrent use and must not log them.
	OnSecret func(values ...string)
}

// Logger receives structured log lines. Fields never contain the token, the
// app secret or the appsecret_proof.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// Client talks to the Graph API. It is safe for concurrent use.
type Client struct {
	Users    *UsersService
	Pages    *PagesService
	Media    *MediaService
	Insights *InsightsService
	Comments *CommentsService
	// Mentions reads and answers @mentions of the account by other users.
	Mentions *MentionsService
	Webhooks *WebhooksService
	// Discovery and Hashtags exist with Facebook login only.
	Discovery *DiscoveryService
	Hashtags  *HashtagsService
	// Tokens exchanges, refreshes and inspects access tokens.
	Tokens *TokensService
	// Uploads sends local videos to containers made for an upload.
	Uploads *UploadsService
	// Audio, Collaboration and polls (Media.GetPollAttachment) exist with
	// Facebook login only.
	Audio         *AudioService
	Collaboration *CollaborationService
	// OEmbed needs no token: use it from a Client made without one.
	OEmbed *OEmbedService

	baseURL    string // scheme://host[/prefix], no trailing slash
	apiVersion string
	token      string
	proof      string // appsecret_proof, precomputed: it depends only on token and secret
	appSecret  string // to sign other tokens (Page tokens, see withToken)
	userAgent  string
	httpClient *http.Client
	uploadHTTP *http.Client // httpClient without its per-attempt timeout: a video upload may take long
	logger     Logger
	limiter    *Limiter
	maxRetries int
	maxRLWait  time.Duration
	waitMin    time.Duration
	waitMax    time.Duration
	appID      string // for app-level edges; never sent by Do itself
	onSecret   func(values ...string)

	// Time hooks; tests replace them so nothing really sleeps.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

type service struct{ client *Client }

// New validates opts and returns a Client.
func New(opts Options) (*Client, error) {
	base, err := ValidateBaseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	version := opts.APIVersion
	if version == "" {
		version = DefaultAPIVersion
	}
	if err := ValidateAPIVersion(version); err != nil {
		return nil, err
	}
	maxRLWait := orDefault(opts.MaxRateLimitWait, DefaultMaxRateLimitWait)
	if opts.MaxRateLimitWait < 0 {
		maxRLWait = 0 // fail on any throttle instead of waiting
	}

	c := &Client{
		baseURL:    base,
		apiVersion: version,
		token:      opts.AccessToken,
		userAgent:  orDefault(opts.UserAgent, DefaultUserAgent),
		logger:     opts.Logger,
		limiter:    opts.Limiter,
		maxRetries: opts.MaxRetries,
		maxRLWait:  maxRLWait,
		waitMin:    orDefault(opts.RetryWaitMin, DefaultRetryWaitMin),
		waitMax:    orDefault(opts.RetryWaitMax, DefaultRetryWaitMax),
		appID:      opts.AppID,
		now:        time.Now,
		sleep:      Sleep,
	}
	switch {
	case c.maxRetries == 0:
		c.maxRetries = DefaultMaxRetries
	case c.maxRetries < 0:
		c.maxRetries = 0
	}
	if c.waitMax < c.waitMin {
		c.waitMax = c.waitMin
	}
	if opts.AppSecret != "" && opts.AccessToken != "" {
		c.proof = appSecretProof(opts.AppSecret, opts.AccessToken)
	}
	c.appSecret = opts.AppSecret
	c.onSecret = opts.OnSecret
	c.secrets(opts.AccessToken, opts.AppSecret, c.proof)
	if c.limiter == nil {
		c.limiter = NewLimiter()
	}

	var transport http.RoundTripper
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		transport = opts.HTTPClient.Transport
	} else if t, ok := http.DefaultTransport.(*http.Transport); ok {
		transport = t.Clone() // our own pool, unaffected by others' settings
	} else {
		transport = http.DefaultTransport
	}
	c.httpClient = &http.Client{
		Transport: keepIdleConns{transport},
		Timeout:   orDefault(opts.RequestTimeout, DefaultRequestTimeout),
		// Graph never redirects; following one could carry the request elsewhere.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	// Bounded by the caller's context (the resource's create timeout).
	c.uploadHTTP = &http.Client{Transport: c.httpClient.Transport, CheckRedirect: c.httpClient.CheckRedirect}

	c.Users = &UsersService{client: c}
	c.Pages = &PagesService{client: c}
	c.Media = &MediaService{client: c}
	c.Insights = &InsightsService{client: c}
	c.Comments = &CommentsService{client: c}
	c.Mentions = &MentionsService{client: c}
	c.Webhooks = &WebhooksService{client: c}
	c.Discovery = &DiscoveryService{client: c}
	c.Hashtags = &HashtagsService{client: c}
	c.Tokens = &TokensService{client: c}
	c.Uploads = &UploadsService{client: c}
	c.Audio = &AudioService{client: c}
	c.Collaboration = &CollaborationService{client: c}
	c.OEmbed = &OEmbedService{client: c}
	return c, nil
}

// APIVersion reports the version prefix the client sends.
func (c *Client) APIVersion() string { return c.apiVersion }

// BaseURL reports the base URL the client sends to (no trailing slash).
func (c *Client) BaseURL() string { return c.baseURL }

// AppID reports Options.AppID (needed for app-level edges such as
// /{app-id}/subscriptions).
func (c *Client) AppID() string { return c.appID }

// Limiter returns the limiter the client waits on.
func (c *Client) Limiter() *Limiter { return c.limiter }

// ValidateAPIVersion checks the form of a Graph version such as "v26.0"
// (Retired tells whether Meta still serves it).
func ValidateAPIVersion(v string) error {
	if !versionRE.MatchString(v) {
		return fmt.Errorf("graph: invalid API version %q: want the form vNN.N, e.g. %s", v, DefaultAPIVersion)
	}
	return nil
}

// ValidateBaseURL checks a Graph base URL and returns it normalised: https,
// or http on a loopback host only (the emulator), no query or credentials.
func ValidateBaseURL(raw string) (string, error) {
	if raw == "" {
		return "", errors.New("graph: BaseURL is required")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("graph: invalid BaseURL: %w", err)
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("graph: invalid BaseURL %q: want https://host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("graph: invalid BaseURL %q: no query, fragment or credentials allowed", raw)
	}
	// The bearer token must not travel in clear text beyond this machine.
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return "", fmt.Errorf("graph: invalid BaseURL %q: http is only allowed for loopback hosts, use https", raw)
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.EscapedPath(), "/"), nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// appSecretProof is hex(HMAC-SHA256(key=app secret, msg=access token)).
func appSecretProof(secret, token string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// secrets reports secret values to Options.OnSecret.
func (c *Client) secrets(values ...string) {
	if c.onSecret != nil {
		c.onSecret(values...)
	}
}

func (c *Client) debug(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Debug(ctx, msg, fields)
	}
}

func (c *Client) warn(ctx context.Context, msg string, fields map[string]any) {
	if c.logger != nil {
		c.logger.Warn(ctx, msg, fields)
	}
}

// nodePath builds "/{id}[/edge…]" with the id path-escaped, so that an id
// from user input cannot change the route.
func nodePath(id string, edges ...string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", errors.New("graph: empty id")
	}
	p := "/" + url.PathEscape(id)
	for _, e := range edges {
		p += "/" + e
	}
	return p, nil
}

// fieldsParam is the explicit fields= list; Graph's defaults are just {id}.
func fieldsParam(fields, defaults []string) string {
	return strings.Join(fieldsOrDefault(fields, defaults), ",")
}

func fieldsOrDefault(fields, defaults []string) []string {
	if len(fields) == 0 {
		return defaults
	}
	return fields
}

// Sleep waits for d, or until ctx ends, whose error it then returns.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// keepIdleConns hides the transport's CloseIdleConnections: go-retryablehttp
// calls it whenever a call ends in an error (a throttle, a timeout), which
// would drop the keep-alive connections every concurrent request of the
// process shares. Idle connections still expire by the transport's timeout.
type keepIdleConns struct{ http.RoundTripper }

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
