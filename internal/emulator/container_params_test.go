package emulator

import (
	"net/http"
	"strings"
	"testing"
)

// A parameter Meta does not document is refused with code 100 "Invalid
// parameter", naming it, and creates nothing; transport parameters pass.
func TestCreateContainer_unknownParameterRefused(t *testing.T) {
	h := newHarness(t, Options{})
	e := h.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg", "captoin", "typo").wantError(t, http.StatusBadRequest, 100, 0)
	if e["message"] != "(#100) Invalid parameter" || !strings.Contains(str(e["error_user_msg"]), "captoin") {
		t.Fatalf("error = %v", e)
	}
	if n := len(h.emu.ContainerRequests()); n != 0 {
		t.Fatalf("%d containers created", n)
	}
	h.post(userPath+"/media", fbl, "image_url", "https://example.com/a.jpg", "fields", "id", "locale", "en_US").mustOK(t)
}

// Every row of the table is a parameter the emulator takes; each request's
// documented parameters are recorded as sent.
func TestCreateContainer_requestRecorded(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg", "caption", "Which one?", "alt_text", "two cups",
		"poll_attachment", `{"option_a":"Flat white","option_b":"Cortado"}`, "is_poll_duration_extended", "true", "is_ai_generated", "false")
	got, ok := h.emu.ContainerRequest(cid)
	want := map[string]string{"image_url": "https://example.com/a.jpg", "caption": "Which one?", "alt_text": "two cups",
		"poll_attachment": `{"option_a":"Flat white","option_b":"Cortado"}`, "is_poll_duration_extended": "true", "is_ai_generated": "false"}
	if !ok || len(got.Params) != len(want) || got.AccountID != DefaultAccountID {
		t.Fatalf("request = %+v", got)
	}
	for k, v := range want {
		if got.Params[k] != v {
			t.Fatalf("%s = %q, want %q", k, got.Params[k], v)
		}
	}
	if all := h.emu.ContainerRequests(); len(all) != 1 || all[0].ContainerID != cid {
		t.Fatalf("requests = %+v", all)
	}
	state := h.get(ControlPrefix+"/state", "")
	containers := asList(state.body["containers"])
	if len(containers) != 1 || asMap(asMap(containers[0])["params"])["caption"] != "Which one?" {
		t.Fatalf("state containers = %v", containers)
	}
	for _, p := range containerParams {
		if !containerParamNames[p.name] || ignoredParams[p.name] {
			t.Fatalf("row %s is not a container parameter", p.name)
		}
	}
}

// The add-on and audio parameters do not exist with Instagram login.
func TestCreateContainer_facebookLoginOnlyParameters(t *testing.T) {
	h := newHarness(t, Options{})
	for _, kv := range [][]string{
		{"poll_attachment", `{"option_a":"a","option_b":"b"}`},
		{"is_comment_prompt_used", "true"},
		{"audio_configuration", `{"audio_id":"587784541076604"}`},
	} {
		e := h.post(userPath+"/media", igl, append([]string{"image_url", "https://example.com/a.jpg", "caption", "q"}, kv...)...).
			wantError(t, http.StatusBadRequest, 100, 0)
		if !strings.Contains(str(e["error_user_msg"]), "Facebook Login") {
			t.Fatalf("%s: %v", kv[0], e)
		}
	}
}
