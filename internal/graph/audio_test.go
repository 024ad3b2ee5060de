package graph

import (
	"net/http"
	"testing"
)

func TestAudioService_Search(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/ig_audio", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, "GET")
		switch r.URL.Query().Get("after") {
		case "":
			testParams(t, r, map[string]string{"audio_type": "music", "user_id": testIGUser, "search_query": "wish", "limit": "3"})
			writeJSON(w, 200, `{"audio":[{"audio_id":"587784541076604","audio_type":"music","title":"Birthday Wish","display_artist":"Shuba","duration_in_ms":153760,"on_platform_audio_preview_link":"https://www.instagram.com/reels/audio/587784541076604/"}],
				"paging":{"cursors":{"after":"C1"},"next":"https://graph.facebook.com/v26.0/ig_audio?after=C1"}}`)
		default:
			// One client reads the list under "data": both are accepted.
			writeJSON(w, 200, `{"data":[{"audio_id":"2","audio_type":"music","title":"Two"}]}`)
		}
	})
	got, err := Collect(client.Audio.Search(t.Context(), testIGUser, AudioSearch{Type: AudioTypeMusic, Query: "wish", Limit: 3}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].DisplayArtist != "Shuba" || !returned(got[0].DurationMS, 153760) || got[0].PreviewLink == "" || got[1].AudioID != "2" {
		t.Fatalf("audio = %+v", got)
	}
}
