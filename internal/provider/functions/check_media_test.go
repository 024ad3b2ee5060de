package functions_test

import (
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/media"
)

const (
	jpg = "https://cdn.example.com/a.jpg"
	mp4 = "https://cdn.example.com/v.mp4"
)

func TestCheckMedia(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		inputs map[string]any
		want   []string
	}{
		{"a valid image", map[string]any{"type": "IMAGE", "image_url": jpg, "caption": "Hello #launch"}, []string{}},
		{"a new post needs its media", map[string]any{"type": "IMAGE"},
			[]string{`image_url is required when type is "IMAGE": it is what Instagram publishes.`}},
		{"an unknown name is a problem", map[string]any{"type": "IMAGE", "image_url": jpg, "image": jpg},
			[]string{"image: not an argument of instagram_media"}},
		{"type is required", map[string]any{"image_url": jpg},
			[]string{"type: Must set a configuration value for the type attribute as the provider has marked it as required."}},
		{"read-only attributes cannot be set", map[string]any{"type": "IMAGE", "image_url": jpg, "permalink": "https://instagr.am/p/x"},
			[]string{"permalink: Cannot set value for this attribute as the provider has marked it as read-only. Remove the configuration line setting the value."}},
		{"values convert as Terraform converts them", map[string]any{
			"type": "REELS", "video_url": mp4, "thumb_offset": "1500", "share_to_feed": "true", "location_id": 110, "collaborators": []any{"ana"},
		}, []string{}},
		{"values that do not convert", map[string]any{"type": "REELS", "video_url": mp4, "caption": []any{"a"}, "thumb_offset": "soon"},
			[]string{"caption: must be a string, not a list", "thumb_offset: must be a number, not a string"}},
		{"inputs the type does not take", map[string]any{"type": "STORIES", "image_url": jpg, "caption": "hi"},
			[]string{`caption cannot be set when type is "STORIES". Allowed for STORIES: image_url, video_url or video_file, user_tags, is_ai_generated. ` +
				"Stories take one image_url, video_url or video_file and optional user_tags; captions, locations and collaborators are not supported on stories."}},
		{"children as a list of objects", map[string]any{"type": "CAROUSEL", "children": []any{
			map[string]any{"image_url": jpg, "alt_text": "a bike", "user_tags": []any{map[string]any{"username": "ana", "x": 0.5, "y": 0.5}}},
			map[string]any{"video_url": mp4},
		}}, []string{}},
		{"problems inside children", map[string]any{"type": "CAROUSEL", "children": []any{
			map[string]any{"image_url": "http://cdn.example.com/a.jpg", "url": jpg},
			map[string]any{"video_url": mp4, "alt_text": "a video"},
		}}, []string{
			"children[0].image_url must be an absolute https URL that Instagram can reach, got \"http://cdn.example.com/a.jpg\".",
			"children[0].url: not an argument of instagram_media",
			"children[1].alt_text: children[1] is a video; Instagram supports alt_text only on images.",
		}},
		{"an empty carousel, as an empty dynamic block gives it", map[string]any{"type": "CAROUSEL", "caption": "x", "children": []any{}},
			[]string{`children is required when type is "CAROUSEL": it is what Instagram publishes.`}},
		{"children that are not objects", map[string]any{"type": "CAROUSEL", "children": []any{1, nil, map[string]any{"video_url": mp4}}},
			[]string{"children[0]: must be an object, not a number", "children[1]: must be an object, not null"}},
		{"a null tag", map[string]any{"type": "IMAGE", "image_url": jpg, "user_tags": []any{nil}},
			[]string{"user_tags[0]: must be an object, not null"}},
		{"a null collaborator", map[string]any{"type": "IMAGE", "image_url": jpg, "collaborators": []any{nil}},
			[]string{"collaborators: This attribute contains a null value."}},
		{"texts are counted in characters, not bytes", map[string]any{"type": "IMAGE", "image_url": jpg, "caption": "Which one?",
			"alt_text": strings.Repeat("東", 400), "poll": map[string]any{"options": []any{"Crème brûlée à l'orange", "東京で一番おいしいコーヒー"}}}, []string{}},
		{"texts too long or blank", map[string]any{"type": "IMAGE", "image_url": jpg, "caption": " ",
			"alt_text": strings.Repeat("東", 1001), "poll": map[string]any{"options": []any{"  ", strings.Repeat("é", 26)}}}, []string{
			"alt_text is 1001 characters long; Instagram allows at most 1000.",
			"caption: The caption is the poll's question: set caption (not blank).",
			"poll.options[0] must not be blank.",
			"poll.options[1] is 26 characters long; Instagram allows at most 25.",
		}},
		{"validators of the schema", map[string]any{"type": "IMAGE", "image_url": jpg, "collaborators": []any{"a", "b", "c", "d"}},
			[]string{"collaborators: Attribute collaborators list must contain at least 1 elements and at most 3 elements, got: 4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			result(t, &got, functions.NewCheckMedia(), types.DynamicValue(value(tc.inputs)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("check_media(%v) =\n%q\nwant\n%q", tc.inputs, got, tc.want)
			}
		})
	}
}

// A map (a variable typed map(string), tomap()) is taken like an object.
func TestCheckMedia_map(t *testing.T) {
	t.Parallel()
	inputs := types.MapValueMust(types.StringType, map[string]attr.Value{"type": types.StringValue("IMAGE"), "caption": types.StringValue("hi")})
	var got []string
	result(t, &got, functions.NewCheckMedia(), types.DynamicValue(inputs))
	if want := []string{`image_url is required when type is "IMAGE": it is what Instagram publishes.`}; !reflect.DeepEqual(got, want) {
		t.Errorf("check_media(%s) = %q, want %q", inputs, got, want)
	}
}

// check_media takes every attribute of instagram_media's schema, so an
// input added to the resource is checked with no change to the function.
func TestCheckMedia_takesEveryAttributeOfTheSchema(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	var s resource.SchemaResponse
	media.NewMediaResource().Schema(ctx, resource.SchemaRequest{}, &s)
	names := make([]string, 0, len(s.Schema.Attributes)+len(s.Schema.Blocks))
	for name := range s.Schema.Attributes {
		names = append(names, name)
	}
	for name := range s.Schema.Blocks {
		names = append(names, name)
	}
	inputs := map[string]attr.Value{}
	for _, name := range names {
		typ, diags := s.Schema.TypeAtPath(ctx, path.Root(name))
		if diags.HasError() {
			t.Fatal(diags)
		}
		v, err := typ.ValueFromTerraform(ctx, sample(typ.TerraformType(ctx)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		inputs[name] = v
	}
	var problems []string
	result(t, &problems, functions.NewCheckMedia(), types.DynamicValue(types.ObjectValueMust(attrTypes(t, inputs), inputs)))
	for _, p := range problems {
		if strings.Contains(p, "not an argument") || strings.Contains(p, ": must be") {
			t.Errorf("check_media does not take what the schema has: %s", p)
		}
	}
	if len(names) < 20 {
		t.Errorf("only %d attributes in the schema: %q", len(names), names)
	}
}

// sample is a known value of type t with every attribute and element set.
func sample(t tftypes.Type) tftypes.Value {
	switch t := t.(type) {
	case tftypes.Object:
		attrs := map[string]tftypes.Value{}
		for name, at := range t.AttributeTypes {
			attrs[name] = sample(at)
		}
		return tftypes.NewValue(t, attrs)
	case tftypes.List:
		return tftypes.NewValue(t, []tftypes.Value{sample(t.ElementType)})
	case tftypes.Set:
		return tftypes.NewValue(t, []tftypes.Value{sample(t.ElementType)})
	case tftypes.Map:
		return tftypes.NewValue(t, map[string]tftypes.Value{"k": sample(t.ElementType)})
	}
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "x")
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(1))
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, true)
	}
	panic(fmt.Sprintf("sample: %s", t)) // a type the test does not know yet
}

func attrTypes(t *testing.T, values map[string]attr.Value) map[string]attr.Type {
	out := make(map[string]attr.Type, len(values))
	for k, v := range values {
		out[k] = v.Type(t.Context())
	}
	return out
}

func TestCheckMedia_wrongArgument(t *testing.T) {
	t.Parallel()
	expectArgumentError(t, functions.NewCheckMedia(), 0, "inputs must be an object of instagram_media arguments", types.DynamicValue(types.StringValue("IMAGE")))
	expectArgumentError(t, functions.NewCheckMedia(), 0, "not a list", types.DynamicValue(value([]any{"IMAGE"})))
	expectArgumentError(t, functions.NewCheckMedia(), 0, "not null", types.DynamicNull())
	expectArgumentError(t, functions.NewCheckMedia(), 0, "inputs must be", types.StringValue("IMAGE"))
}

func TestCheckMedia_unknown(t *testing.T) {
	t.Parallel()
	resp := run(t, functions.NewCheckMedia(), types.DynamicUnknown())
	if resp.Error != nil || !resp.Result.Value().IsUnknown() {
		t.Errorf("check_media(unknown) = %s, %v; want an unknown list", resp.Result.Value(), resp.Error)
	}
}

// Terraform calls a function only with known arguments; a value unknown
// inside the inputs all the same is left to the plan, as ValidateConfig
// leaves it.
func TestCheckMedia_partlyUnknown(t *testing.T) {
	t.Parallel()
	inputs := types.ObjectValueMust(
		map[string]attr.Type{"type": types.StringType, "image_url": types.StringType, "caption": types.StringType},
		map[string]attr.Value{"type": types.StringValue("IMAGE"), "image_url": types.StringUnknown(), "caption": types.StringValue("#a")},
	)
	var got []string
	result(t, &got, functions.NewCheckMedia(), types.DynamicValue(inputs))
	if len(got) != 0 {
		t.Errorf("check_media with an unknown image_url = %q, want no problems", got)
	}
}

// BenchmarkCheckMedia is one call of check_media on a carousel with a
// problem: the cost of a check in a module's validation, per post.
func BenchmarkCheckMedia(b *testing.B) {
	inputs := types.DynamicValue(value(map[string]any{"type": "CAROUSEL", "caption": "Spring #bikes", "children": []any{
		map[string]any{"image_url": jpg, "alt_text": "a bike"},
		map[string]any{"video_url": mp4, "alt_text": "not on videos"},
	}}))
	f := functions.NewCheckMedia()
	var def function.DefinitionResponse
	f.Definition(b.Context(), function.DefinitionRequest{}, &def)
	for b.Loop() {
		result, _ := def.Definition.Return.NewResultData(b.Context())
		resp := function.RunResponse{Result: result}
		f.Run(b.Context(), function.RunRequest{Arguments: function.NewArgumentsData([]attr.Value{inputs})}, &resp)
		if resp.Error != nil {
			b.Fatal(resp.Error)
		}
	}
}

// check_media reports what the plan of instagram_media reports, for the
// same inputs: the resource's rules (input table, schema validators,
// ValidateConfig, a new post's media), not a copy of them.
func TestAccCheckMedia_sameAsPlan(t *testing.T) {
	t.Parallel()
	image := "type = \"IMAGE\"\n  image_url = \"" + jpg + "\""
	for _, tc := range []struct {
		name string
		// body is the resource's; inputs check_media's argument, by
		// default the same attributes as an object.
		body, inputs, want string
	}{
		{"story rejects caption", "type = \"STORIES\"\n  image_url = \"" + jpg + "\"\n  caption = \"hi\"", "", `caption cannot be set when type is "STORIES"`},
		{"local image path", "type = \"IMAGE\"\n  image_url = \"photos/a.jpg\"", "", `not a local path \("photos/a.jpg"\).*The Instagram API cannot upload images`},
		{"caption hashtags", image + "\n  caption = \"" + tags("#t", 31) + "\"", "", `caption has 31 hashtags; Instagram allows at most 30`},
		{"tag position missing", image + "\n  user_tags = [{ username = \"a\" }]", "", `user tag "a" on an image needs both x and y`},
		{"too many collaborators", image + "\n  collaborators = [\"a\", \"b\", \"c\", \"d\"]", "", `collaborators list must contain at least 1 elements and at most 3`},
		{"image needs image_url", `type = "IMAGE"`, "", `image_url is required when type is "IMAGE"`},
		{"unknown type", "type = \"VIDEO\"\n  video_url = \"" + mp4 + "\"", "", `type.*value must be one of`},
		{"carousel too small", "type = \"CAROUSEL\"\n  children {\n    image_url = \"" + jpg + "\"\n  }",
			"{\n  type = \"CAROUSEL\"\n  children = [{ image_url = \"" + jpg + "\" }]\n}", `A carousel holds 2 to 10 children blocks; this one has 1`},
		{"carousel video alt_text", "type = \"CAROUSEL\"\n  children {\n    image_url = \"" + jpg + "\"\n  }\n  children {\n    video_url = \"" + mp4 + "\"\n    alt_text = \"x\"\n  }",
			"{\n  type = \"CAROUSEL\"\n  children = [{ image_url = \"" + jpg + "\" }, { video_url = \"" + mp4 + "\", alt_text = \"x\" }]\n}",
			`children\[1\] is a video; Instagram supports alt_text only on images`},
	} {
		if tc.inputs == "" {
			tc.inputs = "{\n  " + tc.body + "\n}"
		}
		t.Run(tc.name, func(t *testing.T) {
			t.Run("plan", func(t *testing.T) {
				functionFails(t, "resource \"instagram_media\" \"post\" {\n  "+tc.body+"\n}\n", tc.want)
			})
			t.Run("check_media", func(t *testing.T) {
				functionTest(t, "output \"problems\" {\n  value = provider::instagram::check_media("+tc.inputs+")\n}\n",
					output("problems", anyMatches(tc.want)))
			})
		})
	}
}

// A module checks the posts it builds from a calendar before any plan.
func TestAccCheckMedia_module(t *testing.T) {
	functionTest(t, `
locals {
  posts = {
    launch = { type = "IMAGE", image_url = "`+jpg+`", caption = "Launch #bikes" }
    teaser = { type = "REELS", video_url = "`+mp4+`", thumb_offset = 1500, alt_text = "not on reels" }
    album = {
      type     = "CAROUSEL"
      children = [{ image_url = "`+jpg+`" }, { video_url = "`+mp4+`" }]
    }
  }
  problems = { for name, post in local.posts : name => provider::instagram::check_media(post) }
}

output "problems" {
  value = local.problems
}

check "posts" {
  assert {
    condition     = length(flatten(values(local.problems))) <= 1
    error_message = "posts with problems"
  }
}
`, statecheck.ExpectKnownOutputValue("problems", knownvalue.ObjectExact(map[string]knownvalue.Check{
		"launch": stringList(),
		"teaser": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringRegexp(acctest.ExpectError(`alt_text cannot be set when type is "REELS"`))}),
		"album":  stringList(),
	})))
}

// anyMatches checks that a list holds a string matching pattern
// (acctest.ExpectError).
func anyMatches(pattern string) knownvalue.Check { return listMatch{pattern} }

type listMatch struct{ pattern string }

func (c listMatch) CheckValue(v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("expected a list, got %T", v)
	}
	for _, e := range list {
		if s, ok := e.(string); ok && acctest.ExpectError(c.pattern).MatchString(s) {
			return nil
		}
	}
	return fmt.Errorf("no element of %q matches %s", list, c.pattern)
}

func (c listMatch) String() string { return "a list with an element matching " + c.pattern }
