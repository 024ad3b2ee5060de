package provider_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The provider sends the default Graph version, and a version Meta retired
// is a plan-time warning naming the date and the replacement (the CLI shows
// warnings; terraform-plugin-testing cannot check them).
func TestAccProvider_apiVersion(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var paths []string
	env := acctest.New(t, emulator.Options{Now: time.Now, Logf: func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		paths = append(paths, fmt.Sprint(args[1])) // the request's path
	}})
	w := env.Workdir(t)
	w.Write("main.tf", `data "instagram_account" "me" {}`)
	if out := w.MustRun("plan", "-no-color"); strings.Contains(out, "Retired") {
		t.Fatalf("a plan with the default version warns:\n%s", out)
	}
	mu.Lock()
	if len(paths) == 0 || !strings.HasPrefix(paths[0], "/"+graph.DefaultAPIVersion+"/") || graph.DefaultAPIVersion != "v26.0" {
		t.Errorf("requests went to %v, want /v26.0/…", paths)
	}
	mu.Unlock()

	env.Vars["INSTAGRAM_API_VERSION"] = "v20.0"
	w = env.Workdir(t)
	w.Write("main.tf", `data "instagram_account" "me" {}`)
	out := w.MustRun("plan", "-no-color")
	for _, want := range []string{"Warning: Retired Graph API version", "Meta retired Graph API v20.0 on 2026-09-24", `"v26.0"`} {
		if !strings.Contains(out, want) {
			t.Errorf("plan output lacks %q:\n%s", want, out)
		}
	}

	env.Vars["INSTAGRAM_API_VERSION"] = "26.0"
	w = env.Workdir(t)
	w.Write("main.tf", `data "instagram_account" "me" {}`)
	if out, err := w.Run("plan", "-no-color"); err == nil || !strings.Contains(out, "Invalid api_version") {
		t.Errorf("an unknown form is not an error:\n%s", out)
	}
}
