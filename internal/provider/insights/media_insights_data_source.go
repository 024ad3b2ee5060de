package insights

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ datasource.DataSourceWithConfigure      = (*mediaInsightsDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*mediaInsightsDataSource)(nil)
)

// NewMediaInsightsDataSource is the instagram_media_insights data source.
func NewMediaInsightsDataSource() datasource.DataSource {
	return &mediaInsightsDataSource{DataSourceBase: common.NewDataSourceBase("media_insights")}
}

type mediaInsightsDataSource struct{ common.DataSourceBase }

type mediaInsightsModel struct {
	MediaID          types.String `tfsdk:"media_id"`
	Metrics          types.List   `tfsdk:"metrics"`
	Breakdown        types.List   `tfsdk:"breakdown"`
	MediaType        types.String `tfsdk:"media_type"`
	MediaProductType types.String `tfsdk:"media_product_type"`
	Insights         types.List   `tfsdk:"insights"`
}

func (d *mediaInsightsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lifetime insights of one post, reel or story (`GET /{ig-media-id}/insights`). Metric names and breakdowns are " +
			"checked at plan time; retired metrics (`plays`, `video_views`, `carousel_album_*`, `taps_forward`, …) fail with their " +
			"replacement. Before asking for insights the media's product type and age are read once, so that a metric that does not exist for it " +
			"(e.g. `navigation` on a feed post, `impressions` on a post from after 2024-07-02) fails with a clear message. Story insights exist for 24 hours and need at least 5 viewers; " +
			"carousel children have none.",
		Attributes: map[string]schema.Attribute{
			"media_id": common.RequiredID("Id of the media, e.g. `instagram_media.post.id`.", "Instagram media id"),
			"metrics": metricsAttribute("Metrics to read. Feed posts and carousels: `views`, `reach`, `likes`, `comments`, `saved`, `shares`, " +
				"`total_interactions`, `follows`, `profile_visits`, `profile_activity`, `reposts`. Reels: `views`, `reach`, `likes`, `comments`, " +
				"`saved`, `shares`, `total_interactions`, `ig_reels_avg_watch_time`, `ig_reels_video_view_total_time`, `reels_skip_rate`, " +
				"`reposts`, `crossposted_views` (views on Instagram and Facebook of a reel cross-posted to Facebook), `facebook_views` " +
				"(its views on Facebook; also for feed posts and stories). Stories: `views`, `reach`, `shares`, `total_interactions`, `follows`, " +
				"`profile_visits`, `profile_activity`, `navigation`, `replies`, `reposts`, `facebook_views`. Facebook login also has " +
				"`total_likes`, `total_comments` (feed and reels) and `total_views` (feed, reels and stories), which include boosted copies " +
				"and ads, and `link_clicks` (stories: taps on links such as link stickers). `impressions` exists only for feed posts and " +
				"stories created before 2024-07-02; for newer media it fails, before the insights call, naming `views`."),
			"breakdown":          breakdownAttribute("`action_type` (for `profile_activity`) or `story_navigation_action_type` (for `navigation`). Every metric must support it."),
			"media_type":         common.ComputedString("`IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`."),
			"media_product_type": common.ComputedString("`FEED`, `REELS` or `STORY`: decides which metrics exist."),
			"insights":           insightsAttribute("One entry per metric, each with one lifetime value (and `total_value` when read with a breakdown)."),
		},
	}
}

func (d *mediaInsightsDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	m, ok := common.Decode[mediaInsightsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	metrics, ok := knownStrings(m.Metrics)
	if !ok {
		return
	}
	breakdown, ok := knownStrings(m.Breakdown)
	if !ok {
		breakdown = nil // check the names now, the breakdown once it is known
	}
	validateMediaQuery(metrics, breakdown, &resp.Diagnostics)
}

func (d *mediaInsightsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, ok := common.Decode[mediaInsightsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	id := m.MediaID.ValueString()
	metrics, _ := knownStrings(m.Metrics)
	breakdown, _ := knownStrings(m.Breakdown)

	if d.Data.Login == common.LoginInstagram {
		for i, name := range metrics {
			mm := mediaMetrics[name]
			if !mm.FacebookOnly {
				continue
			}
			instead := "Instagram login has no equivalent."
			if mm.InstagramLogin != "" {
				instead = fmt.Sprintf("With Instagram login use %q (organic only).", mm.InstagramLogin)
			}
			resp.Diagnostics.AddAttributeError(path.Root("metrics").AtListIndex(i), "Metric needs Facebook login",
				fmt.Sprintf("%q only exists in the Instagram API with Facebook login. %s", name, instead))
		}
		if resp.Diagnostics.HasError() {
			return
		}
	}

	// One read of the product type: Meta's answer to a metric that does not
	// fit it is a bare code 100, so we explain it ourselves first.
	media, _, err := d.Data.Client.Media.Get(ctx, id, []string{"id", "media_type", "media_product_type", "timestamp"})
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot read Instagram media "+id, err)
		return
	}
	for i, name := range metrics {
		if msg := productProblem(name, media.MediaProductType, media.MediaType, id); msg != "" {
			resp.Diagnostics.AddAttributeError(path.Root("metrics").AtListIndex(i),
				fmt.Sprintf("Metric not available for %s media", media.MediaProductType), msg)
		} else if msg := ageProblem(name, media.Timestamp, id); msg != "" {
			resp.Diagnostics.AddAttributeError(path.Root("metrics").AtListIndex(i), "Metric not available for media this recent", msg)
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	insights, _, err := d.Data.Client.Insights.Media(ctx, id, metrics, breakdown)
	if err != nil {
		at := path.Root("metrics")
		if graph.IsNotEnoughViewers(err) {
			at = path.Root("media_id") // about the story, not the metrics asked for
		}
		common.AddAPIError(&resp.Diagnostics, at, "Cannot read insights of Instagram media "+id, err)
		return
	}
	m.Insights = insightsValue(ctx, insights, &resp.Diagnostics)
	m.MediaType = types.StringValue(media.MediaType)
	m.MediaProductType = types.StringValue(media.MediaProductType)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
