package graph

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
)

// Options.OnSecret hears every secret the client sends or is given: its
// token, the app secret and its proof at New; each other token it
// authenticates with (the app token, a Page token) and that token's proof;
// the subject token of an exchange or a debug call; the token an exchange
// returns; the Page tokens /me/accounts hands out.
func TestOnSecret(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v26.0/me/accounts":
			writeJSON(w, http.StatusOK, `{"data":[{"id":"104","access_token":"EAApageTOKEN","instagram_business_account":{"id":"`+testIGUser+`"}}]}`)
		case "/v26.0/104/subscribed_apps":
			writeJSON(w, http.StatusOK, `{"data":[]}`)
		default:
			writeJSON(w, http.StatusOK, `{"access_token":"EAAlongLIVED","token_type":"bearer"}`)
		}
	}))
	t.Cleanup(srv.Close)
	var mu sync.Mutex
	var heard []string
	c, err := New(Options{BaseURL: srv.URL, AccessToken: testToken, AppID: testAppID, AppSecret: testAppSecret,
		OnSecret: func(values ...string) {
			mu.Lock()
			defer mu.Unlock()
			heard = append(heard, values...)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Tokens.ExchangeFacebookToken(t.Context(), "EAAshortLIVED"); err != nil {
		t.Fatal(err)
	}
	page, err := c.Webhooks.FindLinkedPage(t.Context(), testIGUser)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Webhooks.SubscribedApps(t.Context(), page.ID, page.AccessToken); err != nil {
		t.Fatal(err)
	}

	appToken := testAppID + "|" + testAppSecret
	for name, want := range map[string]string{
		"the access token":          testToken,
		"the app secret":            testAppSecret,
		"its appsecret_proof":       testProof(),
		"the app token":             appToken,
		"the app token's proof":     appSecretProof(testAppSecret, appToken),
		"the exchanged token":       "EAAshortLIVED",
		"the token an exchange got": "EAAlongLIVED",
		"a Page token":              "EAApageTOKEN",
		"the Page token's proof":    appSecretProof(testAppSecret, "EAApageTOKEN"),
	} {
		if !slices.Contains(heard, want) {
			t.Errorf("OnSecret never heard %s", name)
		}
	}
}
