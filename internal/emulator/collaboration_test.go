package emulator

import (
	"net/http"
	"testing"
)

func TestCollaboration_invites(t *testing.T) {
	h := newHarness(t, Options{})
	invite, err := h.emu.PostByOtherUser(OtherPost{Username: "fernweh.studio", Caption: "Our collab", Collaborators: []string{DefaultUsername, "someone"}})
	if err != nil {
		t.Fatal(err)
	}
	b := h.get(userPath+"/collaboration_invites", fbl).mustOK(t)
	data := asList(b["data"])
	// The new invite, then the two seeded ones, newest first.
	if len(data) != 3 || asMap(data[0])["media_id"] != invite || asMap(data[0])["media_owner_username"] != "fernweh.studio" ||
		asMap(data[0])["caption"] != "Our collab" || str(asMap(data[0])["media_url"]) == "" {
		t.Fatalf("invites = %v", b)
	}
	seeded := str(asMap(data[1])["media_id"])
	page := h.get(userPath+"/collaboration_invites", fbl, "limit", "1").mustOK(t)
	if len(asList(page["data"])) != 1 || str(asMap(page["paging"])["next"]) == "" {
		t.Fatalf("page = %v", page)
	}

	h.post(userPath+"/collaboration_invites", fbl, "media_id", invite, "accept", "true").mustOK(t)
	h.post(userPath+"/collaboration_invites", fbl, "media_id", seeded, "accept", "false").mustOK(t)
	// Answered: no longer pending, and an answer cannot be given twice.
	h.post(userPath+"/collaboration_invites", fbl, "media_id", invite, "accept", "false").wantError(t, http.StatusBadRequest, 100, 0)
	if data := asList(h.get(userPath+"/collaboration_invites", fbl).mustOK(t)["data"]); len(data) != 1 {
		t.Fatalf("pending = %v", data)
	}
	media := asList(h.get(userPath+"/collaborative_media", fbl, "fields", "id,caption,username,total_like_count,saved_count").mustOK(t)["data"])
	if len(media) != 1 || asMap(media[0])["id"] != invite || asMap(media[0])["username"] != "fernweh.studio" {
		t.Fatalf("collaborative media = %v", media)
	}
	h.get(userPath+"/collaborative_media", fbl, "fields", "id,is_comment_enabled").wantError(t, http.StatusBadRequest, 10, 0)
	// Facebook login only.
	h.get(userPath+"/collaboration_invites", igl).wantError(t, http.StatusBadRequest, 2500, 0)
	h.post(userPath+"/collaboration_invites", fbl, "media_id", invite).wantError(t, http.StatusBadRequest, 100, 0)
}

func TestCollaboration_limits(t *testing.T) {
	h := newHarness(t, Options{CollaborationInviteReads: 2, CollaborationResponses: 1})
	h.get(userPath+"/collaboration_invites", fbl).mustOK(t)
	h.get(userPath+"/collaboration_invites", fbl).mustOK(t)
	h.get(userPath+"/collaboration_invites", fbl).wantError(t, http.StatusBadRequest, 9, 0)
	h.post(userPath+"/collaboration_invites", fbl, "media_id", "1", "accept", "true").wantError(t, http.StatusBadRequest, 100, 0)
	h.post(userPath+"/collaboration_invites", fbl, "media_id", "1", "accept", "true").wantError(t, http.StatusBadRequest, 9, 0)
	h.emu.AdvanceClock(24 * 60 * 60 * 1e9)
	h.get(userPath+"/collaboration_invites", fbl).mustOK(t)
}

// The owner's collaborators edge shows each invitee's answer, given through
// the API by another seeded account or in the app.
func TestCollaboration_ownerSeesStatus(t *testing.T) {
	h := newHarness(t, Options{})
	h.emu.AddAccount(Account{ID: "17841400000000002", Username: "partner_brand", FacebookToken: "EAAPartnerToken"})
	mid := h.publish(h.createImage(fbl, "https://example.com/a.jpg", "caption", "Together", "collaborators", "partner_brand,fan.account"))
	status := func() map[string]string {
		out := map[string]string{}
		for _, c := range asList(h.get("/v25.0/"+mid+"/collaborators", fbl).mustOK(t)["data"]) {
			out[str(asMap(c)["username"])] = str(asMap(c)["invite_status"])
		}
		return out
	}
	if s := status(); s["partner_brand"] != "Pending" || s["fan.account"] != "Pending" {
		t.Fatalf("status = %v", s)
	}
	h.post("/v25.0/17841400000000002/collaboration_invites", "EAAPartnerToken", "media_id", mid, "accept", "true").mustOK(t)
	if err := h.emu.SetCollaboratorStatus(CollaboratorStatus{MediaID: mid, Username: "fan.account", Status: "Declined"}); err != nil {
		t.Fatal(err)
	}
	if s := status(); s["partner_brand"] != "Accepted" || s["fan.account"] != "Declined" {
		t.Fatalf("status = %v", s)
	}
	if media := asList(h.get("/v25.0/17841400000000002/collaborative_media", "EAAPartnerToken", "fields", "id,caption").mustOK(t)["data"]); len(media) != 1 || asMap(media[0])["caption"] != "Together" {
		t.Fatalf("partner's collaborative media = %v", media)
	}
	r := h.post(ControlPrefix+"/collaborators", "", "x", "y")
	if r.status != http.StatusBadRequest {
		t.Fatalf("control without JSON: %d", r.status)
	}
}
