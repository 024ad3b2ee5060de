package media_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccStoriesDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.PostOutOfBand(t, emulator.Post{Type: "STORY"})
	env.Emulator.AdvanceClock(25 * time.Hour) // that story has expired
	story := env.PostOutOfBand(t, emulator.Post{Type: "STORY", Video: true})
	env.PostOutOfBand(t, emulator.Post{Caption: "a feed post"})
	env.Apply(t, `data "instagram_stories" "now" {}`,
		statecheck.ExpectKnownValue("data.instagram_stories.now", tfjsonpath.New("stories"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"id":                 knownvalue.StringExact(story),
				"media_type":         knownvalue.StringExact("VIDEO"),
				"media_product_type": knownvalue.StringExact("STORY"),
				"thumbnail_url":      knownvalue.NotNull(),
			}),
		})),
	)
}
