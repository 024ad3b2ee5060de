package webhooks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// validateInstagramFields adds an error at attr for every field that is not a
// documented webhook field of object instagram (graph.InstagramWebhookFields).
func validateInstagramFields(fields []string, attr path.Path, diags *diag.Diagnostics) {
	for _, f := range fields {
		if !slices.Contains(graph.InstagramWebhookFields, f) {
			diags.AddAttributeError(attr, "Unknown Instagram webhook field",
				fmt.Sprintf("%q is not a documented webhook field of object instagram. Valid fields: %s.",
					f, strings.Join(graph.InstagramWebhookFields, ", ")))
		}
	}
}
