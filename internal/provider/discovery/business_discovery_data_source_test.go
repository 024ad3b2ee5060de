package discovery_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const bdAddr = "data.instagram_business_discovery.x"

func TestAccBusinessDiscoveryDataSource_pagesMedia(t *testing.T) {
	t.Parallel()
	// Pages of 2: media_limit = 5 takes three calls with .after() cursors.
	env := acctest.New(t, emulator.Options{MaxPageSize: 2})
	env.Apply(t, `
data "instagram_business_discovery" "x" {
  username    = "bluebottle"
  media_limit = 5
}`,
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("id"), knownvalue.StringExact("17841401441775531")),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("name"), knownvalue.StringExact("Blue Bottle Coffee")),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("followers_count"), knownvalue.Int64Exact(267793)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media_count"), knownvalue.Int64Exact(7)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media"), knownvalue.ListSizeExact(5)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("caption"),
			knownvalue.StringExact("Morning pour-over. #coffee #bluebottle")),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("like_count"), knownvalue.Int64Exact(5841)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("timestamp"),
			knownvalue.StringExact("2026-11-01T10:00:00Z")),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(1).AtMapKey("view_count"), knownvalue.Int64Exact(88000)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(2).AtMapKey("children"), knownvalue.ListSizeExact(2)),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(4).AtMapKey("caption"), knownvalue.StringExact("#coffee time")),
	)
}

func TestAccBusinessDiscoveryDataSource_creatorHiddenLikesNoMedia(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	env.Apply(t, `
data "instagram_business_discovery" "x" {
  username    = "fernweh.studio"
  media_limit = 1
}
data "instagram_business_discovery" "profile_only" {
  username    = "northwind_outfitters"
  media_limit = 0
}`,
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("like_count"), knownvalue.Null()),
		statecheck.ExpectKnownValue(bdAddr, tfjsonpath.New("media").AtSliceIndex(0).AtMapKey("media_product_type"), knownvalue.StringExact("REELS")),
		statecheck.ExpectKnownValue("data.instagram_business_discovery.profile_only", tfjsonpath.New("media"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.instagram_business_discovery.profile_only", tfjsonpath.New("follows_count"), knownvalue.Int64Exact(150)),
	)
}

func TestAccBusinessDiscoveryDataSource_notFound(t *testing.T) {
	t.Parallel()
	for _, username := range []string{"jane.personal", "nobody_at_all"} {
		acctest.New(t, emulator.Options{}).ApplyError(t, `data "instagram_business_discovery" "x" { username = "`+username+`" }`,
			`not found or not a professional account.*@`+username+`.*code 110, subcode 2207013`)
	}
}

func TestAccBusinessDiscoveryDataSource_validation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, err string }{
		{`username = "@bluebottle"`, `must be an Instagram username without @`},
		{`username = "blue bottle"`, `must be an Instagram username without @`},
		{"username = \"bluebottle\"\n media_limit = 1001", `media_limit value must be between 0 and 1000`},
	} {
		acctest.New(t, emulator.Options{}).PlanOnlyError(t, "data \"instagram_business_discovery\" \"x\" {\n"+tc.config+"\n}", tc.err)
	}
}
