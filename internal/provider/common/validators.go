package common

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// StringCheck is a plan-time validator of a string attribute. check sees
// known values only and adds its errors, at p, to diags; description says
// what a valid value is.
func StringCheck(description string, check func(p path.Path, value string, diags *diag.Diagnostics)) validator.String {
	return stringCheck{description: description, check: check}
}

type stringCheck struct {
	description string
	check       func(path.Path, string, *diag.Diagnostics)
}

func (c stringCheck) Description(context.Context) string { return c.description }

func (c stringCheck) MarkdownDescription(context.Context) string { return c.description }

func (c stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	c.check(req.Path, req.ConfigValue.ValueString(), &resp.Diagnostics)
}

// HTTPSURL validates a URL Instagram downloads from (media) or calls back
// (webhooks): absolute, https, with a host.
func HTTPSURL() validator.String { return StringCheck("must be an absolute https URL", CheckHTTPSURL) }

// CheckHTTPSURL is HTTPSURL's check.
func CheckHTTPSURL(p path.Path, raw string, diags *diag.Diagnostics) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		diags.AddAttributeError(p, "Invalid URL", fmt.Sprintf("%s must be an absolute https URL that Instagram can reach, got %q.", p, raw))
	}
}
