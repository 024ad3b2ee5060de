package common

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// HTTPSURL validates a URL Instagram downloads from (media) or calls back
// (webhooks): absolute, https, with a host.
func HTTPSURL() validator.String { return httpsURLValidator{} }

type httpsURLValidator struct{}

func (httpsURLValidator) Description(context.Context) string { return "must be an absolute https URL" }

func (v httpsURLValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (httpsURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := req.ConfigValue.ValueString()
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s must be an absolute https URL that Instagram can reach, got %q.", req.Path, raw))
	}
}
