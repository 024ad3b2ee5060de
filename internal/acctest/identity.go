package acctest

import (
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// IdentityTest is a resource test of identity (Terraform ≥ 1.12; skipped on
// CLIs without it): apply config, expect the resource's identity, then
// import it again with `import { identity = {…} }` against the same
// configuration and expect the plan to do importAction (NoOp, or Update for
// inputs the API cannot return, which are adopted from the configuration).
func (e *Env) IdentityTest(config, address string, identity map[string]knownvalue.Check, importAction plancheck.ResourceActionType) resource.TestCase {
	return resource.TestCase{
		TerraformVersionChecks:   Needs(ResourceIdentity),
		ProtoV6ProviderFactories: e.Factories(),
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
	}
}
