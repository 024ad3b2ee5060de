package webhooks_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccWebhookSubscription_list(t *testing.T) {
	t.Parallel()
	cb, env := newCallbackEnv(t, "s3cret")
	env.ListTest(t, subscriptionConfig(cb.srv.URL, "s3cret", 1, `"comments", "mentions"`), `
list "instagram_webhook_subscription" "all" {
  provider = instagram
}`,
		querycheck.ExpectLength("instagram_webhook_subscription.all", 1),
		querycheck.ExpectIdentity("instagram_webhook_subscription.all", map[string]knownvalue.Check{
			"object": knownvalue.StringExact("instagram"),
		}),
	)
}

func TestAccSubscribedApp_list(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.ListTest(t, subscribedAppConfig(`"comments"`), `
list "instagram_subscribed_app" "mine" {
  provider = instagram
}`,
		querycheck.ExpectIdentity("instagram_subscribed_app.mine", map[string]knownvalue.Check{
			"account_id": knownvalue.StringExact(emulator.DefaultAccountID),
		}),
	)
}
