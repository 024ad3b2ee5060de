package graph

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestMediaGetMany(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v25.0/", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{"ids": "1,2,3", "fields": "id,caption"})
		// Graph leaves out what it cannot return; "3" is missing.
		writeJSON(w, 200, `{"1":{"id":"1","caption":"a"},"2":{"id":"2","caption":"b"}}`)
	})
	got, _, err := client.Media.GetMany(context.Background(), []string{"1", "2", "3"}, []string{"id", "caption"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["1"].Caption != "a" || got["2"].Caption != "b" || got["3"] != nil {
		t.Errorf("got %+v", got)
	}
}

func TestMediaGetMany_limits(t *testing.T) {
	client, _ := setup(t)
	ids := strings.Split(strings.Repeat("1,", MaxIDsPerRequest+1), ",")[:MaxIDsPerRequest+1]
	if _, _, err := client.Media.GetMany(context.Background(), ids, nil); err == nil {
		t.Error("51 ids accepted")
	}
	if _, _, err := client.Media.GetMany(context.Background(), []string{"1", "a,b"}, nil); err == nil {
		t.Error("id with a comma accepted")
	}
	if got, _, err := client.Media.GetMany(context.Background(), nil, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v %v", got, err)
	}
}
