package common

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform ≥ 1.12): the smallest set of values that
// names an object on Instagram, so that `import { identity = {…} }` works and
// `terraform query` can report what it found. Every identity attribute of
// this provider is a string with the same name as a state attribute, so one
// mechanism sets identities from states and states from identities.

// IdentityAttr is one attribute of a resource identity.
type IdentityAttr struct {
	Name        string
	Description string
	// Optional: may be left out of an import block (account_id defaults
	// to the provider's account).
	Optional bool
}

// IdentitySchema builds an identity schema from its attributes.
func IdentitySchema(attrs ...IdentityAttr) identityschema.Schema {
	out := identityschema.Schema{Attributes: map[string]identityschema.Attribute{}}
	for _, a := range attrs {
		out.Attributes[a.Name] = identityschema.StringAttribute{
			Description:       a.Description,
			RequiredForImport: !a.Optional,
			OptionalForImport: a.Optional,
		}
	}
	return out
}

// attrGetter is a state or a resource object: what identities are copied from.
type attrGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// SetIdentity copies the identity attributes from a resource's state (or a
// listed resource object) into its identity. A nil identity (a CLI without
// identity support) is left alone.
func SetIdentity(ctx context.Context, from attrGetter, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	for _, name := range identityNames(identity) {
		var v types.String
		diags.Append(from.GetAttribute(ctx, path.Root(name), &v)...)
		diags.Append(identity.SetAttribute(ctx, path.Root(name), v)...)
	}
}

// identityFromImport returns the identity attributes an import block gave,
// by name (null ones left out).
func identityFromImport(ctx context.Context, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if identity == nil || identity.Raw.IsNull() {
		return out
	}
	for _, name := range identityNames(identity) {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() && !v.IsUnknown() {
			out[name] = v.ValueString()
		}
	}
	return out
}

func identityNames(identity *tfsdk.ResourceIdentity) []string {
	var names []string
	for name := range identity.Schema.GetAttributes() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// importIdentity is the import-by-identity half of ImportID.Import: the
// identity's IdentityID attribute is the id; every other given attribute goes
// to the state attribute of its name.
func (i ImportID) importIdentity(ctx context.Context, typeName string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) (string, bool) {
	attrs := identityFromImport(ctx, req.Identity, &resp.Diagnostics)
	key := i.identityID()
	id, ok := attrs[key]
	if !ok {
		resp.Diagnostics.AddError("Incomplete import identity",
			fmt.Sprintf("Importing %s by identity needs %s (%s, e.g. %s).", typeName, key, i.What, i.Example))
		return "", false
	}
	for name, v := range attrs {
		if name == key {
			continue
		}
		// An account id goes into request paths: it must be one.
		if name == "account_id" && !NumericIDPattern.MatchString(v) {
			resp.Diagnostics.AddError("Invalid import identity",
				fmt.Sprintf("account_id in the identity of %s must be a numeric Instagram user id (e.g. 17841400000000001), got %q.", typeName, v))
			return "", false
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	return id, !resp.Diagnostics.HasError()
}

// Save stores a resource's model in its state and the identity that follows
// from it: what Create, Read and Update end with.
func Save(ctx context.Context, state *tfsdk.State, identity *tfsdk.ResourceIdentity, model any, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, model)...)
	SetIdentity(ctx, *state, identity, diags)
}

// Gone removes a resource that Read found deleted. Its identity stays the
// one it had: the framework wants an identity after every Read without an
// error, and a CLI without identity support (Terraform < 1.12) sends none to
// start from.
func Gone(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	SetIdentity(ctx, req.State, resp.Identity, &resp.Diagnostics)
	resp.State.RemoveResource(ctx)
}
