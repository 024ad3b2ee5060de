package preview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// Plan is the part of `terraform show -json PLANFILE` the preview reads
// (https://developer.hashicorp.com/terraform/internals/json-format). The
// plan's variables and provider configuration, which hold secrets in clear,
// are deliberately not decoded.
type Plan struct {
	FormatVersion    string           `json:"format_version"`
	TerraformVersion string           `json:"terraform_version"`
	ResourceChanges  []ResourceChange `json:"resource_changes"`
	PriorState       *State           `json:"prior_state"`
	// Configuration is read for references only (see configRefs).
	Configuration struct {
		RootModule struct {
			Resources []struct {
				Address     string                     `json:"address"`
				Expressions map[string]json.RawMessage `json:"expressions"`
			} `json:"resources"`
		} `json:"root_module"`
	} `json:"configuration"`
	// Timestamp is when the plan was made: when "now" is.
	Timestamp string `json:"timestamp"`
	// DeferredChanges are the changes Terraform leaves to a later plan
	// (deferred actions).
	DeferredChanges []struct {
		Reason         string         `json:"reason"`
		ResourceChange ResourceChange `json:"resource_change"`
	} `json:"deferred_changes"`
}

// ResourceChange is one entry of resource_changes.
type ResourceChange struct {
	Address string `json:"address"`
	Mode    string `json:"mode"`
	Type    string `json:"type"`
	// Deposed is set for an old object left over by create_before_destroy.
	Deposed string `json:"deposed"`
	Change  Change `json:"change"`
}

// Change is a resource change's before and after values and their marks.
type Change struct {
	Actions         []string `json:"actions"`
	Before          any      `json:"before"`
	After           any      `json:"after"`
	AfterUnknown    any      `json:"after_unknown"`
	BeforeSensitive any      `json:"before_sensitive"`
	AfterSensitive  any      `json:"after_sensitive"`
}

// State is prior_state: what Terraform knew before planning, data sources
// read during the plan included.
type State struct {
	Values struct {
		RootModule Module `json:"root_module"`
	} `json:"values"`
}

// Module is a module of a state, with its resources and child modules.
type Module struct {
	Resources    []StateResource `json:"resources"`
	ChildModules []Module        `json:"child_modules"`
}

// StateResource is a resource or data source of a state.
type StateResource struct {
	Address         string `json:"address"`
	Mode            string `json:"mode"`
	Type            string `json:"type"`
	Values          any    `json:"values"`
	SensitiveValues any    `json:"sensitive_values"`
}

// expected is what every error about the input names.
const expected = "the JSON of `terraform show -json PLANFILE` (an object with format_version and resource_changes)"

// ReadPlan decodes a plan. Anything else (not JSON, a state, a plan's
// human-readable output, another tool's JSON) gets an error that says what
// was expected and what came instead.
func ReadPlan(r io.Reader) (*Plan, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("the input is empty; expected %s", expected)
	case trimmed[0] != '{':
		return nil, fmt.Errorf("the input is not a JSON object (it starts with %q); expected %s. "+
			"A binary plan file must be converted first: terraform show -json PLANFILE > plan.json", snippet(trimmed), expected)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &top); err != nil {
		return nil, fmt.Errorf("the input is not valid JSON (%s); expected %s", jsonError(err), expected)
	}
	if _, ok := top["format_version"]; !ok {
		return nil, fmt.Errorf("the JSON has no format_version: it is not Terraform's; expected %s", expected)
	}
	_, hasChanges := top["resource_changes"]
	_, hasPlanned := top["planned_values"]
	if !hasChanges && !hasPlanned {
		if _, ok := top["values"]; ok {
			return nil, fmt.Errorf("the JSON is a state (terraform show -json without a plan file), not a plan; expected %s", expected)
		}
		return nil, fmt.Errorf("the JSON has neither resource_changes nor planned_values: it is not a plan; expected %s", expected)
	}
	p := new(Plan)
	if err := json.Unmarshal(trimmed, p); err != nil {
		return nil, fmt.Errorf("the plan JSON does not have the expected shape (%s); expected %s", jsonError(err), expected)
	}
	return p, nil
}

// Now is when the plan was made (the zero time when the plan does not say).
func (p *Plan) Now() time.Time {
	t, err := time.Parse(time.RFC3339, p.Timestamp)
	if err != nil {
		return time.Time{}
	}
	return t
}

// stateResources are the resources and data sources of the prior state, in
// every module.
func (p *Plan) stateResources() []StateResource {
	if p.PriorState == nil {
		return nil
	}
	var out []StateResource
	var walk func(m Module)
	walk = func(m Module) {
		out = append(out, m.Resources...)
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(p.PriorState.Values.RootModule)
	return out
}

func snippet(b []byte) string {
	const n = 20
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

func jsonError(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("%s at byte %d", syntax.Error(), syntax.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return fmt.Sprintf("%s is a JSON %s, not a %s", typ.Field, typ.Value, typ.Type)
	}
	return err.Error()
}
