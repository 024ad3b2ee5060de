package discovery

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

var _ datasource.DataSourceWithConfigure = (*hashtagDataSource)(nil)

// NewHashtagDataSource is the instagram_hashtag data source: a hashtag name
// resolved to its (global, static) id.
func NewHashtagDataSource() datasource.DataSource {
	return &hashtagDataSource{DataSourceBase: common.NewDataSourceBase("hashtag")}
}

type hashtagDataSource struct{ common.DataSourceBase }

type hashtagModel struct {
	AccountID      types.String `tfsdk:"account_id"`
	Name           types.String `tfsdk:"name"`
	NormalizedName types.String `tfsdk:"normalized_name"`
	ID             types.String `tfsdk:"id"`
}

func (d *hashtagDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Resolves a hashtag name to its id, for `instagram_hashtag_media`. Needs Facebook login. " +
			"Each account may query **30 unique hashtags per rolling 7 days**; the first query of a name uses one of them, " +
			"and the provider resolves each name only once per run.",
		Attributes: map[string]schema.Attribute{
			"account_id": common.DataSourceAccountID(accountIDDescription),
			"name": schema.StringAttribute{
				MarkdownDescription: "Hashtag, with or without a leading `#`; case does not matter. Letters, digits and " +
					"underscores only: spaces, punctuation and emoji cannot be searched.",
				Required:   true,
				Validators: []validator.String{hashtagName()},
			},
			"normalized_name": common.ComputedString("The name as searched: lower case, without `#`."),
			"id":              common.ComputedString("Hashtag id (the same for every account)."),
		},
	}
}

func (d *hashtagDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !d.Data.RequireFacebookLogin("Hashtag search", &resp.Diagnostics) {
		return
	}
	common.ReadWithAccount(ctx, d.Data, req, resp, func(m *hashtagModel, accountID string, diags *diag.Diagnostics) {
		name, err := graph.NormalizeHashtag(m.Name.ValueString())
		if err != nil { // the validator has already said so at plan time
			diags.AddAttributeError(path.Root("name"), "Invalid hashtag", err.Error())
			return
		}
		id, err := d.Data.HashtagID(ctx, accountID, name, func(ctx context.Context) (string, error) {
			id, _, err := d.Data.Client.Hashtags.Search(ctx, accountID, name)
			return id, err
		})
		if err != nil {
			addHashtagError(diags, path.Root("name"), "Cannot search hashtag #"+name, err)
			return
		}
		m.NormalizedName = types.StringValue(name)
		m.ID = types.StringValue(id)
	})
}

// hashtagName refuses names search cannot take, at plan time, so a typo
// never costs one of the 30 weekly slots.
func hashtagName() validator.String {
	return common.StringCheck("must be a hashtag: letters, digits and underscores, an optional leading #",
		func(at path.Path, name string, diags *diag.Diagnostics) {
			if _, err := graph.NormalizeHashtag(name); err != nil {
				diags.AddAttributeError(at, "Invalid hashtag", fmt.Sprintf("name %q cannot be searched: %s.", name, err))
			}
		})
}
