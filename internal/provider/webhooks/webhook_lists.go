package webhooks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// List resources of the webhook types, for `terraform query`: the app's
// subscriptions (one per object) and the accounts the app is subscribed to.

var (
	_ list.ListResourceWithConfigure = (*subscriptionList)(nil)
	_ list.ListResourceWithConfigure = (*subscribedAppList)(nil)
)

// NewWebhookSubscriptionList lists the app's webhook subscriptions.
func NewWebhookSubscriptionList() list.ListResource {
	return &subscriptionList{ResourceBase: common.NewResourceBase("webhook_subscription")}
}

type subscriptionList struct{ common.ResourceBase }

func (l *subscriptionList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the app's webhook subscriptions (`GET /{app-id}/subscriptions`), one per object, with the " +
			"provider's `app_id` and `app_secret`. Meta never returns `verify_token`: generated configuration must be given " +
			"one (and its `verify_token_version`) before it plans.",
	}
}

func (l *subscriptionList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	subs, ok := (&subscriptionResource{ResourceBase: l.ResourceBase}).subscriptions(ctx, &diags)
	if !ok {
		common.ListError(stream, diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		pushed := common.Pusher(ctx, req, push)
		for _, s := range subs {
			// What Meta does not report (verify_token, its version, include_values) stays null.
			m := subscriptionModel{VerifyToken: types.StringNull(), VerifyTokenVersion: types.Int64Null(), IncludeValues: types.BoolNull()}
			m.set(s)
			if !pushed(s.Object+" → "+s.CallbackURL, &m) {
				return
			}
		}
	}
}

// NewSubscribedAppList lists the accounts the provider's app is subscribed to.
func NewSubscribedAppList() list.ListResource {
	return &subscribedAppList{ResourceBase: common.NewResourceBase("subscribed_app")}
}

type subscribedAppList struct{ common.ResourceBase }

func (l *subscribedAppList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds whether the app is subscribed to an account's webhooks (`GET …/subscribed_apps`): the given " +
			"`account_id`, else the provider's account.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.ListAccountID("Instagram user id to look at. Defaults to the provider's account."),
		},
	}
}

func (l *subscribedAppList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	_, account, ok := common.ListWithAccount[common.AccountListConfig](ctx, l.Data, req, stream)
	if !ok {
		return
	}
	var diags diag.Diagnostics
	r := &subscribedAppResource{ResourceBase: l.ResourceBase}
	found := subscribedAppModel{ID: types.StringValue(account), AccountID: types.StringValue(account)}
	id, token, ok := r.target(ctx, account, &diags)
	if !ok || !r.read(ctx, &found, id, token, &diags) {
		if diags.HasError() {
			common.ListError(stream, diags)
		} else {
			stream.Results = list.NoListResults
		}
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		push(common.ListResult(ctx, req, "account "+account, &found))
	}
}
