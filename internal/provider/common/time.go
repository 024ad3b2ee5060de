package common

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// GraphTime converts Graph's "2026-05-01T10:00:00+0000" to RFC 3339 in UTC,
// the form HCL's time functions take; empty → null, unparsable → as is.
func GraphTime(ts string) types.String {
	if ts == "" {
		return types.StringNull()
	}
	t, err := graph.ParseTime(ts)
	if err != nil {
		return types.StringValue(ts)
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

// RFC3339Time validates a time attribute (since/until and the like) at plan
// time, so that a typo fails before any API call.
func RFC3339Time() validator.String {
	return StringCheck("must be an RFC 3339 time with a UTC offset, e.g. 2026-01-01T00:00:00Z or 2026-12-08T09:00:00+01:00", func(at path.Path, value string, diags *diag.Diagnostics) {
		if _, err := time.Parse(time.RFC3339, value); err != nil {
			diags.AddAttributeError(at, "Invalid time", fmt.Sprintf("%s must be an RFC 3339 time with a UTC offset, such as "+
				"2026-01-01T00:00:00Z or 2026-12-08T09:00:00+01:00, got %q.", at, value))
		}
	})
}

// PositiveDuration validates a Go duration greater than zero ("72h", "90m").
func PositiveDuration() validator.String {
	return StringCheck("must be a duration greater than zero, such as 2h or 30m", func(at path.Path, value string, diags *diag.Diagnostics) {
		if d, err := time.ParseDuration(value); err != nil || d <= 0 {
			diags.AddAttributeError(at, "Invalid duration",
				fmt.Sprintf("%s must be a duration greater than zero, such as \"2h\", \"30m\" or \"1h30m\", got %q.", at, value))
		}
	})
}
