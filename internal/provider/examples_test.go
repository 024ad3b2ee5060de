package provider_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
)

// TestExamplesValidate runs `terraform validate` (or tofu's) on every
// directory under examples/ that holds .tf files, against the provider built
// from this tree, so that `make test` catches an example that no longer
// matches the schema. New example directories are picked up as they appear.
func TestExamplesValidate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("set TF_ACC=1 to validate the examples with the Terraform CLI")
	}
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		var err error
		if cli, err = exec.LookPath("terraform"); err != nil {
			t.Skip("no TF_ACC_TERRAFORM_PATH and no terraform on PATH")
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dirs := exampleDirs(t, filepath.Join(root, "examples"))
	if len(dirs) == 0 {
		t.Fatal("no example directories found")
	}

	// Once per run: the provider binary and a CLI config whose dev_overrides
	// point at it, so that validate needs no `init` (which would go to the
	// registry).
	bin := t.TempDir()
	build := exec.CommandContext(t.Context(), "go", "build", "-o", filepath.Join(bin, "terraform-provider-instagram"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(t.TempDir(), "dev.tfrc")
	if err := os.WriteFile(cliConfig, []byte(devOverrides(bin)), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			t.Parallel()
			for _, f := range featuresOf(t, dir) {
				if reason := acctest.Missing(f); reason != "" {
					t.Skip(reason)
				}
			}
			args := []string{"validate", "-no-color"}
			if hasFiles(t, dir, "*.tfquery.hcl") {
				args = append(args, "-query")
			}
			cmd := exec.CommandContext(t.Context(), cli, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
				"TF_LOG=", "TF_DATA_DIR="+t.TempDir()) // nothing written into the examples
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s validate in %s: %v\n%s", filepath.Base(cli), rel, err, out)
			}
		})
	}
}

// featuresOf lists the CLI features an example directory needs: list
// blocks (.tfquery.hcl, read by `validate -query`), import blocks with an
// identity, actions (examples/actions/) and provider functions.
func featuresOf(t *testing.T, dir string) []acctest.Feature {
	t.Helper()
	var out []acctest.Feature
	if hasAction(t, dir) {
		out = append(out, acctest.Actions)
	}
	if matchesFile(t, dir, regexp.MustCompile(`provider::instagram::`)) {
		out = append(out, acctest.ProviderFunctions)
	}
	if hasFiles(t, dir, "*.tfquery.hcl") {
		out = append(out, acctest.ListResources)
	}
	if hasFiles(t, dir, "import-by-identity.tf") {
		out = append(out, acctest.ResourceIdentity)
	}
	return out
}

// hasAction: a .tf file of the directory declares an action block.
func hasAction(t *testing.T, dir string) bool {
	t.Helper()
	return matchesFile(t, dir, regexp.MustCompile(`(?m)^action\s+"`))
}

// matchesFile: a .tf file of the directory matches re.
func matchesFile(t *testing.T, dir string, re *regexp.Regexp) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if re.Match(b) {
			return true
		}
	}
	return false
}

func hasFiles(t *testing.T, dir, pattern string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	return len(files) > 0
}

// exampleDirs lists the directories under root that hold .tf or .tfquery.hcl files.
func exampleDirs(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir // .terraform and the like
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfquery.hcl")) && !seen[filepath.Dir(p)] {
			seen[filepath.Dir(p)] = true
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// devOverrides is a CLI config that serves the provider from dir under every
// address an example may use: ours (with a required_providers block) and
// the implicit hashicorp/instagram (without one), in both CLIs' registries.
func devOverrides(dir string) string {
	var b strings.Builder
	b.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		for _, ns := range []string{"terraform-instagram", "hashicorp"} {
			b.WriteString("    \"" + host + "/" + ns + "/instagram\" = \"" + dir + "\"\n")
		}
	}
	b.WriteString("  }\n  direct {}\n}\n")
	return b.String()
}
