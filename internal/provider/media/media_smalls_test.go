package media_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// One mistake, one diagnostic (issue 23 item 6), as the CLI prints them.

// Eleven carousel items are one error, naming the limit and the count.
func TestAccMedia_elevenItemsIsOneError(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	var items strings.Builder
	for i := range 11 {
		fmt.Fprintf(&items, "  children { image_url = \"https://cdn.example.com/%d.jpg\" }\n", i)
	}
	w.Write("main.tf", "resource \"instagram_media\" \"carousel\" {\n  type = \"CAROUSEL\"\n"+items.String()+"}\n")
	out, err := w.Run("plan", "-no-color")
	if err == nil {
		t.Fatal("eleven items planned")
	}
	if n := strings.Count(out, "Error: "); n != 1 || !strings.Contains(out, "this one has 11") {
		t.Errorf("want one error saying there are 11 items, got %d:\n%s", n, out)
	}
}

// Destroying a retained post warns once, in the plan, not again at apply.
func TestAccMedia_destroyRetainedWarnsOnce(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	w := env.InProcessWorkdir(t)
	w.Write("main.tf", imageConfig("Kept", `deletion_policy = "retain"`))
	w.MustRun("apply", "-auto-approve", "-no-color")
	out := w.MustRun("destroy", "-auto-approve", "-no-color")
	if n := strings.Count(out, "Warning: "); n != 1 || !strings.Contains(out, "Destroy keeps the post on Instagram") {
		t.Errorf("want one warning that the post stays, got %d:\n%s", n, out)
	}
	if n := len(env.Emulator.MediaIDs(emulator.DefaultAccountID)); n != 1 {
		t.Errorf("%d posts after destroying a retained one, want 1", n)
	}
}
