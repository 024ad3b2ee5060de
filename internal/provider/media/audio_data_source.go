package media

import (
	"context"
	"fmt"

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

var _ datasource.DataSourceWithConfigure = (*audioDataSource)(nil)

// defaultAudioLimit is how many tracks instagram_audio returns by default.
const defaultAudioLimit = 10

// maxAudioQuery: one client clips search text to 100 characters (uncertain).
const maxAudioQuery = 100

// NewAudioDataSource is instagram_audio: licensed music and original sounds a
// reel may use, searched or trending (the Instagram Audio API).
func NewAudioDataSource() datasource.DataSource {
	return &audioDataSource{DataSourceBase: common.NewDataSourceBase("audio")}
}

type audioDataSource struct{ common.DataSourceBase }

type audioModel struct {
	AccountID types.String      `tfsdk:"account_id"`
	AudioType types.String      `tfsdk:"audio_type"`
	Query     types.String      `tfsdk:"query"`
	Limit     types.Int64       `tfsdk:"limit"`
	Tracks    []audioTrackModel `tfsdk:"tracks"`
}

type audioTrackModel struct {
	ID          types.String `tfsdk:"id"`
	AudioType   types.String `tfsdk:"audio_type"`
	Title       types.String `tfsdk:"title"`
	Artist      types.String `tfsdk:"artist"`
	DurationMS  types.Int64  `tfsdk:"duration_ms"`
	PreviewLink types.String `tfsdk:"preview_link"`
	DownloadURL types.String `tfsdk:"download_url"`
}

func (d *audioDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Licensed audio a reel may use (`GET /ig_audio`, the Instagram Audio API): music authorized for " +
			"third-party use, or original sounds of other reels. With `query` it searches; without, it lists what is trending. " +
			"Put a track on a reel with its `id`. Needs Facebook login (Meta does not offer the Audio API with Instagram login: " +
			"the provider refuses before any API call) and an account with a connected Facebook Page.\n\n" +
			"The selection differs from what the Instagram app offers, and business accounts often get no music at all (an " +
			"empty list) while original sounds work. A track can stop being available later; a reel whose track is withdrawn " +
			"before it is published fails to publish. Meta's field table was not readable: the names follow the clients that " +
			"agree on them (uncertain).",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID("Instagram user id that searches (Meta requires one of your professional " +
				"accounts). Defaults to the provider's account."),
			"audio_type": schema.StringAttribute{
				MarkdownDescription: "`music` (licensed tracks) or `original_sound` (sounds of other reels).",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(graph.AudioTypeMusic, graph.AudioTypeOriginalSound)},
			},
			"query": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Text to search for in titles and artists, at most %d characters. "+
					"Omit it for what is trending.", maxAudioQuery),
				Optional:   true,
				Validators: []validator.String{common.Text(maxAudioQuery)},
			},
			"limit": common.BoundedInt64(fmt.Sprintf("Most tracks to return, 1–%d. Default %d.", graph.AudioMaxPageSize, defaultAudioLimit),
				1, graph.AudioMaxPageSize),
			"tracks": common.ComputedNestedList("The tracks, in Meta's order (most trending first without a query).", map[string]schema.Attribute{
				"id":           common.ComputedString("Audio id, for a reel's audio."),
				"audio_type":   common.ComputedString("`music` or `original_sound`."),
				"title":        common.ComputedString("Title."),
				"artist":       common.ComputedString("The artist of a music track, or the username whose reel an original sound comes from."),
				"duration_ms":  common.ComputedInt64("Length in milliseconds."),
				"preview_link": common.ComputedString("The track's page on instagram.com."),
				"download_url": common.ComputedString("A temporary preview file (expires after about a day and a half)."),
			}),
		},
	}
}

func (d *audioDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin("The Instagram Audio API", &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *audioModel, account string, diags *diag.Diagnostics) {
		q := graph.AudioSearch{Type: m.AudioType.ValueString(), Query: m.Query.ValueString(), Limit: common.IntOr(m.Limit, defaultAudioLimit)}
		m.Tracks = []audioTrackModel{}
		for a, err := range d.Data.Client.Audio.Search(ctx, account, q) {
			if err != nil {
				common.AddAPIError(diags, path.Root("audio_type"), "Cannot search Instagram audio", err)
				return
			}
			artist := a.DisplayArtist
			if artist == "" {
				artist = a.IGUsername
			}
			m.Tracks = append(m.Tracks, audioTrackModel{
				ID: types.StringValue(a.AudioID), AudioType: common.StringOrNull(a.AudioType), Title: common.StringOrNull(a.Title),
				Artist: common.StringOrNull(artist), DurationMS: types.Int64PointerValue(a.DurationMS),
				PreviewLink: common.StringOrNull(a.PreviewLink), DownloadURL: common.StringOrNull(a.DownloadURL),
			})
		}
	})
}
