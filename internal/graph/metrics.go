package graph

import "time"

// Meta's insights metrics as data: what exists, how it may be requested,
// and what replaced the retired ones. The provider checks queries against
// these tables at plan time; the emulator keeps its own, tested equal
// (emulator/vocabulary_test.go). Sources:
// https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
// (account) and https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
// (media).

// AccountMetric says how a current account metric may be requested.
type AccountMetric struct {
	Period      string   // the only period Meta accepts for it
	MetricTypes []string // accepted metric_type values; "" = not set (Meta's default, time_series)
	Breakdowns  []string
	Demographic bool // needs timeframe and a breakdown; ignores since/until
}

var (
	timeSeriesOrTotal = []string{"", MetricTypeTimeSeries, MetricTypeTotalValue}
	timeSeriesOnly    = []string{"", MetricTypeTimeSeries}
	totalValueOnly    = []string{MetricTypeTotalValue}
)

// InsightPeriods are every value of the period parameter.
var InsightPeriods = []string{"day", "week", "days_28", "lifetime"}

// Demographics: their breakdowns and the timeframes left after v20.0 (the
// removed ones are RemovedTimeframes).
var (
	DemographicBreakdowns = []string{"age", "city", "country", "gender"}
	DemographicTimeframes = []string{"this_week", "this_month"}
	RemovedTimeframes     = []string{"last_14_days", "last_30_days", "last_90_days", "prev_month"}
)

// AccountMetrics are the current metrics of GET /{ig-user-id}/insights.
// Meta added reposts (account and media), reels_skip_rate, crossposted_views
// and facebook_views on 2025-12-03, the total_* media metrics on 2026-04-22
// (and extended facebook_views and reposts to stories) and the stories'
// link_clicks on 2026-06-22
// (https://developers.facebook.com/docs/instagram-platform/changelog). The
// reference's banner gives views the breakdowns "follower_type" and
// media_product_type, but the parameter Meta's servers define is follow_type:
// Meta's Business SDK specification, generated from them, has listed
// follow_type (never follower_type) for IG user insights since 2023
// (facebook/facebook-business-sdk-codegen, api_specs/specs/enum_types.json,
// shadowiguserinsights_breakdown_enum_param), and no answer of Meta's
// naming follower_type was found. The provider points follower_type to it.
var AccountMetrics = map[string]AccountMetric{
	"reach":                         {Period: "day", MetricTypes: timeSeriesOrTotal, Breakdowns: []string{"media_product_type", "follow_type"}},
	"views":                         {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"follow_type", "media_product_type"}},
	"follower_count":                {Period: "day", MetricTypes: timeSeriesOnly},
	"accounts_engaged":              {Period: "day", MetricTypes: totalValueOnly},
	"total_interactions":            {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"media_product_type"}},
	"likes":                         {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"media_product_type"}},
	"comments":                      {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"media_product_type"}},
	"shares":                        {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"media_product_type"}},
	"saves":                         {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"media_product_type"}},
	"replies":                       {Period: "day", MetricTypes: totalValueOnly},
	"reposts":                       {Period: "day", MetricTypes: totalValueOnly},
	"follows_and_unfollows":         {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"follow_type"}},
	"profile_links_taps":            {Period: "day", MetricTypes: totalValueOnly, Breakdowns: []string{"contact_button_type"}},
	"online_followers":              {Period: "lifetime", MetricTypes: timeSeriesOnly},
	"follower_demographics":         {Period: "lifetime", MetricTypes: totalValueOnly, Breakdowns: DemographicBreakdowns, Demographic: true},
	"engaged_audience_demographics": {Period: "lifetime", MetricTypes: totalValueOnly, Breakdowns: DemographicBreakdowns, Demographic: true},
	"reached_audience_demographics": {Period: "lifetime", MetricTypes: totalValueOnly, Breakdowns: DemographicBreakdowns, Demographic: true},
}

// MediaMetric says on which media a current media metric exists.
type MediaMetric struct {
	Products     []string // media_product_type values
	Breakdown    string   // the one breakdown it supports, if any
	FacebookOnly bool     // only with Facebook login
	// InstagramLogin names what Instagram login offers instead of a
	// Facebook-login-only metric ("" when nothing).
	InstagramLogin string
	// CreatedBefore: the metric exists only for media created before this
	// time (zero: any media).
	CreatedBefore time.Time
}

// ImpressionsCutoff: Meta still reports impressions, but only for media
// created before 2024-07-02 (media insights reference, updated 2026-06-18);
// newer media have views instead.
var ImpressionsCutoff = time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)

var (
	feedReelsStory = []string{ProductFeed, ProductReels, ProductStory}
	feedReels      = []string{ProductFeed, ProductReels}
	feedStory      = []string{ProductFeed, ProductStory}
)

// MediaMetrics are the current metrics of GET /{ig-media-id}/insights.
var MediaMetrics = map[string]MediaMetric{
	"views":                          {Products: feedReelsStory},
	"reach":                          {Products: feedReelsStory},
	"likes":                          {Products: feedReels},
	"comments":                       {Products: feedReels},
	"saved":                          {Products: feedReels},
	"shares":                         {Products: feedReelsStory},
	"total_interactions":             {Products: feedReelsStory},
	"follows":                        {Products: feedStory},
	"profile_visits":                 {Products: feedStory},
	"profile_activity":               {Products: feedStory, Breakdown: "action_type"},
	"navigation":                     {Products: []string{ProductStory}, Breakdown: "story_navigation_action_type"},
	"replies":                        {Products: []string{ProductStory}},
	"ig_reels_avg_watch_time":        {Products: []string{ProductReels}},
	"ig_reels_video_view_total_time": {Products: []string{ProductReels}},
	"reels_skip_rate":                {Products: []string{ProductReels}},
	"reposts":                        {Products: feedReelsStory},
	"crossposted_views":              {Products: []string{ProductReels}},
	"facebook_views":                 {Products: feedReelsStory},
	"total_likes":                    {Products: feedReels, FacebookOnly: true, InstagramLogin: "likes"},
	"total_comments":                 {Products: feedReels, FacebookOnly: true, InstagramLogin: "comments"},
	"total_views":                    {Products: feedReelsStory, FacebookOnly: true, InstagramLogin: "views"},
	"link_clicks":                    {Products: []string{ProductStory}, FacebookOnly: true},
	"impressions":                    {Products: feedStory, CreatedBefore: ImpressionsCutoff},
}

// RetiredMetric is a metric Meta removed and what to use instead.
type RetiredMetric struct {
	Version     string // the Graph version that removed it
	Replacement string
}

// RetiredAccountMetrics are retired for accounts only: media created
// before 2024-07-02 still have impressions (MediaMetrics).
var RetiredAccountMetrics = map[string]RetiredMetric{
	"impressions": {"v22.0", "`views`"},
}

// RetiredMetrics covers account and media metrics alike: a user who asks for
// one in the wrong data source still deserves the replacement.
var RetiredMetrics = map[string]RetiredMetric{
	"plays":                               {"v22.0", "`views`"},
	"clips_replays_count":                 {"v22.0", "`views`"},
	"ig_reels_aggregated_all_plays_count": {"v22.0", "`views`"},
	"video_views":                         {"v21.0", "`views`"},
	"profile_views":                       {"v21.0", "`profile_links_taps` (account) or `profile_visits` (media); Meta has no exact replacement"},
	"website_clicks":                      {"v21.0", "`profile_links_taps` with `metric_type = \"total_value\"`; Meta has no exact replacement for website taps"},
	"email_contacts":                      {"v21.0", "`profile_links_taps` with `metric_type = \"total_value\"` and `breakdown = [\"contact_button_type\"]` (EMAIL)"},
	"phone_call_clicks":                   {"v21.0", "`profile_links_taps` with `metric_type = \"total_value\"` and `breakdown = [\"contact_button_type\"]` (CALL)"},
	"text_message_clicks":                 {"v21.0", "`profile_links_taps` with `metric_type = \"total_value\"` and `breakdown = [\"contact_button_type\"]` (TEXT)"},
	"get_direction_clicks":                {"v21.0", "`profile_links_taps` with `metric_type = \"total_value\"` and `breakdown = [\"contact_button_type\"]` (DIRECTION)"},
	"audience_gender_age":                 {"v18.0", "`follower_demographics` with `breakdown = [\"age\", \"gender\"]`"},
	"audience_locale":                     {"v18.0", "`follower_demographics` with `breakdown = [\"country\"]` (locale is no longer reported)"},
	"audience_country":                    {"v18.0", "`follower_demographics` with `breakdown = [\"country\"]`"},
	"audience_city":                       {"v18.0", "`follower_demographics` with `breakdown = [\"city\"]`"},
	"engagement":                          {"v18.0", "`total_interactions`"},
	"carousel_album_impressions":          {"v18.0", "`views` on the carousel album"},
	"carousel_album_reach":                {"v18.0", "`reach` on the carousel album"},
	"carousel_album_engagement":           {"v18.0", "`total_interactions` on the carousel album"},
	"carousel_album_saved":                {"v18.0", "`saved` on the carousel album"},
	"carousel_album_video_views":          {"v18.0", "`views` on the carousel album"},
	"taps_forward":                        {"v18.0", "`navigation` with `breakdown = [\"story_navigation_action_type\"]`"},
	"taps_back":                           {"v18.0", "`navigation` with `breakdown = [\"story_navigation_action_type\"]`"},
	"exits":                               {"v18.0", "`navigation` with `breakdown = [\"story_navigation_action_type\"]`"},
}
