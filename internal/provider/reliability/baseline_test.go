package reliability

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// The baselines the bench compares instagram_media with are throwaway
// framework providers, written as Go source into a temporary module and built
// at bench time, so that they use exactly the framework version this
// repository does:
//
//   - minimal: one resource with 4 string attributes, what any framework
//     provider costs;
//   - floor: one resource with the schema of a real resource (generated from
//     the resource's own Schema method, so it cannot drift), without its
//     validators, plan modifiers and logic: the cost the schema's shape sets.
//
// Both have the same trivial logic: Create and Update store the plan (unknown
// values become null, id gets a value), Read returns the state as it is,
// Delete does nothing, import takes the id.

// baselineProvider is a built baseline: the directory holding its binary
// (dev_overrides wants a directory), its source address, its provider type
// name (the configuration's local name) and resource type, and the name of
// its rows.
type baselineProvider struct {
	dir, source, typeName, resourceType, label string
}

// minimalSchema is the minimal baseline's resource: id and 3 inputs.
const minimalSchema = `schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":    schema.StringAttribute{Computed: true},
			"name":  schema.StringAttribute{Optional: true},
			"value": schema.StringAttribute{Optional: true},
			"note":  schema.StringAttribute{Optional: true},
		},
	}`

// buildMinimalProvider builds the minimal baseline: bench/minimal, with
// resource minimal_item.
func buildMinimalProvider(tb testing.TB, dir string) baselineProvider {
	return buildBaseline(tb, dir, "minimal", "minimal", "item", minimalSchema, "")
}

// buildFloorProvider builds the schema floor of instagram_media (res): a
// provider installed as bench/<name> whose resource floor_media has res's
// schema and identity schema, reshaped first when reshape is not nil.
func buildFloorProvider(tb testing.TB, dir, name string, res resource.Resource, reshape func(*schema.Schema)) baselineProvider {
	tb.Helper()
	ctx := context.Background()
	var sresp resource.SchemaResponse
	res.Schema(ctx, resource.SchemaRequest{}, &sresp)
	if sresp.Diagnostics.HasError() {
		tb.Fatalf("schema: %v", sresp.Diagnostics)
	}
	if reshape != nil {
		reshape(&sresp.Schema)
	}
	g := &schemaGen{tb: tb}
	schemaSrc := g.schema(sresp.Schema)
	identitySrc := ""
	if r, ok := res.(resource.ResourceWithIdentity); ok {
		var iresp resource.IdentitySchemaResponse
		r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &iresp)
		identitySrc = g.identity(iresp.IdentitySchema)
	}
	return buildBaseline(tb, dir, name, "floor", "media", schemaSrc, identitySrc)
}

// mediaShapes are other shapes instagram_media's schema could have, as
// floors (BENCH_SHAPES=1): what a shape costs, before anyone rewrites the
// resource. The bench's configuration sets neither children nor timeouts,
// so it fits every shape.
var mediaShapes = []struct {
	name, label string
	reshape     func(*schema.Schema)
}{
	{"floorchildren", "floor_media, children as attribute", func(s *schema.Schema) { blockToAttribute(s, "children") }},
	{"floortimeouts", "floor_media, timeouts as attribute", func(s *schema.Schema) { blockToAttribute(s, "timeouts") }},
	{"floorattrs", "floor_media, no blocks", func(s *schema.Schema) {
		blockToAttribute(s, "children")
		blockToAttribute(s, "timeouts")
	}},
	{"floornotimeouts", "floor_media, no timeouts", func(s *schema.Schema) { delete(s.Blocks, "timeouts") }},
}

// blockToAttribute turns block name into the optional nested attribute of
// the same nesting.
func blockToAttribute(s *schema.Schema, name string) {
	switch bl := s.Blocks[name].(type) {
	case schema.ListNestedBlock:
		s.Attributes[name] = schema.ListNestedAttribute{Optional: true, MarkdownDescription: bl.MarkdownDescription,
			NestedObject: schema.NestedAttributeObject{Attributes: bl.NestedObject.Attributes}}
	case schema.SingleNestedBlock:
		s.Attributes[name] = schema.SingleNestedAttribute{Optional: true, MarkdownDescription: bl.MarkdownDescription, Attributes: bl.Attributes}
	default:
		panic(fmt.Sprintf("blockToAttribute: %s is a %T", name, bl))
	}
	delete(s.Blocks, name)
}

// buildBaseline generates a baseline provider's main package, builds it
// into dir/<name>/ and installs it as bench/<name>. The package lives
// (through an overlay) in the module, so that it can be served as this
// provider is (provider.SetUpProcess, provider.NewServer).
func buildBaseline(tb testing.TB, dir, name, typeName, resourceName, schemaSrc, identitySrc string) baselineProvider {
	tb.Helper()
	root := moduleRoot(tb)
	pkg := filepath.Join(root, "internal", "provider", "reliability", "zz_baseline_"+name)
	out := filepath.Join(dir, name)
	bin := filepath.Join(out, "terraform-provider-"+name+".bin")
	buildOverlaid(tb, root, pkg, map[string]string{
		filepath.Join(pkg, "main.go"):    baselineSource(name, typeName, resourceName, schemaSrc, identitySrc),
		filepath.Join(pkg, "profile.go"): profileSource("serve"),
	}, bin)
	writeProbeWrapper(tb, out, "terraform-provider-"+name, bin)
	label := typeName + "_" + resourceName
	for _, shape := range mediaShapes {
		if shape.name == name {
			label = shape.label
		}
	}
	return baselineProvider{dir: out, source: "bench/" + name, typeName: typeName, resourceType: typeName + "_" + resourceName, label: label}
}

// shippedEnv set makes a baseline serve as the framework ships
// (providerserver.Serve, the SDK's default log levels, Go's default GC)
// instead of as this provider is served.
const shippedEnv = "BENCH_BASELINE_AS_SHIPPED"

// baselineSource is a baseline provider's main.go.
func baselineSource(name, typeName, resourceName, schemaSrc, identitySrc string) string {
	identity := ""
	if identitySrc != "" {
		identity = `
func (benchResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = ` + identitySrc + `
}

var _ resource.ResourceWithIdentity = benchResource{}
`
	}
	return `// Code generated by the reliability bench; a throwaway baseline provider.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	instagram "github.com/terraform-instagram/terraform-provider-instagram/internal/provider"
)

var (
	_ = attr.Value(nil)
	_ = identityschema.Schema{}
	_ = types.StringType
)

func serve() {
	address := "registry.terraform.io/bench/` + name + `"
	if os.Getenv("` + shippedEnv + `") != "" { // as the framework ships
		if err := providerserver.Serve(context.Background(), func() provider.Provider { return benchProvider{} },
			providerserver.ServeOpts{Address: address}); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := instagram.SetUpProcess(false); err != nil {
		log.Fatal(err)
	}
	if err := tf6server.Serve(address, instagram.NewServer(providerserver.NewProtocol6(benchProvider{}))); err != nil {
		log.Fatal(err)
	}
}

type benchProvider struct{}

func (benchProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "` + typeName + `"
}
func (benchProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse)          {}
func (benchProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}
func (benchProvider) DataSources(context.Context) []func() datasource.DataSource                       { return nil }
func (benchProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return benchResource{} }}
}

type benchResource struct{}

func (benchResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_` + resourceName + `"
}

func (benchResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = ` + schemaSrc + `
}
` + identity + `
var ids atomic.Int64

func (benchResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	id := fmt.Sprintf("%d-%d", time.Now().UnixNano(), ids.Add(1))
	resp.State.Raw = known(req.Plan.Raw, tftypes.NewValue(tftypes.String, id))
	setIdentity(ctx, resp.State, resp.Identity)
}

func (benchResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (benchResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var id tftypes.Value
	if m := map[string]tftypes.Value{}; req.State.Raw.As(&m) == nil {
		id = m["id"]
	}
	resp.State.Raw = known(req.Plan.Raw, id)
	setIdentity(ctx, resp.State, resp.Identity)
}

func (benchResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

func (benchResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	setIdentity(ctx, resp.State, resp.Identity)
}

// known replaces unknown values with null, and an unknown top-level id with id.
func known(v tftypes.Value, id tftypes.Value) tftypes.Value {
	out, _ := tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		if len(p.Steps()) == 1 && p.Steps()[0].Equal(tftypes.AttributeName("id")) && id.Type() != nil {
			return id, nil
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	return out
}

// setIdentity copies the identity's attributes from the state attributes of
// the same name.
func setIdentity(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity) {
	if identity == nil {
		return
	}
	for name := range identity.Schema.GetAttributes() {
		var v types.String
		state.GetAttribute(ctx, path.Root(name), &v)
		identity.SetAttribute(ctx, path.Root(name), v)
	}
}
`
}

// schemaGen writes a resource schema as Go source: attribute types, nesting
// and flags (required, optional, computed, sensitive) and descriptions;
// validators, plan modifiers, defaults and custom types are logic, not
// shape, and are left out. A construct it does not know fails the bench, so
// a schema change never silently leaves the floor behind.
type schemaGen struct{ tb testing.TB }

func (g *schemaGen) schema(s schema.Schema) string {
	return "schema.Schema{\n" + g.attributes(s.Attributes) + g.blocks(s.Blocks) + "}"
}

func (g *schemaGen) identity(s identityschema.Schema) string {
	var sb strings.Builder
	sb.WriteString("identityschema.Schema{Attributes: map[string]identityschema.Attribute{\n")
	for _, name := range sortedKeys(s.Attributes) {
		a, ok := s.Attributes[name].(identityschema.StringAttribute)
		if !ok {
			g.tb.Fatalf("floor: identity attribute %s is a %T, which the generator does not know", name, s.Attributes[name])
		}
		fmt.Fprintf(&sb, "%q: identityschema.StringAttribute{RequiredForImport: %t, OptionalForImport: %t},\n", name, a.RequiredForImport, a.OptionalForImport)
	}
	sb.WriteString("}}")
	return sb.String()
}

func (g *schemaGen) attributes(attrs map[string]schema.Attribute) string {
	if len(attrs) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("Attributes: map[string]schema.Attribute{\n")
	for _, name := range sortedKeys(attrs) {
		fmt.Fprintf(&sb, "%q: %s,\n", name, g.attribute(name, attrs[name]))
	}
	sb.WriteString("},\n")
	return sb.String()
}

func (g *schemaGen) attribute(name string, a schema.Attribute) string {
	flags := flagsSrc(a)
	switch a := a.(type) {
	case schema.StringAttribute:
		return "schema.StringAttribute{" + flags + "}"
	case schema.BoolAttribute:
		return "schema.BoolAttribute{" + flags + "}"
	case schema.Int64Attribute:
		return "schema.Int64Attribute{" + flags + "}"
	case schema.Float64Attribute:
		return "schema.Float64Attribute{" + flags + "}"
	case schema.NumberAttribute:
		return "schema.NumberAttribute{" + flags + "}"
	case schema.ListAttribute:
		return "schema.ListAttribute{ElementType: " + g.typ(name, a.ElementType) + ", " + flags + "}"
	case schema.SetAttribute:
		return "schema.SetAttribute{ElementType: " + g.typ(name, a.ElementType) + ", " + flags + "}"
	case schema.MapAttribute:
		return "schema.MapAttribute{ElementType: " + g.typ(name, a.ElementType) + ", " + flags + "}"
	case schema.ListNestedAttribute:
		return "schema.ListNestedAttribute{NestedObject: schema.NestedAttributeObject{" + g.attributes(a.NestedObject.Attributes) + "}, " + flags + "}"
	case schema.SetNestedAttribute:
		return "schema.SetNestedAttribute{NestedObject: schema.NestedAttributeObject{" + g.attributes(a.NestedObject.Attributes) + "}, " + flags + "}"
	case schema.MapNestedAttribute:
		return "schema.MapNestedAttribute{NestedObject: schema.NestedAttributeObject{" + g.attributes(a.NestedObject.Attributes) + "}, " + flags + "}"
	case schema.SingleNestedAttribute:
		return "schema.SingleNestedAttribute{" + g.attributes(a.Attributes) + flags + "}"
	}
	g.tb.Fatalf("floor: attribute %s is a %T, which the generator does not know", name, a)
	return ""
}

// flagsSrc is an attribute's flags and description as struct fields.
func flagsSrc(a schema.Attribute) string {
	s := "MarkdownDescription: " + strconv.Quote(a.GetMarkdownDescription())
	for _, f := range []struct {
		name string
		set  bool
	}{{"Required", a.IsRequired()}, {"Optional", a.IsOptional()}, {"Computed", a.IsComputed()}, {"Sensitive", a.IsSensitive()}, {"WriteOnly", a.IsWriteOnly()}} {
		if f.set {
			s += ", " + f.name + ": true"
		}
	}
	return s
}

func (g *schemaGen) blocks(blocks map[string]schema.Block) string {
	if len(blocks) == 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString("Blocks: map[string]schema.Block{\n")
	for _, name := range sortedKeys(blocks) {
		desc := "MarkdownDescription: " + strconv.Quote(blocks[name].GetMarkdownDescription())
		nested := func(kind string, o schema.NestedBlockObject) {
			fmt.Fprintf(&sb, "%q: schema.%s{NestedObject: schema.NestedBlockObject{%s%s}, %s},\n", name, kind,
				g.attributes(o.Attributes), g.blocks(o.Blocks), desc)
		}
		switch bl := blocks[name].(type) {
		case schema.ListNestedBlock:
			nested("ListNestedBlock", bl.NestedObject)
		case schema.SetNestedBlock:
			nested("SetNestedBlock", bl.NestedObject)
		case schema.SingleNestedBlock:
			fmt.Fprintf(&sb, "%q: schema.SingleNestedBlock{%s%s%s},\n", name, g.attributes(bl.Attributes), g.blocks(bl.Blocks), desc)
		default:
			g.tb.Fatalf("floor: block %s is a %T, which the generator does not know", name, bl)
		}
	}
	sb.WriteString("},\n")
	return sb.String()
}

// typ is an element type as Go source.
func (g *schemaGen) typ(name string, t attr.Type) string {
	switch t := t.(type) {
	case basetypes.StringType:
		return "types.StringType"
	case basetypes.BoolType:
		return "types.BoolType"
	case basetypes.Int64Type:
		return "types.Int64Type"
	case basetypes.Float64Type:
		return "types.Float64Type"
	case basetypes.NumberType:
		return "types.NumberType"
	case basetypes.ListType:
		return "types.ListType{ElemType: " + g.typ(name, t.ElemType) + "}"
	case basetypes.SetType:
		return "types.SetType{ElemType: " + g.typ(name, t.ElemType) + "}"
	case basetypes.MapType:
		return "types.MapType{ElemType: " + g.typ(name, t.ElemType) + "}"
	case basetypes.ObjectType:
		var sb strings.Builder
		sb.WriteString("types.ObjectType{AttrTypes: map[string]attr.Type{")
		for _, k := range sortedKeys(t.AttrTypes) {
			fmt.Fprintf(&sb, "%q: %s, ", k, g.typ(name, t.AttrTypes[k]))
		}
		sb.WriteString("}}")
		return sb.String()
	}
	g.tb.Fatalf("floor: %s has an element type %T, which the generator does not know", name, t)
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
