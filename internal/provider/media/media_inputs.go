package media

import (
	"context"
	"maps"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// The inputs of instagram_media, one row each. A row says everything the
// resource needs to know about an input: which `type`s accept or require
// it, the Graph parameter it is sent as, and whether Instagram returns it.
// Validation (media_validation.go), replacement and import adoption
// (media_plan.go), the container request (containerParams), reading the
// post back (applyMedia) and the schema's "For `IMAGE`, `REELS`" notes
// (media_schema.go) all walk this table.
//
// Adding an input: a field in mediaModel (or childModel), its attribute in
// the schema, a row here — and, if Instagram returns it, .readBack(field) on
// the row. The row finds its model field by the attribute's name (the
// field's tfsdk tag), and its value is sent as the Graph parameter of that
// name, encoded by its type (graph.EncodeParam: text, "true"/"false", a
// number, JSON for lists and objects). TestMediaInputsReachInstagram proves
// that every row's value reaches the emulator's request and that every
// read-back row comes back into the state.
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

// input is one input of the post (mediaModel) or of a carousel item
// (childModel).
type input struct {
	name string
	// uses lists the kinds of post (a `type`, or an item kind) that accept
	// the input; any other kind rejects it at plan time.
	uses map[string]use
	// send, when set, puts the value in the container request instead of
	// the parameter of the input's name: video_file is uploaded, children
	// are containers of their own.
	send func(v attr.Value, params map[string]string) error
	// readAs is the IG Media field Instagram returns the input as ("" when
	// it does not): a configured value that Instagram now returns
	// differently (edited in the app) shows up as a change.
	readAs string
	// readAlways: Instagram always returns the input (caption), so it is read
	// back even when not configured, and a difference after an import is a
	// real change. Inputs it cannot return are adopted from the
	// configuration after an import instead of replacing the post.
	readAlways bool
	// comparedAttr, when set, is the attribute whose value decides whether a
	// change needs a new post: for video_file its video_file_hash, so moving
	// an unchanged file publishes nothing and editing it in place does
	// (Terraform replaces only for an attribute whose value changed, and an
	// edited file keeps its path).
	comparedAttr string
	// compare, when set, is what of the value decides a replacement.
	compare func(attr.Value) attr.Value
	// param is the Graph parameter the input is sent as, when it is not the
	// input's name (audio → audio_configuration).
	param string
	// facebookLogin: Meta offers the input with Facebook login only; with
	// Instagram login it is refused at plan time.
	facebookLogin bool
}

// row is the input name that kinds all use the same way.
func row(u use, name string, kinds ...string) input {
	return input{name: name, uses: usedBy(u, kinds...)}
}

// readBack marks an input Instagram returns as the IG Media field field.
func (in input) readBack(field string) input {
	in.readAs = field
	return in
}

// always marks an input Instagram always returns (see readAlways).
func (in input) always() input {
	in.readAlways = true
	return in
}

// as names the Graph parameter the input is sent as (see input.param).
func (in input) as(param string) input {
	in.param = param
	return in
}

// facebookLoginOnly marks an input Meta offers with Facebook login only.
func (in input) facebookLoginOnly() input {
	in.facebookLogin = true
	return in
}

// sentAs replaces the input's parameter (see input.send).
func (in input) sentAs(send func(v attr.Value, params map[string]string) error) input {
	in.send = send
	return in
}

// comparedBy makes the attribute name decide replacement (see comparedAttr).
func (in input) comparedBy(name string) input {
	in.comparedAttr = name
	return in
}

// comparedOn makes part of the value decide replacement (see compare).
func (in input) comparedOn(compare func(attr.Value) attr.Value) input {
	in.compare = compare
	return in
}

// Kinds of post that share inputs.
var (
	feedKinds = []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel}
	allKinds  = []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories}
)

// mediaInputs are the post's inputs; account_id and type (which decide
// where and what is published) are handled on their own.
var mediaInputs = []input{
	row(media, "image_url", mediaTypeImage, mediaTypeStories),
	row(media, "video_url", mediaTypeReels, mediaTypeStories),
	// The file is uploaded (resumable upload) between creating the container
	// and waiting for it: postOf hands its path to the workflow.
	row(media, "video_file", mediaTypeReels, mediaTypeStories).sentAs(notSent).comparedBy("video_file_hash"),
	row(optional, "caption", feedKinds...).readBack("caption").always(),
	row(optional, "alt_text", mediaTypeImage).readBack("alt_text"),
	row(optional, "location_id", feedKinds...),
	row(optional, "user_tags", mediaTypeImage, mediaTypeReels, mediaTypeStories),
	row(optional, "collaborators", feedKinds...),
	row(optional, "share_to_feed", mediaTypeReels).readBack("is_shared_to_feed"),
	row(optional, "cover_url", mediaTypeReels),
	row(optional, "thumb_offset", mediaTypeReels),
	row(optional, "audio_name", mediaTypeReels),
	row(optional, "trial_params", mediaTypeReels),
	row(optional, "branded_content_sponsor_ids", feedKinds...),
	row(optional, "is_paid_partnership", feedKinds...),
	// A carousel carries the AI label on its parent, not on its items.
	row(optional, "is_ai_generated", allKinds...),
	// Caption add-ons and licensed audio (Facebook login), on a carousel's
	// parent: https://developers.facebook.com/documentation/instagram-platform/content-publishing/caption-add-ons
	// and https://developers.facebook.com/documentation/instagram-platform/content-publishing/audio-api
	row(optional, "poll", feedKinds...).sentAs(pollParams).facebookLoginOnly(),
	row(optional, "comment_prompt", feedKinds...).as("is_comment_prompt_used").facebookLoginOnly(),
	row(optional, "audio", mediaTypeReels).as("audio_configuration").facebookLoginOnly(),
	// The items' own containers are made from childInputs; the parent's
	// `children` parameter is their container ids. Items are compared by
	// content: a moved, unchanged video file is no change.
	row(required, "children", mediaTypeCarousel).sentAs(notSent).comparedOn(childrenByContent),
}

// Kinds of carousel item: an item is an image or a video by the URL it sets.
const (
	itemImage = "image item"
	itemVideo = "video item"
)

// childInputs are a carousel item's inputs.
var childInputs = []input{
	row(media, "image_url", itemImage),
	row(media, "video_url", itemVideo),
	row(media, "video_file", itemVideo).sentAs(notSent).comparedBy("video_file_hash"),
	row(optional, "alt_text", itemImage),
	row(optional, "user_tags", itemImage),
}

// usedBy is the uses of an input that kinds all use the same way.
func usedBy(u use, kinds ...string) map[string]use {
	out := make(map[string]use, len(kinds))
	for _, k := range kinds {
		out[k] = u
	}
	return out
}

// pollParams sends a poll as poll_attachment (its options, graph.EncodePoll)
// and is_poll_duration_extended.
func pollParams(v attr.Value, params map[string]string) error {
	poll, _ := v.(types.Object)
	var options []string
	if list, ok := poll.Attributes()["options"].(types.List); ok {
		for _, o := range list.Elements() {
			if s, ok := o.(types.String); ok {
				options = append(options, s.ValueString())
			}
		}
	}
	encoded, err := graph.EncodePoll(options)
	params["poll_attachment"] = encoded
	if extended, ok := poll.Attributes()["duration_extended"].(types.Bool); ok && extended.ValueBool() {
		params["is_poll_duration_extended"] = "true"
	}
	return err
}

// notSent: the workflow sends the input itself (see input.send).
func notSent(attr.Value, map[string]string) error { return nil }

// value is the input's value in m, a *mediaModel or a *childModel.
func (in input) value(m any) attr.Value { return modelValue(m, in.name) }

// set puts v (of the field's type) in m.
func (in input) set(m any, v attr.Value) {
	f := reflect.ValueOf(m).Elem()
	f.Field(modelFields[f.Type()][in.name]).Set(reflect.ValueOf(v))
}

// replacementValue is what a change of the input is judged by.
func (in input) replacementValue(m any) attr.Value {
	v := in.value(m)
	if in.comparedAttr != "" {
		v = modelValue(m, in.comparedAttr)
	}
	if in.compare != nil {
		v = in.compare(v)
	}
	return v
}

// replacementAttr is the attribute a replacement is attributed to.
func (in input) replacementAttr() string {
	if in.comparedAttr != "" {
		return in.comparedAttr
	}
	return in.name
}

// accepts reports how kind uses the input (0: not at all).
func (in input) accepts(kind string) use { return in.uses[kind] }

// acceptedFor renders the kinds that accept the input, for docs and errors.
func (in input) acceptedFor() string {
	var out []string
	for _, kind := range []string{mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories, itemImage, itemVideo} {
		if in.uses[kind] != 0 {
			out = append(out, "`"+kind+"`")
		}
	}
	return strings.Join(out, ", ")
}

// addParams adds the input's value to a container request's parameters.
func (in input) addParams(v attr.Value, params map[string]string) error {
	if in.send != nil {
		return in.send(v, params)
	}
	name := in.name
	if in.param != "" {
		name = in.param
	}
	encoded, err := graph.EncodeParam(goValue(v))
	params[name] = encoded
	return err
}

// modelFields index the fields of the models by attribute name (tfsdk tag).
var modelFields = map[reflect.Type]map[string]int{
	reflect.TypeFor[mediaModel](): fieldIndex[mediaModel](),
	reflect.TypeFor[childModel](): fieldIndex[childModel](),
}

func fieldIndex[M any]() map[string]int {
	t := reflect.TypeFor[M]()
	out := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		out[t.Field(i).Tag.Get("tfsdk")] = i
	}
	return out
}

// modelValue is the value of attribute name in m, a *mediaModel or a
// *childModel. A name that is no attribute of the model is a programming
// error, caught by every test run.
func modelValue(m any, name string) attr.Value {
	f := reflect.ValueOf(m).Elem()
	i, ok := modelFields[f.Type()][name]
	if !ok {
		panic("media: " + f.Type().Name() + " has no attribute " + name)
	}
	v, _ := f.Field(i).Interface().(attr.Value)
	return v
}

// goValue is v as graph.EncodeParam takes it: strings, booleans, numbers,
// lists and objects (their null attributes left out).
func goValue(v attr.Value) any {
	switch v := v.(type) {
	case types.String:
		return v.ValueString()
	case types.Bool:
		return v.ValueBool()
	case types.Int64:
		return v.ValueInt64()
	case types.Float64:
		return v.ValueFloat64()
	case types.List:
		return goValues(v.Elements())
	case types.Set:
		return goValues(v.Elements())
	case types.Object:
		out := map[string]any{}
		for name, a := range v.Attributes() {
			if !a.IsNull() {
				out[name] = goValue(a)
			}
		}
		return out
	}
	return v.String()
}

func goValues(elems []attr.Value) []any {
	out := make([]any, len(elems))
	for i, e := range elems {
		out[i] = goValue(e)
	}
	return out
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
func mediaOf(inputs []input, kinds ...string) []input {
	var out []input
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
func setNames(inputs []input, m any) []string {
	var out []string
	for _, in := range inputs {
		if !in.value(m).IsNull() {
			out = append(out, in.name)
		}
	}
	return out
}

// orList renders names as "a", "a or b", "a, b or c".
func orList(inputs []input) string {
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
func childrenByContent(v attr.Value) attr.Value {
	children, ok := v.(types.List)
	if !ok || children.IsNull() || children.IsUnknown() {
		return v
	}
	item, ok := children.ElementType(context.Background()).(types.ObjectType)
	if !ok {
		return v
	}
	elems := make([]attr.Value, 0, len(children.Elements()))
	for _, e := range children.Elements() {
		o, ok := e.(types.Object)
		if !ok || o.IsNull() || o.IsUnknown() {
			return children
		}
		attrs := maps.Clone(o.Attributes())
		attrs["video_file"] = types.StringNull()
		elems = append(elems, types.ObjectValueMust(item.AttrTypes, attrs))
	}
	return types.ListValueMust(item, elems)
}

// inputByName finds an input's row (for schema descriptions).
func inputByName(inputs []input, name string) input {
	for _, in := range inputs {
		if in.name == name {
			return in
		}
	}
	panic("media: no input row named " + name) // a programming error, caught by every test run
}

// containerParams builds the container request of a post (the carousel
// parent for a carousel) from the inputs its type accepts.
func containerParams(m *mediaModel) (graph.ContainerParams, error) {
	var p graph.ContainerParams
	if t := m.Type.ValueString(); t != mediaTypeImage {
		p.MediaType = t // REELS, STORIES and CAROUSEL are Graph's own media_type values; a single image sends none
	}
	var err error
	p.Params, err = paramsOf(mediaInputs, m, m.Type.ValueString())
	return p, err
}

// carouselItemParams builds the container requests of a carousel's items.
func carouselItemParams(children []childModel) ([]graph.ContainerParams, error) {
	out := make([]graph.ContainerParams, 0, len(children))
	for i := range children {
		c := &children[i]
		p := graph.ContainerParams{IsCarouselItem: true}
		if itemKind(c) == itemVideo {
			p.MediaType = graph.MediaTypeVideo
		}
		var err error
		if p.Params, err = paramsOf(childInputs, c, itemKind(c)); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// paramsOf encodes the inputs of m that kind accepts and m sets.
func paramsOf(inputs []input, m any, kind string) (map[string]string, error) {
	params := map[string]string{}
	for _, in := range inputs {
		if v := in.value(m); in.accepts(kind) != 0 && !v.IsNull() {
			if err := in.addParams(v, params); err != nil {
				return nil, err
			}
		}
	}
	return params, nil
}
