package acctest

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// IdentityTest is a resource test of identity (Terraform ≥ 1.12; skipped on
// CLIs without it): apply config, expect the resource's identity, then
// import it again with `import { identity = {…} }` against the same
// configuration and expect the plan to do importAction (NoOp, or Update for
// inputs the API cannot return, which are adopted from the configuration).
func (e *Env) IdentityTest(t *testing.T, config, address string, identity map[string]knownvalue.Check, importAction plancheck.ResourceActionType) {
	t.Helper()
	e.Test(t, resource.TestCase{
		TerraformVersionChecks: Needs(ResourceIdentity),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(address, identity)},
			},
			{
				ResourceName:       address,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithResourceIdentity,
				ExpectNonEmptyPlan: importAction != plancheck.ResourceActionNoop,
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, importAction)},
				},
			},
		},
	})
}

// ListTest is a list resource test (Terraform ≥ 1.14; skipped on CLIs
// without list resources): apply config, then run `terraform query` with the
// list blocks of query and check what they found.
func (e *Env) ListTest(t *testing.T, config, query string, checks ...querycheck.QueryResultCheck) {
	t.Helper()
	e.Test(t, resource.TestCase{
		TerraformVersionChecks: Needs(ListResources),
		Steps: []resource.TestStep{
			{Config: config},
			{Query: true, Config: query, QueryResultChecks: checks},
		},
	})
}

// NumericID is a known value check for a Graph id.
func NumericID() knownvalue.Check {
	return knownvalue.StringRegexp(numericID)
}

var numericID = regexp.MustCompile(`^[0-9]+$`)
