package common

import (
	"context"
	"encoding/json"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	// NumericIDPattern matches Graph ids (users, media, pages, apps).
	NumericIDPattern = regexp.MustCompile(`^[0-9]{1,30}$`)
	// UsernamePattern matches an Instagram username without @.
	UsernamePattern = regexp.MustCompile(`^[A-Za-z0-9._]{1,30}$`)
)

// StringOrNull maps the API's "absent" (empty) to null.
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// PrivateGetter is the read side of a resource's private state.
type PrivateGetter interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}

// PrivateFlag reads a boolean stored in private state.
func PrivateFlag(ctx context.Context, private PrivateGetter, key string) (bool, diag.Diagnostics) {
	b, diags := private.GetKey(ctx, key)
	if len(b) == 0 {
		return false, diags
	}
	var v bool
	_ = json.Unmarshal(b, &v)
	return v, diags
}

// IntOr is an optional number's value, or def when it is not set.
func IntOr(v types.Int64, def int) int {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return int(v.ValueInt64())
}

// StringOr is an optional string's value, or def when it is not set.
func StringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueString()
}
