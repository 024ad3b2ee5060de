package emulator

import (
	"regexp"
	"slices"
	"sync"
)

// Webhooks for Instagram
// (https://developers.facebook.com/docs/instagram-platform/webhooks): the app
// subscribes to fields of the instagram object, with a callback URL that a
// hub.challenge handshake verifies (webhook_subscriptions.go); each account
// enables delivery to the app (subscribed_apps.go); events are then POSTed
// to the callback, signed with the app secret (webhook_deliveries.go). The
// control plane reads deliveries and edits subscriptions behind the API's
// back (webhooks_control.go).

// hookState is the webhook part of state: app subscriptions, per-account
// subscribed apps and the deliveries made.
type hookState struct {
	subs       map[string]*appSubscription // by object
	subscribed map[string][]string         // "ig:{account}" or "page:{page}" → subscribed_fields
	deliveries []*Delivery
	inflight   sync.WaitGroup
}

func newHookState() *hookState {
	return &hookState{subs: map[string]*appSubscription{}, subscribed: map[string][]string{}}
}

// InstagramWebhookFields are the documented fields of object=instagram
// (https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram/).
var InstagramWebhookFields = []string{
	"agent_messages", "comment_poll_response", "comments", "creator_marketplace_invited_creator_onboarding",
	"creator_marketplace_projects", "delta", "follow", "live_comments", "mentions", "message_echoes", "message_edit",
	"message_reactions", "messages", "messaging_handover", "messaging_optins", "messaging_policy_enforcement",
	"messaging_postbacks", "messaging_referral", "messaging_seen", "onboarding_welcome_message_series",
	"response_feedback", "share_to_story", "standby", "story_insights", "story_poll_response", "story_reactions",
}

var namePattern = regexp.MustCompile(`^[a-z_]+$`)

// checkFields validates webhook field names; object=instagram knows its list.
func checkFields(object string, fields []string) *apiError {
	for _, f := range fields {
		if !namePattern.MatchString(f) || object == "instagram" && !slices.Contains(InstagramWebhookFields, f) {
			// Exact wording uncertain.
			return errParam("Invalid field name %q for object %s", f, object)
		}
	}
	return nil
}
