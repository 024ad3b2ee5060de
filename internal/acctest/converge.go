package acctest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// What a run interrupted mid-write leaves behind, and how the next runs
// reach the configuration again: the state Terraform saved (State), the
// refusals that name what an interrupted run created without recording it
// (Orphans), and applying, adopting what they name, until an apply succeeds
// (Converge).

// StateResource is one resource instance of `terraform show -json`.
type StateResource struct {
	Address string         `json:"address"`
	Type    string         `json:"type"`
	Values  map[string]any `json:"values"`
}

// String returns a string attribute ("" when null or absent).
func (r StateResource) String(attr string) string {
	s, _ := r.Values[attr].(string)
	return s
}

// Strings returns a list or set attribute of strings.
func (r StateResource) Strings(attr string) []string {
	var out []string
	list, _ := r.Values[attr].([]any)
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// State is the current state's managed resources by address (none before the
// first apply).
func (w *Workdir) State() map[string]StateResource {
	w.t.Helper()
	out := w.MustRun("show", "-json", "-no-color")
	var doc struct {
		Values struct {
			RootModule struct {
				Resources []StateResource `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		w.t.Fatalf("terraform show -json: %v\n%s", err, out)
	}
	state := map[string]StateResource{}
	for _, r := range doc.Values.RootModule.Resources {
		state[r.Address] = r
	}
	return state
}

// Orphan is an object an interrupted run created without recording it, as a
// refusal to create it again names it: the resource that would have created
// it, and its id.
type Orphan struct {
	Address, ID string
	// InState: the resource is in the state already (a scheduled post, or a
	// post being republished), so the refusal says to forget it first.
	InState bool
	// Replaced is the post the resource held and the orphan was to replace;
	// the refusal says to delete it in the app.
	Replaced string
}

var (
	// "Error: An identical post already exists" / "… comment already exists",
	// then "with ADDRESS," and, in the detail, the import block's id.
	refusalPattern = regexp.MustCompile(`Error: An identical (?:post|comment) already exists`)
	withPattern    = regexp.MustCompile(`with ([a-z0-9_]+\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?),`)
	importIDPrefix = regexp.MustCompile(`\bid = "(\d+)"`)
	stateRmImport  = regexp.MustCompile(`terraform state rm \S+\s+terraform import \S+ (\d+)`)
	stillHolds     = regexp.MustCompile(`still holds post (\d+)`)
)

// Orphans lists the objects the refusals in a run's output name.
func Orphans(out string) []Orphan {
	var orphans []Orphan
	starts := refusalPattern.FindAllStringIndex(out, -1)
	for i, start := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		block := out[start[0]:end]
		with, id := withPattern.FindStringSubmatch(block), importIDPrefix.FindStringSubmatch(block)
		if with == nil {
			continue
		}
		if id != nil {
			orphans = append(orphans, Orphan{Address: with[1], ID: id[1]})
			continue
		}
		if id = stateRmImport.FindStringSubmatch(block); id != nil {
			o := Orphan{Address: with[1], ID: id[1], InState: true}
			if held := stillHolds.FindStringSubmatch(block); held != nil {
				o.Replaced = held[1]
			}
			orphans = append(orphans, o)
		}
	}
	return orphans
}

// Adopt follows the refusals' advice: an import block per orphan, in a file
// of its own, after forgetting what the state holds at its address when the
// refusal says so; OnReplaced, when set, deletes the post an orphan was to
// replace "in the app".
func (w *Workdir) Adopt(orphans []Orphan) {
	w.t.Helper()
	for _, o := range orphans {
		if o.InState {
			w.MustRun("state", "rm", o.Address)
		}
		if o.Replaced != "" && w.OnReplaced != nil {
			w.OnReplaced(o.Replaced)
		}
		name := "adopt_" + strings.NewReplacer(".", "_", "[", "_", "]", "_", `"`, "").Replace(o.Address) + ".tf"
		w.Write(name, fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", o.Address, o.ID))
	}
}

// Converge applies until an apply succeeds, at most maxRuns times, adopting
// what refusals name in between (other failures are simply applied again).
// It returns every run's output and how many applies it took; err is the
// last failure when none succeeded.
func (w *Workdir) Converge(maxRuns int, args ...string) (outs []string, runs int, err error) {
	w.t.Helper()
	args = append([]string{"apply", "-auto-approve", "-no-color"}, args...)
	for runs < maxRuns {
		runs++
		var out string
		if out, err = w.Run(args...); err == nil {
			return append(outs, out), runs, nil
		}
		outs = append(outs, out)
		w.Adopt(Orphans(out))
	}
	return outs, runs, err
}

// Panicked reports a crash in a CLI run's output: the provider's or the
// CLI's own panic.
func Panicked(out string) bool {
	return strings.Contains(out, "panic:") || strings.Contains(out, "The plugin encountered an error, and failed to respond") ||
		strings.Contains(out, "crash.log")
}
