package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestUsersService_Get(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17841405822304914", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "biography,id,username,website"})
		writeJSON(w, 200, `{"biography":"Dino data crunching app","id":"17841405822304914","username":"metricsaurus","website":"http://www.metricsaurus.com/"}`)
	})
	u, resp, err := client.Users.Get(context.Background(), "17841405822304914", []string{"biography", "id", "username", "website"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || u.ID != "17841405822304914" || u.Username != "metricsaurus" || u.Biography != "Dino data crunching app" || u.Website != "http://www.metricsaurus.com/" {
		t.Errorf("user = %+v", u)
	}
}

func TestUsersService_Get_defaultFields(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,username,name,biography,website,profile_picture_url,followers_count,follows_count,media_count"})
		writeJSON(w, 200, `{"id":"1","followers_count":267793,"follows_count":3,"media_count":1205}`)
	})
	u, _, err := client.Users.Get(context.Background(), "1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !returned(u.FollowersCount, 267793) || !returned(u.FollowsCount, 3) || !returned(u.MediaCount, 1205) {
		t.Errorf("user = %+v", u)
	}
}

func TestUsersService_Me(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/me", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "user_id,username,account_type"})
		writeJSON(w, 200, `{"user_id":"17841405822304914","username":"metricsaurus","account_type":"Business","id":"7364512345678901"}`)
	})
	u, _, err := client.Users.Me(context.Background(), []string{"user_id", "username", "account_type"})
	if err != nil {
		t.Fatal(err)
	}
	want := User{Profile: Profile{ID: "7364512345678901", Username: "metricsaurus"}, UserID: "17841405822304914", AccountType: "Business"}
	if *u != want {
		t.Errorf("Me = %+v, want %+v", *u, want)
	}
}

func TestUsersService_Get_notFound(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/404", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 400, `{"error":{"message":"Unsupported get request. Object with ID '404' does not exist","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AVC3Nu1l63jSFWW365nqv4D"}}`)
	})
	u, resp, err := client.Users.Get(context.Background(), "404", nil)
	if u != nil || !IsNotFound(err) || resp == nil || resp.StatusCode != 400 {
		t.Fatalf("u=%v resp=%v err=%v", u, resp, err)
	}
}
