package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// PublishImageOutOfBand publishes an image post through the emulator's Graph
// API, as another tool would, and returns the media id.
func (e *Env) PublishImageOutOfBand(t *testing.T, caption string) string {
	t.Helper()
	post := func(path string, params url.Values) string {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, e.URL+"/v26.0"+path, strings.NewReader(params.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Authorization", "Bearer "+emulator.DefaultFacebookToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out struct {
			ID string `json:"id"`
		}
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil || out.ID == "" {
			t.Fatalf("POST %s: status %d, %v", path, res.StatusCode, err)
		}
		return out.ID
	}
	acct := "/" + emulator.DefaultAccountID
	cid := post(acct+"/media", url.Values{"image_url": {"https://cdn.example.com/oob.jpg"}, "caption": {caption}})
	return post(acct+"/media_publish", url.Values{"creation_id": {cid}})
}

// ExpectNotInPlan fails when the secret appears anywhere in the plan JSON.
func ExpectNotInPlan(secret string) plancheck.PlanCheck { return notInPlan{secret} }

type notInPlan struct{ secret string }

func (c notInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	// Every value the plan records; its Config part is the configuration's
	// own source text, not a plan value.
	parts := map[string]any{
		"planned_values": req.Plan.PlannedValues, "resource_changes": req.Plan.ResourceChanges,
		"resource_drift": req.Plan.ResourceDrift, "prior_state": req.Plan.PriorState,
		"output_changes": req.Plan.OutputChanges, "variables": req.Plan.Variables,
	}
	for name, part := range parts {
		b, err := json.Marshal(part)
		if err != nil {
			resp.Error = err
			return
		}
		if strings.Contains(string(b), c.secret) {
			resp.Error = fmt.Errorf("the plan's %s contain the secret %q", name, c.secret)
			return
		}
	}
}

// ExpectNotInState fails when the secret appears anywhere in the state JSON.
func ExpectNotInState(secret string) statecheck.StateCheck { return notInState{secret} }

type notInState struct{ secret string }

func (c notInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	b, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(b), c.secret) {
		resp.Error = fmt.Errorf("the state contains the secret %q", c.secret)
	}
}
