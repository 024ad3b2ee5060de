package discovery_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

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
		env := acctest.New(t, emulator.Options{}).InstagramLogin()
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			Steps: []resource.TestStep{{
				Config:      tc.config,
				ExpectError: acctest.ExpectError(tc.feature + ` needs Facebook login`),
			}},
		})
		env.RequireNoGraphCalls(t)
	}
}
