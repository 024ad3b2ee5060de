package media_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccAudioDataSource_trendingAndSearch(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	music := emulator.AudioIDs("music")
	env.Apply(t, `
data "instagram_audio" "trending" {
  audio_type = "music"
  limit      = 2
}

data "instagram_audio" "latte" {
  audio_type = "original_sound"
  query      = "latte"
}`,
		statecheck.ExpectKnownValue("data.instagram_audio.trending", tfjsonpath.New("tracks"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(music[0]), "audio_type": knownvalue.StringExact("music"), "title": knownvalue.StringExact("Birthday Wish"),
				"artist": knownvalue.StringExact("Shuba"), "duration_ms": knownvalue.Int64Exact(153760),
				"preview_link": knownvalue.StringExact("https://www.instagram.com/reels/audio/" + music[0] + "/"),
				"download_url": acctest.StringNotEmpty(),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(music[1])}),
		})),
		statecheck.ExpectKnownValue("data.instagram_audio.latte", tfjsonpath.New("tracks"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"title": knownvalue.StringExact("Latte art ASMR"), "artist": knownvalue.StringExact("bluebottle")}),
		})),
	)
}

// Meta offers the Audio API with Facebook login only: refused before any call.
func TestAccAudioDataSource_errors(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{}).InstagramLogin().PlanOnlyError(t,
		`data "instagram_audio" "x" { audio_type = "music" }`, `The Instagram Audio API needs Facebook login`)
	acctest.New(t, emulator.Options{}).PlanOnlyError(t, `data "instagram_audio" "x" { audio_type = "jingle" }`, `audio_type value must be one of`)
	acctest.New(t, emulator.Options{}).PlanOnlyError(t, "data \"instagram_audio\" \"x\" {\n audio_type = \"music\"\n limit = 51\n}", `limit value must be between 1 and 50`)
}
