package tokens

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// addMissingAppCredentials explains which provider settings a token call
// needs; it is reported before any request is sent.
func addMissingAppCredentials(diags *diag.Diagnostics, feature, login string) {
	what := "app_id and app_secret (or INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET): the Meta app's id and secret"
	if login == common.LoginInstagram {
		what = "app_secret (or INSTAGRAM_APP_SECRET): the Instagram app secret shown under \"API setup with Instagram login\", " +
			"not the Meta app secret"
	}
	diags.AddError(feature+" needs the app credentials",
		feature+" calls Meta with the app's credentials. Set "+what+" in the provider block.")
}
