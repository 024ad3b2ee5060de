package media

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Media types a user can publish (the `type` attribute).
const (
	mediaTypeImage    = "IMAGE"
	mediaTypeReels    = "REELS"
	mediaTypeCarousel = "CAROUSEL"
	mediaTypeStories  = "STORIES"
)

const (
	deletionPolicyDelete = "delete"
	deletionPolicyRetain = "retain"

	defaultCreateTimeout = 15 * time.Minute
	defaultDeleteTimeout = 5 * time.Minute
)

// privateKeyImported marks a resource that came from `terraform import`: inputs
// the API cannot return (URLs, tags, location…) are then adopted from the
// configuration instead of forcing a new post.
const privateKeyImported = "imported"

// mediaReadFields are the fields Read asks for: stable values only. Counters
// and CDN URLs change all the time and belong to the data sources.
var mediaReadFields = []string{
	"id", "caption", "media_type", "media_product_type", "permalink", "shortcode",
	"timestamp", "username", "alt_text", "is_shared_to_feed", "owner", "children{id}",
}

var (
	_ resource.Resource                   = (*mediaResource)(nil)
	_ resource.ResourceWithConfigure      = (*mediaResource)(nil)
	_ resource.ResourceWithImportState    = (*mediaResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*mediaResource)(nil)
	_ resource.ResourceWithValidateConfig = (*mediaResource)(nil)
)

// NewMediaResource is the instagram_media resource: one published post.
func NewMediaResource() resource.Resource { return &mediaResource{} }

type mediaResource struct{ data *common.ProviderData }

type mediaModel struct {
	ID             types.String   `tfsdk:"id"`
	AccountID      types.String   `tfsdk:"account_id"`
	Type           types.String   `tfsdk:"type"`
	ImageURL       types.String   `tfsdk:"image_url"`
	VideoURL       types.String   `tfsdk:"video_url"`
	Caption        types.String   `tfsdk:"caption"`
	AltText        types.String   `tfsdk:"alt_text"`
	LocationID     types.String   `tfsdk:"location_id"`
	UserTags       types.List     `tfsdk:"user_tags"`
	Collaborators  types.List     `tfsdk:"collaborators"`
	ShareToFeed    types.Bool     `tfsdk:"share_to_feed"`
	CoverURL       types.String   `tfsdk:"cover_url"`
	ThumbOffset    types.Int64    `tfsdk:"thumb_offset"`
	AudioName      types.String   `tfsdk:"audio_name"`
	Children       types.List     `tfsdk:"children"`
	DeletionPolicy types.String   `tfsdk:"deletion_policy"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`

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
	ImageURL types.String `tfsdk:"image_url"`
	VideoURL types.String `tfsdk:"video_url"`
	AltText  types.String `tfsdk:"alt_text"`
	UserTags types.List   `tfsdk:"user_tags"`
}

func (r *mediaResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_media"
}

func userTagsAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.List{listvalidator.SizeAtMost(20)},
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

func (r *mediaResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replaceNote := " Changing it publishes a new post (see `type`)."
	resp.Schema = schema.Schema{
		MarkdownDescription: "A published Instagram post: an image, a reel, a carousel or a story.\n\n" +
			"Instagram posts are public as soon as they are published and cannot be edited through the API " +
			"(only comments can be switched off, see `instagram_comment_settings`). Changing any input therefore " +
			"**replaces** the post: a new post with a new permalink is published, using one more unit of the account's " +
			"24-hour publishing quota, and the old one is deleted (Facebook login) or kept (`deletion_policy = \"retain\"`).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "Instagram media id of the published post.",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Instagram user id that publishes the post. Defaults to the provider's `account_id`." + replaceNote,
				Optional:            true,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Validators:          []validator.String{stringvalidator.RegexMatches(common.NumericIDPattern, "must be a numeric Instagram user id")},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "What to publish: `IMAGE` (a feed photo), `REELS` (a video; every feed video is a reel), " +
					"`CAROUSEL` (2–10 images and/or videos) or `STORIES` (an image or a video that disappears after 24 hours)." + replaceNote,
				Required:   true,
				Validators: []validator.String{stringvalidator.OneOf(mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories)},
			},
			"image_url": schema.StringAttribute{
				MarkdownDescription: "Public https URL of a JPEG image (≤ 8 MB) that Instagram downloads at publish time. `IMAGE`, `STORIES`." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{common.HTTPSURL()},
			},
			"video_url": schema.StringAttribute{
				MarkdownDescription: "Public https URL of an MP4/MOV video that Instagram downloads at publish time. `REELS`, `STORIES`." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{common.HTTPSURL()},
			},
			"caption": schema.StringAttribute{
				MarkdownDescription: "Caption: at most 2200 characters, 30 hashtags and 20 @mentions. `IMAGE`, `REELS`, `CAROUSEL`. " +
					"Read back from Instagram, so a caption edited in the app shows up as a change." + replaceNote,
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"alt_text": schema.StringAttribute{
				MarkdownDescription: "Alternative text for the image, at most 1000 characters. `IMAGE` only (carousel images have their own)." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, maxAltTextLength)},
			},
			"location_id": schema.StringAttribute{
				MarkdownDescription: "Id of a Facebook Page with location data to tag the post with. `IMAGE`, `REELS`, `CAROUSEL`." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(common.NumericIDPattern, "must be a numeric Facebook Page id")},
			},
			"user_tags": userTagsAttribute("People tagged in the post. `IMAGE` (x and y required), `REELS`, `STORIES` (x and y optional)." + replaceNote),
			"collaborators": schema.ListAttribute{
				MarkdownDescription: "Usernames invited as collaborators, at most 3. `IMAGE`, `REELS`, `CAROUSEL`." + replaceNote,
				ElementType:         types.StringType,
				Optional:            true,
				Validators: []validator.List{
					listvalidator.SizeBetween(1, maxCollaborators),
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(common.UsernamePattern, "must be an Instagram username without @")),
				},
			},
			"share_to_feed": schema.BoolAttribute{
				MarkdownDescription: "`REELS`: also show the reel in the feed (`true`) or only in the Reels tab (`false`)." + replaceNote,
				Optional:            true,
			},
			"cover_url": schema.StringAttribute{
				MarkdownDescription: "`REELS`: public https URL of a JPEG cover image; takes precedence over `thumb_offset`." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{common.HTTPSURL()},
			},
			"thumb_offset": schema.Int64Attribute{
				MarkdownDescription: "`REELS`: offset in milliseconds of the frame used as cover, ≥ 0." + replaceNote,
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"audio_name": schema.StringAttribute{
				MarkdownDescription: "`REELS`: name for the reel's original audio (it can be renamed once)." + replaceNote,
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
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
			"container_id": schema.StringAttribute{
				MarkdownDescription: "Id of the media container the post was published from (empty for imported posts).",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"permalink": schema.StringAttribute{
				MarkdownDescription: "Public link to the post.",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"shortcode": schema.StringAttribute{
				MarkdownDescription: "Shortcode of the post (the last part of the permalink).",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"media_type": schema.StringAttribute{
				MarkdownDescription: "Instagram's media type: `IMAGE`, `VIDEO` or `CAROUSEL_ALBUM`.",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"media_product_type": schema.StringAttribute{
				MarkdownDescription: "Where the post appears: `FEED`, `REELS` or `STORY`.",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"timestamp": schema.StringAttribute{
				MarkdownDescription: "Publication time, RFC 3339 in UTC (e.g. `2026-05-01T10:00:00Z`).",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"username": schema.StringAttribute{
				MarkdownDescription: "Username of the account that published the post.",
				Computed:            true,
				PlanModifiers:       stable,
			},
			"children_ids": schema.ListAttribute{
				MarkdownDescription: "`CAROUSEL`: media ids of the carousel items, in order.",
				ElementType:         types.StringType,
				Computed:            true,
				PlanModifiers:       []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"children": schema.ListNestedBlock{
				MarkdownDescription: "`CAROUSEL`: the 2–10 items, in order, each an image (`image_url`) or a video (`video_url`)." + replaceNote,
				Validators:          []validator.List{listvalidator.SizeAtMost(maxCarouselChildren)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"image_url": schema.StringAttribute{
						MarkdownDescription: "Public https URL of a JPEG image.",
						Optional:            true,
						Validators:          []validator.String{common.HTTPSURL()},
					},
					"video_url": schema.StringAttribute{
						MarkdownDescription: "Public https URL of an MP4/MOV video.",
						Optional:            true,
						Validators:          []validator.String{common.HTTPSURL()},
					},
					"alt_text": schema.StringAttribute{
						MarkdownDescription: "Alternative text of an image item, at most 1000 characters.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(1, maxAltTextLength)},
					},
					"user_tags": userTagsAttribute("People tagged in an image item (x and y required)."),
				}},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Delete: true}),
		},
	}
}

func (r *mediaResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = common.FromConfigure(req.ProviderData, &resp.Diagnostics)
}

func (r *mediaResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	account, diags := r.data.AccountID(ctx, plan.AccountID.ValueString(), path.Root("account_id"))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.AccountID = types.StringValue(account)

	pub := &publisher{data: r.data, account: account}
	result := pub.publish(ctx, &plan, &resp.Diagnostics)
	if result.mediaID == "" {
		return // nothing was published; diagnostics say why
	}

	// The post is public now. Record it before anything else can fail, so a
	// failed read-back leaves a (tainted) resource in state, never a lost post.
	plan.ID = types.StringValue(result.mediaID)
	plan.ContainerID = types.StringValue(result.containerID)
	media, _, err := r.data.Client.Media.Get(ctx, result.mediaID, mediaReadFields)
	if err != nil {
		setUnknownsNull(&plan)
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		common.AddAPIError(&resp.Diagnostics, path.Empty(), "Post published, but reading it back failed", err)
		return
	}
	applyMedia(&plan, media)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *mediaResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state mediaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Concurrent refreshes share requests (common.MediaReader).
	media, err := common.MediaReaderFor(r.data.Client, mediaReadFields).Get(ctx, state.AccountID.ValueString(), state.ID.ValueString())
	if graph.IsNotFound(err) {
		if storyExpired(state, r.data.Now()) {
			// Stories leave Instagram after 24 hours by design: that is the
			// post's normal life, not drift, so keep it rather than re-publish.
			resp.Diagnostics.AddWarning("Story has expired",
				fmt.Sprintf("Story %s was published at %s and is no longer visible on Instagram, as stories expire after 24 hours. "+
					"Terraform keeps it in state so it is not published again; remove the resource when it is no longer wanted.",
					state.ID.ValueString(), state.Timestamp.ValueString()))
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			return
		}
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot read Instagram post", err)
		return
	}

	imported, diags := common.PrivateFlag(ctx, req.Private, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	if imported && state.AccountID.IsNull() {
		account := ""
		if media.Owner != nil {
			account = media.Owner.ID
		}
		if account == "" {
			account, diags = r.data.AccountID(ctx, "", path.Root("account_id"))
			resp.Diagnostics.Append(diags...)
		}
		state.AccountID = types.StringValue(account)
	}
	applyMedia(&state, media)
	if state.DeletionPolicy.IsNull() {
		state.DeletionPolicy = types.StringValue(r.effectiveDeletionPolicy(state.DeletionPolicy))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *mediaResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Only Terraform-side settings (deletion_policy, timeouts) and inputs
	// adopted after an import reach Update; everything else replaces the post.
	var plan mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
}

func (r *mediaResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state mediaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.effectiveDeletionPolicy(state.DeletionPolicy) == deletionPolicyRetain {
		resp.Diagnostics.AddWarning("Post kept on Instagram",
			fmt.Sprintf("deletion_policy is %q: post %s (%s) was removed from the Terraform state but is still published on Instagram.",
				deletionPolicyRetain, state.ID.ValueString(), state.Permalink.ValueString()))
		return
	}
	if r.data.Login == common.LoginInstagram {
		resp.Diagnostics.AddAttributeError(path.Root("deletion_policy"), "Posts cannot be deleted with Instagram login",
			"The Instagram API with Instagram login has no media delete. Set deletion_policy = \"retain\" to remove the post from "+
				"Terraform and keep it on Instagram, or use a Facebook login token with the instagram_manage_contents permission.")
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	_, err := r.data.Client.Media.Delete(ctx, state.ID.ValueString())
	if err != nil && !graph.IsNotFound(err) {
		common.AddAPIError(&resp.Diagnostics, path.Root("id"), "Cannot delete Instagram post", err)
	}
}

func (r *mediaResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !common.NumericIDPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id",
			fmt.Sprintf("Import an instagram_media by its numeric Instagram media id (e.g. 17895695668004550), got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, []byte(`true`))...)
}

// ModifyPlan applies the login-dependent default of deletion_policy, decides
// which changes replace the post and says loudly what a new post means.
func (r *mediaResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state mediaModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if r.data != nil && r.effectiveDeletionPolicy(state.DeletionPolicy) == deletionPolicyRetain {
			resp.Diagnostics.AddWarning("Destroy keeps the post on Instagram",
				fmt.Sprintf("Post %s will be removed from the Terraform state only (deletion_policy = %q); it stays published.",
					state.ID.ValueString(), deletionPolicyRetain))
		}
		return
	}
	if r.data == nil {
		return // provider not configured yet (validate); nothing login-dependent to decide
	}
	var plan, config mediaModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	switch {
	case config.DeletionPolicy.IsNull():
		plan.DeletionPolicy = types.StringValue(r.effectiveDeletionPolicy(types.StringNull()))
	case config.DeletionPolicy.ValueString() == deletionPolicyDelete && r.data.Login == common.LoginInstagram:
		resp.Diagnostics.AddAttributeError(path.Root("deletion_policy"), "Posts cannot be deleted with Instagram login",
			"The Instagram API with Instagram login (graph.instagram.com) cannot delete posts. Set deletion_policy = \"retain\": "+
				"destroying or replacing the resource then leaves the post on Instagram and only removes it from Terraform.")
		return
	}
	if plan.AccountID.IsUnknown() && req.State.Raw.IsNull() {
		// Resolve the default account now, so the plan shows where the post goes.
		account, diags := r.data.AccountID(ctx, "", path.Root("account_id"))
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		plan.AccountID = types.StringValue(account)
	}

	if req.State.Raw.IsNull() {
		notePlannedPublish(ctx, r.data, plan.AccountID.ValueString(), &resp.Diagnostics)
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
		return
	}

	var state mediaModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, diags := common.PrivateFlag(ctx, req.Private, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.RequiresReplace = append(resp.RequiresReplace, replacedInputs(plan, state, imported)...)
	if len(resp.RequiresReplace) > 0 {
		notePlannedPublish(ctx, r.data, plan.AccountID.ValueString(), &resp.Diagnostics)
		old := "deleted from Instagram"
		if plan.DeletionPolicy.ValueString() == deletionPolicyRetain {
			old = "kept on Instagram (deletion_policy = \"retain\") and removed from Terraform"
		}
		resp.Diagnostics.AddWarning("This change publishes a new Instagram post",
			fmt.Sprintf("Instagram posts cannot be edited through the API, so changing %s replaces post %s (%s): a new post "+
				"with a new permalink is published, using one more unit of the 24-hour publishing quota, and the old post is %s. "+
				"Likes and comments stay with the old post.",
				describePaths(resp.RequiresReplace), state.ID.ValueString(), state.Permalink.ValueString(), old))
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *mediaResource) effectiveDeletionPolicy(v types.String) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	if r.data != nil && r.data.Login == common.LoginInstagram {
		return deletionPolicyRetain
	}
	return deletionPolicyDelete
}

// replacedInputs lists the inputs whose change needs a new post. After an
// import, inputs the API cannot return are null in state and are adopted
// from the configuration instead.
func replacedInputs(plan, state mediaModel, imported bool) path.Paths {
	type input struct {
		name        string
		plan, state attr.Value
		unreadable  bool // the API cannot return it; adopt after import
	}
	inputs := []input{
		{"account_id", plan.AccountID, state.AccountID, false},
		{"type", plan.Type, state.Type, false},
		{"caption", plan.Caption, state.Caption, false},
		{"image_url", plan.ImageURL, state.ImageURL, true},
		{"video_url", plan.VideoURL, state.VideoURL, true},
		{"alt_text", plan.AltText, state.AltText, true},
		{"location_id", plan.LocationID, state.LocationID, true},
		{"user_tags", plan.UserTags, state.UserTags, true},
		{"collaborators", plan.Collaborators, state.Collaborators, true},
		{"share_to_feed", plan.ShareToFeed, state.ShareToFeed, true},
		{"cover_url", plan.CoverURL, state.CoverURL, true},
		{"thumb_offset", plan.ThumbOffset, state.ThumbOffset, true},
		{"audio_name", plan.AudioName, state.AudioName, true},
		{"children", plan.Children, state.Children, true},
	}
	var out path.Paths
	for _, in := range inputs {
		if in.plan.Equal(in.state) {
			continue
		}
		if imported && in.unreadable && in.state.IsNull() {
			continue
		}
		if in.name == "account_id" && in.plan.IsUnknown() {
			continue // resolved to the same default at apply; UseStateForUnknown keeps it
		}
		out = append(out, path.Root(in.name))
	}
	if imported && !plan.Children.IsNull() && !plan.Children.IsUnknown() && !state.ChildrenIDs.IsNull() &&
		len(plan.Children.Elements()) != len(state.ChildrenIDs.Elements()) {
		out = append(out, path.Root("children")) // the configuration describes a different carousel
	}
	return out
}

// applyMedia copies what the API returned into the model. Inputs the API
// returns (caption; alt_text and share_to_feed once known) are refreshed so
// that edits made in the app show up as drift.
func applyMedia(m *mediaModel, media *graph.Media) {
	m.ID = types.StringValue(media.ID)
	m.Permalink = types.StringValue(media.Permalink)
	m.Shortcode = types.StringValue(media.Shortcode)
	m.MediaType = types.StringValue(media.MediaType)
	m.MediaProductType = types.StringValue(media.MediaProductType)
	m.Timestamp = common.GraphTime(media.Timestamp)
	m.Username = types.StringValue(media.Username)
	if m.Type.IsNull() || m.Type.IsUnknown() {
		m.Type = types.StringValue(resourceTypeOf(media))
	}
	m.Caption = common.StringOrNull(media.Caption)
	if !m.AltText.IsNull() && media.AltText != "" {
		m.AltText = types.StringValue(media.AltText)
	}
	if !m.ShareToFeed.IsNull() && media.IsSharedToFeed != nil {
		m.ShareToFeed = types.BoolValue(*media.IsSharedToFeed)
	}
	ids := []attr.Value{}
	if media.Children != nil {
		for _, c := range media.Children.Data {
			ids = append(ids, types.StringValue(c.ID))
		}
	}
	if m.Type.ValueString() == mediaTypeCarousel {
		m.ChildrenIDs = types.ListValueMust(types.StringType, ids)
	} else {
		m.ChildrenIDs = types.ListNull(types.StringType)
	}
	if m.DeletionPolicy.IsUnknown() {
		m.DeletionPolicy = types.StringNull()
	}
	setUnknownsNull(m)
}

// setUnknownsNull replaces unknown computed values with null so a state can
// always be saved, even after a partial failure.
func setUnknownsNull(m *mediaModel) {
	for _, s := range []*types.String{&m.Permalink, &m.Shortcode, &m.MediaType, &m.MediaProductType, &m.Timestamp, &m.Username, &m.ContainerID} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.ChildrenIDs.IsUnknown() {
		m.ChildrenIDs = types.ListNull(types.StringType)
	}
}

// resourceTypeOf maps Instagram's media_type/media_product_type to `type`.
func resourceTypeOf(m *graph.Media) string {
	switch {
	case m.MediaType == "CAROUSEL_ALBUM":
		return mediaTypeCarousel
	case m.MediaProductType == "STORY":
		return mediaTypeStories
	case m.MediaType == "VIDEO" || m.MediaProductType == "REELS":
		return mediaTypeReels
	default:
		return mediaTypeImage
	}
}

func storyExpired(m mediaModel, now time.Time) bool {
	if m.Type.ValueString() != mediaTypeStories {
		return false
	}
	ts, err := time.Parse(time.RFC3339, m.Timestamp.ValueString())
	return err == nil && now.Sub(ts) >= 24*time.Hour
}

func describePaths(ps path.Paths) string {
	out := ""
	for i, p := range ps {
		switch {
		case i == 0:
		case i == len(ps)-1:
			out += " and "
		default:
			out += ", "
		}
		out += p.String()
	}
	return out
}
