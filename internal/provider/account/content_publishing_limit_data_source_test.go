package account_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const cplAddr = "data.instagram_content_publishing_limit.q"

func TestAccContentPublishingLimitDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{QuotaTotal: 3})
	env.PublishImageOutOfBand(t, "one")
	// Posts made in the app do not count.
	env.PostOutOfBand(t, emulator.Post{Caption: "app"})
	env.Apply(t, `data "instagram_content_publishing_limit" "q" {}`,
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("quota_usage"), knownvalue.Int64Exact(1)),
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("quota_total"), knownvalue.Int64Exact(3)),
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("quota_duration"), knownvalue.Int64Exact(86400)),
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("remaining"), knownvalue.Int64Exact(2)),
	)
}

func TestAccContentPublishingLimitDataSource_instagramLogin(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.Apply(t, `data "instagram_content_publishing_limit" "q" {}`,
		statecheck.ExpectKnownValue(cplAddr, tfjsonpath.New("remaining"), knownvalue.Int64Exact(50)),
	)
}
