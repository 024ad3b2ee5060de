package discovery_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestAccHashtagDataSource_normalisesAndSearchesOncePerRun(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	coffee := env.Emulator.HashtagID("coffee")
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			// Three spellings of one hashtag, read concurrently.
			Config: `
data "instagram_hashtag" "a" { name = "#Coffee" }
data "instagram_hashtag" "b" { name = "COFFEE" }
data "instagram_hashtag" "c" { name = "coffee" }
data "instagram_hashtag" "doc" { name = "bluebottle" }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.instagram_hashtag.a", tfjsonpath.New("id"), knownvalue.StringExact(coffee)),
				statecheck.ExpectKnownValue("data.instagram_hashtag.a", tfjsonpath.New("normalized_name"), knownvalue.StringExact("coffee")),
				statecheck.ExpectKnownValue("data.instagram_hashtag.b", tfjsonpath.New("id"), knownvalue.StringExact(coffee)),
				statecheck.ExpectKnownValue("data.instagram_hashtag.c", tfjsonpath.New("id"), knownvalue.StringExact(coffee)),
				statecheck.ExpectKnownValue("data.instagram_hashtag.doc", tfjsonpath.New("id"), knownvalue.StringExact("17843857450040591")),
			},
			Check: func(*terraform.State) error {
				// Each provider process discovers the account once and, per
				// hashtag, searches once: two names → twice the discoveries.
				searches, runs := env.Emulator.CallCount("GET /ig_hashtag_search"), env.Emulator.CallCount("GET /me/accounts")
				if runs == 0 || searches != 2*runs {
					return fmt.Errorf("%d hashtag searches in %d provider runs, want 2 per run", searches, runs)
				}
				return nil
			},
		}},
	})
	if got := env.Emulator.SearchedHashtags(emulator.DefaultAccountID); len(got) != 2 {
		t.Fatalf("slots used: %v", got)
	}
}

func TestAccHashtagDataSource_invalidNames(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"coffee☕":   "does not support emoji",
		"two words": "cannot contain spaces",
		"c-o":       "only contain letters, digits and underscores",
		"#":         "at least one letter or digit",
	} {
		acctest.New(t, emulator.Options{}).PlanOnlyError(t, `data "instagram_hashtag" "x" { name = "`+name+`" }`, `Invalid hashtag.*`+want)
	}
}

func TestAccHashtagDataSource_weeklyLimit(t *testing.T) {
	t.Parallel()
	acctest.New(t, emulator.Options{HashtagLimit: 2}).ApplyError(t, `
data "instagram_hashtag" "a" { name = "coffee" }
data "instagram_hashtag" "b" { name = "travel" }
data "instagram_hashtag" "c" { name = "latteart" }`,
		`Weekly hashtag limit reached.*30 unique hashtags in a rolling 7 days.*code 24`)
}

func TestAccHashtagMediaDataSource_topAndRecent(t *testing.T) {
	t.Parallel()
	// Pages of 2 (the emulator's cap below Meta's 50): limit 5 takes three pages.
	env := acctest.New(t, emulator.Options{MaxPageSize: 2})
	env.Apply(t, `
data "instagram_hashtag" "coffee" { name = "coffee" }
data "instagram_hashtag_media" "top" {
  hashtag_id = data.instagram_hashtag.coffee.id
  limit      = 5
}
data "instagram_hashtag_media" "recent" {
  hashtag_id = data.instagram_hashtag.coffee.id
  edge       = "recent"
}`,
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.top", tfjsonpath.New("edge"), knownvalue.StringExact("top")),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.top", tfjsonpath.New("media"), knownvalue.ListSizeExact(5)),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.top", tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("like_count"), knownvalue.Int64Exact(5841)),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.top", tfjsonpath.New("media").AtSliceIndex(4).AtMapKey("like_count"), knownvalue.Int64Exact(900)),
		// Seeded #coffee posts of the last 24 hours; the personal account's is never returned.
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.recent", tfjsonpath.New("media"), knownvalue.ListSizeExact(5)),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.recent", tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("caption"),
			knownvalue.StringExact("Morning pour-over. #coffee #bluebottle")),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.recent", tfjsonpath.New("media").AtSliceIndex(2).AtMapKey("children"), knownvalue.ListSizeExact(3)),
		statecheck.ExpectKnownValue("data.instagram_hashtag_media.recent", tfjsonpath.New("media").AtSliceIndex(2).AtMapKey("media_url"), knownvalue.Null()),
	)
}

func TestAccHashtagMediaDataSource_validation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, err string }{
		{`edge = "popular"`, `value must be one of`},
		{`limit = 0`, `limit value must be between 1 and 500`},
		{`limit = 501`, `limit value must be between 1 and 500`},
	} {
		acctest.New(t, emulator.Options{}).PlanOnlyError(t,
			"data \"instagram_hashtag_media\" \"x\" {\n hashtag_id = \"17843857450040591\"\n "+tc.config+"\n}", tc.err)
	}
	acctest.New(t, emulator.Options{}).PlanOnlyError(t,
		`data "instagram_hashtag_media" "x" { hashtag_id = "#coffee" }`, `must be a numeric hashtag id`)
}

func TestAccRecentlySearchedHashtagsDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Apply(t, `
data "instagram_hashtag" "coffee" { name = "coffee" }
data "instagram_hashtag" "travel" { name = "Travel" }
data "instagram_recently_searched_hashtags" "x" {
  depends_on = [data.instagram_hashtag.coffee, data.instagram_hashtag.travel]
}`,
		statecheck.ExpectKnownValue("data.instagram_recently_searched_hashtags.x", tfjsonpath.New("hashtags"), knownvalue.ListSizeExact(2)),
		statecheck.ExpectKnownValue("data.instagram_recently_searched_hashtags.x", tfjsonpath.New("remaining"), knownvalue.Int64Exact(28)),
		statecheck.ExpectKnownValue("data.instagram_recently_searched_hashtags.x", tfjsonpath.New("hashtags"), knownvalue.SetPartial([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id": knownvalue.StringExact(env.Emulator.HashtagID("travel")), "name": knownvalue.StringExact("travel"),
			}),
		})),
	)
}
