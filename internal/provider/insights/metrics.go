package insights

// Meta's insights metric tables as data: what the provider validates at plan
// time. Sources: https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
// (account) and https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
// (media). The emulator keeps its own copy on purpose (it models Meta, not us).

// accountMetric says how a current account metric may be requested .
type accountMetric struct {
	period      string   // the only period Meta accepts for it
	metricTypes []string // accepted metric_type values; "" = not set (Meta's default, time_series)
	breakdowns  []string
	demographic bool // needs timeframe and a breakdown; ignores since/until
}

var (
	timeSeriesOrTotal = []string{"", metricTypeTimeSeries, metricTypeTotalValue}
	timeSeriesOnly    = []string{"", metricTypeTimeSeries}
	totalValueOnly    = []string{metricTypeTotalValue}
	demographicDims   = []string{"age", "city", "country", "gender"}
)

const (
	metricTypeTimeSeries = "time_series"
	metricTypeTotalValue = "total_value"
)

// Meta added reposts (account and media), reels_skip_rate, crossposted_views
// and facebook_views on 2025-12-03
// (https://developers.facebook.com/docs/instagram-platform/changelog). The
// reference's banner gives views the breakdowns "follower_type" and
// media_product_type, but the parameter Meta's servers define is follow_type:
// Meta's Business SDK specification, generated from them, has listed
// follow_type (never follower_type) for IG user insights since 2023
// (facebook/facebook-business-sdk-codegen, api_specs/specs/enum_types.json,
// shadowiguserinsights_breakdown_enum_param), and no answer of Meta's
// naming follower_type was found. validate.go points follower_type to it.
var accountMetrics = map[string]accountMetric{
	"reach":                         {period: "day", metricTypes: timeSeriesOrTotal, breakdowns: []string{"media_product_type", "follow_type"}},
	"views":                         {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"follow_type", "media_product_type"}},
	"follower_count":                {period: "day", metricTypes: timeSeriesOnly},
	"accounts_engaged":              {period: "day", metricTypes: totalValueOnly},
	"total_interactions":            {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"media_product_type"}},
	"likes":                         {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"media_product_type"}},
	"comments":                      {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"media_product_type"}},
	"shares":                        {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"media_product_type"}},
	"saves":                         {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"media_product_type"}},
	"replies":                       {period: "day", metricTypes: totalValueOnly},
	"reposts":                       {period: "day", metricTypes: totalValueOnly},
	"follows_and_unfollows":         {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"follow_type"}},
	"profile_links_taps":            {period: "day", metricTypes: totalValueOnly, breakdowns: []string{"contact_button_type"}},
	"online_followers":              {period: "lifetime", metricTypes: timeSeriesOnly},
	"follower_demographics":         {period: "lifetime", metricTypes: totalValueOnly, breakdowns: demographicDims, demographic: true},
	"engaged_audience_demographics": {period: "lifetime", metricTypes: totalValueOnly, breakdowns: demographicDims, demographic: true},
	"reached_audience_demographics": {period: "lifetime", metricTypes: totalValueOnly, breakdowns: demographicDims, demographic: true},
}

// periods are every value Meta's period parameter takes.
var periods = []string{"day", "week", "days_28", "lifetime"}

// timeframes are the demographic timeframes left after v20.0; the removed
// ones map to this message.
var (
	timeframes        = []string{"this_week", "this_month"}
	removedTimeframes = map[string]bool{"last_14_days": true, "last_30_days": true, "last_90_days": true, "prev_month": true}
)

// Media product types as media_product_type reports them.
const (
	productFeed  = "FEED"
	productReels = "REELS"
	productStory = "STORY"
)

// mediaMetric says on which media a current media metric exists.
type mediaMetric struct {
	products     []string
	breakdown    string // the one breakdown it supports, if any
	facebookOnly bool   // only with Facebook login
}

var (
	feedReelsStory = []string{productFeed, productReels, productStory}
	feedReels      = []string{productFeed, productReels}
	feedStory      = []string{productFeed, productStory}
)

var mediaMetrics = map[string]mediaMetric{
	"views":                          {products: feedReelsStory},
	"reach":                          {products: feedReelsStory},
	"likes":                          {products: feedReels},
	"comments":                       {products: feedReels},
	"saved":                          {products: feedReels},
	"shares":                         {products: feedReelsStory},
	"total_interactions":             {products: feedReelsStory},
	"follows":                        {products: feedStory},
	"profile_visits":                 {products: feedStory},
	"profile_activity":               {products: feedStory, breakdown: "action_type"},
	"navigation":                     {products: []string{productStory}, breakdown: "story_navigation_action_type"},
	"replies":                        {products: []string{productStory}},
	"ig_reels_avg_watch_time":        {products: []string{productReels}},
	"ig_reels_video_view_total_time": {products: []string{productReels}},
	"reels_skip_rate":                {products: []string{productReels}},
	"reposts":                        {products: feedReels},
	"crossposted_views":              {products: []string{productReels}},
	"facebook_views":                 {products: []string{productReels}},
	"total_likes":                    {products: feedReels, facebookOnly: true},
	"total_comments":                 {products: feedReels, facebookOnly: true},
	"total_views":                    {products: feedReels, facebookOnly: true},
}

// retiredMetric is a metric Meta removed and what to use instead.
type retiredMetric struct {
	version     string // the Graph version that removed it
	replacement string
}

// retiredMetrics covers account and media metrics alike: a user who asks for
// one in the wrong data source still deserves the replacement.
var retiredMetrics = map[string]retiredMetric{
	"impressions":                         {"v22.0", "`views`"},
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
