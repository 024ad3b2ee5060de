package media

import (
	"context"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

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
	// media: what the post shows. A kind needs exactly one of its media
	// inputs: an image its image_url, a reel its video_url or video_file, a
	// story one of image_url, video_url and video_file.
	media
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
	// compared, when set, is what decides whether a change needs a new post
	// instead of value: for video_file the file's content hash, so moving
	// an unchanged file publishes nothing and editing it in place does.
	compared func(*M) attr.Value
	// comparedAttr is the attribute that holds compared when it is not the
	// input itself: Terraform replaces only for an attribute whose value
	// changed, and an edited file keeps its path.
	comparedAttr string
	// param copies the input into the container request.
	param func(ctx context.Context, m *M, p *graph.ContainerParams) diag.Diagnostics
}

// replacementValue is what a change of the input is judged by.
func (in input[M]) replacementValue(m *M) attr.Value {
	if in.compared != nil {
		return in.compared(m)
	}
	return in.value(m)
}

// replacementAttr is the attribute a replacement is attributed to.
func (in input[M]) replacementAttr() string {
	if in.comparedAttr != "" {
		return in.comparedAttr
	}
	return in.name
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

// Kinds of post that share inputs.
var (
	feedKinds = []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel}
	allKinds  = []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories}
)

// mediaInputs are the post's inputs; account_id and type (which decide
// where and what is published) are handled on their own.
var mediaInputs = []input[mediaModel]{
	text("image_url", usedBy(media, mediaTypeImage, mediaTypeStories),
		func(m *mediaModel) *types.String { return &m.ImageURL }, func(p *graph.ContainerParams) *string { return &p.ImageURL }),
	text("video_url", usedBy(media, mediaTypeReels, mediaTypeStories),
		func(m *mediaModel) *types.String { return &m.VideoURL }, func(p *graph.ContainerParams) *string { return &p.VideoURL }),
	{
		// The file is uploaded (resumable upload) between creating the
		// container and waiting for it; postOf hands the path to the workflow.
		// A change is judged by the file's content hash: moving an unchanged
		// file publishes nothing, editing it in place does.
		name: "video_file", uses: usedBy(media, mediaTypeReels, mediaTypeStories),
		value:        func(m *mediaModel) attr.Value { return m.VideoFile },
		compared:     func(m *mediaModel) attr.Value { return m.VideoFileHash },
		comparedAttr: "video_file_hash",
		param:        uploadParam[mediaModel],
	},
	text("caption", usedBy(optional, feedKinds...),
		func(m *mediaModel) *types.String { return &m.Caption }, func(p *graph.ContainerParams) *string { return &p.Caption }).readBack(),
	text("alt_text", usedBy(optional, mediaTypeImage),
		func(m *mediaModel) *types.String { return &m.AltText }, func(p *graph.ContainerParams) *string { return &p.AltText }),
	text("location_id", usedBy(optional, feedKinds...),
		func(m *mediaModel) *types.String { return &m.LocationID }, func(p *graph.ContainerParams) *string { return &p.LocationID }),
	{
		name: "user_tags", uses: usedBy(optional, mediaTypeImage, mediaTypeReels, mediaTypeStories),
		value: func(m *mediaModel) attr.Value { return m.UserTags },
		param: func(ctx context.Context, m *mediaModel, p *graph.ContainerParams) (diags diag.Diagnostics) {
			p.UserTags, diags = userTagParams(ctx, m.UserTags)
			return diags
		},
	},
	textList("collaborators", usedBy(optional, feedKinds...),
		func(m *mediaModel) types.List { return m.Collaborators }, func(p *graph.ContainerParams) *[]string { return &p.Collaborators }),
	flag("share_to_feed", usedBy(optional, mediaTypeReels),
		func(m *mediaModel) types.Bool { return m.ShareToFeed }, func(p *graph.ContainerParams) **bool { return &p.ShareToFeed }),
	text("cover_url", usedBy(optional, mediaTypeReels),
		func(m *mediaModel) *types.String { return &m.CoverURL }, func(p *graph.ContainerParams) *string { return &p.CoverURL }),
	{
		name: "thumb_offset", uses: usedBy(optional, mediaTypeReels),
		value: func(m *mediaModel) attr.Value { return m.ThumbOffset },
		param: func(_ context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			p.ThumbOffset = m.ThumbOffset.ValueInt64Pointer()
			return nil
		},
	},
	text("audio_name", usedBy(optional, mediaTypeReels),
		func(m *mediaModel) *types.String { return &m.AudioName }, func(p *graph.ContainerParams) *string { return &p.AudioName }),
	{
		name: "trial_params", uses: usedBy(optional, mediaTypeReels),
		value: func(m *mediaModel) attr.Value { return m.TrialParams },
		param: func(ctx context.Context, m *mediaModel, p *graph.ContainerParams) diag.Diagnostics {
			var tp trialParamsModel
			diags := m.TrialParams.As(ctx, &tp, basetypes.ObjectAsOptions{})
			p.TrialParams = &graph.TrialParams{GraduationStrategy: tp.GraduationStrategy.ValueString()}
			return diags
		},
	},
	textList("branded_content_sponsor_ids", usedBy(optional, feedKinds...),
		func(m *mediaModel) types.List { return m.BrandedContentSponsorIDs }, func(p *graph.ContainerParams) *[]string { return &p.BrandedContentSponsorIDs }),
	flag("is_paid_partnership", usedBy(optional, feedKinds...),
		func(m *mediaModel) types.Bool { return m.IsPaidPartnership }, func(p *graph.ContainerParams) **bool { return &p.IsPaidPartnership }),
	// A carousel carries the AI label on its parent, not on its items.
	flag("is_ai_generated", usedBy(optional, allKinds...),
		func(m *mediaModel) types.Bool { return m.IsAIGenerated }, func(p *graph.ContainerParams) **bool { return &p.IsAIGenerated }),
	{
		// The items' own containers are created from childInputs; the
		// parent's `children` parameter is their container ids. Items are
		// compared by content: a moved, unchanged video file is no change.
		name: "children", uses: usedBy(required, mediaTypeCarousel),
		value:    func(m *mediaModel) attr.Value { return m.Children },
		compared: func(m *mediaModel) attr.Value { return childrenByContent(m.Children) },
		param:    func(context.Context, *mediaModel, *graph.ContainerParams) diag.Diagnostics { return nil },
	},
}

// Kinds of carousel item: an item is an image or a video by the URL it sets.
const (
	itemImage = "image item"
	itemVideo = "video item"
)

// childInputs are a carousel item's inputs.
var childInputs = []input[childModel]{
	text("image_url", usedBy(media, itemImage),
		func(c *childModel) *types.String { return &c.ImageURL }, func(p *graph.ContainerParams) *string { return &p.ImageURL }),
	text("video_url", usedBy(media, itemVideo),
		func(c *childModel) *types.String { return &c.VideoURL }, func(p *graph.ContainerParams) *string { return &p.VideoURL }),
	{
		name: "video_file", uses: usedBy(media, itemVideo),
		value:    func(c *childModel) attr.Value { return c.VideoFile },
		compared: func(c *childModel) attr.Value { return c.VideoFileHash },
		param:    uploadParam[childModel],
	},
	text("alt_text", usedBy(optional, itemImage),
		func(c *childModel) *types.String { return &c.AltText }, func(p *graph.ContainerParams) *string { return &p.AltText }),
	{
		name: "user_tags", uses: usedBy(optional, itemImage),
		value: func(c *childModel) attr.Value { return c.UserTags },
		param: func(ctx context.Context, c *childModel, p *graph.ContainerParams) (diags diag.Diagnostics) {
			p.UserTags, diags = userTagParams(ctx, c.UserTags)
			return diags
		},
	},
}

// usedBy is the uses of an input that kinds all use the same way.
func usedBy(u use, kinds ...string) map[string]use {
	out := make(map[string]use, len(kinds))
	for _, k := range kinds {
		out[k] = u
	}
	return out
}

// text is an input sent as it is, in a string parameter.
func text[M any](name string, uses map[string]use, field func(*M) *types.String, param func(*graph.ContainerParams) *string) input[M] {
	return input[M]{
		name: name, uses: uses,
		value: func(m *M) attr.Value { return *field(m) },
		param: func(_ context.Context, m *M, p *graph.ContainerParams) diag.Diagnostics {
			*param(p) = field(m).ValueString()
			return nil
		},
	}
}

// flag is a boolean input, sent as "true" or "false".
func flag[M any](name string, uses map[string]use, field func(*M) types.Bool, param func(*graph.ContainerParams) **bool) input[M] {
	return input[M]{
		name: name, uses: uses,
		value: func(m *M) attr.Value { return field(m) },
		param: func(_ context.Context, m *M, p *graph.ContainerParams) diag.Diagnostics {
			*param(p) = field(m).ValueBoolPointer()
			return nil
		},
	}
}

// textList is a list of strings, sent as a JSON array.
func textList[M any](name string, uses map[string]use, field func(*M) types.List, param func(*graph.ContainerParams) *[]string) input[M] {
	return input[M]{
		name: name, uses: uses,
		value: func(m *M) attr.Value { return field(m) },
		param: func(ctx context.Context, m *M, p *graph.ContainerParams) diag.Diagnostics {
			return field(m).ElementsAs(ctx, param(p), false)
		},
	}
}

// readBack marks an input Instagram returns (see input.readable).
func (in input[M]) readBack() input[M] {
	in.readable = true
	return in
}

// uploadParam asks for a resumable-upload container: the bytes follow.
func uploadParam[M any](_ context.Context, _ *M, p *graph.ContainerParams) diag.Diagnostics {
	p.UploadType = graph.UploadResumable
	return nil
}

// itemKind is a carousel item's kind: a video item when it sets video_url
// or video_file.
func itemKind(c *childModel) string {
	if !c.VideoURL.IsNull() || !c.VideoFile.IsNull() {
		return itemVideo
	}
	return itemImage
}

// mediaOf lists the media inputs of a kind (use media), in table order.
func mediaOf[M any](inputs []input[M], kinds ...string) []input[M] {
	var out []input[M]
	for _, in := range inputs {
		for _, k := range kinds {
			if in.accepts(k) == media {
				out = append(out, in)
				break
			}
		}
	}
	return out
}

// setNames are the names of the inputs m sets (unknown counts as set).
func setNames[M any](inputs []input[M], m *M) []string {
	var out []string
	for _, in := range inputs {
		if !in.value(m).IsNull() {
			out = append(out, in.name)
		}
	}
	return out
}

// orList renders names as "a", "a or b", "a, b or c".
func orList[M any](inputs []input[M]) string {
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.name
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// childrenByContent is the children list with each item's video_file path
// left out (its video_file_hash stays): items are the same when their media
// are.
func childrenByContent(children types.List) attr.Value {
	if children.IsNull() || children.IsUnknown() {
		return children
	}
	elems := make([]attr.Value, 0, len(children.Elements()))
	for _, e := range children.Elements() {
		o, ok := e.(types.Object)
		if !ok || o.IsNull() || o.IsUnknown() {
			return children
		}
		attrs := maps.Clone(o.Attributes())
		attrs["video_file"] = types.StringNull()
		elems = append(elems, types.ObjectValueMust(childObjectType.AttrTypes, attrs))
	}
	return types.ListValueMust(childObjectType, elems)
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
