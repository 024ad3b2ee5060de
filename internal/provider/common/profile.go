package common

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// ProfileModel is the public profile of a professional account, in
// instagram_account (an account of the provider's) and
// instagram_business_discovery (any Business or Creator account), which
// embed it in their models.
type ProfileModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Biography         types.String `tfsdk:"biography"`
	Website           types.String `tfsdk:"website"`
	ProfilePictureURL types.String `tfsdk:"profile_picture_url"`
	FollowersCount    types.Int64  `tfsdk:"followers_count"`
	FollowsCount      types.Int64  `tfsdk:"follows_count"`
	MediaCount        types.Int64  `tfsdk:"media_count"`
}

// ProfileFrom maps a profile; what Meta leaves out is null.
func ProfileFrom(p graph.Profile) ProfileModel {
	return ProfileModel{
		ID:                types.StringValue(p.ID),
		Name:              StringOrNull(p.Name),
		Biography:         StringOrNull(p.Biography),
		Website:           StringOrNull(p.Website),
		ProfilePictureURL: StringOrNull(p.ProfilePictureURL),
		FollowersCount:    types.Int64PointerValue(p.FollowersCount),
		FollowsCount:      types.Int64PointerValue(p.FollowsCount),
		MediaCount:        types.Int64PointerValue(p.MediaCount),
	}
}

// ProfileAttributes describes ProfileModel plus extra, the attributes
// particular to one data source.
func ProfileAttributes(extra map[string]schema.Attribute) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id":                  ComputedString("Instagram user id of the account."),
		"name":                ComputedString("Profile name."),
		"biography":           ComputedString("Profile biography."),
		"website":             ComputedString("Website shown on the profile; null when none."),
		"profile_picture_url": ComputedString("URL of the profile picture (a CDN URL that changes over time)."),
		"followers_count":     ComputedInt64("Number of followers."),
		"follows_count":       ComputedInt64("Number of accounts it follows."),
		"media_count":         ComputedInt64("Number of posts."),
	}
	maps.Copy(attrs, extra)
	return attrs
}
