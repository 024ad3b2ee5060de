package graph

import (
	"net/http"
	"testing"
)

func TestMediaService_GetPollAttachment(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/17900000000000001/poll_attachment", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		testParams(t, r, map[string]string{})
		writeJSON(w, 200, `{"option_a":"Yes","option_b":"No","option_a_votes_percentage":0.62,"option_b_votes_percentage":0.38,"expiration_timestamp":"2026-10-01T12:00:00+0000"}`)
	})
	mux.HandleFunc("/v26.0/17900000000000002/poll_attachment", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, "null")
	})
	p, _, err := client.Media.GetPollAttachment(t.Context(), "17900000000000001")
	if err != nil {
		t.Fatal(err)
	}
	opts := p.Options()
	if len(opts) != 2 || opts[0].Text != "Yes" || !returned(opts[0].VotesShare, 0.62) || opts[1].Text != "No" || p.ExpirationTimestamp == "" {
		t.Fatalf("poll = %+v", p)
	}
	if p, _, err := client.Media.GetPollAttachment(t.Context(), "17900000000000002"); p != nil || err != nil {
		t.Fatalf("no poll: %+v, %v", p, err)
	}
}
