package media

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Every row of the input tables reads the model field of its own name, and
// every input of the models has a row and a schema attribute.
func TestMediaInputsMatchTheModel(t *testing.T) {
	// Not inputs of the table: where and what to publish, Terraform-side
	// settings and computed values.
	notInTable := map[string]bool{
		"id": true, "account_id": true, "type": true, "deletion_policy": true, "allow_duplicate": true, "timeouts": true,
		"container_id": true, "permalink": true, "shortcode": true, "media_type": true,
		"media_product_type": true, "timestamp": true, "username": true, "children_ids": true,
		"video_file_hash": true,
	}
	checkTable(t, mediaInputs, notInTable)
	checkTable(t, childInputs, map[string]bool{"video_file_hash": true})

	var resp resource.SchemaResponse
	(&mediaResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	for _, in := range mediaInputs {
		_, isAttr := resp.Schema.Attributes[in.name]
		_, isBlock := resp.Schema.Blocks[in.name]
		if !isAttr && !isBlock {
			t.Errorf("input %q has no schema attribute", in.name)
		}
		if in.acceptedFor() == "" {
			t.Errorf("input %q is accepted by no type", in.name)
		}
	}
}

func checkTable[M any](t *testing.T, inputs []input[M], notInTable map[string]bool) {
	t.Helper()
	rows := map[string]input[M]{}
	for _, in := range inputs {
		rows[in.name] = in
	}
	typ := reflect.TypeFor[M]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		name := f.Tag.Get("tfsdk")
		if notInTable[name] {
			continue
		}
		in, ok := rows[name]
		if !ok {
			t.Errorf("%s.%s (%s) has no row in the input table", typ.Name(), f.Name, name)
			continue
		}
		delete(rows, name)
		// Put a sentinel in this field only and read it back through the row.
		var m M
		sentinel := sentinelFor(t, f.Type)
		reflect.ValueOf(&m).Elem().Field(i).Set(reflect.ValueOf(sentinel))
		if got := in.value(&m); !got.Equal(sentinel) {
			t.Errorf("row %q reads another field than %s.%s", name, typ.Name(), f.Name)
		}
	}
	for name := range rows {
		t.Errorf("row %q has no field in %s", name, typ.Name())
	}
}

func sentinelFor(t *testing.T, typ reflect.Type) attr.Value {
	t.Helper()
	switch typ {
	case reflect.TypeFor[types.String]():
		return types.StringValue("sentinel")
	case reflect.TypeFor[types.Bool]():
		return types.BoolValue(true)
	case reflect.TypeFor[types.Int64]():
		return types.Int64Value(42)
	case reflect.TypeFor[types.List]():
		return types.ListValueMust(types.StringType, []attr.Value{types.StringValue("sentinel")})
	case reflect.TypeFor[types.Object]():
		return types.ObjectValueMust(map[string]attr.Type{"sentinel": types.StringType}, map[string]attr.Value{"sentinel": types.StringValue("sentinel")})
	}
	t.Fatalf("no sentinel for %s", typ)
	return nil
}
