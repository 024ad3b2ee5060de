package emulator

import (
	"net/http"
	"strings"
)

// The Instagram Audio API, Facebook login only
// (https://developers.facebook.com/documentation/instagram-platform/content-publishing/audio-api):
//
//	GET /ig_audio?audio_type=music|original_sound&user_id=…[&search_query=…]
//
// searches the audio licensed for third-party use, or lists what is
// trending when no query is given. Meta's parameter and field tables were
// cut off in the copies we could read; the names here come from
// third-party clients that agree with each other (search_query, the
// "audio" list key, audio_id, title, display_artist, duration_in_ms,
// download_url, on_platform_audio_preview_link, …) (uncertain). A track
// can be withdrawn (SetAudioAvailable): it disappears from search, a
// container cannot use it, and a reel whose container used it fails to
// publish (addons.go).

// audioTrack is one asset of the catalogue.
type audioTrack struct {
	id, audioType, title string
	artist               string // display_artist of licensed music
	owner                string // ig_username of an original sound
	durationMS           int
	adsEligible          bool
}

// audioCatalogue is the licensed audio, trending first.
var audioCatalogue = []audioTrack{
	{id: "587784541076604", audioType: "music", title: "Birthday Wish", artist: "Shuba", durationMS: 153760},
	{id: "612345678901234", audioType: "music", title: "Morning Pour", artist: "The Roasters", durationMS: 121000, adsEligible: true},
	{id: "623456789012345", audioType: "music", title: "Summit Light", artist: "Northwind Choir", durationMS: 187500},
	{id: "634567890123456", audioType: "music", title: "Slow Mornings", artist: "Fernweh", durationMS: 142300, adsEligible: true},
	{id: "645678901234567", audioType: "original_sound", title: "Original audio", owner: "bluebottle", durationMS: 15200},
	{id: "656789012345678", audioType: "original_sound", title: "Latte art ASMR", owner: "bluebottle", durationMS: 9800},
	{id: "667890123456789", audioType: "original_sound", title: "Fjord wind", owner: "fernweh.studio", durationMS: 22100},
}

// Audio types of audio_type (lower case, as the guide writes them).
var audioTypes = []string{"music", "original_sound"}

// maxAudioPage is the largest page of /ig_audio: one client uses 50
// (uncertain).
const maxAudioPage = 50

func findAudio(id string) *audioTrack {
	for i := range audioCatalogue {
		if audioCatalogue[i].id == id {
			return &audioCatalogue[i]
		}
	}
	return nil
}

// audioAvailable reports a track of the catalogue that was not withdrawn.
func (s *Server) audioAvailable(id string) bool {
	return findAudio(id) != nil && !s.st.audioWithdrawn[id]
}

// errAudioUnavailable answers a track that does not exist or was withdrawn:
// Meta's error is undocumented (uncertain); Options.AudioUnavailableError
// replaces the default.
func (s *Server) errAudioUnavailable(id string) *apiError {
	if e := s.opts.AudioUnavailableError; e != nil {
		return &apiError{status: http.StatusBadRequest, body: *e}
	}
	return userErr(100, 0, "(#100) The audio "+id+" is not available", "Audio unavailable",
		"The selected audio is not available for third-party use (any more). Choose another track.")
}

// audioSearch is GET /ig_audio, with Facebook login only (like
// ig_hashtag_search).
func (s *Server) audioSearch(req *request, _ *target) (any, *apiError) {
	if err := facebookLoginRoot(req); err != nil {
		return nil, err
	}
	if _, err := s.hashtagUser(req); err != nil {
		return nil, err
	}
	kind, _ := req.param("audio_type")
	if kind == "" {
		return nil, errMissingParam("audio_type")
	}
	if !strings.EqualFold(kind, "music") && !strings.EqualFold(kind, "original_sound") {
		return nil, errParam("audio_type must be one of the following values: %s", strings.Join(audioTypes, ", "))
	}
	pr, err := pageReqFromParams(req.param, maxAudioPage)
	if err != nil {
		return nil, err
	}
	q, _ := req.param("search_query")
	q = strings.ToLower(q)
	var items []audioTrack
	var keys []int64
	for i, a := range audioCatalogue {
		if !strings.EqualFold(a.audioType, kind) || s.st.audioWithdrawn[a.id] {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(a.title+" "+a.artist+" "+a.owner), q) {
			continue
		}
		items = append(items, a)
		keys = append(keys, -int64(i)) // catalogue order; keys must descend
	}
	start, end, hasPrev, hasNext := paginate(keys, pr)
	data := []any{}
	for _, a := range items[start:end] {
		data = append(data, a.render())
	}
	out := pageResponse(req, data, keys[start:end], hasPrev, hasNext, "/ig_audio")
	out["audio"] = out["data"] // three clients read "audio", one "data" (uncertain)
	delete(out, "data")
	return out, nil
}

func (a audioTrack) render() map[string]any {
	out := map[string]any{
		"audio_id": a.id, "audio_type": a.audioType, "title": a.title, "duration_in_ms": a.durationMS,
		// download_url is a temporary preview (about 1.5 days).
		"download_url":                   "https://scontent.cdninstagram.com/emulator/audio/" + a.id + ".m4a",
		"on_platform_audio_preview_link": "https://www.instagram.com/reels/audio/" + a.id + "/",
		"is_ads_eligible":                a.adsEligible,
	}
	if a.artist != "" {
		out["display_artist"] = a.artist
		out["cover_artwork_thumbnail_uri"] = "https://scontent.cdninstagram.com/emulator/audio/" + a.id + "_cover.jpg"
	}
	if a.owner != "" {
		out["ig_username"] = a.owner
		out["profile_picture_url"] = "https://scontent.cdninstagram.com/emulator/others/profile/" + a.owner + ".jpg"
	}
	return out
}

// SetAudioAvailable withdraws a track of the catalogue (false) or brings it
// back, as a licence change would; false when there is no such track.
func (s *Server) SetAudioAvailable(id string, available bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if findAudio(id) == nil {
		return false
	}
	s.st.audioWithdrawn[id] = !available
	return true
}

// AudioIDs lists the catalogue's tracks of an audio type (music or
// original_sound), trending first, withdrawn ones included.
func AudioIDs(audioType string) []string {
	var out []string
	for _, a := range audioCatalogue {
		if a.audioType == audioType {
			out = append(out, a.id)
		}
	}
	return out
}

// controlAudio is POST /_emulator/audio/{id}?available=false|true: SetAudioAvailable.
func (s *Server) controlAudio(w http.ResponseWriter, r *http.Request, id string) {
	available, ok := parseBool(r.URL.Query().Get("available"))
	if !ok {
		controlError(w, http.StatusBadRequest, "available must be true or false")
		return
	}
	if !s.SetAudioAvailable(id, available) {
		controlError(w, http.StatusNotFound, "no audio "+id)
		return
	}
	controlOK(w)
}
