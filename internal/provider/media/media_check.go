package media

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// CheckInputs applies instagram_media's plan-time rules to a post's inputs
// given as values, the way a configuration writes them (the check_media
// provider function), and returns the problems: the checks `terraform
// validate` and the plan of a new post make, by the same code.
//
// The inputs become a configuration of the resource through its own
// schema: a name the schema lacks is a problem, a missing one is null, and
// a value is converted to the attribute's type as Terraform converts it
// (1000 to "1000", "true" to true, a tuple to a list). The framework then
// validates that configuration exactly as it answers Terraform's
// ValidateResourceConfig call: the schema's validators, required and
// read-only attributes, ValidateConfig. When those pass, the media a new
// post needs (missingMedia, which ModifyPlan checks before publishing).
// Checks that read a file (video_file) or call the API are left out: a
// function is pure. An input added to the schema is checked with no change
// here.
//
// Each problem names its attribute ("children[1].alt_text: …", or a message
// that starts with it); the list is sorted.
func CheckInputs(ctx context.Context, inputs map[string]attr.Value) []string {
	var s resource.SchemaResponse
	NewMediaResource().Schema(ctx, resource.SchemaRequest{}, &s)
	objType, ok := s.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		return []string{"instagram_media's schema is not an object; this is a bug in the provider"}
	}

	c := &conversion{}
	given := make(map[string]tftypes.Value, len(inputs))
	for name, v := range inputs {
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			c.add(name, "cannot be read: "+err.Error())
			continue
		}
		given[name] = tv
	}
	// Terraform sends a block written no time (an empty dynamic "children")
	// as null, not as an empty list: so does a check of the same inputs.
	for name := range s.Schema.GetBlocks() {
		if v, ok := given[name]; ok && emptySequence(v) {
			given[name] = tftypes.NewValue(v.Type(), nil)
		}
	}
	raw := c.object(given, objType, "")

	config, err := tfprotov6.NewDynamicValue(objType, raw)
	if err != nil {
		return append(c.problems, "the inputs cannot be encoded as instagram_media's configuration: "+err.Error())
	}
	resp, err := checkServer().ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
		TypeName:           "instagram_media",
		Config:             &config,
		ClientCapabilities: &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: true},
	})
	if err != nil {
		return append(c.problems, "instagram_media's validation failed: "+err.Error())
	}
	valid := true
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError && !c.reported(attributePath(d.Attribute)) {
			valid = false
			c.add(attributePath(d.Attribute), firstParagraph(d.Detail, d.Summary))
		}
	}
	if valid {
		c.addDiags(newPostNeeds(ctx, tfsdk.Config{Schema: s.Schema, Raw: raw}))
	}

	slices.Sort(c.problems)
	return slices.Compact(c.problems)
}

// newPostNeeds is what the plan of a new post checks of a valid
// configuration before anything else: its media.
func newPostNeeds(ctx context.Context, config tfsdk.Config) diag.Diagnostics {
	var m mediaModel
	if diags := config.Get(ctx, &m); diags.HasError() {
		return diags
	}
	if m.Type.IsNull() || m.Type.IsUnknown() {
		return nil
	}
	return missingMedia(m, "")
}

// checkServer serves instagram_media alone, never configured: what
// CheckInputs validates with, as Terraform would.
var checkServer = sync.OnceValue(providerserver.NewProtocol6(checkProvider{}))

type checkProvider struct{}

func (checkProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "instagram"
}

func (checkProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (checkProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (checkProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{NewMediaResource}
}

func (checkProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// conversion turns values as written into values of the schema's types,
// collecting what cannot be converted.
type conversion struct {
	problems []string
	// notObjects holds the list elements that are not objects where the
	// schema wants one (children = [1], user_tags = [null]): each is a
	// problem already, and stands in as an object of nulls, since the
	// framework cannot hold a null element of a list of objects.
	notObjects []string
}

// reported tells whether a problem of the element holding the attribute at
// was reported already (its other problems would only repeat it).
func (c *conversion) reported(at string) bool {
	for _, e := range c.notObjects {
		if at == e || strings.HasPrefix(at, e+".") || strings.HasPrefix(at, e+"[") {
			return true
		}
	}
	return false
}

// add records a problem of the attribute at: the message as it is when it
// starts with the attribute's name, else "at: message".
func (c *conversion) add(at, msg string) {
	if at != "" && !strings.HasPrefix(msg, at+" ") {
		msg = at + ": " + msg
	}
	c.problems = append(c.problems, msg)
}

func (c *conversion) addDiags(diags diag.Diagnostics) {
	for _, d := range diags.Errors() {
		at := ""
		if p, ok := d.(diag.DiagnosticWithPath); ok {
			at = p.Path().String()
		}
		c.add(at, firstParagraph(d.Detail(), d.Summary()))
	}
}

// value converts v to the type want, the way Terraform converts a
// configuration value to an attribute's type
// (https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types).
// What cannot be converted is a problem and becomes null.
func (c *conversion) value(v tftypes.Value, want tftypes.Type, at string) tftypes.Value {
	switch {
	case v.IsNull():
		return tftypes.NewValue(want, nil)
	case !v.IsKnown():
		return tftypes.NewValue(want, tftypes.UnknownValue)
	}
	var (
		out tftypes.Value
		ok  bool
	)
	switch w := want.(type) {
	case tftypes.Object:
		var attrs map[string]tftypes.Value
		if ok = isObjectOrMap(v.Type()) && v.As(&attrs) == nil; ok {
			out = c.object(attrs, w, at)
		}
	case tftypes.List:
		var elems []tftypes.Value
		if elems, ok = c.elements(v, w.ElementType, at); ok {
			out = tftypes.NewValue(w, elems)
		}
	case tftypes.Set:
		var elems []tftypes.Value
		if elems, ok = c.elements(v, w.ElementType, at); ok {
			out = tftypes.NewValue(w, elems)
		}
	case tftypes.Map:
		var elems map[string]tftypes.Value
		if ok = isObjectOrMap(v.Type()) && v.As(&elems) == nil; ok {
			for k, e := range elems {
				elems[k] = c.value(e, w.ElementType, fmt.Sprintf("%s[%q]", at, k))
			}
			out = tftypes.NewValue(w, elems)
		}
	default:
		out, ok = primitive(v, want)
	}
	if !ok {
		c.add(at, fmt.Sprintf("must be %s, not %s", typeName(want), typeName(v.Type())))
		return tftypes.NewValue(want, nil)
	}
	return out
}

// object converts the attributes given to the object type want: names it
// lacks are problems, names not given are null.
func (c *conversion) object(given map[string]tftypes.Value, want tftypes.Object, at string) tftypes.Value {
	attrs := make(map[string]tftypes.Value, len(want.AttributeTypes))
	for name, t := range want.AttributeTypes {
		if v, ok := given[name]; ok {
			attrs[name] = c.value(v, t, join(at, name))
		} else {
			attrs[name] = tftypes.NewValue(t, nil)
		}
	}
	for name := range given {
		if _, ok := want.AttributeTypes[name]; !ok {
			c.add(join(at, name), "not an argument of instagram_media")
		}
	}
	return tftypes.NewValue(want, attrs)
}

// elements converts the elements of a list, set or tuple.
func (c *conversion) elements(v tftypes.Value, want tftypes.Type, at string) ([]tftypes.Value, bool) {
	var elems []tftypes.Value
	if !isSequence(v.Type()) || v.As(&elems) != nil {
		return nil, false
	}
	for i, e := range elems {
		at := fmt.Sprintf("%s[%d]", at, i)
		elems[i] = c.value(e, want, at)
		if o, ok := want.(tftypes.Object); ok && elems[i].IsNull() {
			if e.IsNull() {
				c.add(at, "must be an object, not null")
			}
			c.notObjects = append(c.notObjects, at)
			elems[i] = c.object(nil, o, at)
		}
	}
	return elems, true
}

// emptySequence: a known list, set or tuple of no element.
func emptySequence(v tftypes.Value) bool {
	var elems []tftypes.Value
	return v.IsKnown() && !v.IsNull() && isSequence(v.Type()) && v.As(&elems) == nil && len(elems) == 0
}

// primitive converts between strings, numbers and booleans as Terraform
// does: any of them to a string, a numeric string to a number, "true" and
// "false" to a boolean.
func primitive(v tftypes.Value, want tftypes.Type) (tftypes.Value, bool) {
	if v.Type().Equal(want) || want.Is(tftypes.DynamicPseudoType) {
		return v, true
	}
	var (
		s string
		n big.Float
		b bool
	)
	switch {
	case want.Is(tftypes.String) && v.Type().Is(tftypes.Number) && v.As(&n) == nil:
		return tftypes.NewValue(want, n.Text('f', -1)), true
	case want.Is(tftypes.String) && v.Type().Is(tftypes.Bool) && v.As(&b) == nil:
		return tftypes.NewValue(want, strconv.FormatBool(b)), true
	case !v.Type().Is(tftypes.String) || v.As(&s) != nil:
		return tftypes.Value{}, false
	case want.Is(tftypes.Number):
		if f, ok := new(big.Float).SetString(s); ok && !f.IsInf() {
			return tftypes.NewValue(want, f), true
		}
	case want.Is(tftypes.Bool):
		if b, err := strconv.ParseBool(s); err == nil && (s == "true" || s == "false") {
			return tftypes.NewValue(want, b), true
		}
	}
	return tftypes.Value{}, false
}

func isObjectOrMap(t tftypes.Type) bool {
	return t.Is(tftypes.Object{}) || t.Is(tftypes.Map{})
}

func isSequence(t tftypes.Type) bool {
	return t.Is(tftypes.List{}) || t.Is(tftypes.Set{}) || t.Is(tftypes.Tuple{})
}

// typeName names a type in a message.
func typeName(t tftypes.Type) string {
	switch {
	case t.Is(tftypes.String):
		return "a string"
	case t.Is(tftypes.Number):
		return "a number"
	case t.Is(tftypes.Bool):
		return "true or false"
	case isSequence(t):
		return "a list"
	case isObjectOrMap(t):
		return "an object"
	}
	return t.String()
}

func join(at, name string) string {
	if at == "" {
		return name
	}
	return at + "." + name
}

// attributePath renders a diagnostic's attribute path as configurations
// write it: children[0].image_url.
func attributePath(p *tftypes.AttributePath) string {
	if p == nil {
		return ""
	}
	var out string
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case tftypes.AttributeName:
			out = join(out, string(s))
		case tftypes.ElementKeyInt:
			out += fmt.Sprintf("[%d]", int64(s))
		case tftypes.ElementKeyString:
			out += fmt.Sprintf("[%q]", string(s))
		default:
			out += "[…]"
		}
	}
	return out
}

// firstParagraph is a diagnostic's detail without the framework's advice
// paragraphs (its summary when it has none).
func firstParagraph(detail, summary string) string {
	if p, _, _ := strings.Cut(strings.TrimSpace(detail), "\n\n"); p != "" {
		return p
	}
	return summary
}
