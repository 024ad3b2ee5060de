package insights

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// BenchmarkInsightsValueLongRange is what turning two years of daily values
// of three metrics (read in 30-day requests) into the `insights` list costs.
func BenchmarkInsightsValueLongRange(b *testing.B) {
	ctx := context.Background()
	start := time.Date(2024, 11, 1, 7, 0, 0, 0, time.UTC)
	var in []graph.Insight
	for _, name := range []string{"reach", "follower_count", "views"} {
		i := graph.Insight{Name: name, Period: "day", Title: name, Description: "Daily " + name}
		for d := range 730 {
			i.Values = append(i.Values, graph.InsightValue{Value: float64(d), EndTime: start.AddDate(0, 0, d).Format(graph.TimeLayout)})
		}
		in = append(in, i)
	}
	b.ReportAllocs()
	for b.Loop() {
		var diags diag.Diagnostics
		if insightsValue(ctx, in, &diags); diags.HasError() {
			b.Fatal(diags)
		}
	}
}
