package collaboration_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const routeRespond = "POST /{ig-user-id}/collaboration_invites"

// invite has another user invite the account to co-author a post.
func invite(t *testing.T, env *acctest.Env, owner, caption string) string {
	t.Helper()
	id, err := env.Emulator.PostByOtherUser(emulator.OtherPost{Username: owner, Caption: caption, Collaborators: []string{emulator.DefaultUsername}})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAccCollaborationDataSources(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	pending := invite(t, env, "fernweh.studio", "Our spring collab")
	accepted := invite(t, env, "northwind_outfitters", "Trail day, together")
	if err := env.Emulator.SetCollaboratorStatus(emulator.CollaboratorStatus{MediaID: accepted, Username: emulator.DefaultUsername, Status: "Accepted"}); err != nil {
		t.Fatal(err)
	}
	env.Apply(t, `
data "instagram_collaboration_invites" "all" {}
data "instagram_collaboration_invites" "newest" { limit = 1 }
data "instagram_collaborative_media" "all" {}`,
		// The new invite, then the two seeded ones.
		statecheck.ExpectKnownValue("data.instagram_collaboration_invites.all", tfjsonpath.New("invites"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue("data.instagram_collaboration_invites.newest", tfjsonpath.New("invites"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"media_id": knownvalue.StringExact(pending), "owner_username": knownvalue.StringExact("fernweh.studio"),
				"caption": knownvalue.StringExact("Our spring collab"), "media_url": acctest.StringNotEmpty(),
			}),
		})),
		statecheck.ExpectKnownValue("data.instagram_collaboration_invites.all", tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue("data.instagram_collaborative_media.all", tfjsonpath.New("media"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(accepted), "caption": knownvalue.StringExact("Trail day, together"),
				"username": knownvalue.StringExact("northwind_outfitters"), "media_type": knownvalue.StringExact("IMAGE"),
				"total_like_count": knownvalue.NotNull(), "saved_count": knownvalue.NotNull(), "permalink": acctest.StringNotEmpty(),
			}),
		})),
	)
}

// Collaboration exists with Facebook login only: every type refuses
// Instagram login before any API call.
func TestAccCollaboration_instagramLoginRefused(t *testing.T) {
	t.Parallel()
	for _, config := range []string{
		`data "instagram_collaboration_invites" "x" {}`,
		`data "instagram_collaborative_media" "x" {}`,
	} {
		acctest.New(t, emulator.Options{}).InstagramLogin().PlanOnlyError(t, config, `Collaboration \(invites and collaborative media\) needs Facebook login`)
	}
	acctest.SkipUnless(t, acctest.Actions)
	env := acctest.New(t, emulator.Options{Now: time.Now}).InstagramLogin()
	w := env.Workdir(t)
	w.Write("main.tf", `
action "instagram_respond_to_collaboration" "accept" {
  config {
    media_id = "18000000000000006"
    accept   = true
  }
}`)
	out, err := w.Invoke("action.instagram_respond_to_collaboration.accept")
	if err == nil || !strings.Contains(out, "needs Facebook login") {
		t.Fatalf("err = %v\n%s", err, out)
	}
	env.RequireNoGraphCalls(t)
}

// Accept one invite and decline another through the real CLI, the media id
// taken from the invites data source; an answered invite is not answered
// twice.
func TestAccRespondToCollaboration_invoke(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.Actions)
	env := acctest.New(t, emulator.Options{Now: time.Now})
	brand := invite(t, env, "bluebottle", "Coffee x Emulator Brand")
	w := env.Workdir(t)
	w.Write("main.tf", `
data "instagram_collaboration_invites" "pending" {
  limit = 1
}

action "instagram_respond_to_collaboration" "accept_newest" {
  config {
    media_id = data.instagram_collaboration_invites.pending.invites[0].media_id
    accept   = true
  }
}

action "instagram_respond_to_collaboration" "decline_newest" {
  config {
    media_id = data.instagram_collaboration_invites.pending.invites[0].media_id
    accept   = false
  }
}

action "instagram_respond_to_collaboration" "decline_brand" {
  config {
    media_id = "`+brand+`"
    accept   = false
  }
}`)
	out := mustInvoke(t, w, "action.instagram_respond_to_collaboration.accept_newest")
	if !strings.Contains(out, "Accepted bluebottle's invite to co-author post "+brand+".") {
		t.Fatalf("output:\n%s", out)
	}
	if st, _ := env.Emulator.InviteStatus(brand, emulator.DefaultUsername); st != "Accepted" {
		t.Fatalf("status = %s", st)
	}
	// Answered already: refused before anything is sent.
	out, err := w.Invoke("action.instagram_respond_to_collaboration.decline_brand")
	if err == nil || !strings.Contains(out, "No pending collaboration invite") || env.Emulator.CallCount(routeRespond) != 1 {
		t.Fatalf("err = %v, %d answers sent\n%s", err, env.Emulator.CallCount(routeRespond), out)
	}
	// The newest pending invite is now a seeded one: decline it.
	out = mustInvoke(t, w, "action.instagram_respond_to_collaboration.decline_newest")
	m := regexp.MustCompile(`Declined northwind_outfitters's invite to co-author post (\d+)\.`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output:\n%s", out)
	}
	if st, _ := env.Emulator.InviteStatus(m[1], emulator.DefaultUsername); st != "Declined" {
		t.Fatalf("status = %s", st)
	}
}

func mustInvoke(t *testing.T, w *acctest.Workdir, address string) string {
	t.Helper()
	out, err := w.Invoke(address)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
