package functions_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// consoleExample is one expression of a ```console block in a function's
// page, and what the page says `terraform console` prints for it.
type consoleExample struct {
	page, expression, output string
}

// consoleFunctions is calling provider functions in the console. OpenTofu
// 1.12.6 cannot: its console evaluates outside the graph walk that starts
// function providers ("BUG: Uninitialized function provider", or the
// provider already stopped when the configuration calls the function too).
var consoleFunctions = acctest.Feature{Name: "provider functions in the console", Terraform: tfversion.Version1_8_0}

// The `terraform console` sessions of docs/functions/ work as written: each
// expression, fed to the console of the real CLI with this provider,
// prints what the page shows.
func TestAccFunctions_consoleExamples(t *testing.T) {
	examples := consoleExamples(t, "../../../docs/functions")
	if len(examples) < 10 {
		t.Fatalf("found %d console examples in docs/functions, expected at least 10", len(examples))
	}
	acctest.SkipUnless(t, consoleFunctions)
	env := acctest.New(t, emulator.Options{})
	delete(env.Vars, "INSTAGRAM_ACCESS_TOKEN")       // functions need no configuration
	t.Cleanup(func() { env.RequireNoGraphCalls(t) }) // after the subtests
	for _, ex := range examples {
		t.Run(filepath.Base(ex.page)+"/"+ex.expression, func(t *testing.T) {
			t.Parallel()
			// A directory each: OpenTofu's console locks the state.
			cmd := env.Workdir(t).Command(t.Context(), "console")
			cmd.Stdin = strings.NewReader(ex.expression + "\n")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s\n> %s\n%v\n%s", ex.page, ex.expression, err, stderr.String())
			}
			if got := strings.TrimSpace(stdout.String()); got != ex.output {
				t.Errorf("%s\n> %s\nprints\n%s\nbut the page shows\n%s", ex.page, ex.expression, got, ex.output)
			}
		})
	}
}

// consoleExamples reads the ```console blocks of the pages in dir: lines
// starting with "> " are expressions, the lines after each its output.
func consoleExamples(t *testing.T, dir string) []consoleExample {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []consoleExample
	for _, page := range pages {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		inBlock := false
		for sc := bufio.NewScanner(bytes.NewReader(b)); sc.Scan(); {
			line := sc.Text()
			switch {
			case line == "```console":
				inBlock = true
			case inBlock && line == "```":
				inBlock = false
			case inBlock && strings.HasPrefix(line, "> "):
				out = append(out, consoleExample{page: page, expression: strings.TrimPrefix(line, "> ")})
			case inBlock && len(out) > 0:
				ex := &out[len(out)-1]
				ex.output = strings.TrimPrefix(ex.output+"\n"+line, "\n")
			}
		}
	}
	return out
}
