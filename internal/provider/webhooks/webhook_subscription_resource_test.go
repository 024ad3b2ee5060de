package webhooks_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const subAddr = "instagram_webhook_subscription.ig"

// callback is the app's webhook endpoint: an https server on 127.0.0.1 that
// answers the verification handshake for its token and checks the signature
// of every event.
type callback struct {
	srv    *httptest.Server
	token  string
	mu     sync.Mutex
	events []map[string]any
	badSig int
	got    chan struct{}
}

// newCallbackEnv starts the app's callback endpoint, answering the handshake
// for token, and an emulator with app credentials that may call it.
func newCallbackEnv(t *testing.T, token string) (*callback, *acctest.Env) {
	cb := &callback{token: token, got: make(chan struct{}, 32)}
	cb.srv = httptest.NewTLSServer(http.HandlerFunc(cb.serve))
	t.Cleanup(cb.srv.Close)
	return cb, acctest.New(t, emulator.Options{WebhookHTTPClient: cb.srv.Client()}).WithAppCredentials()
}

func (cb *callback) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		q := r.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != cb.token {
			http.Error(w, "verify token mismatch", http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
		return
	}
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, []byte(emulator.DefaultAppSecret))
	mac.Write(body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	var ev map[string]any
	_ = json.Unmarshal(body, &ev)
	cb.mu.Lock()
	if !hmac.Equal([]byte(r.Header.Get("X-Hub-Signature-256")), []byte(want)) {
		cb.badSig++
	}
	cb.events = append(cb.events, ev)
	cb.mu.Unlock()
	cb.got <- struct{}{}
}

func subscriptionConfig(url, token string, version int, fields string) string {
	return fmt.Sprintf(`
resource "instagram_webhook_subscription" "ig" {
  callback_url         = %q
  fields               = [%s]
  verify_token         = %q
  verify_token_version = %d
}
`, url, fields, token, version)
}

func checkSubscriptionGone(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if _, ok := env.Emulator.Subscription("instagram"); ok {
			return fmt.Errorf("the instagram subscription still exists after destroy")
		}
		return nil
	}
}

func TestAccWebhookSubscription_lifecycle(t *testing.T) {
	t.Parallel()
	const token = "first-verify-token-0001"
	cb, env := newCallbackEnv(t, token)
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.WriteOnlyAttributes),
		CheckDestroy:           checkSubscriptionGone(env),
		Steps: []resource.TestStep{
			{
				Config: subscriptionConfig(cb.srv.URL, token, 1, `"comments", "mentions"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("id"), knownvalue.StringExact("instagram")),
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("object"), knownvalue.StringExact("instagram")),
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("active"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("include_values"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("versions").AtMapKey("comments"), knownvalue.StringExact(graph.DefaultAPIVersion)),
					statecheck.ExpectKnownValue(subAddr, tfjsonpath.New("verify_token"), knownvalue.Null()),
					acctest.ExpectNotInState(token),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{acctest.ExpectNotInPlan(token)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			acctest.ImportStep(subAddr, "verify_token_version"),
			{
				// Dropping a field deletes it (POST only adds).
				Config:           subscriptionConfig(cb.srv.URL, token, 1, `"comments"`),
				ConfigPlanChecks: acctest.Planned(subAddr, plancheck.ResourceActionUpdate),
				Check: func(*terraform.State) error {
					sub, _ := env.Emulator.Subscription("instagram")
					if len(sub.Fields) != 1 || sub.Fields["comments"] == "" {
						return fmt.Errorf("fields on the emulator = %v, want only comments", sub.Fields)
					}
					if n := env.Emulator.CallCount("DELETE /{app-id}/subscriptions"); n != 1 {
						return fmt.Errorf("%d DELETE calls, want 1", n)
					}
					return nil
				},
			},
			{
				// Rotation: a new token and version subscribe again with it.
				PreConfig: func() { cb.token = "second-verify-token-0002" },
				Config:    subscriptionConfig(cb.srv.URL, "second-verify-token-0002", 2, `"comments"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(subAddr, plancheck.ResourceActionUpdate),
						acctest.ExpectNotInPlan("second-verify-token-0002"),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectNotInState("second-verify-token-0002")},
				Check: func(*terraform.State) error {
					if n := env.Emulator.CallCount("POST /{app-id}/subscriptions"); n != 2 {
						return fmt.Errorf("%d subscribe calls, want 2", n)
					}
					return nil
				},
			},
			{
				// Drift: changed in the App Dashboard and switched off.
				PreConfig: func() {
					other, off := "https://127.0.0.1:1/elsewhere", false
					env.Emulator.ChangeSubscriptionOutOfBand("instagram", emulator.SubscriptionChange{
						CallbackURL: &other, Fields: []string{"comments", "messages"}, Active: &off,
					})
				},
				Config: subscriptionConfig(cb.srv.URL, "second-verify-token-0002", 2, `"comments"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(subAddr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					sub, _ := env.Emulator.Subscription("instagram")
					if sub.CallbackURL != cb.srv.URL || !sub.Active || len(sub.Fields) != 1 {
						return fmt.Errorf("drift not repaired: %+v", sub)
					}
					return nil
				},
			},
		},
	})
}

// The whole path: subscription, account enablement, a comment → a signed
// `comments` event at the callback.
func TestAccWebhookSubscription_roundTrip(t *testing.T) {
	t.Parallel()
	const token = "round-trip-token"
	cb, env := newCallbackEnv(t, token)
	mid := env.PublishImageOutOfBand(t, "hook me")
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.WriteOnlyAttributes),
		CheckDestroy:           checkSubscriptionGone(env),
		Steps: []resource.TestStep{{
			Config: subscriptionConfig(cb.srv.URL, token, 1, `"comments"`) + fmt.Sprintf(`
resource "instagram_subscribed_app" "me" {
  subscribed_fields = ["feed"]
}

resource "instagram_comment" "first" {
  media_id   = %q
  message    = "Thanks for watching!"
  depends_on = [instagram_webhook_subscription.ig, instagram_subscribed_app.me]
}
`, mid),
			Check: func(s *terraform.State) error {
				select {
				case <-cb.got:
				case <-time.After(30 * time.Second):
					return fmt.Errorf("no event delivered; deliveries: %+v", env.Emulator.Deliveries())
				}
				cb.mu.Lock()
				defer cb.mu.Unlock()
				if cb.badSig != 0 {
					return fmt.Errorf("%d events with a bad X-Hub-Signature-256", cb.badSig)
				}
				var event struct {
					Entry []struct {
						ID      string `json:"id"`
						Changes []struct {
							Field string         `json:"field"`
							Value map[string]any `json:"value"`
						} `json:"changes"`
					} `json:"entry"`
				}
				if err := remarshal(cb.events[0], &event); err != nil {
					return fmt.Errorf("decoding the event: %w", err)
				}
				if len(event.Entry) == 0 || len(event.Entry[0].Changes) == 0 {
					return fmt.Errorf("unexpected event shape %v", cb.events[0])
				}
				entry := map[string]any{"id": event.Entry[0].ID}
				change := map[string]any{"field": event.Entry[0].Changes[0].Field}
				value := event.Entry[0].Changes[0].Value
				want := s.RootModule().Resources["instagram_comment.first"].Primary.ID
				if entry["id"] != emulator.DefaultAccountID || change["field"] != "comments" || value["id"] != want ||
					value["text"] != "Thanks for watching!" {
					return fmt.Errorf("event = %v", cb.events[0])
				}
				return nil
			},
		}},
	})
}

func TestAccWebhookSubscription_wrongVerifyToken(t *testing.T) {
	t.Parallel()
	cb, env := newCallbackEnv(t, "the-right-token")
	env.ApplyError(t, subscriptionConfig(cb.srv.URL, "a-wrong-token", 1, `"comments"`),
		`Meta could not verify the callback URL.*callback verification failed: HTTP Status Code = 403.*code 2200`, acctest.SkipWithout(acctest.WriteOnlyAttributes))
	if _, ok := env.Emulator.Subscription("instagram"); ok {
		t.Fatal("a failed verification left a subscription")
	}
}

// preApply runs f as a PreApply plan check: after the plan, before apply.
type preApply func()

func (f preApply) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	f()
}

func TestAccWebhookSubscription_goneDuringUpdate(t *testing.T) {
	t.Parallel()
	cb, env := newCallbackEnv(t, "tok")
	env.Test(t, resource.TestCase{
		TerraformVersionChecks: acctest.Needs(acctest.WriteOnlyAttributes),
		Steps: []resource.TestStep{
			{Config: subscriptionConfig(cb.srv.URL, "tok", 1, `"comments", "mentions"`)},
			{
				// Only a field is dropped (no subscribe); the subscription is
				// deleted in the App Dashboard between plan and apply.
				Config: subscriptionConfig(cb.srv.URL, "tok", 1, `"comments"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(subAddr, plancheck.ResourceActionUpdate),
					preApply(func() {
						env.Emulator.ChangeSubscriptionOutOfBand("instagram", emulator.SubscriptionChange{Delete: true})
					}),
				}},
				ExpectError: acctest.ExpectError(`Webhook subscription not found after apply.*instagram subscription`),
			},
		},
	})
}

func TestAccWebhookSubscription_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}) // no app credentials
	for _, tc := range []struct{ config, want string }{
		{subscriptionConfig("https://hooks.example.com/ig", "t", 1, `"comments"`), `need app_id and app_secret.*INSTAGRAM_APP_ID`},
		{subscriptionConfig("https://hooks.example.com/ig", "t", 1, `"not_a_field"`), `Unknown Instagram webhook field.*not_a_field`},
		{subscriptionConfig("http://hooks.example.com/ig", "t", 1, `"comments"`), `must be an absolute https URL`},
	} {
		env.PlanOnlyError(t, tc.config, tc.want, acctest.SkipWithout(acctest.WriteOnlyAttributes))
	}
}

// remarshal converts a decoded JSON value into a typed one.
func remarshal(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
