package insights

import "github.com/terraform-instagram/terraform-provider-instagram/internal/graph"

// The metric tables are Meta's vocabulary and live in internal/graph
// (graph/metrics.go); these names keep the checks of validate.go short.
var (
	accountMetrics        = graph.AccountMetrics
	mediaMetrics          = graph.MediaMetrics
	retiredMetrics        = graph.RetiredMetrics
	retiredAccountMetrics = graph.RetiredAccountMetrics
	periods               = graph.InsightPeriods
	timeframes            = graph.DemographicTimeframes
	removedTimeframes     = graph.RemovedTimeframes
	demographicDims       = graph.DemographicBreakdowns
	feedReelsStory        = []string{graph.ProductFeed, graph.ProductReels, graph.ProductStory}
)

const (
	metricTypeTimeSeries = graph.MetricTypeTimeSeries
	metricTypeTotalValue = graph.MetricTypeTotalValue
)
