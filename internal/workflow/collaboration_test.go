package workflow

import (
	"context"
	"errors"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

const routeRespond = "POST /{ig-user-id}/collaboration_invites"

// countBudget is a Budget of n answers.
type countBudget struct {
	mu   sync.Mutex
	left int
}

func (b *countBudget) Take() (bool, time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.left == 0 {
		return false, time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	}
	b.left--
	return true, time.Time{}
}

func (b *countBudget) Limit() int { return 50 }

// newResponder serves an emulator with one invite to the account and
// returns a responder, the emulator and the invite's post.
func newResponder(t *testing.T) (*CollaborationResponder, *emulator.Server, string) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	t.Cleanup(func() { emu.ReleaseHeld() })
	client, err := graph.New(graph.Options{BaseURL: srv.URL, AccessToken: emulator.DefaultFacebookToken, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	post, err := emu.PostByOtherUser(emulator.OtherPost{Username: "fernweh.studio", Caption: "Our collab", Collaborators: []string{emulator.DefaultUsername}})
	if err != nil {
		t.Fatal(err)
	}
	return &CollaborationResponder{Client: client, AccountID: emulator.DefaultAccountID, Budget: &countBudget{left: 50}}, emu, post
}

func inviteStatus(t *testing.T, emu *emulator.Server, post string) string {
	t.Helper()
	st, ok := emu.InviteStatus(post, emulator.DefaultUsername)
	if !ok {
		t.Fatalf("post %s does not invite the account", post)
	}
	return st
}

func TestRespond_acceptAndDecline(t *testing.T) {
	r, emu, post := newResponder(t)
	a, err := r.Respond(t.Context(), post, true)
	if err != nil || !a.Accepted || a.Recovered || a.Invite.MediaOwnerUsername != "fernweh.studio" || a.Invite.Caption != "Our collab" {
		t.Fatalf("answer = %+v, %v", a, err)
	}
	if st := inviteStatus(t, emu, post); st != "Accepted" {
		t.Fatalf("status = %s", st)
	}
	// Answered: there is no pending invite left to answer, and nothing is sent.
	_, err = r.Respond(t.Context(), post, false)
	var none *NoInviteError
	if !errors.As(err, &none) || emu.CallCount(routeRespond) != 1 {
		t.Fatalf("err = %v, %d sent", err, emu.CallCount(routeRespond))
	}
	other, _ := emu.PostByOtherUser(emulator.OtherPost{Username: "northwind_outfitters", Caption: "Trail day", Collaborators: []string{emulator.DefaultUsername}})
	if a, err := r.Respond(t.Context(), other, false); err != nil || a.Accepted {
		t.Fatalf("decline = %+v, %v", a, err)
	}
	if st := inviteStatus(t, emu, other); st != "Declined" {
		t.Fatalf("status = %s", st)
	}
}

func TestRespond_budget(t *testing.T) {
	r, emu, post := newResponder(t)
	r.Budget = &countBudget{}
	_, err := r.Respond(t.Context(), post, true)
	var limit *ResponseLimitError
	if !errors.As(err, &limit) || limit.NextFree.IsZero() || emu.CallCount(routeRespond) != 0 || inviteStatus(t, emu, post) != "Pending" {
		t.Fatalf("err = %v, %d sent", err, emu.CallCount(routeRespond))
	}
}

// A lost answer is settled by reading, never by sending again.
func TestRespond_answerLost(t *testing.T) {
	r, emu, post := newResponder(t)
	emu.InjectFault(emulator.Fault{Route: routeRespond, Times: 1, DropAfterCommit: true})
	a, err := r.Respond(t.Context(), post, true)
	if err != nil || !a.Recovered || !a.Accepted || emu.CallCount(routeRespond) != 1 {
		t.Fatalf("answer = %+v, %v, %d sent", a, err, emu.CallCount(routeRespond))
	}
	// Dropped before it committed: still pending, so it was not answered.
	other, _ := emu.PostByOtherUser(emulator.OtherPost{Username: "northwind_outfitters", Caption: "Trail day", Collaborators: []string{emulator.DefaultUsername}})
	emu.InjectFault(emulator.Fault{Route: routeRespond, Times: 1, DropBeforeCommit: true})
	_, err = r.Respond(t.Context(), other, false)
	var refused *CollaborationError
	if !errors.As(err, &refused) || emu.CallCount(routeRespond) != 2 || inviteStatus(t, emu, other) != "Pending" {
		t.Fatalf("err = %v, %d sent", err, emu.CallCount(routeRespond))
	}
	// Instagram refuses the answer: nothing changed.
	emu.InjectFault(emulator.Fault{Route: routeRespond, Times: 1, Error: &emulator.ErrorBody{Message: "boom", Type: "OAuthException", Code: 1}})
	if _, err := r.Respond(t.Context(), other, true); !errors.As(err, &refused) {
		t.Fatalf("err = %v", err)
	}
}

// Asked to stop while the answer is in flight, the responder still reports
// what it did; before sending, it sends nothing.
func TestRespond_gracefulStop(t *testing.T) {
	r, emu, post := newResponder(t)
	emu.InjectFault(emulator.Fault{Route: routeRespond, HoldAfterCommit: 200 * time.Millisecond, Times: 1})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() {
		if _, err := emu.WaitHeld(ctx, routeRespond); err == nil {
			cancel()
		}
	}()
	if a, err := r.Respond(ctx, post, true); err != nil || !a.Accepted || inviteStatus(t, emu, post) != "Accepted" {
		t.Fatalf("answer = %+v, %v", a, err)
	}
	other, _ := emu.PostByOtherUser(emulator.OtherPost{Username: "northwind_outfitters", Caption: "Trail day", Collaborators: []string{emulator.DefaultUsername}})
	done, stop := context.WithCancel(t.Context())
	stop()
	if _, err := r.Respond(done, other, true); err == nil || emu.CallCount(routeRespond) != 1 {
		t.Fatalf("err = %v, %d sent", err, emu.CallCount(routeRespond))
	}
}
