package comments

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

const defaultCommentsLimit = 50

var _ datasource.DataSourceWithConfigure = (*commentsDataSource)(nil)

var listFields = []string{"id", "text", "username", "timestamp", "like_count", "hidden", "parent_id"}

// NewCommentsDataSource is instagram_comments: the comments of a post.
func NewCommentsDataSource() datasource.DataSource {
	return &commentsDataSource{DataSourceBase: common.NewDataSourceBase("comments")}
}

type commentsDataSource struct{ common.DataSourceBase }

type commentsModel struct {
	MediaID        types.String   `tfsdk:"media_id"`
	IncludeReplies types.Bool     `tfsdk:"include_replies"`
	Limit          types.Int64    `tfsdk:"limit"`
	Comments       []commentEntry `tfsdk:"comments"`
}

type commentEntry struct {
	ID        types.String `tfsdk:"id"`
	Text      types.String `tfsdk:"text"`
	Username  types.String `tfsdk:"username"`
	Timestamp types.String `tfsdk:"timestamp"`
	LikeCount types.Int64  `tfsdk:"like_count"`
	Hidden    types.Bool   `tfsdk:"hidden"`
	ParentID  types.String `tfsdk:"parent_id"`
	Replies   []replyEntry `tfsdk:"replies"`
}

type replyEntry struct {
	ID        types.String `tfsdk:"id"`
	Text      types.String `tfsdk:"text"`
	Username  types.String `tfsdk:"username"`
	Timestamp types.String `tfsdk:"timestamp"`
	LikeCount types.Int64  `tfsdk:"like_count"`
	Hidden    types.Bool   `tfsdk:"hidden"`
	ParentID  types.String `tfsdk:"parent_id"`
}

func commentAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":         schema.StringAttribute{MarkdownDescription: "Comment id.", Computed: true},
		"text":       schema.StringAttribute{MarkdownDescription: "Text of the comment.", Computed: true},
		"username":   schema.StringAttribute{MarkdownDescription: "Username of the author.", Computed: true},
		"timestamp":  schema.StringAttribute{MarkdownDescription: "When it was written, RFC 3339 in UTC (e.g. `2017-05-19T23:27:28Z`).", Computed: true},
		"like_count": schema.Int64Attribute{MarkdownDescription: "Number of likes.", Computed: true},
		"hidden":     schema.BoolAttribute{MarkdownDescription: "Whether the account hid the comment.", Computed: true},
		"parent_id":  schema.StringAttribute{MarkdownDescription: "For replies, the top-level comment; null otherwise.", Computed: true},
	}
}

func (d *commentsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	withReplies := commentAttributes()
	withReplies["replies"] = schema.ListNestedAttribute{
		MarkdownDescription: "Replies, newest first; empty unless `include_replies` is true.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: commentAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Comments on a post of the account, newest first (top-level comments, optionally with their replies). " +
			"Comments change all the time, so they live in a data source.",
		Attributes: map[string]schema.Attribute{
			"media_id": schema.StringAttribute{
				MarkdownDescription: "Media id of the post.",
				Required:            true,
				Validators:          []validator.String{common.NumericID("Instagram media id")},
			},
			"include_replies": schema.BoolAttribute{
				MarkdownDescription: "Also read the replies of every comment. They come nested in the comment list; only a comment with more replies than Graph nests costs one more API call. Default `false`.",
				Optional:            true,
			},
			"limit": schema.Int64Attribute{
				MarkdownDescription: "Most top-level comments to read, 1–10000. Default 50.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 10000)},
			},
			"comments": schema.ListNestedAttribute{
				MarkdownDescription: "The comments, newest first.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: withReplies},
			},
		},
	}
}

func (d *commentsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	m, ok := common.Decode[commentsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	limit := defaultCommentsLimit
	if !m.Limit.IsNull() {
		limit = int(m.Limit.ValueInt64())
	}
	m.Comments = []commentEntry{}
	opts := graph.CommentListOptions{Fields: listFields, Limit: limit}
	if m.IncludeReplies.ValueBool() {
		// The first page of each comment's replies comes nested in the list
		// response; only a comment with more replies than that costs a call.
		opts.ReplyFields = listFields
	}
	for c, err := range d.Data.Client.Comments.List(ctx, m.MediaID.ValueString(), opts) {
		if err != nil {
			common.AddAPIError(&resp.Diagnostics, path.Root("media_id"), "Cannot list the comments of post "+m.MediaID.ValueString(), err)
			return
		}
		r := toReply(c)
		e := commentEntry{ID: r.ID, Text: r.Text, Username: r.Username, Timestamp: r.Timestamp, LikeCount: r.LikeCount,
			Hidden: r.Hidden, ParentID: r.ParentID, Replies: []replyEntry{}}
		if m.IncludeReplies.ValueBool() && c.Replies != nil {
			for _, rc := range c.Replies.Data {
				e.Replies = append(e.Replies, toReply(rc))
			}
			if c.Replies.HasMore() {
				more := graph.CommentListOptions{Fields: listFields, After: c.Replies.Paging.Cursors.After}
				for rc, err := range d.Data.Client.Comments.Replies(ctx, c.ID, more) {
					if err != nil {
						common.AddAPIError(&resp.Diagnostics, path.Root("include_replies"), "Cannot list the replies of comment "+c.ID, err)
						return
					}
					e.Replies = append(e.Replies, toReply(rc))
				}
			}
		}
		m.Comments = append(m.Comments, e)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func toReply(c *graph.Comment) replyEntry {
	return replyEntry{
		ID: types.StringValue(c.ID), Text: types.StringValue(c.Text), Username: common.StringOrNull(c.Username),
		Timestamp: common.GraphTime(c.Timestamp), LikeCount: types.Int64Value(c.LikeCount),
		Hidden: types.BoolValue(c.Hidden), ParentID: common.StringOrNull(c.ParentID),
	}
}
