package webhooks_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccWebhookSubscription_identity(t *testing.T) {
	t.Parallel()
	cb, env := newCallbackEnv(t, "s3cret")
	env.IdentityTest(t, subscriptionConfig(cb.srv.URL, "s3cret", 1, `"comments"`),
		"instagram_webhook_subscription.ig", map[string]knownvalue.Check{"object": knownvalue.StringExact("instagram")},
		// verify_token is write-only: Meta never returns it, so the imported
		// subscription takes verify_token_version from the configuration.
		plancheck.ResourceActionUpdate)
}

func TestAccSubscribedApp_identity(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.IdentityTest(t, subscribedAppConfig(`"comments"`), appAddr,
		map[string]knownvalue.Check{"account_id": knownvalue.StringExact(emulator.DefaultAccountID)}, plancheck.ResourceActionNoop)
}
