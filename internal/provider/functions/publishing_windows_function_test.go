package functions_test

import (
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
)

// window is an element of publishing_windows' result, decoded.
type window struct {
	Start  string  `tfsdk:"start"`
	End    string  `tfsdk:"end"`
	Posts  []int64 `tfsdk:"posts"`
	Excess int64   `tfsdk:"excess"`
}

func times(ts ...string) types.List {
	elems := make([]attr.Value, len(ts))
	for i, s := range ts {
		elems[i] = types.StringValue(s)
	}
	return types.ListValueMust(types.StringType, elems)
}

// The windows themselves are internal/rules' tests (OverQuota); these
// check what the function makes of them.
func TestPublishingWindows(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		times types.List
		quota int64
		want  []window
	}{
		{"none", times(), 1, []window{}},
		{"within the quota", times("2026-12-08T09:00:00Z", "2026-12-08T12:00:00Z"), 2, []window{}},
		{"times as given, indexes into them, in time order",
			times("2026-12-08T12:00:00Z", "2026-12-08T09:00:00Z", "2026-12-08T09:30:00+01:00", "2026-12-09T08:00:00Z"), 2,
			[]window{{Start: "2026-12-08T09:30:00+01:00", End: "2026-12-09T08:00:00Z", Posts: []int64{2, 1, 0, 3}, Excess: 2}}},
		{"two days", times("2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", "2026-12-10T09:00:00Z", "2026-12-10T10:00:00Z"), 1,
			[]window{
				{Start: "2026-12-08T09:00:00Z", End: "2026-12-08T10:00:00Z", Posts: []int64{0, 1}, Excess: 1},
				{Start: "2026-12-10T09:00:00Z", End: "2026-12-10T10:00:00Z", Posts: []int64{2, 3}, Excess: 1},
			}},
		{"exactly 24 hours apart", times("2026-12-08T09:00:00Z", "2026-12-09T09:00:00Z"), 1, []window{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []window
			result(t, &got, functions.NewPublishingWindows(), tc.times, quota(tc.quota))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("publishing_windows(%s, %d) =\n%+v\nwant\n%+v", tc.times, tc.quota, got, tc.want)
			}
		})
	}
}

func TestPublishingWindows_wrongArguments(t *testing.T) {
	t.Parallel()
	f := functions.NewPublishingWindows()
	expectArgumentError(t, f, 0, `times[1] = "tomorrow" is not an RFC 3339 time`, times("2026-12-08T09:00:00Z", "tomorrow"), quota(1))
	expectArgumentError(t, f, 0, "times[0] is null", types.ListValueMust(types.StringType, []attr.Value{types.StringNull()}), quota(1))
	expectArgumentError(t, f, 0, "times must be a list of RFC 3339 times", types.StringValue("2026-12-08T09:00:00Z"), quota(1))
	expectArgumentError(t, f, 1, "quota must be at least 1, not 0", times(), quota(0))
	expectArgumentError(t, f, 1, "quota must be a whole number", times(), types.StringValue("many"))
	expectArgumentError(t, f, 1, "quota must be a whole number, not 1.5", times(), types.NumberValue(big.NewFloat(1.5)))
	expectArgumentError(t, f, 1, "quota 1e+20 is too large", times(), types.NumberValue(big.NewFloat(1e20)))
}

// quota is a quota argument: a number, as Terraform passes it.
func quota(n int64) types.Number { return types.NumberValue(big.NewFloat(float64(n))) }

func TestPublishingWindows_unknownTime(t *testing.T) {
	t.Parallel()
	list := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("2026-12-08T09:00:00Z"), types.StringUnknown()})
	resp := run(t, functions.NewPublishingWindows(), list, quota(1))
	if resp.Error != nil || !resp.Result.Value().IsUnknown() {
		t.Errorf("publishing_windows with an unknown time = %s, %v; want an unknown list", resp.Result.Value(), resp.Error)
	}
}

func TestAccPublishingWindows(t *testing.T) {
	functionTest(t, `
locals {
  calendar = {
    launch   = "2026-12-08T09:00:00Z"
    teaser   = "2026-12-08T13:00:00+01:00"
    reminder = "2026-12-09T08:59:59Z"
    next_day = "2026-12-09T09:00:00Z"
  }
  windows = provider::instagram::publishing_windows(values(local.calendar), 2)
}

output "windows" {
  value = local.windows
}

output "posts_to_move" {
  value = [for w in local.windows : [for i in w.posts : keys(local.calendar)[i]]]
}
`, output("windows", knownvalue.ListExact([]knownvalue.Check{
		// Seen from the reminder, the launch is less than 24 hours old…
		knownvalue.ObjectExact(map[string]knownvalue.Check{
			"start":  knownvalue.StringExact("2026-12-08T09:00:00Z"),
			"end":    knownvalue.StringExact("2026-12-09T08:59:59Z"),
			"posts":  knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(0), knownvalue.Int64Exact(3), knownvalue.Int64Exact(2)}),
			"excess": knownvalue.Int64Exact(1),
		}),
		// …and seen from the next day's post, exactly 24 hours old: out.
		knownvalue.ObjectExact(map[string]knownvalue.Check{
			"start":  knownvalue.StringExact("2026-12-08T13:00:00+01:00"),
			"end":    knownvalue.StringExact("2026-12-09T09:00:00Z"),
			"posts":  knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(3), knownvalue.Int64Exact(2), knownvalue.Int64Exact(1)}),
			"excess": knownvalue.Int64Exact(1),
		}),
	})),
		output("posts_to_move", knownvalue.ListExact([]knownvalue.Check{
			stringList("launch", "teaser", "reminder"),
			stringList("teaser", "reminder", "next_day"),
		})))
}

func TestAccPublishingWindows_badTime(t *testing.T) {
	functionFails(t, `
output "windows" {
  value = provider::instagram::publishing_windows(["2026-12-08 09:00"], 50)
}
`, `times\[0\] = "2026-12-08 09:00" is not an RFC 3339 time`)
}
