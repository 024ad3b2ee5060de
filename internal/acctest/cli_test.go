package acctest

import (
	"testing"

	"github.com/hashicorp/go-version"
)

func TestFeatureMissing(t *testing.T) {
	v := func(s string) *version.Version { return version.Must(version.NewVersion(s)) }
	cases := []struct {
		kind, version string
		feature       Feature
		skip          bool
	}{
		{CLITerraform, "1.11.4", EphemeralResources, false},
		{CLITerraform, "1.9.8", EphemeralResources, true},
		{CLIOpenTofu, "1.10.0", EphemeralResources, true}, // 1.10 ≥ terraform's 1.10, but tofu 1.10 has none
		{CLIOpenTofu, "1.12.6", EphemeralResources, false},
		{CLIOpenTofu, "1.11.0-rc1", WriteOnlyAttributes, false}, // prereleases count as the release
		{CLIOpenTofu, "1.12.6", Feature{Name: "x", Terraform: v("1.0.0")}, true},
		{CLITerraform, "1.7.5", ProviderFunctions, true},
		{CLIOpenTofu, "1.7.0", ProviderFunctions, false},
	}
	for _, c := range cases {
		got := c.feature.missing(c.kind, v(c.version)) != ""
		if got != c.skip {
			t.Errorf("%s %s, %s: skip = %v, want %v", c.kind, c.version, c.feature.Name, got, c.skip)
		}
	}
}

func TestCLIKind(t *testing.T) {
	t.Setenv("TF_CLI_KIND", "")
	t.Setenv("TF_ACC_TERRAFORM_PATH", "/cache/tofu-v1.12.6/tofu")
	if got := CLIKind(); got != CLIOpenTofu {
		t.Errorf("CLIKind from the path = %q", got)
	}
	t.Setenv("TF_CLI_KIND", CLITerraform)
	if got := CLIKind(); got != CLITerraform {
		t.Errorf("CLIKind from TF_CLI_KIND = %q", got)
	}
}
