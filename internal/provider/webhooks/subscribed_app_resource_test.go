package webhooks_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const appAddr = "instagram_subscribed_app.me"

func subscribedAppConfig(fields string) string {
	return fmt.Sprintf(`
resource "instagram_subscribed_app" "me" {
  subscribed_fields = [%s]
}
`, fields)
}

func checkFields(env *acctest.Env, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, ok := env.Emulator.SubscribedFields(emulator.DefaultAccountID)
		if !ok || !slices.Equal(got, want) {
			return fmt.Errorf("subscribed fields on the emulator = %v (%t), want %v", got, ok, want)
		}
		return nil
	}
}

func checkUnsubscribed(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if f, ok := env.Emulator.SubscribedFields(emulator.DefaultAccountID); ok {
			return fmt.Errorf("account still subscribed after destroy: %v", f)
		}
		return nil
	}
}

func TestAccSubscribedApp_instagramLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.Test(t, resource.TestCase{
		CheckDestroy: checkUnsubscribed(env),
		Steps: []resource.TestStep{
			{
				Config: subscribedAppConfig(`"comments", "messages"`),
				Check:  checkFields(env, "comments", "messages"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("id"), knownvalue.StringExact(emulator.DefaultAccountID)),
					statecheck.ExpectKnownValue(appAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
				},
				ConfigPlanChecks: acctest.NoDrift(),
			},
			acctest.ImportStep(appAddr),
			{
				Config:           subscribedAppConfig(`"comments"`),
				ConfigPlanChecks: acctest.Planned(appAddr, plancheck.ResourceActionUpdate),
				Check:            checkFields(env, "comments"),
			},
			{
				// Changed outside Terraform: the plan sets the fields back.
				PreConfig: func() {
					env.Emulator.SetSubscribedFieldsOutOfBand(emulator.DefaultAccountID, false, []string{"messages"})
				},
				Config:           subscribedAppConfig(`"comments"`),
				ConfigPlanChecks: acctest.Planned(appAddr, plancheck.ResourceActionUpdate),
				Check:            checkFields(env, "comments"),
			},
			{
				// Unsubscribed outside Terraform: created again.
				PreConfig:        func() { env.Emulator.SetSubscribedFieldsOutOfBand(emulator.DefaultAccountID, false, nil) },
				Config:           subscribedAppConfig(`"comments"`),
				ConfigPlanChecks: acctest.Planned(appAddr, plancheck.ResourceActionCreate),
			},
		},
	})
	if n := env.Emulator.CallCount("POST /{page-id}/subscribed_apps"); n != 0 {
		t.Fatalf("Instagram login went through the Page %d times", n)
	}
}

// Facebook login goes through the linked Page with the Page token.
func TestAccSubscribedApp_facebookLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).WithAppCredentials() // the Page token gets its own appsecret_proof
	env.Test(t, resource.TestCase{
		CheckDestroy: checkUnsubscribed(env),
		Steps: []resource.TestStep{
			{
				Config: subscribedAppConfig(`"feed"`),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkFields(env, "feed"),
					func(*terraform.State) error {
						if n := env.Emulator.CallCount("POST /{page-id}/subscribed_apps"); n != 1 {
							return fmt.Errorf("%d POSTs on the Page, want 1", n)
						}
						return nil
					},
				),
				ConfigPlanChecks: acctest.NoDrift(),
			},
			acctest.ImportStep(appAddr),
			{Config: subscribedAppConfig(`"feed", "mention"`), Check: checkFields(env, "feed", "mention")},
		},
	})
}

func TestAccSubscribedApp_instagramLoginFieldValidation(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{}).InstagramLogin().
		PlanOnlyError(t, subscribedAppConfig(`"feed"`), `Unknown Instagram webhook field.*"feed"`)
}
