package media_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccMediaDataSource_imageAndCarousel(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	image := env.PostOutOfBand(t, emulator.Post{Caption: "Hello #world", AltText: "a cup"})
	album := env.PostOutOfBand(t, emulator.Post{Type: "CAROUSEL", Caption: "album", Children: 3})
	env.Apply(t, `
data "instagram_media" "image" { id = "`+image+`" }
data "instagram_media" "album" { id = "`+album+`" }`,
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("caption"), knownvalue.StringExact("Hello #world")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("alt_text"), knownvalue.StringExact("a cup")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("media_type"), knownvalue.StringExact("IMAGE")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("media_product_type"), knownvalue.StringExact("FEED")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("username"), knownvalue.StringExact(emulator.DefaultUsername)),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("timestamp"), knownvalue.StringExact("2026-11-01T12:00:00Z")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("is_comment_enabled"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("comments_count"), knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("thumbnail_url"), knownvalue.Null()),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("children"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.instagram_media.album", tfjsonpath.New("media_type"), knownvalue.StringExact("CAROUSEL_ALBUM")),
		statecheck.ExpectKnownValue("data.instagram_media.album", tfjsonpath.New("children"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue("data.instagram_media.album", tfjsonpath.New("children").AtSliceIndex(1).AtMapKey("media_type"), knownvalue.StringExact("VIDEO")),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("permalink"), acctest.StringNotEmpty()),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("shortcode"), acctest.StringNotEmpty()),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("media_url"), acctest.StringNotEmpty()),
		statecheck.ExpectKnownValue("data.instagram_media.image", tfjsonpath.New("like_count"), knownvalue.NotNull()),
	)
}

func TestAccMediaDataSource_errors(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{}).ApplyError(t,
		`data "instagram_media" "x" { id = "17999999999999999" }`, `Cannot read Instagram media 17999999999999999.*code 100, subcode 33`)
	acctest.New(t, emulator.Options{}).PlanOnlyError(t,
		`data "instagram_media" "x" { id = "https://www.instagram.com/p/abc/" }`, `must be a numeric media id`)
}
