package media

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*oembedDataSource)(nil)

// NewOEmbedDataSource is instagram_oembed: the HTML that embeds a public
// post, reel or profile in a web page (Meta oEmbed Read).
func NewOEmbedDataSource() datasource.DataSource {
	return &oembedDataSource{DataSourceBase: common.NewDataSourceBase("oembed")}
}

type oembedDataSource struct{ common.DataSourceBase }

type oembedModel struct {
	URL          types.String `tfsdk:"url"`
	MaxWidth     types.Int64  `tfsdk:"max_width"`
	OmitScript   types.Bool   `tfsdk:"omit_script"`
	HideCaption  types.Bool   `tfsdk:"hide_caption"`
	HTML         types.String `tfsdk:"html"`
	Width        types.Int64  `tfsdk:"width"`
	ProviderName types.String `tfsdk:"provider_name"`
	ProviderURL  types.String `tfsdk:"provider_url"`
	Type         types.String `tfsdk:"type"`
	Version      types.String `tfsdk:"version"`
}

func (d *oembedDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The HTML that embeds a public Instagram post, reel or profile in a web page (`GET /instagram_oembed`, " +
			"Meta oEmbed Read), for example a campaign site showing the post an `instagram_media` published.\n\n" +
			"Meta serves oEmbed on graph.facebook.com only and, since 2026-05-15, without an access token: the provider calls it " +
			"without one, with Facebook and Instagram login alike, so it needs no permission or app review. Meta allows 1,000 " +
			"requests an hour. Stories, posts of private, inactive or age-restricted accounts and of accounts that turned " +
			"embedding off cannot be embedded. Meta's terms allow the result for display only: it returns nothing but the " +
			"HTML and its presentation (the author and thumbnail fields were removed on 2025-11-03).",
		Attributes: map[string]schema.Attribute{
			"url": schema.StringAttribute{
				MarkdownDescription: "URL of a post (`https://www.instagram.com/p/{shortcode}/`), a reel " +
					"(`https://www.instagram.com/reel/{shortcode}/`) or a profile (`https://www.instagram.com/{username}/`), " +
					"e.g. `instagram_media.post.permalink`. Checked at plan time.",
				Required:   true,
				Validators: []validator.String{embeddableURL()},
			},
			"max_width": common.BoundedInt64(fmt.Sprintf("Largest width of the embed in pixels, %d–%d (Meta's default %d). "+
				"The embed is responsive; there is no height.", graph.OEmbedMinWidth, graph.OEmbedMaxWidth, graph.OEmbedMaxWidth),
				graph.OEmbedMinWidth, graph.OEmbedMaxWidth),
			"omit_script": schema.BoolAttribute{
				MarkdownDescription: "Leave Instagram's `embed.js` `<script>` out of `html` (load it once per page yourself, then call " +
					"`instgrm.Embeds.process()`). Default `false`.",
				Optional: true,
			},
			"hide_caption": schema.BoolAttribute{MarkdownDescription: "Embed the post without its caption. Default `false`.", Optional: true},
			"html": common.ComputedString("The embed: a `<blockquote class=\"instagram-media\">` and, unless `omit_script`, " +
				"the `embed.js` script. Insert it into the page as it is."),
			"width":         common.ComputedInt64("Width of the embed in pixels."),
			"provider_name": common.ComputedString("`Instagram`."),
			"provider_url":  common.ComputedString("`https://www.instagram.com/`."),
			"type":          common.ComputedString("The oEmbed type, `rich`."),
			"version":       common.ComputedString("The oEmbed version, `1.0`."),
		},
	}
}

func (d *oembedDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, ok := common.Decode[oembedModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	o, _, err := d.Data.PublicClient.OEmbed.Get(ctx, graph.OEmbedOptions{
		URL: m.URL.ValueString(), MaxWidth: common.IntOr(m.MaxWidth, 0),
		OmitScript: m.OmitScript.ValueBool(), HideCaption: m.HideCaption.ValueBool(),
	})
	if err != nil {
		if !graph.IsInvalidParameter(err) {
			common.AddAPIError(&resp.Diagnostics, path.Root("url"), "Cannot embed "+m.URL.ValueString(), err)
			return
		}
		resp.Diagnostics.AddAttributeError(path.Root("url"), "Instagram will not embed "+m.URL.ValueString(),
			"Instagram does not embed stories, posts of private, inactive or age-restricted accounts, posts of accounts that "+
				"turned embedding off, or posts that were deleted: check that the post is public and still there.\n\n"+common.DescribeError(err))
		return
	}
	m.HTML = types.StringValue(o.HTML)
	m.Width = types.Int64PointerValue(o.Width)
	m.ProviderName = common.StringOrNull(o.ProviderName)
	m.ProviderURL = common.StringOrNull(o.ProviderURL)
	m.Type = common.StringOrNull(o.Type)
	m.Version = common.StringOrNull(o.Version)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// Paths oEmbed takes: a post or reel by shortcode, or a profile.
var (
	embedPostPath    = regexp.MustCompile(`^/(p|reel)/[A-Za-z0-9_-]+/?$`)
	embedProfilePath = regexp.MustCompile(`^/[A-Za-z0-9._]{1,30}/?$`)
)

// embeddableURL refuses, at plan time, URLs oEmbed does not take: other
// hosts, stories, and paths that are no post, reel or profile.
func embeddableURL() validator.String {
	return common.StringCheck("must be the URL of an Instagram post, reel or profile",
		func(at path.Path, raw string, diags *diag.Diagnostics) {
			if why := embedProblem(raw); why != "" {
				diags.AddAttributeError(at, "Not an embeddable Instagram URL", fmt.Sprintf("%s %q %s.", at, raw, why))
			}
		})
}

func embedProblem(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" {
		return "must be an https URL such as https://www.instagram.com/p/{shortcode}/"
	}
	if host := strings.ToLower(u.Hostname()); host != "www.instagram.com" && host != "instagram.com" {
		return "is not on www.instagram.com: oEmbed embeds Instagram posts, reels and profiles only"
	}
	switch p := u.EscapedPath(); {
	case strings.HasPrefix(p, "/stories/"):
		return "is a story: Instagram does not embed stories"
	case strings.HasPrefix(p, "/tv/"):
		return "is an IGTV URL, which Meta no longer lists for oEmbed: use the post's /p/ or /reel/ URL"
	case embedPostPath.MatchString(p):
	case embedProfilePath.MatchString(p) && !reservedPaths[strings.Trim(p, "/")]:
	default:
		return "is not the URL of a post (/p/{shortcode}/), a reel (/reel/{shortcode}/) or a profile (/{username}/)"
	}
	return ""
}

// reservedPaths are instagram.com pages that are no profile.
var reservedPaths = map[string]bool{"p": true, "reel": true, "reels": true, "explore": true, "accounts": true, "direct": true, "stories": true, "tv": true}
