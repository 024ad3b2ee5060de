package comments

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/workflow"
)

const defaultCommentsLimit = 50

var _ datasource.DataSourceWithConfigure = (*commentsDataSource)(nil)

var listFields = []string{"id", "text", "username", "from", "timestamp", "like_count", "hidden", "parent_id"}

// replyIDs are what is read of replies when only their number is wanted.
var replyIDs = []string{"id"}

// NewCommentsDataSource is instagram_comments: the comments of a post.
func NewCommentsDataSource() datasource.DataSource {
	return &commentsDataSource{DataSourceBase: common.NewDataSourceBase("comments")}
}

type commentsDataSource struct{ common.DataSourceBase }

type commentsModel struct {
	MediaID        types.String   `tfsdk:"media_id"`
	IncludeReplies types.Bool     `tfsdk:"include_replies"`
	Limit          types.Int64    `tfsdk:"limit"`
	TextMatches    types.String   `tfsdk:"text_matches"`
	FromUsernames  types.List     `tfsdk:"from_usernames"`
	Comments       []commentEntry `tfsdk:"comments"`
}

// commentEntry is a top-level comment: a replyEntry's attributes, and its replies.
type commentEntry struct {
	replyEntry
	ReplyCount types.Int64  `tfsdk:"reply_count"`
	Replies    []replyEntry `tfsdk:"replies"`
}

type replyEntry struct {
	ID        types.String `tfsdk:"id"`
	Text      types.String `tfsdk:"text"`
	Username  types.String `tfsdk:"username"`
	FromID    types.String `tfsdk:"from_id"`
	Timestamp types.String `tfsdk:"timestamp"`
	LikeCount types.Int64  `tfsdk:"like_count"`
	Hidden    types.Bool   `tfsdk:"hidden"`
	ParentID  types.String `tfsdk:"parent_id"`
	Matched   types.Bool   `tfsdk:"matched"`
}

func commentAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":         common.ComputedString("Comment id."),
		"text":       common.ComputedString("Text of the comment."),
		"username":   common.ComputedString("Username of the author (`from.username`)."),
		"from_id":    common.ComputedString("Instagram-scoped id of the author (`from.id`)."),
		"matched":    common.ComputedBool("Whether the comment itself passes `text_matches` and `from_usernames` (always true without them)."),
		"timestamp":  common.ComputedString("When it was written, RFC 3339 in UTC (e.g. `2017-05-19T23:27:28Z`)."),
		"like_count": common.ComputedInt64("Number of likes."),
		"hidden":     common.ComputedBool("Whether the account hid the comment."),
		"parent_id":  common.ComputedString("For replies, the top-level comment; null otherwise."),
	}
}

func (d *commentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	withReplies := commentAttributes()
	withReplies["replies"] = common.ComputedNestedList(
		"Replies, newest first (with filters: the replies that pass them); empty unless `include_replies` is true.", commentAttributes())
	withReplies["reply_count"] = common.ComputedInt64("How many replies the comment has (all of them, whatever the filters).")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Comments on a post of the account, newest first (top-level comments, optionally with their replies). " +
			"Comments change all the time, so they live in a data source.\n\n" +
			"`text_matches` and `from_usernames` filter the way the `instagram_moderate_comments` action selects, so a plan " +
			"can show what a sweep would touch: a comment is listed when it passes them (`matched`) or, with `include_replies`, " +
			"when one of its replies does. Filtering happens after reading: `limit` still bounds what is read.",
		Attributes: map[string]schema.Attribute{
			"media_id": common.RequiredID("Media id of the post.", "Instagram media id"),
			"include_replies": schema.BoolAttribute{
				MarkdownDescription: "Also read the replies of every comment. They come nested in the comment list; only a comment with more replies than Graph nests costs one more API call. Default `false`.",
				Optional:            true,
			},
			"limit": common.BoundedInt64("Most top-level comments to read, 1–10000. Default 50.", 1, 10000),
			"text_matches": schema.StringAttribute{
				MarkdownDescription: common.TextMatchesDescription,
				Optional:            true,
				Validators:          []validator.String{common.RE2Pattern()},
			},
			"from_usernames": schema.ListAttribute{
				MarkdownDescription: common.FromUsernamesDescription,
				Optional:            true,
				ElementType:         types.StringType,
				Validators:          []validator.List{listvalidator.ValueStringsAre(common.Username())},
			},
			"comments": common.ComputedNestedList("The comments, newest first.", withReplies),
		},
	}
}

func (d *commentsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, ok := common.Decode[commentsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	filter, ok := m.filter(ctx, &resp.Diagnostics)
	if !ok {
		return
	}
	limit := defaultCommentsLimit
	if !m.Limit.IsNull() {
		limit = int(m.Limit.ValueInt64())
	}
	withReplies := m.IncludeReplies.ValueBool()
	m.Comments = []commentEntry{}
	// The first page of each comment's replies comes nested in the list
	// response (only their ids without include_replies, to count them);
	// only a comment with more replies than that costs a call.
	opts := graph.CommentListOptions{Fields: listFields, Limit: limit, ReplyFields: replyIDs}
	if withReplies {
		opts.ReplyFields = listFields
	}
	for c, err := range d.Data.Client.Comments.List(ctx, m.MediaID.ValueString(), opts) {
		if err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot list the comments of post "+m.MediaID.ValueString(), err)
			return
		}
		replies, err := d.replies(ctx, c, opts.ReplyFields)
		if err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("include_replies"), "Cannot list the replies of comment "+c.ID, err)
			return
		}
		e := commentEntry{replyEntry: toReply(c, filter), ReplyCount: types.Int64Value(int64(len(replies))), Replies: []replyEntry{}}
		if withReplies {
			for _, rc := range replies {
				if reply := toReply(rc, filter); reply.Matched.ValueBool() {
					e.Replies = append(e.Replies, reply)
				}
			}
		}
		if e.Matched.ValueBool() || len(e.Replies) > 0 {
			m.Comments = append(m.Comments, e)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// filter is the configured text_matches and from_usernames.
func (m commentsModel) filter(ctx context.Context, diags *diag.Diagnostics) (workflow.Filter, bool) {
	var usernames []string
	if !m.FromUsernames.IsNull() {
		diags.Append(m.FromUsernames.ElementsAs(ctx, &usernames, false)...)
	}
	f, err := workflow.NewFilter(m.TextMatches.ValueString(), usernames)
	if err != nil {
		diags.AddAttributeError(path.Root("text_matches"), "Invalid regular expression", err.Error())
	}
	return f, !diags.HasError()
}

// replies are all the replies of a comment: the nested page, and the rest
// when Graph has more.
func (d *commentsDataSource) replies(ctx context.Context, c *graph.Comment, fields []string) ([]*graph.Comment, error) {
	var out []*graph.Comment
	for rc, err := range d.Data.Client.Comments.AllReplies(ctx, c, graph.CommentListOptions{Fields: fields}) {
		if err != nil {
			return nil, err
		}
		out = append(out, rc)
	}
	return out, nil
}

func toReply(c *graph.Comment, filter workflow.Filter) replyEntry {
	username, fromID := c.Username, ""
	if c.From != nil {
		fromID = c.From.ID
		if username == "" {
			username = c.From.Username
		}
	}
	return replyEntry{
		ID: types.StringValue(c.ID), Text: types.StringValue(c.Text), Username: common.StringOrNull(username),
		FromID: common.StringOrNull(fromID), Timestamp: common.GraphTime(c.Timestamp), LikeCount: types.Int64PointerValue(c.LikeCount),
		Hidden: types.BoolPointerValue(c.Hidden), ParentID: common.StringOrNull(c.ParentID), Matched: types.BoolValue(filter.Match(username, c.Text)),
	}
}
