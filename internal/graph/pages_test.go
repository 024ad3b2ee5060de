package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestPagesService_ListAccounts(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/me/accounts", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		switch r.URL.Query().Get("after") {
		case "":
			testParams(t, r, map[string]string{"fields": "id,name,instagram_business_account{id,username}"})
			writeJSON(w, 200, `{"data":[{"id":"1353269864728879","name":"Ash Cat Page","instagram_business_account":{"id":"17841405822304914","username":"ashcat"}}],
				"paging":{"cursors":{"before":"A","after":"B"},"next":"https://graph.facebook.com/v26.0/me/accounts?after=B"}}`)
		case "B":
			testParams(t, r, map[string]string{"fields": "id,name,instagram_business_account{id,username}", "after": "B"})
			writeJSON(w, 200, `{"data":[{"id":"2","name":"No IG"}],"paging":{"cursors":{"before":"B","after":"C"}}}`)
		default:
			t.Errorf("unexpected after=%q", r.URL.Query().Get("after"))
		}
	})
	pages, err := Collect(client.Pages.ListAccounts(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages", len(pages))
	}
	if p := pages[0]; p.ID != "1353269864728879" || p.Name != "Ash Cat Page" || p.InstagramBusinessAccount == nil ||
		p.InstagramBusinessAccount.ID != "17841405822304914" || p.InstagramBusinessAccount.Username != "ashcat" {
		t.Errorf("page 0 = %+v", p)
	}
	if pages[1].InstagramBusinessAccount != nil {
		t.Errorf("page 1 has an IG account: %+v", pages[1])
	}
}
