package acctest

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Test runs tc against this Env's provider: it sets the test case's
// ProtoV6ProviderFactories.
func (e *Env) Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	tc.ProtoV6ProviderFactories = e.Factories()
	resource.Test(t, tc)
}

// Apply applies config and runs checks on the state it leaves: the test of
// a data source or of a resource's first apply.
func (e *Env) Apply(t *testing.T, config string, checks ...statecheck.StateCheck) {
	t.Helper()
	e.runOneStep(t, resource.TestStep{Config: config, ConfigStateChecks: checks}, nil)
}

// Planned expects the plan of a step to do action to the resource at
// address.
func Planned(address string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, action)}}
}

// Republishes expects the plan to republish the post at address: an
// in-place update (the new post is published first, the old one deleted
// after) that gives it a new id.
func Republishes(address string) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
		plancheck.ExpectUnknownValue(address, tfjsonpath.New("id")),
	}}
}

// NoDrift expects the plan after a step's apply and refresh to be empty:
// what was applied reads back as configured.
func NoDrift() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}

// ImportStep imports the resource at address by the id in state and
// verifies that the imported attributes equal the state's, but for ignore:
// inputs Instagram cannot return.
func ImportStep(address string, ignore ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:            address,
		ImportState:             true,
		ImportStateVerify:       true,
		ImportStateVerifyIgnore: ignore,
	}
}

// ImportBlockUpdatesInPlace imports the resource at address with an import
// block next to its configuration: the plan adopts the inputs the API cannot
// return with an in-place update, never a replacement.
func ImportBlockUpdatesInPlace(address string) resource.TestStep {
	return resource.TestStep{
		ResourceName:       address,
		ImportState:        true,
		ImportStateKind:    resource.ImportBlockWithID,
		ExpectNonEmptyPlan: true,
		ImportPlanChecks: resource.ImportPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)},
		},
	}
}

// PlanOnlyError runs `terraform plan` on config and requires it to fail with
// an error matching pattern (see ExpectError) before the provider sent a
// single Graph API request: the refusal happens at plan time, for free.
// The version checks skip the test on CLIs that lack what config uses.
func (e *Env) PlanOnlyError(t *testing.T, config, pattern string, versionChecks ...tfversion.TerraformVersionCheck) {
	t.Helper()
	e.runOneStep(t, resource.TestStep{Config: config, PlanOnly: true, ExpectError: ExpectError(pattern)}, versionChecks)
	e.RequireNoGraphCalls(t)
}

// ApplyError runs `terraform apply` on config and requires it to fail with
// an error matching pattern (see ExpectError): the cases where Instagram's
// answer, not plan-time validation, is what the message must explain.
func (e *Env) ApplyError(t *testing.T, config, pattern string, versionChecks ...tfversion.TerraformVersionCheck) {
	t.Helper()
	e.runOneStep(t, resource.TestStep{Config: config, ExpectError: ExpectError(pattern)}, versionChecks)
}

func (e *Env) runOneStep(t *testing.T, step resource.TestStep, versionChecks []tfversion.TerraformVersionCheck) {
	t.Helper()
	e.Test(t, resource.TestCase{TerraformVersionChecks: versionChecks, Steps: []resource.TestStep{step}})
}
