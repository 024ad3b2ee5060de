package media

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// mediaModel is instagram_media's state. Its inputs are listed once more,
// with their rules, in media_inputs.go.
type mediaModel struct {
	ID            types.String `tfsdk:"id"`
	AccountID     types.String `tfsdk:"account_id"`
	Type          types.String `tfsdk:"type"`
	ImageURL      types.String `tfsdk:"image_url"`
	VideoURL      types.String `tfsdk:"video_url"`
	VideoFile     types.String `tfsdk:"video_file"`
	VideoFileHash types.String `tfsdk:"video_file_hash"`
	Caption       types.String `tfsdk:"caption"`
	AltText       types.String `tfsdk:"alt_text"`
	LocationID    types.String `tfsdk:"location_id"`
	UserTags      types.List   `tfsdk:"user_tags"`
	Collaborators types.List   `tfsdk:"collaborators"`
	ShareToFeed   types.Bool   `tfsdk:"share_to_feed"`
	CoverURL      types.String `tfsdk:"cover_url"`
	ThumbOffset   types.Int64  `tfsdk:"thumb_offset"`
	AudioName     types.String `tfsdk:"audio_name"`
	Children      types.List   `tfsdk:"children"`
	TrialParams   types.Object `tfsdk:"trial_params"`
	// Paid partnership (branded content) and the AI label.
	BrandedContentSponsorIDs types.List `tfsdk:"branded_content_sponsor_ids"`
	IsPaidPartnership        types.Bool `tfsdk:"is_paid_partnership"`
	IsAIGenerated            types.Bool `tfsdk:"is_ai_generated"`
	// Caption add-ons and licensed audio.
	Poll           types.Object   `tfsdk:"poll"`
	CommentPrompt  types.Bool     `tfsdk:"comment_prompt"`
	Audio          types.Object   `tfsdk:"audio"`
	DeletionPolicy types.String   `tfsdk:"deletion_policy"`
	AllowDuplicate types.Bool     `tfsdk:"allow_duplicate"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
	// When to publish (media_schedule.go) and where the post stands.
	PublishAt     types.String `tfsdk:"publish_at"`
	PublishWindow types.String `tfsdk:"publish_window"`
	Status        types.String `tfsdk:"status"`
	// CollaboratorInvites: the invited collaborators' answers, by username.
	CollaboratorInvites types.Map `tfsdk:"collaborator_invites"`
	// ReplacedID is the post this one replaced while it still has to be
	// deleted (media_republish.go).
	ReplacedID types.String `tfsdk:"replaced_id"`

	ContainerID      types.String `tfsdk:"container_id"`
	Permalink        types.String `tfsdk:"permalink"`
	Shortcode        types.String `tfsdk:"shortcode"`
	MediaType        types.String `tfsdk:"media_type"`
	MediaProductType types.String `tfsdk:"media_product_type"`
	Timestamp        types.String `tfsdk:"timestamp"`
	Username         types.String `tfsdk:"username"`
	ChildrenIDs      types.List   `tfsdk:"children_ids"`
}

type userTagModel struct {
	Username types.String  `tfsdk:"username"`
	X        types.Float64 `tfsdk:"x"`
	Y        types.Float64 `tfsdk:"y"`
}

type childModel struct {
	ImageURL      types.String `tfsdk:"image_url"`
	VideoURL      types.String `tfsdk:"video_url"`
	VideoFile     types.String `tfsdk:"video_file"`
	VideoFileHash types.String `tfsdk:"video_file_hash"`
	AltText       types.String `tfsdk:"alt_text"`
	UserTags      types.List   `tfsdk:"user_tags"`
}

func userTagsAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.List{listvalidator.SizeAtMost(rules.MaxUserTags), listvalidator.NoNullValues()},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"username": schema.StringAttribute{
				MarkdownDescription: "Instagram username to tag, without `@`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(common.UsernamePattern, "must be an Instagram username without @ (letters, digits, '.' and '_', at most 30 characters)")},
			},
			"x": schema.Float64Attribute{
				MarkdownDescription: "Horizontal position from the left edge, 0.0–1.0. Required for images, optional for stories.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.Between(0, 1)},
			},
			"y": schema.Float64Attribute{
				MarkdownDescription: "Vertical position from the top edge, 0.0–1.0. Required for images, optional for stories.",
				Optional:            true,
				Validators:          []validator.Float64{float64validator.Between(0, 1)},
			},
		}},
	}
}

// videoFileDoc describes video_file.
const videoFileDoc = "Path of a local MP4 or MOV video that the provider uploads to Instagram (Meta's resumable upload), " +
	"instead of a `video_url` Instagram downloads: at most 300 MB for a reel and 100 MB for a story. The file is checked at plan " +
	"time (it exists, its size is within the limit, it is an MP4/MOV file) and streamed, never held in memory; an upload cut " +
	"off mid-way resumes where Instagram's copy ends. A relative path is relative to the directory Terraform runs in: use " +
	"`\"${path.module}/clip.mp4\"`. Its SHA-256 is `video_file_hash`: editing the file publishes a new post, moving it " +
	"unchanged does not. Meta documents uploads for Facebook login."

func videoFileAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func videoFileHashAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "SHA-256 (hex) of `video_file`'s content, read at plan time. A different hash replaces the post.",
		Computed:            true,
	}
}

// replaceNote ends the description of every input: posts cannot be edited.
const replaceNote = " Changing it republishes a published post (a new post replaces it; see the resource's description) " +
	"and changes a scheduled one in place."

// inputDoc describes an input of instagram_media: what it is, which types
// accept it (from media_inputs.go) and that changing it replaces the post.
func inputDoc(name, text string) string {
	return text + " For " + inputByName(mediaInputs, name).acceptedFor() + "." + replaceNote
}

func (r *mediaResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Instagram post: an image, a reel, a carousel or a story, published when the resource is " +
			"created or, with `publish_at`, by the first apply at or after that time.\n\n" +
			"Instagram posts are public as soon as they are published and cannot be edited through the API " +
			"(only comments can be switched off, see `instagram_comment_settings`). Changing an input of a published post " +
			"therefore **republishes** it, in this order: a new post with a new permalink is published (one more unit of the " +
			"account's 24-hour publishing quota), the resource takes its id, and only then is the old post deleted " +
			"(`deletion_policy = \"delete\"`, Facebook login) or left on Instagram (`\"retain\"`). Its likes and comments " +
			"go with it. If the new post cannot be published, nothing changes: the old post stays on Instagram and in the " +
			"state, and the next apply tries again; if the old post cannot be deleted, `replaced_id` keeps it and the next apply " +
			"deletes it. No `lifecycle { create_before_destroy = true }` is needed (`terraform apply -replace` still destroys " +
			"first).\n\n" +
			"A post with `publish_at` in the future is `scheduled`: nothing is on Instagram yet, every input can change in place, " +
			"and removing it deletes nothing. Plans before its time are empty and make no API call for it. The first plan at or " +
			"after `publish_at` shows an update that publishes it; past `publish_at` + `publish_window` it is `missed` and not " +
			"published (change `publish_at` to reschedule). Run `terraform apply` on a timer (e.g. every 15 minutes) to publish " +
			"on time; a video is uploaded and processed by a run in the 12 hours before its time, so the run at its time only " +
			"publishes.",
		Attributes: map[string]schema.Attribute{
			"id": common.StableString("Instagram media id of the published post."),
			// Replacement is decided in ModifyPlan (media_plan.go), with the
			// other inputs, so that the plan can say what a new post means.
			"account_id": common.ResourceAccountID("Instagram user id that publishes the post. Defaults to the provider's `account_id`."+replaceNote, false),
			"type": schema.StringAttribute{
				MarkdownDescription: "What to publish: `IMAGE` (a feed photo), `REELS` (a video; every feed video is a reel), " +
					"`CAROUSEL` (2–10 images and/or videos) or `STORIES` (an image or a video that disappears after 24 hours)." + replaceNote,
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories)},
			},
			"image_url": schema.StringAttribute{
				MarkdownDescription: inputDoc("image_url", "Public https URL of a JPEG image (≤ 8 MB) that Instagram downloads at publish time. "+
					"The Instagram API has no upload for images (only videos can be uploaded, see `video_file`): host the image where "+
					"Instagram can fetch it, e.g. a public bucket or CDN."),
				Optional:   true,
				Validators: []validator.String{hostedURL(false)},
			},
			"video_url": schema.StringAttribute{
				MarkdownDescription: inputDoc("video_url", "Public https URL of an MP4/MOV video that Instagram downloads at publish time. "+
					"For a video in a local file use `video_file` instead."),
				Optional:   true,
				Validators: []validator.String{hostedURL(true)},
			},
			"video_file":      videoFileAttribute(inputDoc("video_file", videoFileDoc)),
			"video_file_hash": videoFileHashAttribute(),
			"caption": schema.StringAttribute{
				MarkdownDescription: inputDoc("caption", "Caption: at most 2200 characters, 30 hashtags and 20 @mentions. "+
					"Read back from Instagram, so a caption edited in the app shows up as a change."),
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"alt_text": schema.StringAttribute{
				MarkdownDescription: inputDoc("alt_text", "Alternative text for the image, at most 1000 characters (carousel images have their own)."),
				Optional:            true,
				Validators:          []validator.String{common.Text(rules.MaxAltTextLength)},
			},
			"location_id": schema.StringAttribute{
				MarkdownDescription: inputDoc("location_id", "Id of a Facebook Page with location data to tag the post with."),
				Optional:            true,
				Validators:          []validator.String{common.NumericID("Facebook Page id")},
			},
			"user_tags": userTagsAttribute(inputDoc("user_tags", "People tagged in the post; x and y are required on images, optional on reels and stories.")),
			"collaborators": schema.ListAttribute{
				MarkdownDescription: inputDoc("collaborators", "Usernames invited as collaborators, at most 3."),
				ElementType:         types.StringType,
				Optional:            true,
				Validators: []validator.List{
					listvalidator.SizeBetween(1, rules.MaxCollaborators),
					listvalidator.NoNullValues(),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(common.UsernamePattern, "must be an Instagram username without @")),
				},
			},
			"share_to_feed": schema.BoolAttribute{
				MarkdownDescription: inputDoc("share_to_feed", "Also show the reel in the feed (`true`) or only in the Reels tab (`false`)."),
				Optional:            true,
			},
			"cover_url": schema.StringAttribute{
				MarkdownDescription: inputDoc("cover_url", "Public https URL of a JPEG cover image; takes precedence over `thumb_offset`."),
				Optional:            true,
				Validators:          []validator.String{hostedURL(false)},
			},
			"thumb_offset": schema.Int64Attribute{
				MarkdownDescription: inputDoc("thumb_offset", "Offset in milliseconds of the frame used as cover, ≥ 0."),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"audio_name": schema.StringAttribute{
				MarkdownDescription: inputDoc("audio_name", "Name for the reel's original audio (it can be renamed once)."),
				Optional:            true,
				Validators:          []validator.String{common.Text(255)},
			},
			"trial_params": schema.SingleNestedAttribute{
				MarkdownDescription: inputDoc("trial_params", "Publishes the reel as a trial reel: shown to non-followers first. "+
					"`graduation_strategy` decides whether it reaches your followers later: `MANUAL` (you share it from the Instagram app) "+
					"or `SS_PERFORMANCE` (Instagram shares it if it performs well with non-followers). Instagram offers trial reels to "+
					"some professional accounts only; others get an error at apply."),
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"graduation_strategy": schema.StringAttribute{
						MarkdownDescription: "`MANUAL` or `SS_PERFORMANCE`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(graph.GraduationManual, graph.GraduationSSPerformance)},
					},
				},
			},
			"branded_content_sponsor_ids": schema.ListAttribute{
				MarkdownDescription: inputDoc("branded_content_sponsor_ids", "Instagram user ids of the brands in a paid partnership, at most 2; "+
					"the post gets the \"Paid partnership\" label."),
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.SizeBetween(1, rules.MaxSponsors),
					listvalidator.NoNullValues(),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(common.NumericID("Instagram user id")),
				},
			},
			"is_paid_partnership": schema.BoolAttribute{
				MarkdownDescription: inputDoc("is_paid_partnership", "Adds the \"Paid partnership\" label. Implied by `branded_content_sponsor_ids`, "+
					"so it cannot be `false` with them."),
				Optional: true,
			},
			"is_ai_generated": schema.BoolAttribute{
				MarkdownDescription: inputDoc("is_ai_generated", "Adds Instagram's \"AI info\" label to media made or edited with AI "+
					"(a carousel carries it for all its items)."),
				Optional: true,
			},
			"poll": schema.SingleNestedAttribute{
				MarkdownDescription: inputDoc("poll", "A poll under the post (a caption add-on): the caption is its question, and followers "+
					"vote for one of 2 to 4 `options`. It runs 3 days, or until closed with `duration_extended = true`. One add-on "+
					"per post (a poll or `comment_prompt`); a caption is required; Facebook login only; on a carousel it belongs to the "+
					"carousel, not to an item. Instagram cannot add, change or remove an add-on after publishing. The vote shares are "+
					"in the `instagram_media` data source's `poll`. The request's encoding of the options is uncertain (Meta's guide "+
					"gives no Instagram sample)."),
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"options": schema.ListAttribute{
						MarkdownDescription: fmt.Sprintf("The answers, 2 to 4, each at most %d characters.", rules.MaxPollOptionLength),
						ElementType:         types.StringType,
						Required:            true,
						Validators: []validator.List{
							listvalidator.SizeBetween(rules.MinPollOptions, rules.MaxPollOptions),
							listvalidator.NoNullValues(),
							listvalidator.UniqueValues(),
							listvalidator.ValueStringsAre(common.Text(rules.MaxPollOptionLength)),
						},
					},
					"duration_extended": schema.BoolAttribute{
						MarkdownDescription: "Keep the poll open until it is closed in the app, instead of 3 days.",
						Optional:            true,
					},
				},
			},
			"comment_prompt": schema.BoolAttribute{
				MarkdownDescription: inputDoc("comment_prompt", "Turns the caption into a prompt that followers answer in the comments "+
					"(a caption add-on). One add-on per post (a prompt or a `poll`); a caption is required; Facebook login only."),
				Optional: true,
			},
			"audio": schema.SingleNestedAttribute{
				MarkdownDescription: inputDoc("audio", "Licensed music or an original sound on the reel, from the `instagram_audio` "+
					"data source (Meta's Audio API, Facebook login only): `audio_id`, and the volumes of the track and of the "+
					"video's own sound, 0–100 (Meta's default 100 each). A track that is no longer available when the reel is "+
					"published fails the apply, and nothing is published."),
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"audio_id": schema.StringAttribute{
						MarkdownDescription: "Id of the track (`instagram_audio`'s `id`).",
						Required:            true,
						Validators:          []validator.String{common.NumericID("audio id")},
					},
					"audio_volume": schema.Int64Attribute{
						MarkdownDescription: "Volume of the track, 0 (muted) to 100.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(0, 100)},
					},
					"video_volume": schema.Int64Attribute{
						MarkdownDescription: "Volume of the video's own sound, 0 (muted) to 100.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(0, 100)},
					},
				},
			},
			"allow_duplicate": schema.BoolAttribute{
				MarkdownDescription: "Publish even when the account already has an identical post (same type, caption and carousel " +
					"items) that this run did not publish: one with a caption from the last 24 hours, or one without a caption (every " +
					"story) from the last hour. Without it such a post stops the apply before anything is published, because it is " +
					"most likely what an interrupted run published, and the error gives the import block that adopts it. Set it to " +
					"publish an identical post on purpose. Changing it does not replace the post.",
				Optional: true,
			},
			"deletion_policy": schema.StringAttribute{
				MarkdownDescription: "What destroying the resource does: `delete` removes the post from Instagram (Facebook login only, " +
					"needs the `instagram_manage_contents` permission); `retain` only removes it from the Terraform state and leaves " +
					"the post online. Defaults to `delete` with Facebook login and `retain` with Instagram login, where the API " +
					"cannot delete posts. Can be changed without replacing the post.",
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.OneOf(deletionPolicyDelete, deletionPolicyRetain)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"publish_at": schema.StringAttribute{
				MarkdownDescription: "When to publish the post: an RFC 3339 time with a UTC offset, e.g. `\"2026-12-08T09:00:00+01:00\"`. " +
					"Unset, or in the past (within `publish_window`), the apply that creates the post publishes it. In the future, " +
					"the post is `scheduled` and published by the first apply at or after that time: how late depends on how often " +
					"your pipeline runs, and the clock is the clock of the machine that runs Terraform. Changing it before the post " +
					"is published reschedules it in place; changing it afterwards changes nothing on Instagram (a change of another " +
					"input republishes the post at once). It must be a fixed time: `timeadd(plantimestamp(), …)` moves with every plan. " +
					"A plan that the clock could turn within the hour (the time about to come, the window about to close), or whose " +
					"`publish_at` is known only at apply, leaves `status` to the apply: a saved plan applied within an hour always " +
					"applies, one applied later across the post's time is refused by Terraform, and is planned again.",
				Optional:   true,
				Validators: []validator.String{common.RFC3339Time()},
			},
			"publish_window": schema.StringAttribute{
				MarkdownDescription: "How late after `publish_at` a run may still publish the post, as a duration (`\"2h\"`, " +
					"`\"90m\"`). Default `2h`. A run later than that does not publish it: the post becomes `missed`, with a warning. " +
					"Before recording it as missed, that run looks for it among the account's posts since `publish_at` (a run stopped " +
					"right after publishing it, before Terraform recorded it): if it is there, the apply stops and names it, with the " +
					"commands that record it.",
				Optional:   true,
				Validators: []validator.String{common.PositiveDuration()},
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`scheduled` (waiting for `publish_at`; nothing is on Instagram yet), `published`, or `missed` " +
					"(`publish_at` + `publish_window` passed before a run could publish it).",
				Computed: true,
			},
			"collaborator_invites": schema.MapAttribute{
				MarkdownDescription: "The answer of each account invited in `collaborators`, by username: `pending`, `accepted` " +
					"or `declined` (read from the post's collaborators edge on every refresh, Facebook login only; null otherwise). " +
					"A plan shows who has not accepted yet.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"replaced_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the post this one replaced, while it is still to be deleted: the apply that " +
					"published this post could not delete it (an error, or a stop). The next apply deletes it. Null otherwise.",
				Computed: true,
			},
			"container_id":       common.StableString("Id of the media container the post was published from (null for imported posts), or, for a scheduled video, the container staged ahead of its time."),
			"permalink":          common.StableString("Public link to the post."),
			"shortcode":          common.StableString("Shortcode of the post (the last part of the permalink)."),
			"media_type":         common.StableString("Instagram's media type: `IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`."),
			"media_product_type": common.StableString("Where the post appears: `FEED`, `REELS` or `STORY`."),
			"timestamp":          common.StableString("Publication time, RFC 3339 in UTC (e.g. `2026-05-01T10:00:00Z`)."),
			"username":           common.StableString("Username of the account that published the post."),
			"children_ids": schema.ListAttribute{
				MarkdownDescription: "`CAROUSEL`: media ids of the carousel items, in order.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"children": schema.ListNestedBlock{
				// The 2–10 rule is ValidateConfig's (one error, with the count).
				MarkdownDescription: "`CAROUSEL`: the 2–10 items, in order, each an image (`image_url`) or a video (`video_url` or `video_file`)." + replaceNote,
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"image_url": schema.StringAttribute{
						MarkdownDescription: "Public https URL of a JPEG image (images cannot be uploaded from a file).",
						Optional:            true,
						Validators:          []validator.String{hostedURL(false)},
					},
					"video_url": schema.StringAttribute{
						MarkdownDescription: "Public https URL of an MP4/MOV video.",
						Optional:            true,
						Validators:          []validator.String{hostedURL(true)},
					},
					"video_file":      videoFileAttribute("Path of a local MP4/MOV video (at most 100 MB) to upload instead of `video_url`, as for the post's `video_file`."),
					"video_file_hash": videoFileHashAttribute(),
					"alt_text": schema.StringAttribute{
						MarkdownDescription: "Alternative text of an image item, at most 1000 characters.",
						Optional:            true,
						Validators:          []validator.String{common.Text(rules.MaxAltTextLength)},
					},
					"user_tags": userTagsAttribute("People tagged in an image item (x and y required)."),
				}},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true}),
		},
	}
}

// nullModel is a mediaModel whose every attribute is null, typed by the
// schema: where a post is built in code (a listed post, a test), every
// attribute has its type without a line per attribute.
func nullModel(ctx context.Context) mediaModel {
	var resp resource.SchemaResponse
	(&mediaResource{}).Schema(ctx, resource.SchemaRequest{}, &resp)
	typ, _ := resp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	nulls := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		nulls[name] = tftypes.NewValue(t, nil)
	}
	var m mediaModel
	state := tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(typ, nulls)}
	if diags := state.Get(ctx, &m); diags.HasError() {
		panic("media: the schema does not fit mediaModel: " + diags[0].Detail()) // caught by every test run
	}
	return m
}
