// Package tokens holds the token-lifecycle types: the instagram_long_lived_token
// ephemeral resource (exchange and refresh, nothing in state or plan) and the
// instagram_token data source (inspection for expiry checks, never the token).
package tokens

import (
	"context"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ ephemeral.EphemeralResourceWithConfigure = (*longLivedTokenResource)(nil)

// Modes of instagram_long_lived_token.
const (
	modeExchange = "exchange"
	modeRefresh  = "refresh"
)

// NewLongLivedTokenEphemeralResource is instagram_long_lived_token.
func NewLongLivedTokenEphemeralResource() ephemeral.EphemeralResource {
	return &longLivedTokenResource{EphemeralBase: common.NewEphemeralBase("long_lived_token")}
}

type longLivedTokenResource struct{ common.EphemeralBase }

type longLivedTokenModel struct {
	Mode        types.String `tfsdk:"mode"`
	Token       types.String `tfsdk:"token"`
	AccessToken types.String `tfsdk:"access_token"`
	TokenType   types.String `tfsdk:"token_type"`
	ExpiresIn   types.Int64  `tfsdk:"expires_in"`
	ExpiresAt   types.String `tfsdk:"expires_at"`
}

func (r *longLivedTokenResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Gets a long-lived access token (about 60 days) during a run, without writing it to state or plan " +
			"(Terraform 1.10 or later, OpenTofu 1.11 or later). Feed it to a secret store, or to a provider block of a later run.\n\n" +
			"* Instagram login: `exchange` turns a short-lived token (1 hour) into a long-lived one " +
			"(`GET graph.instagram.com/access_token?grant_type=ig_exchange_token`, needs `app_secret`: the *Instagram* app secret); " +
			"`refresh` trades a long-lived token that is at least 24 hours old and not expired for a fresh one " +
			"(`GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token`).\n" +
			"* Facebook login: `exchange` turns a User token into a long-lived one (`GET /oauth/access_token?grant_type=fb_exchange_token`, " +
			"needs `app_id` and `app_secret`). Facebook login has no refresh: exchange again instead.\n\n" +
			"Every open calls Meta and returns a new token.",
		Attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{
				MarkdownDescription: "`exchange` (short-lived → long-lived) or `refresh` (long-lived → fresh long-lived; Instagram login only).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(modeExchange, modeRefresh)},
			},
			"token": schema.StringAttribute{
				MarkdownDescription: "The token to exchange or refresh. Defaults to the provider's `access_token`, so that a pipeline " +
					"configured with a token can renew that very token. It must be of the provider's login kind.",
				Optional:  true,
				Sensitive: true,
			},
			"access_token": schema.StringAttribute{
				MarkdownDescription: "The new long-lived token.",
				Computed:            true,
				Sensitive:           true,
			},
			"token_type": schema.StringAttribute{
				MarkdownDescription: "Token type Meta reports, `bearer`.",
				Computed:            true,
			},
			"expires_in": schema.Int64Attribute{
				MarkdownDescription: "Seconds until the new token expires, as Meta reports it; null when Meta reports no expiry.",
				Computed:            true,
			},
			"expires_at": schema.StringAttribute{
				MarkdownDescription: "When the new token expires (RFC 3339, UTC); null when Meta reports no expiry.",
				Computed:            true,
			},
		},
	}
}

func (r *longLivedTokenResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	m, ok := common.Decode[longLivedTokenModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	tokens := r.Data.Client.Tokens
	subject := m.Token.ValueString() // "" → the provider's own token
	var tok *graph.AccessToken
	var err error
	switch {
	case r.Data.Login == common.LoginInstagram && m.Mode.ValueString() == modeExchange:
		tok, _, err = tokens.ExchangeInstagramToken(ctx, subject)
	case r.Data.Login == common.LoginInstagram:
		tok, _, err = tokens.RefreshInstagramToken(ctx, subject)
	case m.Mode.ValueString() == modeExchange:
		tok, _, err = tokens.ExchangeFacebookToken(ctx, subject)
	default:
		resp.Diagnostics.AddAttributeError(path.Root("mode"), "Facebook login has no token refresh",
			"mode = \"refresh\" is Instagram login's refresh_access_token. With Facebook login, use mode = \"exchange\": "+
				"exchanging a User token returns a long-lived one (about 60 days).")
		return
	}
	if errors.Is(err, graph.ErrNoAppCredentials) {
		addMissingAppCredentials(&resp.Diagnostics, "instagram_long_lived_token with mode = \""+m.Mode.ValueString()+"\"", r.Data.Login)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("token"), "Cannot get a long-lived Instagram token", err)
		return
	}

	m.AccessToken = types.StringValue(tok.AccessToken)
	m.TokenType = types.StringValue(tok.TokenType)
	m.ExpiresIn, m.ExpiresAt = types.Int64Null(), types.StringNull()
	if tok.ExpiresIn > 0 {
		m.ExpiresIn = types.Int64Value(tok.ExpiresIn)
		m.ExpiresAt = types.StringValue(r.Data.Now().Add(time.Duration(tok.ExpiresIn) * time.Second).UTC().Format(time.RFC3339))
	}
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
