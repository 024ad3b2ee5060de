package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestWebhooksService_Subscriptions(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/188559381496048/subscriptions", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "POST":
			testParams(t, r, map[string]string{"object": "instagram", "callback_url": "https://hooks.example.com/ig",
				"fields": "comments,mentions", "verify_token": "s3cret", "include_values": "true"})
			writeJSON(w, 200, `{"success":true}`)
		case "GET":
			testParams(t, r, map[string]string{})
			writeJSON(w, 200, `{"data":[{"object":"instagram","callback_url":"https://hooks.example.com/ig","active":true,
				"fields":[{"name":"comments","version":"v25.0"}]}]}`)
		case "DELETE":
			testParams(t, r, map[string]string{"object": "instagram", "fields": "story_insights"})
			writeJSON(w, 200, `{"success":true}`)
		}
	})
	ctx := context.Background()
	if _, err := client.Webhooks.Subscribe(ctx, "188559381496048", SubscribeParams{Object: "instagram",
		CallbackURL: "https://hooks.example.com/ig", Fields: []string{"comments", "mentions"}, VerifyToken: "s3cret", IncludeValues: true}); err != nil {
		t.Fatal(err)
	}
	subs, _, err := client.Webhooks.Subscriptions(ctx, "188559381496048")
	if err != nil || len(subs) != 1 || !subs[0].Active || subs[0].Fields[0] != (SubscriptionField{"comments", "v25.0"}) {
		t.Fatalf("Subscriptions = %+v, %v", subs, err)
	}
	if _, err := client.Webhooks.DeleteSubscription(ctx, "188559381496048", "instagram", []string{"story_insights"}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Webhooks.DeleteSubscription(ctx, "188559381496048", "", nil); err == nil {
		t.Fatal("a delete without object would remove every subscription")
	}
}

func TestWebhooksService_SubscribedAppsWithUserToken(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/subscribed_apps", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "POST":
			testParams(t, r, map[string]string{"subscribed_fields": "comments,messages"})
			writeJSON(w, 200, `{"success":true}`)
		case "GET":
			writeJSON(w, 200, `{"data":[{"app_id":"1234567890","subscribed_fields":["comments","messages"]}]}`)
		case "DELETE":
			writeJSON(w, 200, `{"success":true}`)
		}
	})
	ctx := context.Background()
	if _, err := client.Webhooks.SubscribeApp(ctx, testIGUser, "", []string{"comments", "messages"}); err != nil {
		t.Fatal(err)
	}
	apps, _, err := client.Webhooks.SubscribedApps(ctx, testIGUser, "")
	if err != nil || len(apps) != 1 || apps[0].App() != "1234567890" || len(apps[0].SubscribedFields) != 2 {
		t.Fatalf("SubscribedApps = %+v, %v", apps, err)
	}
	if _, err := client.Webhooks.UnsubscribeApp(ctx, testIGUser, ""); err != nil {
		t.Fatal(err)
	}
}

// The Page token replaces the user token (header and appsecret_proof) for
// subscribed_apps on the Page, and only there.
func TestWebhooksService_PageToken(t *testing.T) {
	const pageTok = "EAAPageToken42"
	var gotAuth, gotProof string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v26.0/me/accounts":
			if r.Header.Get("Authorization") != "Bearer "+testToken || r.URL.Query().Get("fields") != "id,access_token,instagram_business_account" {
				t.Errorf("accounts: %v %v", r.Header, r.URL.Query())
			}
			writeJSON(w, 200, `{"data":[{"id":"1","access_token":"x"},{"id":"104","access_token":"`+pageTok+`","instagram_business_account":{"id":"`+testIGUser+`"}}]}`)
		case "/v26.0/104/subscribed_apps":
			_ = r.ParseForm()
			gotAuth, gotProof = r.Header.Get("Authorization"), r.PostForm.Get("appsecret_proof")
			writeJSON(w, 200, `{"success":true}`)
		}
	}))
	t.Cleanup(srv.Close)
	client, err := New(Options{BaseURL: srv.URL, AccessToken: testToken, AppSecret: testAppSecret})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	page, err := client.Webhooks.FindLinkedPage(ctx, testIGUser)
	if err != nil || page.ID != "104" || page.AccessToken != pageTok {
		t.Fatalf("FindLinkedPage = %+v, %v", page, err)
	}
	if _, err := client.Webhooks.SubscribeApp(ctx, page.ID, page.AccessToken, []string{"feed"}); err != nil {
		t.Fatal(err)
	}
	if gotAuth != "Bearer "+pageTok || gotProof != appSecretProof(testAppSecret, pageTok) {
		t.Fatalf("auth %q proof %q", gotAuth, gotProof)
	}
	if _, err := client.Webhooks.FindLinkedPage(ctx, "999"); err == nil {
		t.Fatal("found a Page for an unlinked account")
	}
}
