package graph

import (
	"context"
	"net/http"
	"testing"
)

func TestMediaService_PublishingLimit(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/content_publishing_limit", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"fields": "quota_usage,config"})
		writeJSON(w, 200, `{"data":[{"quota_usage":2,"config":{"quota_total":50,"quota_duration":86400}}]}`)
	})
	l, _, err := client.Media.PublishingLimit(context.Background(), testIGUser)
	if err != nil {
		t.Fatal(err)
	}
	if l.QuotaUsage != 2 || l.Config.QuotaTotal != 50 || l.Config.QuotaDuration != 86400 || l.Remaining() != 48 {
		t.Errorf("limit = %+v", l)
	}
}

func TestMediaService_PublishingLimit_empty(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/content_publishing_limit", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"data":[]}`)
	})
	if _, _, err := client.Media.PublishingLimit(context.Background(), testIGUser); err == nil {
		t.Error("empty data accepted")
	}
}
