package media

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var (
	_ list.ListResourceWithConfigure      = (*mediaList)(nil)
	_ list.ListResourceWithValidateConfig = (*mediaList)(nil)
)

// NewMediaList is the instagram_media list resource: the account's existing
// posts, for `terraform query` and `-generate-config-out` (adopting an
// account). It reads the media edge in pages of 100 with the fields the
// resource needs (no read per post) and the stories edge once, and stops as
// soon as Terraform's limit is reached.
func NewMediaList() list.ListResource {
	return &mediaList{ResourceBase: common.NewResourceBase("media")}
}

type mediaList struct{ common.ResourceBase }

type mediaListModel struct {
	AccountID types.String `tfsdk:"account_id"`
	Types     types.List   `tfsdk:"types"`
	Since     types.String `tfsdk:"since"`
	Until     types.String `tfsdk:"until"`
}

// listPageSize is the media edge's page size: 100 is the largest Meta
// documents for IG media lists.
const listPageSize = 100

func (l *mediaList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the account's existing posts (feed posts, reels, carousels and the stories of the last 24 hours), " +
			"newest first, so that `terraform query -generate-config-out` can write their resource and import blocks. " +
			"The generated resources keep their posts on Instagram when destroyed (`deletion_policy = \"retain\"`): " +
			"set `deletion_policy = \"delete\"` on a post to let Terraform delete it. " +
			"Costs one call per 100 posts plus one for stories; stops at the query's `limit`.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.ListAccountID("Instagram user id whose posts to list. Defaults to the provider's account."),
			"types": schema.ListAttribute{
				MarkdownDescription: "Only posts of these `type`s: `IMAGE`, `REELS`, `CAROUSEL`, `STORIES`. Default: all.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators: []validator.List{listvalidator.ValueStringsAre(
					stringvalidator.OneOf(mediaTypeImage, mediaTypeReels, mediaTypeCarousel, mediaTypeStories))},
			},
			"since": schema.StringAttribute{
				MarkdownDescription: "Only posts published at or after this time (RFC 3339, e.g. `2026-01-01T00:00:00Z`).",
				Optional:            true,
				Validators:          []validator.String{common.RFC3339Time()},
			},
			"until": schema.StringAttribute{
				MarkdownDescription: "Only posts published at or before this time (RFC 3339).",
				Optional:            true,
				Validators:          []validator.String{common.RFC3339Time()},
			},
		},
	}
}

func (l *mediaList) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	m, ok := common.Decode[mediaListModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	checkTimeRange(m.Since, m.Until, &resp.Diagnostics)
}

func (l *mediaList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	m, account, ok := common.ListWithAccount[mediaListModel](ctx, l.Data, req, stream)
	if !ok {
		return
	}
	wanted := map[string]bool{}
	for _, v := range m.Types.Elements() {
		if s, ok := v.(types.String); ok {
			wanted[s.ValueString()] = true
		}
	}
	want := func(typ string) bool { return len(wanted) == 0 || wanted[typ] }
	opts := graph.ListOptions{Fields: mediaReadFields, PageSize: listPageSize}
	opts.Since, _ = parseRFC3339(m.Since)
	opts.Until, _ = parseRFC3339(m.Until)

	empty := nullModel(ctx)
	stream.Results = func(push func(list.ListResult) bool) {
		pushed := common.Pusher(ctx, req, push)
		emit := func(media *graph.Media) bool {
			model := l.adoptedModel(empty, account, media)
			if !want(model.Type.ValueString()) {
				return true
			}
			return pushed(displayName(media, model.Type.ValueString()), &model)
		}
		// Stories first: they are the newest and live only 24 hours.
		if want(mediaTypeStories) {
			for media, err := range l.Data.Client.Media.ListStories(ctx, account, opts) {
				if err != nil {
					push(common.ListAPIError("Cannot list the stories of account "+account, err))
					return
				}
				if inRange(media, opts) && !emit(media) {
					return
				}
			}
		}
		if len(wanted) == 1 && wanted[mediaTypeStories] {
			return
		}
		for media, err := range l.Data.Client.Media.List(ctx, account, opts) {
			if err != nil {
				push(common.ListAPIError("Cannot list the posts of account "+account, err))
				return
			}
			if !emit(media) {
				return
			}
		}
	}
}

// adoptedModel is the instagram_media a listed post becomes: what Instagram
// returns, and nothing it cannot (the media URLs, tags, location stay null:
// an adopted post needs none of them, see missingMedia). Its deletion_policy
// is "retain" whatever the login: the post existed before Terraform, so
// destroying the workspace that adopted it must not delete it; deleting is
// the user's explicit choice. empty is nullModel's.
func (l *mediaList) adoptedModel(empty mediaModel, account string, media *graph.Media) mediaModel {
	m := empty
	m.AccountID = types.StringValue(account)
	m.Type = types.StringValue(resourceTypeOf(media))
	m.DeletionPolicy = types.StringValue(deletionPolicyRetain)
	applyMedia(&m, media)
	return m
}

// displayName is what `terraform query` shows for a post: its date, type
// and the first words of its caption.
func displayName(media *graph.Media, typ string) string {
	day := media.Timestamp
	if ts, err := graph.ParseTime(media.Timestamp); err == nil {
		day = ts.UTC().Format(time.DateOnly)
	}
	name := day + " " + typ
	if media.Caption != "" {
		name += ": " + common.DisplayText(media.Caption, 40)
	}
	return name
}

// inRange applies since/until to stories (the stories edge has no time
// paging of its own).
func inRange(media *graph.Media, opts graph.ListOptions) bool {
	ts, err := graph.ParseTime(media.Timestamp)
	if err != nil {
		return true
	}
	return (opts.Since.IsZero() || !ts.Before(opts.Since)) && (opts.Until.IsZero() || !ts.After(opts.Until))
}
