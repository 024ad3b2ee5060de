package media_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccTaggedMediaDataSource(t *testing.T) {
	t.Parallel()
	for _, opts := range []emulator.Options{{MaxPageSize: 2}, {TagsOmitPagingURLs: true}} {
		env := acctest.New(t, opts).InstagramLogin() // /tags exists with both logins
		env.Apply(t, `
data "instagram_tagged_media" "all" {}
data "instagram_tagged_media" "two" { limit = 2 }`,
			statecheck.ExpectKnownValue("data.instagram_tagged_media.all", tfjsonpath.New("media"), knownvalue.ListExact([]knownvalue.Check{
				taggedBy("bluebottle"), taggedBy("northwind_outfitters"), taggedBy("fernweh.studio"), taggedBy("bluebottle"),
			})),
			statecheck.ExpectKnownValue("data.instagram_tagged_media.two", tfjsonpath.New("media"), knownvalue.ListSizeExact(2)),
			statecheck.ExpectKnownValue("data.instagram_tagged_media.all", tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("like_count"), knownvalue.Int64Exact(5841)),
			statecheck.ExpectKnownValue("data.instagram_tagged_media.all", tfjsonpath.New("media").AtSliceIndex(2).AtMapKey("media_url"), knownvalue.Null()),
		)
	}
}

func taggedBy(username string) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{"username": knownvalue.StringExact(username)})
}
