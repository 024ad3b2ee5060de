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

func TestAccAccountMediaDataSource_pagingAndTimeFilter(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{MaxPageSize: 2})
	var ids []string // oldest first, an hour apart from 12:00Z
	for i := range 5 {
		ids = append(ids, env.PostOutOfBand(t, emulator.Post{Caption: "post " + string(rune('1'+i))}))
		env.Emulator.AdvanceClock(time.Hour)
	}
	env.PostOutOfBand(t, emulator.Post{Type: "STORY"}) // never in the media edge
	env.Apply(t, `
data "instagram_account_media" "latest" { limit = 3 }
data "instagram_account_media" "all" {}
data "instagram_account_media" "window" {
  since = "2026-11-01T12:30:00Z"
  until = "2026-11-01T14:00:00Z"
}`,
		statecheck.ExpectKnownValue("data.instagram_account_media.latest", tfjsonpath.New("account_id"), knownvalue.StringExact(emulator.DefaultAccountID)),
		statecheck.ExpectKnownValue("data.instagram_account_media.latest", tfjsonpath.New("media"), knownvalue.ListExact([]knownvalue.Check{
			mediaWithID(ids[4]), mediaWithID(ids[3]), mediaWithID(ids[2]),
		})),
		statecheck.ExpectKnownValue("data.instagram_account_media.all", tfjsonpath.New("media"), knownvalue.ListSizeExact(5)),
		statecheck.ExpectKnownValue("data.instagram_account_media.window", tfjsonpath.New("media"), knownvalue.ListExact([]knownvalue.Check{
			mediaWithID(ids[2]), mediaWithID(ids[1]),
		})),
	)
}

func mediaWithID(id string) knownvalue.Check {
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
}

func TestAccAccountMediaDataSource_validation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ config, err string }{
		{`since = "yesterday"`, `since must be an RFC 3339 time`},
		{`until = "2026-11-01"`, `until must be an RFC 3339 time`},
		{"since = \"2026-11-02T00:00:00Z\"\n until = \"2026-11-01T00:00:00Z\"", `until is before since`},
		{`limit = 0`, `limit value must be between 1 and 10000`},
		{`account_id = "me"`, `must be a numeric Instagram user id`},
	} {
		acctest.New(t, emulator.Options{}).PlanOnlyError(t, "data \"instagram_account_media\" \"x\" {\n "+tc.config+"\n}", tc.err)
	}
}
