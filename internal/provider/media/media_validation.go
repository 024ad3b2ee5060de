package media

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Limits from Meta's content publishing documentation.
const (
	maxCaptionLength    = 2200
	maxCaptionHashtags  = 30
	maxCaptionMentions  = 20
	maxAltTextLength    = 1000
	maxCollaborators    = 3
	minCarouselChildren = 2
	maxCarouselChildren = 10
)

var (
	hashtagPattern = regexp.MustCompile(`#[\p{L}\p{N}_]+`)
	mentionPattern = regexp.MustCompile(`@[A-Za-z0-9._]+`)
)

// captionProblems checks a caption against Instagram's limits and returns one
// message per limit exceeded.
func captionProblems(caption string) []string {
	var out []string
	if n := utf8.RuneCountInString(caption); n > maxCaptionLength {
		out = append(out, fmt.Sprintf("caption is %d characters long; Instagram allows at most %d.", n, maxCaptionLength))
	}
	if n := len(uniqueLower(hashtagPattern.FindAllString(caption, -1))); n > maxCaptionHashtags {
		out = append(out, fmt.Sprintf("caption has %d hashtags; Instagram allows at most %d.", n, maxCaptionHashtags))
	}
	if n := len(uniqueLower(mentionPattern.FindAllString(caption, -1))); n > maxCaptionMentions {
		out = append(out, fmt.Sprintf("caption has %d @mentions; Instagram allows at most %d.", n, maxCaptionMentions))
	}
	return out
}

func uniqueLower(in []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range in {
		out[strings.ToLower(s)] = true
	}
	return out
}

// mediaRules says, per type, which inputs are required and which allowed.
// Anything not listed is not allowed for that type.
var mediaRules = map[string]struct {
	required []string
	allowed  []string
	hint     string
}{
	mediaTypeImage: {
		required: []string{"image_url"},
		allowed:  []string{"caption", "alt_text", "location_id", "user_tags", "collaborators"},
	},
	mediaTypeReels: {
		required: []string{"video_url"},
		allowed:  []string{"caption", "location_id", "user_tags", "collaborators", "share_to_feed", "cover_url", "thumb_offset", "audio_name"},
	},
	mediaTypeStories: {
		allowed: []string{"image_url", "video_url", "user_tags"},
		hint:    "Stories take one image_url or video_url and optional user_tags; captions, locations and collaborators are not supported on stories.",
	},
	mediaTypeCarousel: {
		required: []string{"children"},
		allowed:  []string{"caption", "location_id", "collaborators"},
		hint:     "Carousel items carry their own image_url/video_url, alt_text and user_tags inside children blocks.",
	},
}

var mediaInputs = []string{
	"image_url", "video_url", "caption", "alt_text", "location_id", "user_tags", "collaborators",
	"share_to_feed", "cover_url", "thumb_offset", "audio_name", "children",
}

func (r *mediaResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m mediaModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Type.IsUnknown() || m.Type.IsNull() {
		return
	}
	typ := m.Type.ValueString()
	rules, ok := mediaRules[typ]
	if !ok {
		return // the OneOf validator on type reports it
	}

	values := map[string]attr.Value{
		"image_url": m.ImageURL, "video_url": m.VideoURL, "caption": m.Caption, "alt_text": m.AltText,
		"location_id": m.LocationID, "user_tags": m.UserTags, "collaborators": m.Collaborators,
		"share_to_feed": m.ShareToFeed, "cover_url": m.CoverURL, "thumb_offset": m.ThumbOffset,
		"audio_name": m.AudioName, "children": m.Children,
	}
	isSet := func(name string) bool { return !values[name].IsNull() }
	allowed := map[string]bool{}
	for _, a := range append(append([]string{}, rules.required...), rules.allowed...) {
		allowed[a] = true
	}
	for _, name := range mediaInputs {
		if isSet(name) && !allowed[name] {
			detail := fmt.Sprintf("%s cannot be set when type is %q. Allowed for %s: %s.", name, typ, typ, strings.Join(append(append([]string{}, rules.required...), rules.allowed...), ", "))
			if rules.hint != "" {
				detail += " " + rules.hint
			}
			resp.Diagnostics.AddAttributeError(path.Root(name), "Attribute not supported for "+typ, detail)
		}
	}
	for _, name := range rules.required {
		if !isSet(name) {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Missing required attribute for "+typ,
				fmt.Sprintf("%s is required when type is %q.", name, typ))
		}
	}
	if typ == mediaTypeStories && !m.ImageURL.IsUnknown() && !m.VideoURL.IsUnknown() && isSet("image_url") == isSet("video_url") {
		resp.Diagnostics.AddAttributeError(path.Root("image_url"), "Stories need exactly one of image_url or video_url",
			"Set image_url for a photo story or video_url for a video story, not both and not neither.")
	}

	if !m.Caption.IsNull() && !m.Caption.IsUnknown() {
		for _, p := range captionProblems(m.Caption.ValueString()) {
			resp.Diagnostics.AddAttributeError(path.Root("caption"), "Caption exceeds Instagram's limits", p)
		}
	}

	// Images need tag coordinates; stories and reels do not.
	coordsRequired := typ == mediaTypeImage
	validateUserTags(ctx, m.UserTags, path.Root("user_tags"), coordsRequired, &resp.Diagnostics)

	if typ == mediaTypeCarousel && !m.Children.IsNull() && !m.Children.IsUnknown() {
		validateChildren(ctx, m, &resp.Diagnostics)
	}
}

func validateChildren(ctx context.Context, m mediaModel, diags *diag.Diagnostics) {
	var children []childModel
	diags.Append(m.Children.ElementsAs(ctx, &children, false)...)
	if diags.HasError() {
		return
	}
	if n := len(children); n < minCarouselChildren || n > maxCarouselChildren {
		diags.AddAttributeError(path.Root("children"), "Carousel needs 2 to 10 items",
			fmt.Sprintf("A carousel holds %d to %d children blocks; this one has %d.", minCarouselChildren, maxCarouselChildren, n))
	}
	for i, c := range children {
		p := path.Root("children").AtListIndex(i)
		if c.ImageURL.IsUnknown() || c.VideoURL.IsUnknown() {
			continue
		}
		hasImage, hasVideo := !c.ImageURL.IsNull(), !c.VideoURL.IsNull()
		if hasImage == hasVideo {
			diags.AddAttributeError(p, "Carousel item needs exactly one of image_url or video_url",
				fmt.Sprintf("children[%d] must set either image_url (an image item) or video_url (a video item).", i))
			continue
		}
		if hasVideo && !c.AltText.IsNull() {
			diags.AddAttributeError(p.AtName("alt_text"), "alt_text is for image items",
				fmt.Sprintf("children[%d] is a video; Instagram supports alt_text only on images.", i))
		}
		if hasVideo && !c.UserTags.IsNull() {
			diags.AddAttributeError(p.AtName("user_tags"), "user_tags are for image items",
				fmt.Sprintf("children[%d] is a video; Instagram does not support user tags on video carousel items.", i))
		}
		validateUserTags(ctx, c.UserTags, p.AtName("user_tags"), true, diags)
	}
}

func validateUserTags(ctx context.Context, tags attrList, p path.Path, coordsRequired bool, diags *diag.Diagnostics) {
	if !coordsRequired || tags.IsNull() || tags.IsUnknown() {
		return
	}
	var list []userTagModel
	diags.Append(tags.ElementsAs(ctx, &list, false)...)
	for i, t := range list {
		if t.X.IsNull() || t.Y.IsNull() {
			diags.AddAttributeError(p.AtListIndex(i), "Tag position required",
				fmt.Sprintf("user tag %q on an image needs both x and y (each between 0.0 and 1.0).", t.Username.ValueString()))
		}
	}
}

// attrList is the subset of types.List the validators need.
type attrList interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(ctx context.Context, target any, allowUnhandled bool) diag.Diagnostics
}
