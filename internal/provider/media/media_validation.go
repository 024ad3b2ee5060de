package media

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// The limits themselves (caption, carousel, collaborators, alt text) are
// internal/rules', shared with the provider functions and the plan preview.

// typeHints add to "not supported" errors what a type takes instead.
var typeHints = map[string]string{
	mediaTypeStories:  "Stories take one image_url, video_url or video_file and optional user_tags; captions, locations and collaborators are not supported on stories.",
	mediaTypeCarousel: "Carousel items carry their own image_url/video_url/video_file, alt_text and user_tags inside children blocks.",
}

// ValidateConfig checks at plan time, before any API call, what Instagram
// would refuse: inputs the type does not take (media_inputs.go), caption
// limits, tag positions and the carousel's items. Video files are read in
// ModifyPlan (media_video_file.go), also before any API call: `terraform
// validate` does not need them.
func (r *mediaResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := common.Decode[mediaModel](ctx, req.Config, &resp.Diagnostics)
	if !ok || m.Type.IsUnknown() || m.Type.IsNull() {
		return
	}
	typ := m.Type.ValueString()
	switch typ {
	case mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories:
	default:
		return // the OneOf validator on type reports it
	}
	for _, in := range mediaInputs {
		v := in.value(&m)
		switch use := in.accepts(typ); {
		case use == 0 && !v.IsNull():
			detail := fmt.Sprintf("%s cannot be set when type is %q. Allowed for %s: %s.", in.name, typ, typ, strings.Join(inputsFor(mediaInputs, typ), ", "))
			if hint := typeHints[typ]; hint != "" {
				detail += " " + hint
			}
			resp.Diagnostics.AddAttributeError(path.Root(in.name), "Attribute not supported for "+typ, detail)
		}
	}
	// Missing media (image_url, video_url, video_file, children) is checked
	// when a post is about to be published (missingMedia in media_plan.go):
	// an adopted post has none in its configuration. Two media are wrong
	// either way.
	if kinds := mediaOf(mediaInputs, typ); len(setNames(kinds, &m)) > 1 {
		resp.Diagnostics.AddAttributeError(path.Root(kinds[0].name), typ+" needs exactly one of "+orList(kinds),
			fmt.Sprintf("%s sets %s; set exactly one of %s.", typ, strings.Join(setNames(kinds, &m), " and "), orList(kinds)))
	}
	if m.IsPaidPartnership.Equal(types.BoolValue(false)) && !m.BrandedContentSponsorIDs.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("is_paid_partnership"), "A sponsored post is a paid partnership",
			"branded_content_sponsor_ids gives the post the \"Paid partnership\" label: remove is_paid_partnership = false, or the sponsors.")
	}

	validateAddOns(m, &resp.Diagnostics)
	if !m.Caption.IsNull() && !m.Caption.IsUnknown() {
		for _, p := range rules.TextProblems("caption", m.Caption.ValueString()) {
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

// inputsFor lists the inputs a kind of post takes: its media ("one of"),
// then required and optional ones.
func inputsFor(inputs []input, kind string) []string {
	var req, opt []string
	if kinds := mediaOf(inputs, kind); len(kinds) > 0 {
		req = append(req, orList(kinds))
	}
	for _, in := range inputs {
		switch in.accepts(kind) {
		case required:
			req = append(req, in.name)
		case optional:
			opt = append(opt, in.name)
		}
	}
	return append(req, opt...)
}

func validateChildren(ctx context.Context, m mediaModel, diags *diag.Diagnostics) {
	var children []childModel
	diags.Append(m.Children.ElementsAs(ctx, &children, false)...)
	if diags.HasError() {
		return
	}
	if n := len(children); n < rules.MinCarouselItems || n > rules.MaxCarouselItems {
		diags.AddAttributeError(path.Root("children"), "Carousel needs 2 to 10 items",
			fmt.Sprintf("A carousel holds %d to %d children blocks; this one has %d.", rules.MinCarouselItems, rules.MaxCarouselItems, n))
	}
	itemMedia := mediaOf(childInputs, itemImage, itemVideo)
	for i := range children {
		c := &children[i]
		p := path.Root("children").AtListIndex(i)
		if c.ImageURL.IsUnknown() || c.VideoURL.IsUnknown() || c.VideoFile.IsUnknown() {
			continue
		}
		if len(setNames(itemMedia, c)) != 1 {
			diags.AddAttributeError(p, "Carousel item needs exactly one of "+orList(itemMedia),
				fmt.Sprintf("children[%d] must set either image_url (an image item), or video_url or video_file (a video item).", i))
			continue
		}
		kind := itemKind(c)
		for _, in := range childInputs {
			if in.accepts(kind) == 0 && !in.value(c).IsNull() {
				diags.AddAttributeError(p.AtName(in.name), in.name+" is for image items",
					fmt.Sprintf("children[%d] is a video; Instagram supports %s only on images.", i, in.name))
			}
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

// hostedURL validates a media URL: an absolute https URL Instagram can
// fetch (common.HTTPSURL). A local path gets told where files go: Meta's
// resumable upload takes videos only, so an image must be hosted.
func hostedURL(video bool) validator.String {
	return common.StringCheck("must be an absolute https URL that Instagram can download", func(at path.Path, raw string, diags *diag.Diagnostics) {
		if u, err := url.Parse(raw); err == nil && (u.Scheme == "" || u.Scheme == "file") {
			detail := fmt.Sprintf("%s must be the https URL of a file Instagram downloads, not a local path (%q).", at, raw)
			if video {
				detail += fmt.Sprintf(" To upload a local video, set video_file = %q instead.", strings.TrimPrefix(raw, "file://"))
			} else {
				detail += " The Instagram API cannot upload images (Meta's resumable upload takes videos only): host the JPEG " +
					"where Instagram can fetch it, e.g. a public bucket or CDN, and give its https URL."
			}
			diags.AddAttributeError(at, "A local file is not a URL", detail)
			return
		}
		common.CheckHTTPSURL(at, raw, diags)
	})
}

// validateAddOns checks a post's caption add-ons: one per post, and a
// caption, which is the poll's question or the prompt
// (https://developers.facebook.com/documentation/instagram-platform/content-publishing/caption-add-ons).
func validateAddOns(m mediaModel, diags *diag.Diagnostics) {
	poll, prompt := !m.Poll.IsNull() && !m.Poll.IsUnknown(), m.CommentPrompt.ValueBool()
	if poll && prompt {
		diags.AddAttributeError(path.Root("comment_prompt"), "One caption add-on per post",
			"A post takes a poll or a comment prompt, not both: remove poll or comment_prompt.")
	}
	if (poll || prompt) && !m.Caption.IsUnknown() && strings.TrimSpace(m.Caption.ValueString()) == "" {
		what := "the poll's question"
		if prompt {
			what = "the prompt followers answer in the comments"
		}
		diags.AddAttributeError(path.Root("caption"), "A caption add-on needs a caption",
			fmt.Sprintf("The caption is %s: set caption (not blank).", what))
	}
}
