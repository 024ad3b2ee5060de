package workflow

import (
	"errors"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const routeReply = "POST /{ig-comment-id}/replies"

func newReplier(b *board) *Replier {
	return &Replier{Client: b.mod.Client, AccountID: emulator.DefaultAccountID, Now: b.emu.Now}
}

func TestReplyToComment(t *testing.T) {
	for _, token := range []string{emulator.DefaultFacebookToken, emulator.DefaultInstagramToken} {
		b := newSpamBoard(t, token)
		p := newReplier(b.board)
		// A reply to a reply goes under the top-level comment.
		r, err := p.ReplyToComment(t.Context(), b.spamReply, "Thanks for asking!")
		if err != nil {
			t.Fatal(err)
		}
		c, ok := b.emu.Comment(r.ID)
		if !ok || r.ParentID != b.fan || c.ParentID != b.fan || r.MediaID != b.recent1 || c.ByAccount != emulator.DefaultAccountID || r.Recovered {
			t.Fatalf("reply = %+v, comment %+v", r, c)
		}
	}
}

func TestReplyToComment_rules(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	p := newReplier(b.board)
	b.emu.SetCommentHiddenOutOfBand(b.spam1, true)
	_, err := p.ReplyToComment(t.Context(), b.spam1, "hi")
	var hidden *CommentHiddenError
	if !errors.As(err, &hidden) || b.emu.CallCount(routeReply) != 0 {
		t.Fatalf("err = %v, %d replies sent", err, b.emu.CallCount(routeReply))
	}
	_, err = p.ReplyToComment(t.Context(), "17859999999999999", "hi")
	var refused *ReplyError
	if !errors.As(err, &refused) || b.emu.CallCount(routeReply) != 0 {
		t.Fatalf("err = %v", err)
	}
}

// A reply whose answer is lost is found among the comment's replies.
func TestReplyToComment_answerLost(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	p := newReplier(b.board)
	b.emu.InjectFault(emulator.Fault{Route: routeReply, Times: 1, DropAfterCommit: true})
	r, err := p.ReplyToComment(t.Context(), b.fan, "Thank you!")
	if err != nil || !r.Recovered {
		t.Fatalf("reply = %+v, %v", r, err)
	}
	if c, ok := b.emu.Comment(r.ID); !ok || c.Text != "Thank you!" || b.emu.CallCount(routeReply) != 1 {
		t.Fatalf("comment = %+v, %d replies sent", c, b.emu.CallCount(routeReply))
	}
	// Dropped before it committed: not among the replies, so nothing was posted.
	b.emu.InjectFault(emulator.Fault{Route: routeReply, Times: 1, DropBeforeCommit: true})
	_, err = p.ReplyToComment(t.Context(), b.fan, "Second thought")
	var refused *ReplyError
	if !errors.As(err, &refused) || b.emu.CallCount(routeReply) != 2 || len(b.emu.Comments(b.recent1)) != 4 {
		t.Fatalf("err = %v, %d sent, comments %d", err, b.emu.CallCount(routeReply), len(b.emu.Comments(b.recent1)))
	}
}

// The account's identical reply from just before does not settle a lost
// answer: the new reply is found when it was posted, and "not posted" is
// said when it was not.
func TestReplyToComment_answerLostAfterAnIdenticalReply(t *testing.T) {
	b := newSpamBoard(t, emulator.DefaultFacebookToken)
	p := newReplier(b.board)
	first, err := p.ReplyToComment(t.Context(), b.fan, "Thank you!")
	if err != nil {
		t.Fatal(err)
	}
	b.emu.InjectFault(emulator.Fault{Route: routeReply, Times: 1, DropAfterCommit: true})
	second, err := p.ReplyToComment(t.Context(), b.fan, "Thank you!")
	if err != nil || !second.Recovered || second.ID == first.ID {
		t.Fatalf("reply = %+v, %v; the first reply was %s", second, err, first.ID)
	}
	b.emu.InjectFault(emulator.Fault{Route: routeReply, Times: 1, DropBeforeCommit: true})
	_, err = p.ReplyToComment(t.Context(), b.fan, "Thank you!")
	var refused *ReplyError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "not posted") {
		t.Fatalf("err = %v, want the reply reported as not posted", err)
	}
}

func TestReplyToMention(t *testing.T) {
	b := newBoard(t, emulator.DefaultFacebookToken)
	p := newReplier(b)
	caption, err := b.emu.PostByOtherUser(emulator.OtherPost{Username: "fan", Caption: "at @emulator_brand today"})
	if err != nil {
		t.Fatal(err)
	}
	cm := b.comment(t, caption, "", "friend", "@emulator_brand is great")
	r1, err := p.ReplyToMention(t.Context(), caption, "", "Thanks for coming!")
	if err != nil {
		t.Fatal(err)
	}
	r2, err := p.ReplyToMention(t.Context(), caption, cm, "Glad you like it")
	if err != nil {
		t.Fatal(err)
	}
	got := b.emu.Comments(caption)
	if len(got) != 3 || got[1].ID != r1.ID || got[1].ParentID != "" || got[2].ID != r2.ID || got[2].ParentID != cm {
		t.Fatalf("comments = %+v", got)
	}
	// Lost answers are reported, not resent: another user's comments cannot be read.
	b.emu.InjectFault(emulator.Fault{Route: "POST /{ig-user-id}/mentions", Times: 1, DropAfterCommit: true})
	_, err = p.ReplyToMention(t.Context(), caption, "", "Once more")
	var unknown *ReplyUnknownError
	if !errors.As(err, &unknown) || b.emu.CallCount("POST /{ig-user-id}/mentions") != 3 {
		t.Fatalf("err = %v", err)
	}
	// Meta's rules: a story mention cannot be answered.
	story, _ := b.emu.PostByOtherUser(emulator.OtherPost{Type: "STORY", Caption: "@emulator_brand"})
	_, err = p.ReplyToMention(t.Context(), story, "", "hi")
	var refused *ReplyError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v", err)
	}
}
