package common

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// The building blocks every type embeds, in the spirit of
// terraform-provider-aws's internal/framework: a type's own file then holds
// only what is particular to it (schema, model, the API calls).
//
//	type commentResource struct {
//		common.ResourceBase          // Metadata + Configure: r.Data
//		common.NoUpdate              // every input replaces
//	}
//	func NewCommentResource() resource.Resource {
//		return &commentResource{ResourceBase: common.NewResourceBase("comment")}
//	}

// ResourceBase gives a resource its Metadata (instagram_<name>) and a
// Configure that stores the provider data in Data (nil until the provider is
// configured, e.g. during validation).
type ResourceBase struct {
	name string
	Data *ProviderData
}

// NewResourceBase names the resource instagram_<name>.
func NewResourceBase(name string) ResourceBase { return ResourceBase{name: name} }

// TypeName is the resource's Terraform type, instagram_<name>.
func (b *ResourceBase) TypeName() string { return "instagram_" + b.name }

func (b *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Data = FromConfigure(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is ResourceBase for data sources.
type DataSourceBase struct {
	name string
	Data *ProviderData
}

// NewDataSourceBase names the data source instagram_<name>.
func NewDataSourceBase(name string) DataSourceBase { return DataSourceBase{name: name} }

func (b *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Data = FromConfigure(req.ProviderData, &resp.Diagnostics)
}

// EphemeralBase is ResourceBase for ephemeral resources.
type EphemeralBase struct {
	name string
	Data *ProviderData
}

// NewEphemeralBase names the ephemeral resource instagram_<name>.
func NewEphemeralBase(name string) EphemeralBase { return EphemeralBase{name: name} }

func (b *EphemeralBase) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *EphemeralBase) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	b.Data = FromConfigure(req.ProviderData, &resp.Diagnostics)
}

// ActionBase is ResourceBase for actions (Terraform ≥ 1.14).
type ActionBase struct {
	name string
	Data *ProviderData
}

// NewActionBase names the action instagram_<name>.
func NewActionBase(name string) ActionBase { return ActionBase{name: name} }

func (b *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.Data = FromConfigure(req.ProviderData, &resp.Diagnostics)
}

// Getter is what a plan, a state or a config offers to decode a model.
type Getter interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// Decode reads a plan, state or config into a new model of type T. ok is
// false when that failed; diags says why.
func Decode[T any](ctx context.Context, from Getter, diags *diag.Diagnostics) (m T, ok bool) {
	diags.Append(from.Get(ctx, &m)...)
	return m, !diags.HasError()
}

// NoUpdate is embedded by resources whose every input replaces them, so
// Terraform never plans an in-place change with a difference to send: the
// planned values become the state as they are.
type NoUpdate struct{}

func (NoUpdate) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// ImportID describes how a resource is imported: by a string id (`terraform
// import ADDR ID`, `import { id = … }`), checked against Pattern and stored
// in the `id` attribute, or by identity (`import { identity = {…} }`, see
// identity.go), whose IdentityID attribute is that same id.
type ImportID struct {
	Pattern *regexp.Regexp // nil → NumericIDPattern
	What    string         // e.g. "its numeric Instagram comment id"
	Example string         // e.g. "17870913679156914"
	// IdentityID is the identity attribute that holds the id; "" → "id".
	// The identity's other attributes go to the state attributes of the
	// same name.
	IdentityID string
}

// NumericImportID is the import id of resources identified by a numeric
// Graph id (a media, a comment, an account).
func NumericImportID(what, example string) ImportID {
	return ImportID{Pattern: NumericIDPattern, What: what, Example: example}
}

func (i ImportID) identityID() string {
	if i.IdentityID == "" {
		return "id"
	}
	return i.IdentityID
}

// Import validates the id and stores it in `id` (and, from an identity, the
// other identity attributes in their state attributes). ok is false when
// the id is not acceptable; the diagnostic names the resource type, the
// expected id and an example.
func (i ImportID) Import(ctx context.Context, typeName string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	id := req.ID
	if id == "" {
		var ok bool
		if id, ok = i.importIdentity(ctx, typeName, req, resp); !ok {
			return false
		}
	}
	pattern := i.Pattern
	if pattern == nil {
		pattern = NumericIDPattern
	}
	if !pattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import %s by %s (e.g. %s), got %q.", typeName, i.What, i.Example, id))
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	if key := i.identityID(); key != "id" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(key), id)...)
	}
	return !resp.Diagnostics.HasError()
}
