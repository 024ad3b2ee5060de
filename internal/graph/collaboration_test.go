package graph

import (
	"errors"
	"net/http"
	"testing"
)

func TestCollaborationService(t *testing.T) {
	e := setupEnv(t)
	client, mux := e.client, e.mux
	mux.HandleFunc("/v26.0/"+testIGUser+"/collaboration_invites", func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "GET":
			if r.URL.Query().Get("after") == "" {
				testParams(t, r, map[string]string{"limit": "1"})
				writeJSON(w, 200, `{"data":[{"media_id":"1","media_owner_username":"katrina","caption":"Hi","media_url":"https://x/1.jpg"}],"paging":{"cursors":{"after":"A"},"next":"n"}}`)
				return
			}
			writeJSON(w, 200, `{"data":[{"media_id":"2","media_owner_username":"bob"}],"paging":{"cursors":{"after":"B"}}}`)
		case "POST":
			testParams(t, r, map[string]string{"media_id": "1", "accept": "false"})
			writeJSON(w, 200, `{"success":true}`)
		}
	})
	mux.HandleFunc("/v26.0/"+testIGUser+"/collaborative_media", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,caption", "limit": "5"})
		writeJSON(w, 200, `{"data":[{"id":"3","caption":"Ours"}]}`)
	})
	mux.HandleFunc("/v26.0/17900000000000001/collaborators", func(w http.ResponseWriter, r *http.Request) {
		testParams(t, r, map[string]string{"fields": "id,username,invite_status"})
		writeJSON(w, 200, `{"data":[{"id":"9","username":"katrina","invite_status":"Accepted"}]}`)
	})
	invites, err := Collect(client.Collaboration.Invites(t.Context(), testIGUser, 1))
	if err != nil || len(invites) != 2 || invites[0].MediaOwnerUsername != "katrina" || invites[1].MediaID != "2" {
		t.Fatalf("invites = %+v, %v", invites, err)
	}
	if _, err := client.Collaboration.Respond(t.Context(), testIGUser, "1", false); err != nil {
		t.Fatal(err)
	}
	media, err := Collect(client.Collaboration.CollaborativeMedia(t.Context(), testIGUser, []string{"id", "caption"}, 5))
	if err != nil || len(media) != 1 || media[0].Caption != "Ours" {
		t.Fatalf("media = %+v, %v", media, err)
	}
	collabs, _, err := client.Collaboration.Collaborators(t.Context(), "17900000000000001")
	if err != nil || len(collabs) != 1 || collabs[0].InviteStatus != InviteAccepted {
		t.Fatalf("collaborators = %+v, %v", collabs, err)
	}
}

// A response whose answer is lost is never resent: the caller settles it.
func TestCollaborationService_RespondSentOnce(t *testing.T) {
	e := setupEnv(t)
	e.mux.HandleFunc("/v26.0/"+testIGUser+"/collaboration_invites", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 500, graphError(1, 0, "An unknown error occurred"))
	})
	_, err := e.client.Collaboration.Respond(t.Context(), testIGUser, "1", true)
	var amb *AmbiguousError
	if !errors.As(err, &amb) || e.hitCount("POST", "/v26.0/"+testIGUser+"/collaboration_invites") != 1 {
		t.Fatalf("err = %v, %d sent", err, e.hitCount("POST", "/v26.0/"+testIGUser+"/collaboration_invites"))
	}
}
