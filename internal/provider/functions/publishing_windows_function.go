// This file is not publishing_windows.go: Go builds files ending in
// _windows.go on Windows only.

package functions

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// NewPublishingWindows is provider::instagram::publishing_windows(times,
// quota): the moving 24 hours in which a calendar of posts would publish
// more than the account's quota (rules.OverQuota).
func NewPublishingWindows() function.Function { return publishingWindows{} }

type publishingWindows struct{}

// window is one element of the list publishing_windows returns.
type window struct {
	Start  string  `tfsdk:"start"`
	End    string  `tfsdk:"end"`
	Posts  []int64 `tfsdk:"posts"`
	Excess int64   `tfsdk:"excess"`
}

var windowType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"start":  types.StringType,
	"end":    types.StringType,
	"posts":  types.ListType{ElemType: types.Int64Type},
	"excess": types.Int64Type,
}}

func (publishingWindows) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "publishing_windows"
}

func (publishingWindows) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Where a calendar of posts exceeds the 24-hour publishing quota",
		MarkdownDescription: "Instagram lets an account publish at most `quota` posts through the API in any moving 24 hours " +
			"(a carousel counts as one) and refuses the next one. Given the times a calendar publishes its posts at, this " +
			"returns the stretches of less than 24 hours in which more than `quota` of them would go out: an empty list when " +
			"the calendar is within the quota.\n\n" +
			"Each window is an object:\n\n" +
			"- `start`, `end`: the times of its first and last post, as given (so `end` is less than 24 hours after `start`);\n" +
			"- `posts`: the indexes in `times` (from 0) of the posts published in it, in time order;\n" +
			"- `excess`: how many of them are over the quota: at least that many must move out of the window.\n\n" +
			"Every post is, when it goes out, the last of a window that reaches back 24 hours; each such window over the quota " +
			"is listed, except one whose posts an earlier window already lists all of (a window that only grows is listed " +
			"once, with its last post as `end`). Windows can overlap, and moving one post can clear several. Posts exactly " +
			"24 hours apart are not in the same window.\n\n" +
			"Meta's documents give the quota as 50 or 100 posts: pass the account's own, `quota_total` of " +
			"`data.instagram_content_publishing_limit`. Posts published through the API outside the calendar count against " +
			"the same quota: add their times.",
		Parameters: []function.Parameter{
			function.ListParameter{
				Name:                "times",
				ElementType:         types.StringType,
				MarkdownDescription: "When each post is published, in RFC 3339 (`2026-12-08T09:00:00Z`, `2026-12-08T10:00:00+01:00`), in any order.",
			},
			// A number, not an Int64Parameter: the framework would refuse
			// 1.5 with an error of its own, before Run can name quota.
			function.NumberParameter{
				Name:                "quota",
				MarkdownDescription: "How many posts the account may publish in 24 hours: a whole number, at least 1.",
			},
		},
		Return: function.ListReturn{ElementType: windowType},
	}
}

func (publishingWindows) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var (
		given  []types.String
		number types.Number
	)
	if resp.Error = argument(ctx, req, 0, "times", "a list of RFC 3339 times", &given); resp.Error != nil {
		return
	}
	if resp.Error = argument(ctx, req, 1, "quota", "a whole number", &number); resp.Error != nil {
		return
	}
	f := number.ValueBigFloat() // never null nor unknown: the parameter allows neither
	quota, accuracy := f.Int64()
	switch {
	case !f.IsInt():
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("quota must be a whole number, not %s", f.Text('g', -1)))
		return
	case accuracy != big.Exact:
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("quota %s is too large (Meta's quotas are 50 or 100)", f.Text('g', -1)))
		return
	case quota < 1:
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("quota must be at least 1, not %d", quota))
		return
	}
	times := make([]time.Time, len(given))
	for i, s := range given {
		switch {
		case s.IsUnknown():
			resp.Error = resp.Result.Set(ctx, types.ListUnknown(windowType))
			return
		case s.IsNull():
			resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("times[%d] is null: every post needs a time", i))
			return
		}
		t, err := time.Parse(time.RFC3339, s.ValueString())
		if err != nil {
			resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("times[%d] = %q is not an RFC 3339 time such as 2026-12-08T09:00:00Z", i, s.ValueString()))
			return
		}
		times[i] = t
	}

	out := []window{}
	for _, w := range rules.OverQuota(times, int(quota)) {
		posts := make([]int64, len(w.Posts))
		for i, p := range w.Posts {
			posts[i] = int64(p)
		}
		out = append(out, window{
			Start:  given[w.Posts[0]].ValueString(),
			End:    given[w.Posts[len(w.Posts)-1]].ValueString(),
			Posts:  posts,
			Excess: int64(len(w.Posts)) - quota,
		})
	}
	resp.Error = resp.Result.Set(ctx, out)
}
