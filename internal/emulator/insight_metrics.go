package emulator

import "time"

// The insight metric catalogue: the metrics Meta serves on accounts
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/insights)
// and on media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/insights),
// as of v25. The tables model Meta's API, not the provider: they are kept
// here on purpose even though the provider has similar ones.

// insightMetric describes one metric as Meta serves it.
type insightMetric struct {
	title, description string
	period             string   // the only period Meta accepts (account metrics)
	metricTypes        []string // accepted metric_type values; the first one of the list is the default ("" = omitted)
	breakdowns         []string
	demographic        bool // lifetime demographics: need timeframe and a breakdown
	minFollowers       bool // no data for accounts under 100 followers
	hourly             bool // values are objects hour → count (online_followers)
	scale              int  // synthetic values fall in [0, scale)
}

const (
	timeSeries = "time_series"
	totalValue = "total_value"
)

var (
	tsOrTotal = []string{"", timeSeries, totalValue}
	tsOnly    = []string{"", timeSeries}
	totalOnly = []string{totalValue}
)

// accountInsightMetrics are the metrics of GET /{ig-user-id}/insights (v25 reference).
var accountInsightMetrics = map[string]insightMetric{
	"reach":                 {title: "Accounts reached", description: "The number of unique accounts that have seen your content, at least once, including in ads.", period: "day", metricTypes: tsOrTotal, breakdowns: []string{"media_product_type", "follow_type"}, scale: 5000},
	"views":                 {title: "Views", description: "The number of times your content was played or displayed.", period: "day", metricTypes: totalOnly, breakdowns: []string{"follow_type", "media_product_type"}, scale: 12000},
	"follower_count":        {title: "Follower count", description: "The number of accounts that started following you.", period: "day", metricTypes: tsOnly, minFollowers: true, scale: 40},
	"accounts_engaged":      {title: "Accounts engaged", description: "The number of accounts that have interacted with your content.", period: "day", metricTypes: totalOnly, scale: 800},
	"total_interactions":    {title: "Content interactions", description: "The total number of post interactions, story interactions, reels interactions and live video interactions.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 1500},
	"likes":                 {title: "Likes", description: "The number of likes on your posts, reels and videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 1000},
	"comments":              {title: "Comments", description: "The number of comments on your posts, reels, videos and live videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 150},
	"shares":                {title: "Shares", description: "The number of shares of your posts, stories, reels, videos and live videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 200},
	"saves":                 {title: "Saves", description: "The number of saves of your posts, reels and videos.", period: "day", metricTypes: totalOnly, breakdowns: []string{"media_product_type"}, scale: 200},
	"replies":               {title: "Replies", description: "The number of replies you received from your story, including text replies and quick reaction replies.", period: "day", metricTypes: totalOnly, scale: 60},
	"reposts":               {title: "Reposts", description: "The number of times your content was reposted.", period: "day", metricTypes: totalOnly, scale: 50},
	"follows_and_unfollows": {title: "Follows and unfollows", description: "The number of accounts that followed you and the number of accounts that unfollowed you or left Instagram.", period: "day", metricTypes: totalOnly, breakdowns: []string{"follow_type"}, minFollowers: true, scale: 80},
	"profile_links_taps":    {title: "Profile links taps", description: "The number of taps on your business address, call button, email button and text button.", period: "day", metricTypes: totalOnly, breakdowns: []string{"contact_button_type"}, scale: 90},
	"online_followers":      {title: "Online followers", description: "Total number of your followers who were online during the specified range, by hour.", period: "lifetime", metricTypes: tsOnly, minFollowers: true, hourly: true, scale: 300},
	"follower_demographics": {title: "Follower demographics", description: "The demographic characteristics of followers.", period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 5000},
	"engaged_audience_demographics": {title: "Engaged audience demographics", description: "The demographic characteristics of the engaged audience.",
		period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 2000},
	"reached_audience_demographics": {title: "Reached audience demographics", description: "The demographic characteristics of the reached audience.",
		period: "lifetime", metricTypes: totalOnly, breakdowns: demographicBreakdowns, demographic: true, minFollowers: true, scale: 4000},
}

var demographicBreakdowns = []string{"age", "city", "country", "gender"}

// mediaInsightMetric is one metric of GET /{ig-media-id}/insights: which
// product types it exists for.
type mediaInsightMetric struct {
	title, description string
	products           []string  // FEED, REELS, STORY
	breakdown          string    // the one breakdown it supports, if any
	facebookOnly       bool      // Facebook Login only
	createdBefore      time.Time // only media created before it have the metric (zero: all)
	scale              int
}

var (
	feedReelsStory = []string{productFeed, productReels, productStory}
	feedReels      = []string{productFeed, productReels}
	feedStory      = []string{productFeed, productStory}
	reelsOnly      = []string{productReels}
	storyOnly      = []string{productStory}
)

var mediaInsightMetrics = map[string]mediaInsightMetric{
	"views":                          {title: "Views", description: "The number of times the media was played or displayed.", products: feedReelsStory, scale: 20000},
	"reach":                          {title: "Accounts reached", description: "The number of unique accounts that have seen the media, at least once.", products: feedReelsStory, scale: 8000},
	"likes":                          {title: "Likes", description: "The number of likes on the media.", products: feedReels, scale: 900},
	"comments":                       {title: "Comments", description: "The number of comments on the media.", products: feedReels, scale: 120},
	"saved":                          {title: "Saved", description: "The number of saves of the media.", products: feedReels, scale: 150},
	"shares":                         {title: "Shares", description: "The number of shares of the media.", products: feedReelsStory, scale: 150},
	"total_interactions":             {title: "Interactions", description: "Likes, saves, comments and shares, less un-likes, un-saves and deleted comments.", products: feedReelsStory, scale: 1300},
	"follows":                        {title: "Follows", description: "The number of accounts that started following you from the media.", products: feedStory, scale: 40},
	"profile_visits":                 {title: "Profile visits", description: "The number of times your profile was visited from the media.", products: feedStory, scale: 90},
	"profile_activity":               {title: "Profile activity", description: "The number of actions people took on your profile after engaging with the media.", products: feedStory, breakdown: "action_type", scale: 120},
	"navigation":                     {title: "Navigation", description: "The total number of actions taken from your story.", products: storyOnly, breakdown: "story_navigation_action_type", scale: 400},
	"replies":                        {title: "Replies", description: "The number of replies to the story.", products: storyOnly, scale: 30},
	"ig_reels_avg_watch_time":        {title: "Average watch time", description: "The average time the reel was played, in milliseconds.", products: reelsOnly, scale: 30000},
	"ig_reels_video_view_total_time": {title: "Watch time", description: "The total time the reel was played, in milliseconds.", products: reelsOnly, scale: 90000000},
	"reels_skip_rate":                {title: "Skip rate", description: "The percentage of views in which the reel was skipped within the first 3 seconds.", products: reelsOnly, scale: 100},
	"reposts":                        {title: "Reposts", description: "The number of times the media was reposted.", products: feedReelsStory, scale: 60},
	"crossposted_views":              {title: "Cross-posted views", description: "Views of the reel on Instagram and Facebook together.", products: reelsOnly, scale: 25000},
	"facebook_views":                 {title: "Facebook views", description: "Views of the media cross-posted or recommended on Facebook.", products: feedReelsStory, scale: 5000},
	"total_likes":                    {title: "Total likes", description: "Likes including those from boosted posts and ads.", products: feedReels, facebookOnly: true, scale: 1200},
	"total_comments":                 {title: "Total comments", description: "Comments including those from boosted posts and ads.", products: feedReels, facebookOnly: true, scale: 200},
	"total_views":                    {title: "Total views", description: "Views including those from boosted posts and ads.", products: feedReelsStory, facebookOnly: true, scale: 30000},
	"link_clicks":                    {title: "Link clicks", description: "Taps on the links of the story, such as link stickers.", products: storyOnly, facebookOnly: true, scale: 80},
	"impressions":                    {title: "Impressions", description: "The number of times the media was on screen.", products: feedStory, createdBefore: impressionsCutoff, scale: 30000},
}

// impressionsCutoff: the media insights reference (updated 2026-06-18)
// still lists impressions, for media created before 2024-07-02 only.
var impressionsCutoff = time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)

// insightDimensions are the values a breakdown dimension takes (the
// breakdown tables of both insights references).
// story_navigation_action_type is lower case as in Meta's sample response.
var insightDimensions = map[string][]string{
	"media_product_type":           {productAd, productFeed, productReels, productStory},
	"follow_type":                  {"FOLLOWER", "NON_FOLLOWER", "UNKNOWN"},
	"contact_button_type":          {"BOOK_NOW", "CALL", "DIRECTION", "EMAIL", "INSTANT_EXPERIENCE", "TEXT", "UNDEFINED"},
	"age":                          {"13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"},
	"gender":                       {"F", "M", "U"},
	"country":                      {"US", "CA", "GB", "DE", "FR", "BR", "IN", "JP"},
	"city":                         {"New York, New York", "Los Angeles, California", "Toronto, Ontario", "London, England", "Berlin, Berlin", "São Paulo, São Paulo"},
	"action_type":                  {"BIO_LINK_CLICKED", "CALL", "DIRECTION", "EMAIL", "OTHER", "TEXT"},
	"story_navigation_action_type": {"tap_forward", "tap_back", "tap_exit", "swipe_forward"},
}

// demographicTimeframes are the timeframes left after v20
// (https://developers.facebook.com/docs/instagram-platform/changelog).
var demographicTimeframes = []string{"this_week", "this_month"}
