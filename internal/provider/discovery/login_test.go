package discovery_test

import (
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Business discovery and hashtag search exist only with Facebook login: with
// an Instagram-login token each data source refuses before any API call.
func TestAccDiscoveryDataSources_instagramLoginRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, feature string }{
		{`data "instagram_business_discovery" "x" { username = "bluebottle" }`, "Business discovery"},
		{`data "instagram_hashtag" "x" { name = "coffee" }`, "Hashtag search"},
		{`data "instagram_hashtag_media" "x" { hashtag_id = "17843857450040591" }`, "Hashtag search"},
		{`data "instagram_recently_searched_hashtags" "x" {}`, "Hashtag search"},
	} {
		acctest.New(t, emulator.Options{}).InstagramLogin().PlanOnlyError(t, tc.config, tc.feature+` needs Facebook login`)
	}
}
