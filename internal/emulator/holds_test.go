package emulator

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

const publishRoute = "POST /{ig-user-id}/media_publish"

// publishAsync sends media_publish for a container from a goroutine; the
// result arrives on the channel (a transport error as status 0).
func (h *harness) publishAsync(ctx context.Context, cid string) <-chan resp {
	out := make(chan resp, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, h.srv.URL+userPath+"/media_publish",
			strings.NewReader(url.Values{"creation_id": {cid}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+fbl)
		res, err := h.srv.Client().Do(req)
		if err != nil {
			out <- resp{raw: err.Error()}
			return
		}
		defer res.Body.Close()
		r := resp{status: res.StatusCode}
		_ = json.NewDecoder(res.Body).Decode(&r.body)
		out <- r
	}()
	return out
}

// While the answer is held the post exists; released, the client gets it.
func TestFaultHoldAfterCommit(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.emu.InjectFault(Fault{Route: publishRoute, Times: 1, HoldAfterCommit: time.Hour})
	answer := h.publishAsync(t.Context(), cid)

	held, err := h.emu.WaitHeld(t.Context(), publishRoute)
	if err != nil {
		t.Fatal(err)
	}
	if held.Route != publishRoute || held.Method != "POST" || held.Path != userPath+"/media_publish" || held.Status != 200 || held.Since.IsZero() {
		t.Fatalf("held = %+v", held)
	}
	ids := h.emu.MediaIDs(DefaultAccountID)
	if len(ids) != 1 {
		t.Fatalf("media while the answer is held = %v", ids)
	}
	if code, _ := h.statusCode(cid, fbl); code != "PUBLISHED" {
		t.Fatalf("container while held = %s", code)
	}
	if got := h.emu.HeldRequests(); len(got) != 1 || got[0] != held {
		t.Fatalf("HeldRequests = %+v", got)
	}
	// WaitHeld returns at once for a request already held.
	if again, err := h.emu.WaitHeld(t.Context(), ""); err != nil || again != held {
		t.Fatalf("WaitHeld again = %+v, %v", again, err)
	}

	if n := h.emu.ReleaseHeld(); n != 1 {
		t.Fatalf("released %d", n)
	}
	r := <-answer
	if r.status != 200 || r.body["id"] != ids[0] {
		t.Fatalf("answer after release = %d %v %s", r.status, r.body, r.raw)
	}
	if got := h.emu.FaultsApplied(); got[FaultHold] != 1 {
		t.Fatalf("FaultsApplied = %v", got)
	}
}

// A client that goes away during the hold gets nothing; the publish stays.
func TestFaultHoldClientGoesAway(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.emu.InjectFault(Fault{Route: publishRoute, Times: 1, HoldAfterCommit: time.Hour})
	ctx, cancel := context.WithCancel(t.Context())
	answer := h.publishAsync(ctx, cid)
	if _, err := h.emu.WaitHeld(t.Context(), publishRoute); err != nil {
		t.Fatal(err)
	}
	cancel()
	if r := <-answer; r.status != 0 {
		t.Fatalf("the client got an answer: %d %v", r.status, r.body)
	}
	waitUntil(t, func() bool { return len(h.emu.HeldRequests()) == 0 })
	if len(h.emu.MediaIDs(DefaultAccountID)) != 1 {
		t.Fatal("the publish did not commit")
	}
	// WaitHeld gives up with its context.
	short, stop := context.WithTimeout(t.Context(), time.Millisecond)
	defer stop()
	if _, err := h.emu.WaitHeld(short, publishRoute); err == nil {
		t.Fatal("WaitHeld returned without a held request")
	}
}

// A standalone emulator: the hold through the control plane.
func TestControlHold(t *testing.T) {
	h := newHarness(t, Options{})
	cid := h.createImage(fbl, "https://example.com/a.jpg")
	h.ctl("POST", ControlPrefix+"/faults", `{"route":"`+publishRoute+`","times":1,"hold_after_commit":"1h"}`)
	faults := h.ctl("GET", ControlPrefix+"/faults", "")
	if f := asMap(asList(faults["faults"])[0]); f["hold_after_commit"] != "1h0m0s" {
		t.Fatalf("faults = %v", faults)
	}
	answer := h.publishAsync(t.Context(), cid)

	held := asList(h.ctl("GET", ControlPrefix+"/held?wait=1m&route="+url.QueryEscape(publishRoute), "")["held"])
	if len(held) != 1 || asMap(held[0])["route"] != publishRoute || asMap(held[0])["status"] != 200.0 {
		t.Fatalf("held = %v", held)
	}
	if got := h.ctl("POST", ControlPrefix+"/held/release", ""); got["released"] != 1.0 {
		t.Fatalf("release = %v", got)
	}
	if r := <-answer; r.status != 200 {
		t.Fatalf("answer = %d %s", r.status, r.raw)
	}
	if got := h.ctl("GET", ControlPrefix+"/faults", "")["applied"]; asMap(got)["hold"] != 1.0 {
		t.Fatalf("applied = %v", got)
	}
	// Nothing held: the long poll ends with 408, a plain GET lists nothing.
	req, _ := http.NewRequestWithContext(t.Context(), "GET", h.srv.URL+ControlPrefix+"/held?wait=1ms", nil)
	if r := h.send(req); r.status != http.StatusRequestTimeout {
		t.Fatalf("empty long poll = %d %s", r.status, r.raw)
	}
	if held := asList(h.ctl("GET", ControlPrefix+"/held", "")["held"]); len(held) != 0 {
		t.Fatalf("held after release = %v", held)
	}
}

// waitUntil polls cond (for things that happen on another goroutine).
func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within 10s")
		}
	}
}
