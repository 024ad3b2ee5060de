package functions_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// run calls f as the framework does, with the arguments args, and returns
// its response.
func run(t *testing.T, f function.Function, args ...attr.Value) function.RunResponse {
	t.Helper()
	var def function.DefinitionResponse
	f.Definition(t.Context(), function.DefinitionRequest{}, &def)
	if def.Diagnostics.HasError() {
		t.Fatalf("definition: %v", def.Diagnostics)
	}
	result, err := def.Definition.Return.NewResultData(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	resp := function.RunResponse{Result: result}
	f.Run(t.Context(), function.RunRequest{Arguments: function.NewArgumentsData(args)}, &resp)
	return resp
}

// result runs f and decodes its result (a list or an object) into target,
// failing the test on a function error.
func result(t *testing.T, target any, f function.Function, args ...attr.Value) {
	t.Helper()
	resp := run(t, f, args...)
	if resp.Error != nil {
		t.Fatalf("function error: %s", resp.Error)
	}
	var diags diag.Diagnostics
	switch v := resp.Result.Value().(type) {
	case types.List:
		diags = v.ElementsAs(t.Context(), target, false)
	case types.Object:
		diags = v.As(t.Context(), target, basetypes.ObjectAsOptions{})
	default:
		t.Fatalf("result %s is neither a list nor an object", v)
	}
	if diags.HasError() {
		t.Fatalf("decoding %s: %v", resp.Result.Value(), diags)
	}
}

// expectArgumentError runs f and expects an error of argument position
// whose text contains want.
func expectArgumentError(t *testing.T, f function.Function, position int64, want string, args ...attr.Value) {
	t.Helper()
	resp := run(t, f, args...)
	switch {
	case resp.Error == nil:
		t.Fatalf("no error, result %s; want an error of argument %d: %q", resp.Result.Value(), position, want)
	case resp.Error.FunctionArgument == nil || *resp.Error.FunctionArgument != position:
		t.Errorf("error %q names argument %v, want %d", resp.Error.Text, resp.Error.FunctionArgument, position)
	}
	if !strings.Contains(resp.Error.Text, want) {
		t.Errorf("error %q does not say %q", resp.Error.Text, want)
	}
}

// value turns Go values into the value Terraform passes for an HCL
// expression: strings, numbers (int, float64) and bools as primitives, a
// []any as a tuple, a map[string]any as an object.
func value(v any) attr.Value {
	val, _ := valueAndType(v)
	return val
}

func valueAndType(v any) (attr.Value, attr.Type) {
	switch v := v.(type) {
	case nil:
		return types.DynamicNull(), types.DynamicType
	case string:
		return types.StringValue(v), types.StringType
	case int:
		return types.NumberValue(big.NewFloat(float64(v))), types.NumberType
	case float64:
		return types.NumberValue(big.NewFloat(v)), types.NumberType
	case bool:
		return types.BoolValue(v), types.BoolType
	case []any:
		elems, elemTypes := make([]attr.Value, len(v)), make([]attr.Type, len(v))
		for i, e := range v {
			elems[i], elemTypes[i] = valueAndType(e)
		}
		return types.TupleValueMust(elemTypes, elems), types.TupleType{ElemTypes: elemTypes}
	case map[string]any:
		attrs, attrTypes := make(map[string]attr.Value, len(v)), make(map[string]attr.Type, len(v))
		for k, e := range v {
			attrs[k], attrTypes[k] = valueAndType(e)
		}
		return types.ObjectValueMust(attrTypes, attrs), types.ObjectType{AttrTypes: attrTypes}
	}
	panic(fmt.Sprintf("value: %T", v)) // a mistake in a test table
}

// functionTest runs config (outputs that call the functions) through the
// real CLI and checks the outputs. The provider gets no access token, so a
// function that needed the provider configured would fail, and no request
// may reach the API.
func functionTest(t *testing.T, config string, checks ...statecheck.StateCheck) {
	t.Helper()
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	delete(env.Vars, "INSTAGRAM_ACCESS_TOKEN")
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.ProviderFunctions),
		Steps:                  []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
	env.RequireNoGraphCalls(t)
}

// functionFails runs config through the real CLI and expects its plan to
// fail with an error matching pattern (acctest.ExpectError).
func functionFails(t *testing.T, config, pattern string) {
	t.Helper()
	t.Parallel()
	acctest.New(t, emulator.Options{}).PlanOnlyError(t, config, pattern, acctest.SkipWithout(acctest.ProviderFunctions))
}

// output checks the output name against want.
func output(name string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, want)
}

// stringList is a known value check of a list of exactly these strings.
func stringList(want ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(want))
	for i, s := range want {
		checks[i] = knownvalue.StringExact(s)
	}
	return knownvalue.ListExact(checks)
}
