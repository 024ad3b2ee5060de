package acctest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// CLI kinds, as scripts/gotest.sh exports them in TF_CLI_KIND.
const (
	CLITerraform = "terraform"
	CLIOpenTofu  = "tofu"
)

// CLIKind is the kind of CLI the acceptance tests run: TF_CLI_KIND when set,
// else guessed from the binary name in TF_ACC_TERRAFORM_PATH.
func CLIKind() string {
	switch k := os.Getenv("TF_CLI_KIND"); k {
	case CLITerraform, CLIOpenTofu:
		return k
	}
	if strings.HasPrefix(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu") {
		return CLIOpenTofu
	}
	return CLITerraform
}

// Feature is a language feature and the first version of each CLI that has
// it. OpenTofu numbers its releases on its own (tofu 1.6 ≈ terraform 1.6
// minus some features, tofu 1.11 adds what terraform 1.10/1.11 added), so
// tfversion gates alone would compare apples and pears.
type Feature struct {
	Name                string
	Terraform, OpenTofu *version.Version
}

// Features the tests use. A nil version means the CLI lacks the feature.
var (
	ImportBlocks        = Feature{"import blocks", version.Must(version.NewVersion("1.5.0")), version.Must(version.NewVersion("1.6.0"))}
	EphemeralResources  = Feature{"ephemeral resources", tfversion.Version1_10_0, version.Must(version.NewVersion("1.11.0"))}
	WriteOnlyAttributes = Feature{"write-only attributes", tfversion.Version1_11_0, version.Must(version.NewVersion("1.11.0"))}
	// Provider-defined functions, provider::NAME::FUNCTION(…).
	ProviderFunctions = Feature{"provider-defined functions", tfversion.Version1_8_0, version.Must(version.NewVersion("1.7.0"))}
	// Resource identity: import { identity = {…} } and identities in state.
	ResourceIdentity = Feature{"resource identity", tfversion.Version1_12_0, version.Must(version.NewVersion("1.12.0"))}
	// List resources (terraform query) and actions: Terraform 1.14; OpenTofu has neither.
	ListResources = Feature{"list resources (terraform query)", tfversion.Version1_14_0, nil}
	Actions       = Feature{"actions", tfversion.Version1_14_0, nil}
)

// SkipWithout is a TerraformVersionCheck that skips the test when the CLI
// in use (terraform or tofu, see CLIKind) lacks the features.
func SkipWithout(features ...Feature) tfversion.TerraformVersionCheck {
	return featureCheck{kind: CLIKind(), features: features}
}

// Needs is a test case's TerraformVersionChecks: the test is skipped on
// CLIs without the features.
func Needs(features ...Feature) []tfversion.TerraformVersionCheck {
	return []tfversion.TerraformVersionCheck{SkipWithout(features...)}
}

type featureCheck struct {
	kind     string
	features []Feature
}

func (c featureCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	for _, f := range c.features {
		if reason := f.missing(c.kind, req.TerraformVersion); reason != "" {
			resp.Skip = reason
			return
		}
	}
}

// missing says why the CLI lacks the feature, or "" when it has it.
func (f Feature) missing(kind string, v *version.Version) string {
	first := f.Terraform
	if kind == CLIOpenTofu {
		first = f.OpenTofu
	}
	switch {
	case first == nil:
		return fmt.Sprintf("%s has no %s: skipping test", kind, f.Name)
	case v.Core().LessThan(first):
		return fmt.Sprintf("%s %s has no %s (needs %s): skipping test", kind, v, f.Name, first)
	}
	return ""
}

// cliVersion is the version of the CLI in TF_ACC_TERRAFORM_PATH, asked once.
var cliVersion struct {
	once sync.Once
	v    *version.Version
	err  error
}

// SkipUnless skips a test that runs the CLI itself (Workdir) when the CLI
// lacks one of the features, saying which and why.
func SkipUnless(t *testing.T, features ...Feature) {
	t.Helper()
	for _, f := range features {
		if reason := Missing(f); reason != "" {
			t.Skip(reason)
		}
	}
	if _, err := cliVersionOf(); err != nil {
		t.Skip(err.Error())
	}
}

// Missing says why the CLI in TF_ACC_TERRAFORM_PATH lacks the feature, or
// "" when it has it.
func Missing(f Feature) string {
	v, err := cliVersionOf()
	if err != nil {
		return err.Error()
	}
	return f.missing(CLIKind(), v)
}

// cliVersionOf asks the CLI in TF_ACC_TERRAFORM_PATH its version, once.
func cliVersionOf() (*version.Version, error) {
	cliVersion.once.Do(func() {
		cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
		if cli == "" {
			cliVersion.err = errors.New("TF_ACC_TERRAFORM_PATH is not set: run through scripts/gotest.sh")
			return
		}
		cmd := exec.CommandContext(context.Background(), cli, "version", "-json")
		cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
		out, err := cmd.Output()
		if err != nil {
			cliVersion.err = fmt.Errorf("%s version -json: %w", cli, err)
			return
		}
		var v struct {
			Version string `json:"terraform_version"`
		}
		if err := json.Unmarshal(out, &v); err != nil {
			cliVersion.err = fmt.Errorf("%s version -json: %w", cli, err)
			return
		}
		cliVersion.v, cliVersion.err = version.NewVersion(v.Version)
	})
	return cliVersion.v, cliVersion.err
}
