package media

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The inputs of instagram_media, one row each. A row says everything the
// resource needs to know about an input: which `type`s accept or require it,
// whether Instagram can read it back, where it lives in the model, and how
// it becomes a parameter of POST /{ig-user-id}/media. Validation
// (media_validation.go), replacement and import adoption (media_plan.go) and
// the container request (media_publish.go) all walk this table, and the
// schema (media_schema.go) takes each input's "accepted for" note from it.
//
// Adding an input: a field in mediaModel (or childModel), its attribute in
// the schema, a row here. TestMediaInputsMatchTheModel checks the first
// and the last agree.
//
// Which inputs Meta accepts per media type follows the IG User Media
// reference: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media

// use says what an input means for one kind of post.
type use int

const (
	optional use = iota + 1
	required
)

// input is one input of a model M: mediaModel (the post) or childModel (a
// carousel item).
type input[M any] struct {
	name string
	// uses lists the kinds of post (a `type`, or an item kind) that accept
	// the input; any other kind rejects it at plan time.
	uses map[string]use
	// readable: Instagram returns the input (caption), so a difference after
	// an import is a real change. Inputs it cannot return are adopted from
	// the configuration after an import instead of replacing the post.
	readable bool
	value    func(*M) attr.Value
	// param copies the input into the container request.
	param func(ctx context.Context, m *M, p *graph.ContainerParams) diag.Diagnostics
}

// accepts reports how kind uses the input (0: not at all).
func (in input[M]) accepts(kind string) use { return in.uses[kind] }

// acceptedFor renders the kinds that accept the input, for docs and errors.
func (in input[M]) acceptedFor() string {
	var out []string
	for _, kind := range []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories, itemImage, itemVideo} {
		if in.uses[kind] != 0 {
			out = append(out, "`"+kind+"`")
		}
	}
	return strings.Join(out, ", ")
}

// mediaInputs are the post's inputs; account_id and type (which decide
// where and what is published) are handled on their own.
var mediaInputs = []input[mediaModel]{
	{
		name: "image_url", uses: map[string]use{mediaTypeImage: required, mediaTypeStories: optional},
		value: func(m *mediaModel) attr.Value { return m.ImageURL },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.ImageURL = m.ImageURL.ValueString()
			return nil
		},
	},
	{
		name: "video_url", uses: map[string]use{mediaTypeReels: required, mediaTypeStories: optional},
		value: func(m *mediaModel) attr.Value { return m.VideoURL },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.VideoURL = m.VideoURL.ValueString()
			return nil
		},
	},
	{
		name: "caption", uses: map[string]use{mediaTypeImage: optional, mediaTypeReels: optional, mediaTypeCarousel: optional},
		readable: true,
		value:    func(m *mediaModel) attr.Value { return m.Caption },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.Caption = m.Caption.ValueString()
			return nil
		},
	},
	{
		name: "alt_text", uses: map[string]use{mediaTypeImage: optional},
		value: func(m *mediaModel) attr.Value { return m.AltText },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.AltText = m.AltText.ValueString()
			return nil
		},
	},
	{
		name: "location_id", uses: map[string]use{mediaTypeImage: optional, mediaTypeReels: optional, mediaTypeCarousel: optional},
		value: func(m *mediaModel) attr.Value { return m.LocationID },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.LocationID = m.LocationID.ValueString()
			return nil
		},
	},
	{
		name: "user_tags", uses: map[string]use{mediaTypeImage: optional, mediaTypeReels: optional, mediaTypeStories: optional},
		value: func(m *mediaModel) attr.Value { return m.UserTags },
		param: func(ctx context.Context, m *mediaModel, p *graph.ContainerParams) (diags diag.Diagnostics) {
			p.UserTags, diags = userTagParams(ctx, m.UserTags)
			return diags
		},
	},
	{
		name: "collaborators", uses: map[string]use{mediaTypeImage: optional, mediaTypeReels: optional, mediaTypeCarousel: optional},
		value: func(m *mediaModel) attr.Value { return m.Collaborators },
		param: func(ctx context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			if m.Collaborators.IsNull() {
				return nil
			}
			return m.Collaborators.ElementsAs(ctx, &p.Collaborators, false)
		},
	},
	{
		name: "share_to_feed", uses: map[string]use{mediaTypeReels: optional},
		value: func(m *mediaModel) attr.Value { return m.ShareToFeed },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.ShareToFeed = m.ShareToFeed.ValueBoolPointer()
			return nil
		},
	},
	{
		name: "cover_url", uses: map[string]use{mediaTypeReels: optional},
		value: func(m *mediaModel) attr.Value { return m.CoverURL },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.CoverURL = m.CoverURL.ValueString()
			return nil
		},
	},
	{
		name: "thumb_offset", uses: map[string]use{mediaTypeReels: optional},
		value: func(m *mediaModel) attr.Value { return m.ThumbOffset },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.ThumbOffset = m.ThumbOffset.ValueInt64Pointer()
			return nil
		},
	},
	{
		name: "audio_name", uses: map[string]use{mediaTypeReels: optional},
		value: func(m *mediaModel) attr.Value { return m.AudioName },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.AudioName = m.AudioName.ValueString()
			return nil
		},
	},
	{
		// The items' own containers are created from childInputs; the
		// parent's `children` parameter is their container ids.
		name: "children", uses: map[string]use{mediaTypeCarousel: required},
		value: func(m *mediaModel) attr.Value { return m.Children },
		param: func(context.Context, *mediaModel, *graph.ContainerParams) diag.Diagnostics { return nil },
	},
}

// Kinds of carousel item: an item is an image or a video by the URL it sets.
const (
	itemImage = "image item"
	itemVideo = "video item"
)

// childInputs are a carousel item's inputs.
var childInputs = []input[childModel]{
	{
		name: "image_url", uses: map[string]use{itemImage: required},
		value: func(c *childModel) attr.Value { return c.ImageURL },
		param: func(_ context.Context, c *childModel, p *graph.ContainerParams) diag.Diagnostics {
			p.ImageURL = c.ImageURL.ValueString()
			return nil
		},
	},
	{
		name: "video_url", uses: map[string]use{itemVideo: required},
		value: func(c *childModel) attr.Value { return c.VideoURL },
		param: func(_ context.Context, c *childModel, p *graph.ContainerParams) diag.Diagnostics {
			p.VideoURL = c.VideoURL.ValueString()
			return nil
		},
	},
	{
		name: "alt_text", uses: map[string]use{itemImage: optional},
		value: func(c *childModel) attr.Value { return c.AltText },
		param: func(_ context.Context, c *childModel, p *graph.ContainerParams) diag.Diagnostics {
			p.AltText = c.AltText.ValueString()
			return nil
		},
	},
	{
		name: "user_tags", uses: map[string]use{itemImage: optional},
		value: func(c *childModel) attr.Value { return c.UserTags },
		param: func(ctx context.Context, c *childModel, p *graph.ContainerParams) (diags diag.Diagnostics) {
			p.UserTags, diags = userTagParams(ctx, c.UserTags)
			return diags
		},
	},
}

// itemKind is a carousel item's kind: a video item when it sets video_url.
func itemKind(c *childModel) string {
	if !c.VideoURL.IsNull() {
		return itemVideo
	}
	return itemImage
}

// inputByName finds an input's row (for schema descriptions).
func inputByName[M any](inputs []input[M], name string) input[M] {
	for _, in := range inputs {
		if in.name == name {
			return in
		}
	}
	panic("media: no input row named " + name) // a programming error, caught by every test run
}

// containerParams builds the container request of a post (the carousel
// parent for a carousel) from the inputs its type accepts.
func containerParams(ctx context.Context, m *mediaModel) (graph.ContainerParams, diag.Diagnostics) {
	var p graph.ContainerParams
	if t := m.Type.ValueString(); t != mediaTypeImage {
		p.MediaType = t // REELS, STORIES and CAROUSEL are Graph's own media_type values; a single image sends none
	}
	return p, fillParams(ctx, mediaInputs, m, m.Type.ValueString(), &p)
}

// carouselItemParams builds the container requests of a carousel's items.
func carouselItemParams(ctx context.Context, m *mediaModel) ([]graph.ContainerParams, diag.Diagnostics) {
	var children []childModel
	diags := m.Children.ElementsAs(ctx, &children, false)
	out := make([]graph.ContainerParams, 0, len(children))
	for i := range children {
		c := &children[i]
		p := graph.ContainerParams{IsCarouselItem: true}
		if itemKind(c) == itemVideo {
			p.MediaType = graph.MediaTypeVideo
		}
		diags.Append(fillParams(ctx, childInputs, c, itemKind(c), &p)...)
		out = append(out, p)
	}
	return out, diags
}

func fillParams[M any](ctx context.Context, inputs []input[M], m *M, kind string, p *graph.ContainerParams) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, in := range inputs {
		if in.accepts(kind) != 0 && !in.value(m).IsNull() {
			diags.Append(in.param(ctx, m, p)...)
		}
	}
	return diags
}

func userTagParams(ctx context.Context, list attrList) ([]graph.UserTag, diag.Diagnostics) {
	if list.IsNull() || list.IsUnknown() {
		return nil, nil
	}
	var tags []userTagModel
	diags := list.ElementsAs(ctx, &tags, false)
	out := make([]graph.UserTag, 0, len(tags))
	for _, t := range tags {
		out = append(out, graph.UserTag{Username: t.Username.ValueString(), X: t.X.ValueFloat64Pointer(), Y: t.Y.ValueFloat64Pointer()})
	}
	return out, diags
}
