package acctest

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// StringNotEmpty is a known value check for a string that is set and not
// empty.
func StringNotEmpty() knownvalue.Check {
	return knownvalue.StringFunc(func(s string) error {
		if s == "" {
			return errors.New("expected a non-empty string, got an empty one")
		}
		return nil
	})
}

// ExpectPriorState runs state checks against the state a plan was made
// from: the state as refreshed. A RefreshState step takes no state checks,
// but its RefreshPlanChecks.PostRefresh take this.
func ExpectPriorState(checks ...statecheck.StateCheck) plancheck.PlanCheck {
	return priorState(checks)
}

type priorState []statecheck.StateCheck

func (p priorState) CheckPlan(ctx context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PriorState == nil {
		resp.Error = errors.New("the plan has no prior state")
		return
	}
	var errs []error
	for _, c := range p {
		var r statecheck.CheckStateResponse
		c.CheckState(ctx, statecheck.CheckStateRequest{State: req.Plan.PriorState}, &r)
		if r.Error != nil {
			errs = append(errs, fmt.Errorf("prior state: %w", r.Error))
		}
	}
	resp.Error = errors.Join(errs...)
}
