package media_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const publishRoute = "POST /{ig-user-id}/media_publish"

// Adopting an existing account: an account with posts of every kind, some
// published by Terraform from another workspace and some in the app; then in
// a new workspace `terraform query -generate-config-out` writes their
// configuration, with deletion_policy = "retain" on every post, which plans N
// to import (and deletion_policy set on each) and nothing else, applies
// without publishing anything, and re-plans empty. Destroying the adoption
// workspace deletes nothing.
func TestAccMedia_queryAdoptsAnAccount(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.ListResources)
	env := acctest.New(t, emulator.Options{Now: time.Now})

	// Published with Terraform, from a workspace whose state is lost to us.
	other := env.Workdir(t)
	other.Write("main.tf", `
resource "instagram_media" "launch" {
  type      = "IMAGE"
  image_url = "https://cdn.example.com/launch.jpg"
  caption   = "Launch day #bikes"
  user_tags = [{ username = "partner_brand", x = 0.5, y = 0.5 }]
}

resource "instagram_media" "gallery" {
  type    = "CAROUSEL"
  caption = "The whole range"
  children { image_url = "https://cdn.example.com/1.jpg" }
  children { video_url = "https://cdn.example.com/2.mp4" }
}
`)
	other.MustRun("apply", "-auto-approve", "-no-color")
	// Published in the Instagram app.
	for _, p := range []emulator.Post{
		{Caption: "Posted in the app"},
		{Type: "REELS", Caption: "Behind the scenes"},
		{Type: "CAROUSEL", Caption: "Three of a kind", Children: 3},
		{Type: "STORY"},
		{Type: "STORY", Video: true},
	} {
		if _, ok := env.Emulator.PostOutOfBand(emulator.DefaultAccountID, p); !ok {
			t.Fatal("cannot seed a post")
		}
	}
	const posts = 7
	published := env.Emulator.CallCount(publishRoute)

	adopt := env.Workdir(t)
	adopt.Write("adopt.tfquery.hcl", `
list "instagram_media" "all" {
  provider = instagram
  limit    = 100
}
`)
	out := adopt.MustRun("query", "-no-color")
	if n := strings.Count(out, "list.instagram_media.all"); n != posts {
		t.Fatalf("query found %d posts, want %d:\n%s", n, posts, out)
	}
	for _, want := range []string{"IMAGE: Launch day #bikes", "CAROUSEL: Three of a kind", "REELS: Behind the scenes", "STORIES"} {
		if !strings.Contains(out, want) {
			t.Errorf("query output lacks %q:\n%s", want, out)
		}
	}

	adopt.MustRun("query", "-generate-config-out=adopted.tf", "-no-color")
	generated := adopt.Read("adopted.tf")
	if n := strings.Count(generated, "identity = {"); n != posts {
		t.Fatalf("generated %d import blocks, want %d:\n%s", n, posts, generated)
	}
	if n := len(regexp.MustCompile(`(?m)^\s*deletion_policy\s*=\s*"retain"$`).FindAllString(generated, -1)); n != posts {
		t.Fatalf("generated %d deletion_policy = \"retain\", want one per post (%d):\n%s", n, posts, generated)
	}
	out = adopt.MustRun("plan", "-no-color")
	// An imported post is kept unless configured otherwise, as the generated
	// configuration says: imports only, nothing to change.
	if !regexp.MustCompile(`Plan: 7 to import, 0 to add, 0 to change, 0 to destroy`).MatchString(out) || strings.Contains(out, " -> ") {
		t.Fatalf("plan of the generated configuration:\n%s", out)
	}
	adopt.MustRun("apply", "-auto-approve", "-no-color")
	if n := env.Emulator.CallCount(publishRoute); n != published {
		t.Fatalf("adopting published %d posts", n-published)
	}
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != posts {
		t.Fatalf("the account has %d posts after adoption, want %d", n, posts)
	}
	if _, err := adopt.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		t.Fatalf("the re-plan after adoption is not empty: %v", err)
	}

	out = adopt.MustRun("destroy", "-auto-approve", "-no-color")
	if !strings.Contains(out, "Destroy keeps the post on Instagram") {
		t.Errorf("destroy does not say the posts stay on Instagram:\n%s", out)
	}
	if n := env.Emulator.CallCount("DELETE /{ig-media-id}"); n != 0 {
		t.Fatalf("destroying the adoption workspace deleted %d posts", n)
	}
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != posts {
		t.Fatalf("the account has %d posts after destroying the adoption workspace, want %d", n, posts)
	}
}

// Listing costs one call per page of 100 posts plus the stories edge, and
// stops at the query's limit.
func TestAccMedia_queryCost(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.ListResources)
	env := acctest.New(t, emulator.Options{Now: time.Now})
	env.Vars["INSTAGRAM_ACCOUNT_ID"] = emulator.DefaultAccountID // no discovery call
	if _, err := env.Emulator.SeedImagePosts(emulator.DefaultAccountID, "https://cdn.example.com/%d.jpg", 1000); err != nil {
		t.Fatal(err)
	}
	w := env.Workdir(t)
	for _, tc := range []struct {
		limit      string
		want       int
		maxMetered int
	}{
		{"1000", 1000, 1000/100 + 2},
		{"150", 150, 2 + 2},
	} {
		w.Write("all.tfquery.hcl", `
list "instagram_media" "all" {
  provider = instagram
  limit    = `+tc.limit+`
}
`)
		before := env.Emulator.MeteredCalls()
		out := w.MustRun("query", "-no-color")
		if n := strings.Count(out, "list.instagram_media.all"); n != tc.want {
			t.Fatalf("limit %s: found %d posts, want %d", tc.limit, n, tc.want)
		}
		if n := env.Emulator.MeteredCalls() - before; n > tc.maxMetered {
			t.Errorf("limit %s: listing cost %d metered calls, want at most %d: %v", tc.limit, n, tc.maxMetered, env.Emulator.Calls())
		}
	}
}
