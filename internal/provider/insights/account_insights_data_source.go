package insights

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ datasource.DataSourceWithConfigure      = (*accountInsightsDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*accountInsightsDataSource)(nil)
)

// NewAccountInsightsDataSource is the instagram_account_insights data source.
func NewAccountInsightsDataSource() datasource.DataSource {
	return &accountInsightsDataSource{DataSourceBase: common.NewDataSourceBase("account_insights")}
}

type accountInsightsDataSource struct{ common.DataSourceBase }

type accountInsightsModel struct {
	AccountID  types.String `tfsdk:"account_id"`
	Metrics    types.List   `tfsdk:"metrics"`
	Period     types.String `tfsdk:"period"`
	MetricType types.String `tfsdk:"metric_type"`
	Breakdown  types.List   `tfsdk:"breakdown"`
	Timeframe  types.String `tfsdk:"timeframe"`
	Since      types.String `tfsdk:"since"`
	Until      types.String `tfsdk:"until"`
	Insights   types.List   `tfsdk:"insights"`
}

func (d *accountInsightsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	days := int(graph.MaxInsightsWindow.Hours() / 24)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Insights of an Instagram professional account (`GET /{ig-user-id}/insights`): reach, views, interactions, " +
			"followers and audience demographics. Metric names, periods, `metric_type`, breakdowns and timeframes are checked at plan time " +
			"against Meta's current tables; retired metrics (`impressions`, `profile_views`, `audience_*`, …) fail with their replacement. " +
			fmt.Sprintf("Time series longer than %d days are read in %d-day requests and merged in order. ", days, days) +
			"Data can lag up to 48 hours; accounts with fewer than 100 followers get no follower or demographic data.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id to read. Defaults to the provider's account."),
			"metrics": metricsAttribute("Metrics to read: `reach`, `views`, `follower_count`, `accounts_engaged`, `total_interactions`, `likes`, " +
				"`comments`, `shares`, `saves`, `replies`, `reposts`, `follows_and_unfollows`, `profile_links_taps`, `online_followers`, " +
				"`follower_demographics`, `engaged_audience_demographics`, `reached_audience_demographics`. All must share one period."),
			"period": schema.StringAttribute{
				MarkdownDescription: "`day`, `week`, `days_28` or `lifetime`. Every current metric supports exactly one period (`lifetime` for " +
					"`online_followers` and demographics, `day` for the rest), which is the default.",
				Optional:   true,
				Computed:   true,
				Validators: []validator.String{stringvalidator.OneOf(periods...)},
			},
			"metric_type": schema.StringAttribute{
				MarkdownDescription: "`time_series` (a value per day; Meta's default) or `total_value` (one total over the range, with breakdowns). " +
					"Most metrics are only available as `total_value`; `follower_count` and `online_followers` only as time series.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(metricTypeTimeSeries, metricTypeTotalValue)},
			},
			"breakdown": breakdownAttribute("Dimensions to split totals by (needs `metric_type = \"total_value\"`): `media_product_type`, `follow_type`, " +
				"`contact_button_type`, or for demographics `age`, `city`, `country`, `gender`. Every metric must support each one. " +
				"`views` splits by `follow_type` (followers, non-followers; Meta's reference page calls it `follower_type`, which the API does not take) " +
				"and by `media_product_type`, whose results are the product types the views came from (`AD`, `FEED`, `REELS`, `STORY`)."),
			"timeframe": schema.StringAttribute{
				MarkdownDescription: "Demographics only, and required for them: `this_week` or `this_month`.",
				Optional:            true,
			},
			"since": schema.StringAttribute{
				MarkdownDescription: "Start of the range, RFC 3339 (`2026-10-01T00:00:00Z`); sent as a unix time. Without since and until Meta returns " +
					"about the last day. Ignored for demographics.",
				Optional:   true,
				Validators: []validator.String{common.RFC3339Time()},
			},
			"until": schema.StringAttribute{
				MarkdownDescription: "End of the range, RFC 3339; defaults to now when `since` is set. " +
					fmt.Sprintf("With `total_value` at most %d days after `since`.", days),
				Optional:   true,
				Validators: []validator.String{common.RFC3339Time()},
			},
			"insights": insightsAttribute("One entry per metric, in Meta's order. Metrics without data (small accounts, no activity) are absent."),
		},
	}
}

// query reads the configuration; ok is false while any part is unknown.
func (m accountInsightsModel) query() (q accountQuery, ok bool) {
	metrics, okM := knownStrings(m.Metrics)
	breakdown, okB := knownStrings(m.Breakdown)
	q = accountQuery{
		metrics: metrics, period: m.Period.ValueString(), metricType: m.MetricType.ValueString(), breakdown: breakdown,
		timeframe: m.Timeframe.ValueString(), since: m.Since.ValueString(), until: m.Until.ValueString(),
	}
	return q, okM && okB && !anyUnknown(m.Period, m.MetricType, m.Timeframe, m.Since, m.Until)
}

func (d *accountInsightsDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	m, ok := common.Decode[accountInsightsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	q, ok := m.query()
	if !ok {
		// Still reject retired names as soon as the metrics are known.
		if metrics, known := knownStrings(m.Metrics); known {
			checkMetricNames(metrics, accountMetrics, mediaMetrics, "account", "instagram_media_insights", &resp.Diagnostics)
		}
		return
	}
	validateAccountQuery(q, &resp.Diagnostics)
}

func (d *accountInsightsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *accountInsightsModel, id string, diags *diag.Diagnostics) {
		q, _ := m.query() // Read only runs with a known configuration
		opts := graph.AccountInsightsOptions{
			Metrics: q.metrics, Period: q.effectivePeriod(), MetricType: q.metricType, Breakdown: q.breakdown, Timeframe: q.timeframe,
		}
		if !q.demographic() { // Meta ignores a range for demographics
			opts.Since, _ = parseRFC3339(q.since)
			opts.Until, _ = parseRFC3339(q.until)
			if !opts.Since.IsZero() && opts.Until.IsZero() {
				opts.Until = d.Data.Now().Truncate(time.Second)
				if q.metricType == metricTypeTotalValue && opts.Until.Sub(opts.Since) > graph.MaxInsightsWindow {
					diags.AddAttributeError(path.Root("since"), "Range too long for a total",
						fmt.Sprintf("With metric_type = \"total_value\" and no until, since may be at most %d days ago (Meta's limit per request). Set until, or use metric_type = \"time_series\".",
							int(graph.MaxInsightsWindow.Hours()/24)))
					return
				}
			}
		}
		insights, _, err := d.Data.Client.Insights.Account(ctx, id, opts)
		if err != nil {
			common.AddAPIError(diags, path.Root("metrics"),
				fmt.Sprintf("Cannot read insights (%s) of Instagram account %s", strings.Join(q.metrics, ", "), id), err)
			return
		}
		m.Period = types.StringValue(opts.Period)
		m.Insights = insightsValue(ctx, insights, diags)
	})
}
