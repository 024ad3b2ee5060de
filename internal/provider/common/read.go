package common

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Most types act through one Instagram account: the account_id they are
// given, else the provider's. These helpers are the start (and, for data
// sources, the end) that such a type's Read, List or Invoke would otherwise
// write out each time.

// AttributeGetter is a configuration, plan or state: it decodes a whole
// model or a single attribute.
type AttributeGetter interface {
	Getter
	attrGetter
}

// DecodeWithAccount decodes a configuration or plan into a model of type T
// and resolves its account_id attribute: the id given, else the provider's
// account (discovered from the token on first use), which the token must
// reach (ReachableAccount). ok is false when either failed; diags says why.
func DecodeWithAccount[T any](ctx context.Context, d *ProviderData, from AttributeGetter, diags *diag.Diagnostics) (m T, account string, ok bool) {
	if m, ok = Decode[T](ctx, from, diags); !ok {
		return m, "", false
	}
	var given types.String
	if diags.Append(from.GetAttribute(ctx, path.Root("account_id"), &given)...); diags.HasError() {
		return m, "", false
	}
	account, ok = d.ReachableAccount(ctx, given, diags)
	return m, account, ok
}

// ReadWithAccount is the Read of a data source that reads through one
// account: it decodes the configuration, resolves account_id, lets read fill
// the model (read reports its own errors in diags), and saves the model with
// the account_id it was read through.
func ReadWithAccount[T any](ctx context.Context, d *ProviderData, req datasource.ReadRequest, resp *datasource.ReadResponse,
	read func(m *T, account string, diags *diag.Diagnostics),
) {
	m, account, ok := DecodeWithAccount[T](ctx, d, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	if read(&m, account, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("account_id"), account)...)
}
