// Package provider implements the instagram Terraform provider on
// terraform-plugin-framework. One file per resource or data source, each with
// its acceptance test beside it.
package provider

import (
	"context"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/account"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/collaboration"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/comments"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/community"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/discovery"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/insights"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/media"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/tokens"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/webhooks"
)

// Address is the provider's registry address.
const Address = "registry.terraform.io/terraform-instagram/instagram"

var (
	_ provider.Provider                       = (*instagramProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*instagramProvider)(nil)
	_ provider.ProviderWithListResources      = (*instagramProvider)(nil)
	_ provider.ProviderWithActions            = (*instagramProvider)(nil)
	_ provider.ProviderWithFunctions          = (*instagramProvider)(nil)
)

type instagramProvider struct {
	version string
	commit  string
	env     envLookup
	// pollInterval is the first wait between container status reads.
	pollInterval time.Duration
	// now is the provider's clock (story expiry); tests use the emulator's.
	now func() time.Time
	// limiter is shared by every client this provider instance creates, so all
	// requests of the process see the same rate-limit state.
	limiter *graph.Limiter
	// retryWaitMin and retryWaitMax bound the backoff between retries (0 →
	// the client's defaults); tests make them milliseconds.
	retryWaitMin, retryWaitMax time.Duration
	// secrets are the secret values this provider has seen, which its
	// protocol server (Server) removes from every message.
	secrets *common.Secrets
}

// Option customises a provider instance; used by main and by tests.
type Option func(*instagramProvider)

// WithCommit records the git commit the binary was built from.
func WithCommit(commit string) Option { return func(p *instagramProvider) { p.commit = commit } }

// WithEnv replaces the process environment as the source of INSTAGRAM_*
// variables. Acceptance tests use it to point each test at its own emulator.
func WithEnv(env map[string]string) Option {
	return func(p *instagramProvider) {
		p.env = func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	}
}

// WithPollInterval sets the first wait between container status reads
// (later waits grow from it). Tests use a short one.
func WithPollInterval(d time.Duration) Option {
	return func(p *instagramProvider) { p.pollInterval = d }
}

// WithClock replaces the provider's clock; tests pass the emulator's clock.
func WithClock(now func() time.Time) Option {
	return func(p *instagramProvider) { p.now = now }
}

// WithRetryWait bounds the backoff between retries; tests use milliseconds.
func WithRetryWait(minWait, maxWait time.Duration) Option {
	return func(p *instagramProvider) { p.retryWaitMin, p.retryWaitMax = minWait, maxWait }
}

// New returns a constructor for the provider, as providerserver expects.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		p := &instagramProvider{
			version:      version,
			env:          os.LookupEnv,
			pollInterval: time.Second,
			now:          time.Now,
			limiter:      graph.NewLimiter(),
			secrets:      common.NewSecrets(),
		}
		for _, o := range opts {
			o(p)
		}
		return p
	}
}

func (p *instagramProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "instagram"
	resp.Version = p.version
}

func (p *instagramProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manage Instagram Professional accounts (Business and Creator) through the Instagram Graph API: " +
			"publish posts, reels, carousels and stories, manage comments and webhooks, and read insights, " +
			"business discovery and hashtag search as data.",
		Attributes: map[string]schema.Attribute{
			"access_token": schema.StringAttribute{
				MarkdownDescription: "Access token: a Facebook User token (Facebook login, `EAA…`) or an Instagram User token (Instagram login, `IG…`). " +
					"Never stored in state. Can also be set with `INSTAGRAM_ACCESS_TOKEN`.",
				Optional:  true,
				Sensitive: true,
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Default Instagram user id for resources and data sources; each may override it with its own `account_id`. " +
					"When unset: with Instagram login the token's own account (`/me`); with Facebook login the single Instagram " +
					"business account reachable through the token's Pages (an error lists the candidates when there are several). " +
					"Can also be set with `INSTAGRAM_ACCOUNT_ID`.",
				Optional: true,
			},
			"login": schema.StringAttribute{
				MarkdownDescription: "`facebook` (graph.facebook.com) or `instagram` (graph.instagram.com). Defaults from the token: " +
					"tokens starting with `IG` mean `instagram`, anything else `facebook`. Can also be set with `INSTAGRAM_LOGIN`.",
				Optional: true,
			},
			"app_id": schema.StringAttribute{
				MarkdownDescription: "Meta app id. With `app_secret` it enables webhook subscriptions (app access token). Can also be set with `INSTAGRAM_APP_ID`.",
				Optional:            true,
			},
			"app_secret": schema.StringAttribute{
				MarkdownDescription: "Meta app secret. Enables `appsecret_proof` on every call. Never stored in state. Can also be set with `INSTAGRAM_APP_SECRET`.",
				Optional:            true,
				Sensitive:           true,
			},
			"api_version": schema.StringAttribute{
				MarkdownDescription: "Graph API version, `vNN.N`. Defaults to `" + DefaultAPIVersion + "`. A version Meta has retired " +
					"(v20.0 and older; v21.0 from 2027-01-21) is a plan-time warning naming its date; another form is an error. " +
					"Can also be set with `INSTAGRAM_API_VERSION`.",
				Optional: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "API base URL. Defaults from `login`. Must be https unless it is a loopback address, such as the " +
					"bundled emulator for offline tests. Can also be set with `INSTAGRAM_BASE_URL`.",
				Optional: true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request that is safe to retry is retried (server errors, transient codes, throttling). Default 4.",
				Optional:            true,
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Timeout of one HTTP request, as a duration (`60s`). Default `60s`.",
				Optional:            true,
			},
			"max_rate_limit_wait": schema.StringAttribute{
				MarkdownDescription: "Longest time to wait for a Meta rate limit to lift before failing with a diagnostic, as a duration. Default `5m`.",
				Optional:            true,
			},
		},
	}
}

func (p *instagramProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var model providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s, diags := resolveSettings(model, p.env)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(retiredVersionWarning(s.APIVersion, p.now())...)

	client, err := graph.New(p.clientOptions(s))
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Instagram API client", err.Error())
		return
	}
	var appClient *graph.Client
	if s.AppID != "" && s.AppSecret != "" {
		if appClient, err = graph.New(p.appClientOptions(s)); err != nil {
			resp.Diagnostics.AddError("Cannot create the Instagram API app client", err.Error())
			return
		}
	}
	publicClient, err := graph.New(p.publicClientOptions(s))
	if err != nil {
		resp.Diagnostics.AddError("Cannot create the Instagram API client without a token", err.Error())
		return
	}
	data := common.NewProviderData(common.ProviderDataOptions{
		Client: client, AppClient: appClient, PublicClient: publicClient, Login: s.Login, AppID: s.AppID,
		DefaultAccount: s.AccountID, PollInterval: p.pollInterval, Now: p.now,
		Logger: newLogger(p.secrets), Secrets: p.secrets,
	})
	resp.DataSourceData = data
	resp.ResourceData = data
	resp.EphemeralResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

// clientOptions turns the settings into the client's options. The client
// reads 0 as "default" for its knobs; a user's explicit 0 means "none".
func (p *instagramProvider) clientOptions(s settings) graph.Options {
	maxRetries, maxWait := s.MaxRetries, s.MaxRateLimitWait
	if maxRetries == 0 {
		maxRetries = -1
	}
	if maxWait == 0 {
		maxWait = -1
	}
	return graph.Options{
		BaseURL:          s.BaseURL,
		APIVersion:       s.APIVersion,
		AccessToken:      s.AccessToken,
		AppID:            s.AppID,
		AppSecret:        s.AppSecret,
		UserAgent:        userAgent(p.version, p.commit),
		MaxRetries:       maxRetries,
		RequestTimeout:   s.RequestTimeout,
		MaxRateLimitWait: maxWait,
		RetryWaitMin:     p.retryWaitMin,
		RetryWaitMax:     p.retryWaitMax,
		Logger:           newLogger(p.secrets),
		Limiter:          p.limiter,
		OnSecret:         p.secrets.Add,
	}
}

// appClientOptions are the options of the client for app-level edges
// (webhook subscriptions, token exchange): the app access token
// "{app-id}|{app-secret}" on graph.facebook.com.
func (p *instagramProvider) appClientOptions(s settings) graph.Options {
	o := p.clientOptions(s)
	o.BaseURL = s.AppBaseURL
	o.AccessToken = s.AppID + "|" + s.AppSecret
	return o
}

// publicClientOptions are the options of the client for what needs no
// token (oEmbed): graph.facebook.com whatever the login, unless base_url
// points elsewhere (the emulator serves both). It sends no token and no
// appsecret_proof.
func (p *instagramProvider) publicClientOptions(s settings) graph.Options {
	o := p.clientOptions(s)
	o.BaseURL = s.AppBaseURL
	o.AccessToken, o.AppSecret = "", ""
	return o
}

func userAgent(version, commit string) string {
	ua := "terraform-provider-instagram/" + version
	if commit != "" && commit != "none" {
		ua += " (" + commit + ")"
	}
	return ua
}

func (p *instagramProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		media.NewMediaResource,
		comments.NewCommentSettingsResource,
		comments.NewCommentResource,
		webhooks.NewWebhookSubscriptionResource,
		webhooks.NewSubscribedAppResource,
	}
}

func (p *instagramProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		account.NewAccountDataSource,
		comments.NewCommentsDataSource,
		insights.NewAccountInsightsDataSource,
		insights.NewMediaInsightsDataSource,
		account.NewContentPublishingLimitDataSource,
		media.NewMediaDataSource,
		media.NewAccountMediaDataSource,
		media.NewStoriesDataSource,
		media.NewTaggedMediaDataSource,
		discovery.NewBusinessDiscoveryDataSource,
		discovery.NewHashtagDataSource,
		discovery.NewHashtagMediaDataSource,
		discovery.NewRecentlySearchedHashtagsDataSource,
		tokens.NewTokenDataSource,
		community.NewMentionDataSource,
		media.NewOEmbedDataSource,
		media.NewAudioDataSource,
		collaboration.NewInvitesDataSource,
		collaboration.NewCollaborativeMediaDataSource,
	}
}

func (p *instagramProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		tokens.NewLongLivedTokenEphemeralResource,
	}
}

func (p *instagramProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		media.NewMediaList,
		comments.NewCommentList,
		comments.NewCommentSettingsList,
		webhooks.NewWebhookSubscriptionList,
		webhooks.NewSubscribedAppList,
	}
}

// Actions need Terraform 1.14 or later; older versions and OpenTofu never
// ask for them, and the rest of the provider works the same.
func (p *instagramProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		community.NewModerateCommentsAction,
		community.NewReplyToCommentAction,
		community.NewReplyToMentionAction,
		collaboration.NewRespondAction,
	}
}

// Functions are pure (internal/provider/functions): Terraform calls them
// without configuring the provider. They need Terraform 1.8 or OpenTofu 1.7.
func (p *instagramProvider) Functions(_ context.Context) []func() function.Function {
	return functions.All()
}
