package media

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*mediaDataSource)(nil)

// NewMediaDataSource is the instagram_media data source: one post of the
// account by id, with its volatile values (counts, CDN URLs).
func NewMediaDataSource() datasource.DataSource {
	return &mediaDataSource{DataSourceBase: common.NewDataSourceBase("media")}
}

type mediaDataSource struct{ common.DataSourceBase }

// mediaItemModel is one of the account's own posts, in instagram_media and
// in the lists of instagram_account_media and instagram_stories.
type mediaItemModel struct {
	common.PostModel
	ThumbnailURL     types.String        `tfsdk:"thumbnail_url"`
	Shortcode        types.String        `tfsdk:"shortcode"`
	Username         types.String        `tfsdk:"username"`
	IsCommentEnabled types.Bool          `tfsdk:"is_comment_enabled"`
	AltText          types.String        `tfsdk:"alt_text"`
	Children         []common.ChildModel `tfsdk:"children"`
	// Fields of 2026; the counts with Facebook login only.
	MediaAudioType     types.String `tfsdk:"media_audio_type"`
	IsAIGenerated      types.Bool   `tfsdk:"is_ai_generated"`
	RepostsCount       types.Int64  `tfsdk:"reposts_count"`
	SavedCount         types.Int64  `tfsdk:"saved_count"`
	SharesCount        types.Int64  `tfsdk:"shares_count"`
	TotalLikeCount     types.Int64  `tfsdk:"total_like_count"`
	TotalCommentsCount types.Int64  `tfsdk:"total_comments_count"`
	TotalViewsCount    types.Int64  `tfsdk:"total_views_count"`
}

// ownMediaFields is what the media data sources read: everything the owner
// may see with the login, children included through field expansion (no
// extra call). Meta serves the counts of 2026 with Facebook login only.
func ownMediaFields(login string) []string {
	fields := slices.Concat([]string{
		"id", "caption", "media_type", "media_product_type", "media_url", "thumbnail_url", "permalink",
		"shortcode", "timestamp", "username", "like_count", "comments_count", "is_comment_enabled", "alt_text",
		"children{id,media_type,media_url}",
	}, graph.MediaFieldsBothLogins)
	if login != common.LoginInstagram {
		fields = append(fields, graph.MediaFieldsFacebookLogin...)
	}
	return fields
}

// mediaItemAttributes describes mediaItemModel (all computed; the
// instagram_media data source makes id its input).
func mediaItemAttributes() map[string]schema.Attribute {
	return common.PostAttributes("`FEED`, `REELS`, `STORY` or `AD`.", map[string]schema.Attribute{
		"thumbnail_url":        thumbnailURLAttribute(),
		"shortcode":            common.ComputedString("Shortcode in the permalink."),
		"username":             usernameAttribute(),
		"is_comment_enabled":   common.ComputedBool("Whether comments are enabled."),
		"alt_text":             common.ComputedString("Alternative text of an image, null when unset."),
		"children":             common.ChildrenAttribute(),
		"media_audio_type":     common.ComputedString("`MUSIC` (licensed audio) or `ORIGINAL_SOUND`, for videos and reels; null otherwise."),
		"is_ai_generated":      common.ComputedBool("Whether the post carries the \"AI info\" label."),
		"reposts_count":        fblCount("Reposts of the post (feed posts and reels)."),
		"saved_count":          fblCount("Times the post was saved."),
		"shares_count":         fblCount("Times the post was shared (feed posts and reels)."),
		"total_like_count":     fblCount("Likes including those on boosted copies and ads (`like_count` counts the post's own)."),
		"total_comments_count": fblCount("Comments including those on boosted copies and ads."),
		"total_views_count":    fblCount("Views including those of boosted copies and ads (videos and reels)."),
	})
}

// fblCount is a count Meta returns with Facebook login only.
func fblCount(desc string) schema.Int64Attribute {
	return common.ComputedInt64(desc + " Facebook login only: null with Instagram login, on carousel items, and where the owner hides it.")
}

// Attributes of the account's own posts that the posts it is tagged in have too.
func thumbnailURLAttribute() schema.Attribute {
	return common.ComputedString("CDN URL of the video thumbnail; null for images.")
}

func usernameAttribute() schema.Attribute {
	return common.ComputedString("Username of the account that posted it.")
}

func mediaItemFrom(m *graph.Media) mediaItemModel {
	return mediaItemModel{
		PostModel:          common.PostFrom(m),
		ThumbnailURL:       common.StringOrNull(m.ThumbnailURL),
		Shortcode:          common.StringOrNull(m.Shortcode),
		Username:           common.StringOrNull(m.Username),
		IsCommentEnabled:   types.BoolPointerValue(m.IsCommentEnabled),
		AltText:            common.StringOrNull(m.AltText),
		Children:           common.ChildrenFrom(m),
		MediaAudioType:     common.StringOrNull(m.MediaAudioType),
		IsAIGenerated:      types.BoolPointerValue(m.IsAIGenerated),
		RepostsCount:       types.Int64PointerValue(m.RepostsCount),
		SavedCount:         types.Int64PointerValue(m.SavedCount),
		SharesCount:        types.Int64PointerValue(m.SharesCount),
		TotalLikeCount:     types.Int64PointerValue(m.TotalLikeCount),
		TotalCommentsCount: types.Int64PointerValue(m.TotalCommentsCount),
		TotalViewsCount:    types.Int64PointerValue(m.TotalViewsCount),
	}
}

// mediaDataSourceModel is instagram_media: a post and its poll.
type mediaDataSourceModel struct {
	mediaItemModel
	Poll *pollModel `tfsdk:"poll"`
}

// pollModel is a post's caption add-on poll.
type pollModel struct {
	Options   []pollOptionModel `tfsdk:"options"`
	ExpiresAt types.String      `tfsdk:"expires_at"`
}

type pollOptionModel struct {
	Text       types.String  `tfsdk:"text"`
	VotesShare types.Float64 `tfsdk:"votes_share"`
}

func (d *mediaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := mediaItemAttributes()
	attrs["id"] = common.RequiredID("Id of a post, reel, story or carousel of an account the token manages.", "media id")
	attrs["poll"] = schema.SingleNestedAttribute{
		MarkdownDescription: "The post's poll (a caption add-on; its question is the caption) with each option's share of the " +
			"votes, read with `GET /{ig-media-id}/poll_attachment`, one call more. Null when the post has no poll, for " +
			"stories, and with Instagram login (Meta offers polls with Facebook login only).",
		Computed: true,
		Attributes: map[string]schema.Attribute{
			"options": common.ComputedNestedList("The options, in order (2 to 4).", map[string]schema.Attribute{
				"text":        common.ComputedString("The option."),
				"votes_share": common.ComputedFloat64("Its share of the votes, between 0 and 1."),
			}),
			"expires_at": common.ComputedString("When the poll closes (RFC 3339); null for a poll kept open (`poll_duration_extended`)."),
		},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One post (feed post, reel, story or carousel) of an account the token manages, with the values " +
			"that change all the time and therefore stay out of the `instagram_media` resource: like and comment counts, " +
			"CDN URLs, and the votes of its poll.",
		Attributes: attrs,
	}
}

func (d *mediaDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, _, err := d.Data.Client.Media.Get(ctx, id.ValueString(), ownMediaFields(d.Data.Login))
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read Instagram media "+id.ValueString(), err)
		return
	}
	out := mediaDataSourceModel{mediaItemModel: mediaItemFrom(m)}
	// The poll is its own call (the edge cannot be expanded), Facebook
	// login only, never on stories.
	if d.Data.Login != common.LoginInstagram && m.MediaProductType != graph.ProductStory {
		poll, _, err := d.Data.Client.Media.GetPollAttachment(ctx, m.ID)
		if err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read the poll of Instagram media "+m.ID, err)
			return
		}
		out.Poll = pollFrom(poll)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}

// pollFrom maps a poll; nil → null.
func pollFrom(p *graph.PollAttachment) *pollModel {
	if p == nil {
		return nil
	}
	out := &pollModel{Options: []pollOptionModel{}, ExpiresAt: common.GraphTime(p.ExpirationTimestamp)}
	for _, o := range p.Options() {
		out.Options = append(out.Options, pollOptionModel{Text: types.StringValue(o.Text), VotesShare: types.Float64PointerValue(o.VotesShare)})
	}
	return out
}
