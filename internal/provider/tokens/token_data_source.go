package tokens

import (
	"context"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*tokenDataSource)(nil)

// NewTokenDataSource is instagram_token: what Meta's debug_token says about
// the provider's access token. A data source's result lands in state, so it
// takes no token as input and never returns one: it inspects the token the
// provider is configured with.
func NewTokenDataSource() datasource.DataSource {
	return &tokenDataSource{DataSourceBase: common.NewDataSourceBase("token")}
}

type tokenDataSource struct{ common.DataSourceBase }

type tokenModel struct {
	IsValid             types.Bool           `tfsdk:"is_valid"`
	Type                types.String         `tfsdk:"type"`
	Application         types.String         `tfsdk:"application"`
	AppID               types.String         `tfsdk:"app_id"`
	UserID              types.String         `tfsdk:"user_id"`
	Scopes              []types.String       `tfsdk:"scopes"`
	GranularScopes      []granularScopeModel `tfsdk:"granular_scopes"`
	ExpiresAt           types.String         `tfsdk:"expires_at"`
	ExpiresInDays       types.Int64          `tfsdk:"expires_in_days"`
	DataAccessExpiresAt types.String         `tfsdk:"data_access_expires_at"`
	IssuedAt            types.String         `tfsdk:"issued_at"`
	Error               types.String         `tfsdk:"error"`
}

type granularScopeModel struct {
	Scope     types.String   `tfsdk:"scope"`
	TargetIDs []types.String `tfsdk:"target_ids"`
}

func (d *tokenDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "What Meta's `debug_token` says about the provider's access token: validity, expiry and permissions. " +
			"Use it in a `check` block to warn weeks before the token expires. The token itself is never read into state.\n\n" +
			"Needs Facebook login and the provider's `app_id` and `app_secret` (the call is made with the app token). " +
			"`debug_token` is a Facebook-login endpoint: Meta documents no way to inspect Instagram-login tokens, so with " +
			"Instagram login this data source is an error; the `instagram_long_lived_token` ephemeral resource reports the " +
			"`expires_at` of the tokens it gets.",
		Attributes: map[string]schema.Attribute{
			"is_valid":    common.ComputedBool("Whether the token works now."),
			"type":        common.ComputedString("`USER`, `PAGE`, `APP` or `SYSTEM_USER`."),
			"application": common.ComputedString("Name of the app the token belongs to."),
			"app_id":      common.ComputedString("Id of the app the token belongs to."),
			"user_id":     common.ComputedString("Id of the user the token acts for (a Facebook user id with Facebook login)."),
			"scopes":      common.ComputedStrings("Permissions granted to the token."),
			"granular_scopes": common.ComputedNestedList("Permissions with the Page and Instagram account ids they were granted for.", map[string]schema.Attribute{
				"scope":      common.ComputedString("The permission."),
				"target_ids": common.ComputedStrings("Ids it is limited to; null when it applies to everything the user granted."),
			}),
			"expires_at": common.ComputedString("When the token expires (RFC 3339, UTC); null for a token that does not expire on a schedule."),
			"expires_in_days": common.ComputedInt64("Whole days until `expires_at` (rounded down, 0 once less than a day is left or the token has expired); " +
				"null when the token does not expire. Compare it in a `check` block to warn in time."),
			"data_access_expires_at": common.ComputedString("When the app's access to the user's data expires unless the user comes back (RFC 3339, UTC)."),
			"issued_at":              common.ComputedString("When the token was issued (RFC 3339, UTC); null when Meta does not say."),
			"error":                  common.ComputedString("Why the token is invalid, as Meta says it; null when it is valid."),
		},
	}
}

func (d *tokenDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin("instagram_token (Meta's debug_token)", &resp.Diagnostics) {
		return
	}
	info, _, err := d.Data.Client.Tokens.Debug(ctx, "")
	if errors.Is(err, graph.ErrNoAppCredentials) {
		addMissingAppCredentials(&resp.Diagnostics, "instagram_token", d.Data.Login)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Empty(), "Cannot inspect the provider's access token (debug_token)", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, d.model(info))...)
}

func (d *tokenDataSource) model(info *graph.TokenDebug) *tokenModel {
	m := &tokenModel{
		IsValid:             types.BoolValue(info.IsValid),
		Type:                common.StringOrNull(info.Type),
		Application:         common.StringOrNull(info.Application),
		AppID:               common.StringOrNull(info.AppID),
		UserID:              common.StringOrNull(info.UserID),
		Scopes:              stringList(info.Scopes),
		ExpiresAt:           unixTime(info.ExpiresAt),
		ExpiresInDays:       types.Int64Null(),
		DataAccessExpiresAt: unixTime(info.DataAccessExpiresAt),
		IssuedAt:            unixTime(info.IssuedAt),
		Error:               types.StringNull(),
	}
	for _, g := range info.GranularScopes {
		m.GranularScopes = append(m.GranularScopes, granularScopeModel{Scope: types.StringValue(g.Scope), TargetIDs: stringList(g.TargetIDs)})
	}
	if info.ExpiresAt > 0 {
		left := time.Unix(info.ExpiresAt, 0).Sub(d.Data.Now())
		m.ExpiresInDays = types.Int64Value(max(0, int64(left/(24*time.Hour))))
	}
	if info.Error != nil {
		m.Error = types.StringValue(info.Error.Message)
	}
	return m
}

// unixTime renders Meta's Unix seconds as RFC 3339; 0 means "none" → null.
func unixTime(sec int64) types.String {
	if sec == 0 {
		return types.StringNull()
	}
	return types.StringValue(time.Unix(sec, 0).UTC().Format(time.RFC3339))
}

func stringList(in []string) []types.String {
	if in == nil {
		return nil
	}
	out := make([]types.String, len(in))
	for i, s := range in {
		out[i] = types.StringValue(s)
	}
	return out
}
