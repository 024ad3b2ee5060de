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

// The poll's options and vote shares, and the fields of 2026, with each
// login: the counts and the poll with Facebook login only.
func TestAccMediaDataSource_pollAndFieldsOf2026(t *testing.T) {
	t.Parallel()
	for _, login := range []string{"facebook", "instagram"} {
		t.Run(login, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t, emulator.Options{})
			poll := env.PostOutOfBand(t, emulator.Post{Caption: "Flat white or cortado?", Poll: []string{"Flat white", "Cortado"}, AIGenerated: true})
			reel := env.PostOutOfBand(t, emulator.Post{Type: "REELS", AudioID: emulator.AudioIDs("music")[0]})
			env.Emulator.SetPollVotes(poll, 3, 1)
			fbl := login == "facebook"
			if !fbl {
				env.InstagramLogin()
			}
			count := func() knownvalue.Check {
				if fbl {
					return knownvalue.NotNull()
				}
				return knownvalue.Null()
			}
			var pollCheck knownvalue.Check = knownvalue.Null()
			if fbl {
				pollCheck = knownvalue.ObjectExact(map[string]knownvalue.Check{
					"options": knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"text": knownvalue.StringExact("Flat white"), "votes_share": knownvalue.Float64Exact(0.75)}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"text": knownvalue.StringExact("Cortado"), "votes_share": knownvalue.Float64Exact(0.25)}),
					}),
					"expires_at": knownvalue.StringExact("2026-11-04T12:00:00Z"),
				})
			}
			env.Apply(t, `
data "instagram_media" "poll" { id = "`+poll+`" }
data "instagram_media" "reel" { id = "`+reel+`" }
data "instagram_account_media" "all" {}`,
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("poll"), pollCheck),
				statecheck.ExpectKnownValue("data.instagram_media.reel", tfjsonpath.New("poll"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("is_ai_generated"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("media_audio_type"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.instagram_media.reel", tfjsonpath.New("media_audio_type"), knownvalue.StringExact("MUSIC")),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("reposts_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("saved_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("shares_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("total_like_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("total_comments_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_media.poll", tfjsonpath.New("total_views_count"), knownvalue.Null()), // not a video
				statecheck.ExpectKnownValue("data.instagram_media.reel", tfjsonpath.New("total_views_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_account_media.all", tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("total_views_count"), count()),
				statecheck.ExpectKnownValue("data.instagram_account_media.all", tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("media_audio_type"), knownvalue.StringExact("MUSIC")),
			)
			if n := env.Emulator.CallCount("GET /{ig-media-id}/poll_attachment"); fbl && n == 0 || !fbl && n != 0 {
				t.Fatalf("%d poll reads", n)
			}
		})
	}
}
