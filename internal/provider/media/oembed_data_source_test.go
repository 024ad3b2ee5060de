package media_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const routeOEmbed = "GET /instagram_oembed"

// A campaign site embeds the post Terraform published, with both logins:
// oEmbed is called without a token, so Instagram login works too.
func TestAccOEmbedDataSource_publishedPost(t *testing.T) {
	t.Parallel()
	for _, login := range []string{"facebook", "instagram"} {
		t.Run(login, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			if login == "instagram" {
				env.InstagramLogin()
			}
			addr := "data.instagram_oembed.campaign"
			env.Test(t, resource.TestCase{
				Steps: []resource.TestStep{{
					Config: `
resource "instagram_media" "campaign" {
  type            = "IMAGE"
  image_url       = "https://cdn.example.com/launch.jpg"
  caption         = "Launch <day> & co"
  deletion_policy = "retain"
}

data "instagram_oembed" "campaign" {
  url          = instagram_media.campaign.permalink
  max_width    = 540
  omit_script  = true
}`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("html"), knownvalue.StringRegexp(regexp.MustCompile(
							`^<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www\.instagram\.com/p/.*Launch &lt;day&gt; &amp; co.*</blockquote>$`))),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("width"), knownvalue.Int64Exact(540)),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("provider_name"), knownvalue.StringExact("Instagram")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("provider_url"), knownvalue.StringExact("https://www.instagram.com/")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("type"), knownvalue.StringExact("rich")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("version"), knownvalue.StringExact("1.0")),
					},
				}},
			})
			if env.Emulator.CallCount(routeOEmbed) == 0 {
				t.Fatal("oEmbed was never called")
			}
		})
	}
}

func TestAccOEmbedDataSource_profileAndRefusal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Apply(t, `
data "instagram_oembed" "profile" {
  url          = "https://www.instagram.com/`+emulator.DefaultUsername+`/"
  hide_caption = true
}`,
		statecheck.ExpectKnownValue("data.instagram_oembed.profile", tfjsonpath.New("html"),
			knownvalue.StringRegexp(regexp.MustCompile(`(?s)instagram\.com/`+emulator.DefaultUsername+`/.*embed\.js`))),
		statecheck.ExpectKnownValue("data.instagram_oembed.profile", tfjsonpath.New("width"), knownvalue.Int64Exact(658)),
	)
	env.ApplyError(t, `data "instagram_oembed" "x" { url = "https://www.instagram.com/p/DoesNotExist1/" }`,
		`Instagram will not embed.*private, inactive or age-restricted.*code 100`)
}

// URLs oEmbed cannot take fail at plan time, before any API call.
func TestAccOEmbedDataSource_planTimeErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, err string }{
		{`url = "https://www.instagram.com/stories/emulator_brand/17900000000000001/"`, `is a story`},
		{`url = "https://example.com/p/abc/"`, `is not on www.instagram.com`},
		{`url = "http://www.instagram.com/p/abc/"`, `must be an https URL`},
		{`url = "https://www.instagram.com/tv/abc/"`, `IGTV`},
		{`url = "https://www.instagram.com/explore/tags/coffee/"`, `is not the URL of a post`},
		{"url = \"https://www.instagram.com/p/abc/\"\n max_width = 700", `max_width value must be between 320 and 658`},
	} {
		acctest.New(t, emulator.Options{}).PlanOnlyError(t, "data \"instagram_oembed\" \"x\" {\n "+tc.config+"\n}", tc.err)
	}
}
