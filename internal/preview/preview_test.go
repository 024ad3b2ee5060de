package preview

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPreview_golden renders every plan of testdata/plans (the golden
// plans the real CLI made and the hand-made spec-*.json) and compares the
// Markdown and the HTML with testdata/golden (UPDATE_GOLDEN=1 rewrites them).
func TestPreview_golden(t *testing.T) {
	plans, err := filepath.Glob(filepath.Join("testdata", "plans", "*.json"))
	if err != nil || len(plans) == 0 {
		t.Fatalf("no golden plans: %v", err)
	}
	for _, path := range plans {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pv := mustPreview(t, data, Options{Dir: "testdata"})
			md, page := pv.Markdown(0), htmlOf(t, pv)
			for _, secret := range []string{goldenToken, goldenSecretCaption} {
				if strings.Contains(md, secret) || strings.Contains(page, secret) {
					t.Errorf("the preview prints a secret of the plan: %q", secret)
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden", name+".md"), md)
			compareGolden(t, filepath.Join("testdata", "golden", name+".html"), page)
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from what the preview renders now; if the change is intended, run UPDATE_GOLDEN=1 go test ./internal/preview -run TestPreview_golden\n--- got ---\n%s", path, got)
	}
}

// The words a reviewer reads for each change of the golden plans, which
// the real CLI made: every shape instagram_media plans (published now,
// scheduled, its time come, missed, moved, removed while scheduled,
// republished with deletion_policy delete and retain, replaced with -replace,
// a replaced post deleted at last, retained, forgotten, settings only).
func TestPreview_whatChangesMean(t *testing.T) {
	type said struct {
		verb Verb
		says string // the card's words, then " | " and when
	}
	got := map[string]said{}
	for _, name := range []string{"create", "changes", "scheduled", "lifecycle"} {
		data, err := os.ReadFile(filepath.Join("testdata", "plans", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range mustPreview(t, data, Options{}).Cards {
			var s strings.Builder
			for _, sp := range c.Says {
				s.WriteString(sp.Text)
			}
			if _, dup := got[c.Address]; dup {
				t.Fatalf("two golden plans change %s: give it another name", c.Address)
			}
			got[c.Address] = said{c.Verb, s.String() + " | " + c.WhenText}
		}
	}
	const (
		lost    = " (a new post, a new link; the old post's likes and comments are lost)"
		retain  = ` (deletion_policy "retain")`
		waiting = " (nothing is published before then; an apply within 2h of that time publishes it) | scheduled for "
	)
	want := map[string]said{
		// create.json: new posts, published by the apply.
		"instagram_media.launch":            {VerbPublish, "publishes a new post | now"},
		"instagram_media.teaser":            {VerbPublish, "publishes a new post | now"},
		"instagram_media.behind_the_scenes": {VerbPublish, "publishes a new post | now"},
		"instagram_media.lookbook":          {VerbPublish, "publishes a new post | now"},
		"instagram_media.secret":            {VerbPublish, "publishes a new post | now"},
		"instagram_media.story":             {VerbPublish, "publishes a new story (visible for 24 hours) | now"},
		"instagram_comment.first":           {VerbPublish, "comments on the new post instagram_media.launch | now"},
		"instagram_comment_settings.teaser": {VerbUpdate, "turns comments off for the new post instagram_media.teaser | now"},
		// changes.json: after an apply.
		"instagram_media.summer":            {VerbReplace, "replaces post 17900000000000009" + lost + "; the old post is deleted once the new one is out | now"},
		"instagram_media.old_promo":         {VerbDelete, "deletes post 17900000000000010 from Instagram | now"},
		"instagram_media.archive":           {VerbForget, "keeps post 17900000000000011 on Instagram, forgets it" + retain + " | —"},
		"instagram_media.forgotten":         {VerbForget, "keeps post 17900000000000012 on Instagram, forgets it | —"},
		"instagram_media.policy":            {VerbUnchanged, "changes Terraform settings only (deletion_policy); nothing changes on Instagram | —"},
		"instagram_comment.promo":           {VerbDelete, "deletes comment 17850000000000001 | now"},
		"instagram_comment_settings.policy": {VerbUpdate, "turns comments on for post 17900000000000013 | now"},
		// scheduled.json: a content calendar.
		"instagram_media.now":               {VerbPublish, "publishes a new post | now"},
		"instagram_media.monday_launch":     {VerbSchedule, "schedules a post for Mon 2 Nov 2026 09:00 UTC+01:00" + waiting + "Mon 2 Nov 2026 09:00 UTC+01:00"},
		"instagram_media.monday_reel":       {VerbSchedule, "schedules a post for Mon 2 Nov 2026 18:30 UTC+01:00" + waiting + "Mon 2 Nov 2026 18:30 UTC+01:00"},
		"instagram_media.tuesday_poll":      {VerbSchedule, "schedules a post for Tue 3 Nov 2026 12:00 UTC+01:00" + waiting + "Tue 3 Nov 2026 12:00 UTC+01:00"},
		"instagram_media.tuesday_lookbook":  {VerbSchedule, "schedules a post for Tue 3 Nov 2026 17:00 UTC+01:00" + waiting + "Tue 3 Nov 2026 17:00 UTC+01:00"},
		"instagram_media.tuesday_prompt":    {VerbSchedule, "schedules a post for Tue 3 Nov 2026 20:00 UTC+01:00" + waiting + "Tue 3 Nov 2026 20:00 UTC+01:00"},
		"instagram_media.wednesday_morning": {VerbSchedule, "schedules a post for Wed 4 Nov 2026 08:15 UTC+01:00" + waiting + "Wed 4 Nov 2026 08:15 UTC+01:00"},
		"instagram_media.friday": {VerbSchedule, "schedules a post for Fri 6 Nov 2026 09:00 UTC+01:00 (nothing is published before then; " +
			"an apply within 30m of that time publishes it) | scheduled for Fri 6 Nov 2026 09:00 UTC+01:00"},
		// lifecycle.json: four and a half hours later.
		"instagram_media.due":         {VerbPublish, "publishes now, scheduled for Sun 1 Nov 2026 17:00 UTC+01:00 | now"},
		"instagram_media.late":        {VerbMissed, "missed its time; not published (scheduled for Sun 1 Nov 2026 14:00 UTC+01:00, and no apply ran within 2h of it; change publish_at to reschedule) | not published"},
		"instagram_media.rescheduled": {VerbSchedule, "moves a scheduled post from Wed 4 Nov 2026 09:00 UTC+01:00 to Fri 6 Nov 2026 09:00 UTC+01:00 (nothing is published yet; an apply within 2h of that time publishes it) | scheduled for Fri 6 Nov 2026 09:00 UTC+01:00"},
		"instagram_media.cancelled":   {VerbForget, "removes a scheduled post (nothing was published; nothing changes on Instagram) | —"},
		"instagram_media.edited":      {VerbReplace, "replaces post 17900000000000009" + lost + "; the old post is deleted once the new one is out | now"},
		"instagram_media.edited_kept": {VerbReplace, "replaces post 17900000000000010" + lost + "; the old post stays on Instagram" + retain + " | now"},
		"instagram_media.replaced":    {VerbReplace, "replaces post 17900000000000012" + lost + "; the old post is deleted first (terraform apply -replace) | now"},
		"instagram_media.leftover":    {VerbDelete, "deletes post 17900000000000011, which post 17900000000000015 replaced (an earlier apply published the new post but could not delete the old one) | now"},
		"instagram_media.retired":     {VerbForget, "keeps post 17900000000000013 on Instagram, forgets it" + retain + " | —"},
		"instagram_media.settings":    {VerbUnchanged, "changes Terraform settings only (allow_duplicate, deletion_policy, publish_at); nothing changes on Instagram | —"},
	}
	for address, w := range want {
		if g, ok := got[address]; !ok || g != w {
			t.Errorf("%s:\n got  %v %q\n want %v %q", address, g.verb, g.says, w.verb, w.says)
		}
	}
	for address := range got {
		if _, ok := want[address]; !ok {
			t.Errorf("a card for %s, which no test expects", address)
		}
	}
}

// The shapes the golden plans do not hold, as instagram_media plans them
// (media_plan.go): a post created past its window, a missed post
// rescheduled or published now, a missed post removed, a video staged ahead
// of its time, a replaced post retained at last, collaborators' answers.
func TestPreview_otherScheduleShapes(t *testing.T) {
	media := func(name, actions string, before, after map[string]any, unknown map[string]any) map[string]any {
		image := map[string]any{"type": "IMAGE", "image_url": "https://cdn.example.com/" + name + ".jpg", "caption": name, "deletion_policy": "delete"}
		for _, v := range []map[string]any{before, after} {
			if v != nil {
				for k, x := range image {
					if _, set := v[k]; !set {
						v[k] = x
					}
				}
			}
		}
		return resourceChange("instagram_media."+name, actions, before, after, unknown, map[string]any{}, map[string]any{})
	}
	plan := testPlan(t, nil,
		media("too_late", "create", nil, map[string]any{"publish_at": "2026-11-01T06:00:00Z", "status": "missed", "id": nil}, map[string]any{}),
		media("again", "update", map[string]any{"publish_at": "2026-11-01T06:00:00Z", "status": "missed"},
			map[string]any{"publish_at": "2026-11-03T09:00:00+01:00", "status": "scheduled", "publish_window": "45m"}, map[string]any{}),
		media("late_now", "update", map[string]any{"publish_at": "2026-11-01T06:00:00Z", "status": "missed"},
			map[string]any{"publish_at": nil, "status": "published"}, map[string]any{"id": true}),
		media("late_moved", "update", map[string]any{"publish_at": "2026-11-01T06:00:00Z", "status": "missed"},
			map[string]any{"publish_at": "2026-11-01T11:30:00Z", "status": "published"}, map[string]any{"id": true}),
		media("late_gone", "delete", map[string]any{"publish_at": "2026-11-01T06:00:00Z", "status": "missed"}, nil, nil),
		media("staged", "update", map[string]any{"type": "REELS", "publish_at": "2026-11-01T20:00:00Z", "status": "scheduled", "video_url": "https://cdn.example.com/v.mp4"},
			map[string]any{"type": "REELS", "publish_at": "2026-11-01T20:00:00Z", "status": "scheduled", "video_url": "https://cdn.example.com/v.mp4"},
			map[string]any{"container_id": true}),
		// Near its time the provider leaves status to the apply (unknown):
		// a time ahead is still a scheduled post, one come publishes.
		media("soon", "update", map[string]any{"publish_at": "2026-11-01T12:30:00Z", "status": "scheduled", "caption": "soon"},
			map[string]any{"publish_at": "2026-11-01T12:30:00Z", "caption": "soon, edited"}, map[string]any{"status": true, "id": true}),
		media("due", "update", map[string]any{"publish_at": "2026-11-01T11:30:00Z", "status": "scheduled", "publish_window": "90m"},
			map[string]any{"publish_at": "2026-11-01T11:30:00Z", "publish_window": "90m"}, map[string]any{"status": true, "id": true}),
		media("kept_old", "update", map[string]any{"id": "17900000000000077", "status": "published", "replaced_id": "17900000000000070", "deletion_policy": "retain"},
			map[string]any{"id": "17900000000000077", "status": "published", "replaced_id": nil, "deletion_policy": "retain"}, map[string]any{}),
		// A replacement that forgets the old post (Terraform's
		// lifecycle destroy = false; OpenTofu plans forget first).
		media("kept_replace", "create,forget", map[string]any{"id": "17900000000000080", "status": "published", "caption": "old words"},
			map[string]any{"status": "published", "caption": "new words"}, map[string]any{"id": true}),
		media("kept_replace_tofu", "forget,create", map[string]any{"id": "17900000000000081", "status": "published"},
			map[string]any{"status": "published"}, map[string]any{"id": true}),
		media("answers", "update",
			map[string]any{"id": "17900000000000078", "status": "published", "collaborators": []any{"a.one", "b.two", "c.three"},
				"collaborator_invites": map[string]any{"a.one": "accepted", "b.two": "pending", "c.three": "declined"}},
			map[string]any{"id": "17900000000000078", "status": "published", "collaborators": []any{"a.one", "b.two", "c.three"}, "allow_duplicate": true,
				"collaborator_invites": map[string]any{"a.one": "accepted", "b.two": "pending", "c.three": "declined"}}, map[string]any{}),
	)
	pv := mustPreview(t, plan, Options{})
	says := map[string]string{}
	for _, c := range pv.Cards {
		var s strings.Builder
		for _, sp := range c.Says {
			s.WriteString(sp.Text)
		}
		says[strings.TrimPrefix(c.Address, "instagram_media.")] = string(c.Verb) + ": " + s.String() + " | " + c.WhenText
	}
	for name, want := range map[string]string{
		"too_late":   "missed: missed its time; not published (scheduled for Sun 1 Nov 2026 06:00 UTC, and no apply ran within 2h of it; change publish_at to reschedule) | not published",
		"again":      "schedule: reschedules a post that missed its time for Tue 3 Nov 2026 09:00 UTC+01:00 (nothing was published; an apply within 45m of that time publishes it) | scheduled for Tue 3 Nov 2026 09:00 UTC+01:00",
		"late_now":   "publish: publishes now a post that missed its time (publish_at removed) | now",
		"late_moved": "publish: publishes now a post that missed its time, rescheduled for Sun 1 Nov 2026 11:30 UTC | now",
		"late_gone":  "forget: removes a post that missed its time (nothing was published; nothing changes on Instagram) | —",
		"staged":     "schedule: changes a scheduled post for Sun 1 Nov 2026 20:00 UTC (nothing is published yet; an apply within 2h of that time publishes it; this apply uploads its video so that Instagram has processed it by then) | scheduled for Sun 1 Nov 2026 20:00 UTC",
		"soon":       "schedule: changes a scheduled post for Sun 1 Nov 2026 12:30 UTC (nothing is published yet; an apply within 2h of that time publishes it) | scheduled for Sun 1 Nov 2026 12:30 UTC",
		"due":        "publish: publishes now, scheduled for Sun 1 Nov 2026 11:30 UTC | now",
		"kept_old":   `forget: keeps post 17900000000000070, which 17900000000000077 replaced, on Instagram and forgets it (deletion_policy "retain") | —`,
		"answers":    "unchanged: changes Terraform settings only (allow_duplicate); nothing changes on Instagram | —",
		"kept_replace": "replace: replaces post 17900000000000080 (a new post, a new link; the old post's likes and comments are lost); " +
			"the old post stays on Instagram (Terraform forgets it: lifecycle destroy = false) | now",
		"kept_replace_tofu": "replace: replaces post 17900000000000081 (a new post, a new link; the old post's likes and comments are lost); " +
			"the old post stays on Instagram (Terraform forgets it: lifecycle destroy = false) | now",
	} {
		if says[name] != want {
			t.Errorf("%s:\n got  %q\n want %q", name, says[name], want)
		}
	}
	for _, c := range pv.Cards {
		if c.Address == "instagram_media.kept_replace" && (c.Post.Caption.S != "new words" || c.Post.Deletes != "") {
			t.Errorf("a replacement that keeps the old post shows %q and deletes %q", c.Post.Caption.S, c.Post.Deletes)
		}
	}
	md := pv.Markdown(0)
	if !strings.Contains(md, "**Collaborators:** @\u2060a.one (accepted), @\u2060b.two (has not answered the invite yet), @\u2060c.three (declined)") {
		t.Errorf("the collaborators' answers are not shown:\n%s", md)
	}
	// A missed or removed post is not in the calendar; one published now (a
	// replacement too) is.
	var calendar []string
	for _, d := range pv.Calendar.Days {
		for _, e := range d.Entries {
			calendar = append(calendar, d.Date+" "+e.Time+" "+strings.TrimPrefix(e.Address, "instagram_media."))
		}
	}
	if got := strings.Join(calendar, ", "); got != "Sun 1 Nov 2026 12:00 late_now, Sun 1 Nov 2026 12:00 late_moved, Sun 1 Nov 2026 12:00 due, "+
		"Sun 1 Nov 2026 12:00 kept_replace, Sun 1 Nov 2026 12:00 kept_replace_tofu, Sun 1 Nov 2026 12:30 soon, "+
		"Sun 1 Nov 2026 20:00 staged, Tue 3 Nov 2026 08:00 again" {
		t.Errorf("calendar: %s", got)
	}
}

// What instagram_comment changes say: a replacement that deletes or
// forgets the old comment, and an old comment whose id is sensitive.
func TestPreview_commentShapes(t *testing.T) {
	comment := func(name, actions string, before, after map[string]any, beforeSensitive any) map[string]any {
		return resourceChange("instagram_comment."+name, actions, before, after, map[string]any{"id": true}, beforeSensitive, map[string]any{})
	}
	old := map[string]any{"id": "17850000000000009", "media_id": "17900000000000001", "message": "old words"}
	next := map[string]any{"media_id": "17900000000000001", "message": "new words"}
	pv := mustPreview(t, testPlan(t, nil,
		comment("replaced", "delete,create", old, next, map[string]any{}),
		comment("kept", "create,forget", old, next, map[string]any{}),
		comment("kept_tofu", "forget,create", old, next, map[string]any{}),
		comment("secret_id", "delete", old, nil, map[string]any{"id": true}),
	), Options{})
	got := map[string]string{}
	for _, c := range pv.Cards {
		var s strings.Builder
		for _, sp := range c.Says {
			s.WriteString(sp.Text)
		}
		got[strings.TrimPrefix(c.Address, "instagram_comment.")] = fmt.Sprintf("%s: %s | %s", c.Verb, s.String(), display(c.Message))
	}
	expectEach(t, got, map[string]string{
		"replaced":  "replace: replaces comment 17850000000000009 (deleted): comments on post 17900000000000001 | new words",
		"kept":      "replace: replaces comment 17850000000000009 (kept on Instagram, forgotten): comments on post 17900000000000001 | new words",
		"kept_tofu": "replace: replaces comment 17850000000000009 (kept on Instagram, forgotten): comments on post 17900000000000001 | new words",
		"secret_id": "delete: deletes comment (sensitive value) | old words",
	})
}

// Instagram's limits are checked on what goes out, and what the plan does
// not show is ❔, not ⛔: a carousel whose children are known after apply
// (the provider checks them at apply), an adopted carousel (no children in
// state) deleted or with its settings changed, collaborators that are
// sensitive as a whole (not even counted).
func TestPreview_checksOfWhatGoesOut(t *testing.T) {
	carousel := func(name, actions string, before, after, unknown, sensitive map[string]any) map[string]any {
		return resourceChange("instagram_media."+name, actions, before, after, unknown, false, sensitive)
	}
	adopted := func(policy string) map[string]any {
		return map[string]any{"id": "17900000000000090", "type": "CAROUSEL", "caption": "old", "children": []any{}, "status": "published", "deletion_policy": policy}
	}
	pv := mustPreview(t, testPlan(t, nil,
		carousel("later", "create", nil, map[string]any{"type": "CAROUSEL", "caption": "hi", "children": nil}, map[string]any{"id": true, "children": true}, map[string]any{}),
		carousel("secret_children", "create", nil, map[string]any{"type": "CAROUSEL", "children": []any{map[string]any{"image_url": "https://cdn.example.com/a.jpg"}}},
			map[string]any{"id": true}, map[string]any{"children": true}),
		carousel("gone", "delete", adopted("delete"), nil, map[string]any{}, map[string]any{}),
		carousel("adopted", "update", adopted("delete"), adopted("retain"), map[string]any{}, map[string]any{}),
		carousel("secret_collaborators", "create", nil, map[string]any{"type": "IMAGE", "image_url": "https://cdn.example.com/a.jpg",
			"collaborators": []any{"secret-a", "secret-b", "secret-c", "secret-d"}}, map[string]any{"id": true}, map[string]any{"collaborators": true}),
	), Options{})
	got := map[string]string{}
	for _, c := range pv.Cards {
		var checks []string
		for _, ch := range c.Checks {
			if ch.Name == "carousel items" || ch.Name == "collaborators" {
				checks = append(checks, ch.Name+" "+ratio(ch))
			}
		}
		got[strings.TrimPrefix(c.Address, "instagram_media.")] = fmt.Sprintf("%d checks, %s", len(c.Checks), strings.Join(checks, ", "))
	}
	expectEach(t, got, map[string]string{
		"later":                "4 checks, carousel items ? / 10",
		"secret_children":      "2 checks, carousel items ? / 10",
		"gone":                 "0 checks, ",
		"adopted":              "0 checks, ",
		"secret_collaborators": "1 checks, collaborators ? / 3",
	})
	if n := pv.Failed(); n != 0 {
		t.Errorf("%d cards break a limit", n)
	}
	for _, out := range []string{pv.Markdown(0), htmlOf(t, pv)} {
		if strings.Contains(out, "⛔") || strings.Contains(out, "secret-") || !strings.Contains(out, "Collaborators") {
			t.Errorf("a false limit, a secret, or no collaborators:\n%s", out)
		}
	}
}

func TestReadPlan_badInputs(t *testing.T) {
	for _, tc := range []struct{ name, input, want string }{
		{"empty", "", "the input is empty"},
		{"the plan's text output", "Terraform will perform the following actions:", `not a JSON object (it starts with "Terraform will perfo…")`},
		{"a binary plan file", "PK\x03\x04\x14\x00", "terraform show -json PLANFILE > plan.json"},
		{"a JSON array", "[1, 2]", "not a JSON object"},
		{"truncated JSON", `{"format_version": "1.2", "resource_changes": [`, "not valid JSON"},
		{"another tool's JSON", `{"name": "x"}`, "has no format_version"},
		{"a state", `{"format_version": "1.0", "values": {"root_module": {}}}`, "is a state"},
		{"a plan with the wrong shape", `{"format_version": "1.2", "resource_changes": {"a": 1}}`, "does not have the expected shape"},
		{"neither changes nor values", `{"format_version": "1.2"}`, "neither resource_changes nor planned_values"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPlan(strings.NewReader(tc.input))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "expected the JSON of `terraform show -json PLANFILE`") {
				t.Errorf("error %q does not say %q and what was expected", err, tc.want)
			}
		})
	}
}

func TestPreview_noInstagramChangesIsOneLine(t *testing.T) {
	for _, name := range []string{"no-changes", "other-only"} {
		data, err := os.ReadFile(filepath.Join("testdata", "plans", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		md := mustPreview(t, data, Options{}).Markdown(0)
		if strings.Count(md, "\n") != 1 || !strings.Contains(md, "changes no Instagram post") {
			t.Errorf("%s: want one line, got %q", name, md)
		}
	}
}

// Deferred changes (Terraform's deferred actions) are listed as deferred,
// one line each; the comment does not say the plan changes nothing.
func TestPreview_deferredChanges(t *testing.T) {
	var plan map[string]any
	if err := json.Unmarshal(testPlan(t, nil), &plan); err != nil {
		t.Fatal(err)
	}
	plan["deferred_changes"] = []any{
		map[string]any{"reason": "provider_config_unknown", "resource_change": resourceChange("instagram_media.later", "create", nil,
			map[string]any{"type": "IMAGE", "caption": "hi"}, map[string]any{"id": true}, false, map[string]any{})},
		map[string]any{"reason": "resource_config_unknown", "resource_change": resourceChange("null_resource.x", "create", nil,
			map[string]any{}, map[string]any{}, false, map[string]any{})},
	}
	data, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	pv := mustPreview(t, data, Options{})
	md, page := pv.Markdown(0), htmlOf(t, pv)
	for _, want := range []string{"1 change deferred to a later plan · 1 other change",
		"⏸️ <code>instagram_media.later</code> (create): the provider's configuration is known after apply"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "changes no Instagram") || strings.Contains(page, "changes no Instagram") {
		t.Errorf("the preview says the plan changes nothing:\n%s", md)
	}
	if !strings.Contains(page, "<li><code>instagram_media.later</code> (create): the provider&#39;s configuration is known after apply</li>") {
		t.Errorf("the HTML does not list the deferred change:\n%s", page)
	}
}

// hostile are captions (and alt texts) that try to break out of the
// Markdown or the HTML, run a script, or ping someone on GitHub.
var hostile = []string{
	`<script>document.title='pwned'</script>`,
	`<img src=x onerror="document.body.innerHTML='pwned'">`,
	`[click me](javascript:alert(1)) and ](javascript:alert(2))`,
	`</details><details open><summary>injected</summary>`,
	"a | table | pipe\n| --- | --- |",
	"@octocat and @github, see #123 and GH-42 and owner/repo#7",
	"**bold** _italic_ ~~strike~~ `code` $x^2$ :smile: ![img](https://evil.example/x.png)",
	"# a heading\n- a list\n1. a numbered list\n    an indented code block\n---\n===",
	`"><b id="injected">broken attribute</b>`,
	"\x00\x07\u2028control characters\u202e",
}

// hostileAddOns is a published post whose poll options, licensed audio
// and collaborators' answers (text a plan carries, shown outside the
// caption) are the hostile strings.
func hostileAddOns() map[string]any {
	post := map[string]any{
		"type": "IMAGE", "id": "17900000000000099", "status": "published", "image_url": "https://cdn.example.com/x.jpg",
		"poll":          map[string]any{"options": []any{hostile[0], hostile[1], hostile[3], hostile[4]}},
		"audio":         map[string]any{"audio_id": hostile[2]},
		"collaborators": []any{"friend"},
	}
	after := map[string]any{"allow_duplicate": true, "collaborator_invites": map[string]any{"friend": hostile[5] + hostile[8]}}
	for k, v := range post {
		after[k] = v
	}
	return map[string]any{
		"address": "instagram_media.addons", "mode": "managed", "type": "instagram_media", "name": "addons",
		"change": map[string]any{"actions": []string{"update"}, "before": post, "after": after, "after_unknown": map[string]any{}},
	}
}

// hostileKeys are scheduled posts whose for_each keys are the hostile
// strings: addresses are user text too, in the table, the headings, the
// calendar and the grid.
func hostileKeys() []testPost {
	var posts []testPost
	for i, key := range escapeInputs {
		posts = append(posts, testPost{Address: fmt.Sprintf("instagram_media.k%d[\"%s\"]", i, key), Caption: "key",
			Image: "https://cdn.example.com/x.jpg", PublishAt: "2026-11-02T09:00:00Z"})
	}
	return posts
}

func TestMarkdown_hostileCaptions(t *testing.T) {
	var posts []testPost
	for i, c := range hostile {
		posts = append(posts, testPost{Address: "instagram_media.h" + string(rune('a'+i)), Caption: c, AltText: c, Image: "https://cdn.example.com/x.jpg"})
	}
	posts = append(posts, testPost{Address: `instagram_media.key["</code>|@octocat"]`, Caption: "key", Image: "javascript:alert(1)"})
	posts = append(posts, hostileKeys()...)
	md := mustPreview(t, testPlan(t, posts, hostileAddOns()), Options{}).Markdown(0)
	for _, shown := range []string{"**Labels:** Poll\\: &lt;script&gt;", "**Licensed audio:** audio \\[click me\\]", "**Collaborators:** @\u2060friend ("} {
		if !strings.Contains(md, shown) {
			t.Errorf("the Markdown lacks %q", shown)
		}
	}

	for _, bad := range []string{"<script", "<img src=x", "<b id=", "</details><details open>", `src="javascript`, "\x00", "\x07"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown contains %q", bad)
		}
	}
	if m := regexp.MustCompile(`(^|[^\\])\]\(`).FindString(md); m != "" {
		t.Errorf("the Markdown has a link a caption made: %q", m)
	}
	// No GitHub mention, issue or GH- reference: an @ or # directly followed
	// by a word character (the word joiner sits between them).
	text := regexp.MustCompile(`&#?\w+;`).ReplaceAllString(md, " ") // entities are no references
	if m := regexp.MustCompile(`(?:^|[^\w])[@#]\w|GH-\d`).FindAllString(text, -1); len(m) > 0 {
		t.Errorf("the Markdown has GitHub references: %q", m)
	}
	// Every row of every table has as many cells as its header: a pipe
	// from a caption is escaped.
	cells := -1
	for line := range strings.SplitSeq(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cells = -1
			continue
		}
		n := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(line, -1))
		if cells == -1 {
			cells = n
		} else if n != cells {
			t.Errorf("a table row has %d cells, its header %d: %s", n, cells, line)
		}
	}
	// Invisible reordering is shown, not applied.
	if strings.Contains(md, "\u202e") || !strings.Contains(md, `\[U+202E\]`) {
		t.Error("a right-to-left override is not made visible")
	}
	// <details> opened and closed as many times.
	if o, c := strings.Count(md, "<details>"), strings.Count(md, "</details>"); o != c {
		t.Errorf("%d <details> and %d </details>", o, c)
	}
	// Headings and lists of captions stay text inside the quote.
	for _, line := range []string{"> \\# a heading", "> \\- a list", "> 1\\. a numbered list", "> \u00a0\u00a0\u00a0\u00a0an indented code block"} {
		if !strings.Contains(md, line) {
			t.Errorf("the Markdown lacks the escaped line %q", line)
		}
	}
}

func TestHTML_hostileCaptions(t *testing.T) {
	var posts []testPost
	for i, c := range hostile {
		posts = append(posts, testPost{Address: "instagram_media.h" + string(rune('a'+i)), Caption: c, AltText: c, Image: "https://cdn.example.com/x.jpg"})
	}
	posts = append(posts, testPost{Address: "instagram_media.js", Caption: "x", Image: "javascript:alert(1)"})
	posts = append(posts, hostileKeys()...)
	page := htmlOf(t, mustPreview(t, testPlan(t, posts, hostileAddOns()), Options{}))
	for _, bad := range []string{"<script", "<img src=x", `<b id="injected"`, `src="javascript`, `href="javascript`, "onerror=\"", "</details><details open>"} {
		if strings.Contains(page, bad) {
			t.Errorf("the HTML contains %q", bad)
		}
	}
	if strings.ContainsAny(page, "\u202e\x00\x07") || !strings.Contains(page, "[U&#43;202E]") {
		t.Error("control characters reach the page")
	}
	if !strings.Contains(page, `content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'`) {
		t.Error("the HTML has no Content-Security-Policy that forbids scripts")
	}
}

func TestPreview_sensitiveValuesAreMasked(t *testing.T) {
	plan := testPlan(t, nil, map[string]any{
		"address": "instagram_media.s", "mode": "managed", "type": "instagram_media", "name": "s",
		"change": map[string]any{
			"actions": []string{"create"}, "before": nil,
			"after": map[string]any{
				"type": "CAROUSEL", "caption": "secret-caption", "collaborators": []any{"secret-collab", "visible.collab"},
				"collaborator_invites": map[string]any{"visible.collab": "secret-answer"},
				"poll":                 map[string]any{"options": []any{"secret-option", "b"}},
				"audio":                map[string]any{"audio_id": "secret-audio", "audio_volume": 50},
				"children": []any{
					map[string]any{"image_url": "https://cdn.example.com/secret-child.jpg", "alt_text": "secret-alt"},
					map[string]any{"image_url": "https://cdn.example.com/b.jpg", "user_tags": []any{map[string]any{"username": "secret-tag", "x": 0.5, "y": 0.5}}},
				},
			},
			"after_unknown": map[string]any{"id": true},
			"after_sensitive": map[string]any{"caption": true, "collaborators": []any{true, false}, "collaborator_invites": true,
				"poll": map[string]any{"options": []any{true, false}}, "audio": map[string]any{"audio_id": true},
				"children": []any{map[string]any{"image_url": true, "alt_text": true}, map[string]any{"user_tags": true}}},
		},
	})
	pv := mustPreview(t, plan, Options{})
	for _, out := range []string{pv.Markdown(0), htmlOf(t, pv)} {
		if strings.Contains(out, "secret-") {
			t.Errorf("a sensitive value is shown:\n%s", out)
		}
		if !strings.Contains(out, "(sensitive value)") {
			t.Error("no placeholder says a value is sensitive")
		}
	}
}

func TestMarkdown_fitsGitHubComment(t *testing.T) {
	for _, tc := range []struct {
		name      string
		posts     int
		notice    string
		noCaption bool
	}{
		{"small: everything", 5, "", false},
		{"medium: folded", 60, "every post is folded below", false},
		{"large: table only", 2000, "only the summary table is shown", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md := mustPreview(t, testPlan(t, manyPosts(tc.posts, 400)), Options{}).Markdown(0)
			if len(md) > MaxCommentLength {
				t.Fatalf("%d bytes, more than %d", len(md), MaxCommentLength)
			}
			if tc.notice != "" && !strings.Contains(md, tc.notice) {
				t.Errorf("no notice %q", tc.notice)
			}
			if tc.notice == "" && strings.Contains(md, "[!NOTE]") {
				t.Error("a notice although it fits")
			}
			if tc.noCaption && strings.Contains(md, "More words") {
				t.Error("the table-only comment has captions")
			}
		})
	}
}

// The notice names the limit the comment was made for (--max-length).
func TestMarkdown_noticeSaysTheLimit(t *testing.T) {
	pv := mustPreview(t, testPlan(t, manyPosts(5, 400)), Options{})
	md := pv.Markdown(3000)
	if len(md) > 3000 || !strings.Contains(md, "more than the comment may hold (3,000)") {
		t.Errorf("%d bytes:\n%s", len(md), md)
	}
}

func TestCalendar_overQuota(t *testing.T) {
	posts := []testPost{
		{Address: "instagram_media.a", Image: "https://cdn.example.com/a.jpg", PublishAt: "2026-11-02T09:00:00+01:00"},
		{Address: "instagram_media.b", Image: "https://cdn.example.com/b.jpg", PublishAt: "2026-11-02T10:00:00+01:00"},
		{Address: "instagram_media.c", Image: "https://cdn.example.com/c.jpg", PublishAt: "2026-11-03T08:00:00+01:00"},
		{Address: "instagram_media.d", Image: "https://cdn.example.com/d.jpg", PublishAt: "2026-11-05T08:00:00+01:00"},
	}
	pv := mustPreview(t, testPlan(t, posts), Options{Quota: 2})
	cal := pv.Calendar
	if cal == nil || len(cal.Days) != 3 || cal.Zone != "UTC+01:00" {
		t.Fatalf("calendar %+v", cal)
	}
	if len(cal.Over) != 1 || cal.Over[0].Count != 3 || strings.Join(cal.Over[0].Addresses, ",") != "instagram_media.a,instagram_media.b,instagram_media.c" {
		t.Errorf("over quota: %+v", cal.Over)
	}
	md := pv.Markdown(0)
	if !strings.Contains(md, "⛔ **3 posts from Mon 2 Nov 2026 09\\:00 UTC+01\\:00 to Tue 3 Nov 2026 08\\:00 UTC+01\\:00 exceed the quota of 2 per 24 hours**") {
		t.Errorf("no quota warning in\n%s", md)
	}
}

// A scheduled post whose publish_at is sensitive or known after apply is
// named under the calendar, never placed on a day, and its time is never
// shown.
func TestCalendar_timeNotShown(t *testing.T) {
	scheduled := func(name string, sensitive, unknown map[string]any) map[string]any {
		after := map[string]any{"type": "IMAGE", "image_url": "https://cdn.example.com/a.jpg", "status": "scheduled", "publish_at": "2026-11-05T10:00:00Z"}
		if len(unknown) > 0 {
			after["publish_at"] = nil
		}
		unknown["id"] = true
		return map[string]any{
			"address": "instagram_media." + name, "mode": "managed", "type": "instagram_media", "name": name,
			"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": unknown,
				"after_sensitive": sensitive, "before_sensitive": false},
		}
	}
	for _, tc := range []struct {
		name, placeholder string
		change            map[string]any
	}{
		{"sensitive", "(sensitive value)", scheduled("secret_time", map[string]any{"publish_at": true}, map[string]any{})},
		{"unknown", "(known after apply)", scheduled("later", map[string]any{}, map[string]any{"publish_at": true})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pv := mustPreview(t, testPlan(t, nil, tc.change), Options{})
			if cal := pv.Calendar; cal == nil || len(cal.Days) != 0 || len(cal.Unplaced) != 1 {
				t.Fatalf("calendar %+v", cal)
			}
			md, page := pv.Markdown(0), htmlOf(t, pv)
			for _, out := range []string{md, page} {
				if strings.Contains(out, "2026-11-05") || strings.Contains(out, "5 Nov") || strings.Contains(out, "10:00") || strings.Contains(out, "10\\:00") {
					t.Errorf("the time is shown:\n%s", out)
				}
				if !strings.Contains(out, "scheduled for "+tc.placeholder+": not in the calendar nor counted against the quota") {
					t.Errorf("the post is not named under the calendar:\n%s", out)
				}
			}
		})
	}
}

// The calendar of the golden scheduled plan (the real CLI's, planned on
// Sun 1 Nov 2026 at 13:00 +01:00 for an account whose quota is 3): every
// post on its day in the posts' own offset, the posts of every rolling 24
// hours counted with the account's posts of the last 24 hours, and the one
// window over the quota named with its posts.
func TestCalendar_scheduledPlan(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "scheduled.json"))
	if err != nil {
		t.Fatal(err)
	}
	pv := mustPreview(t, data, Options{})
	cal := pv.Calendar
	if cal == nil || cal.Quota != 3 || cal.QuotaSource != "data.instagram_content_publishing_limit.quota" || cal.Zone != "UTC+01:00" {
		t.Fatalf("calendar %+v", cal)
	}
	var days []string
	for _, d := range cal.Days {
		var entries []string
		for _, e := range d.Entries {
			entries = append(entries, fmt.Sprintf("%s %s %s %d%s", e.Time, strings.TrimPrefix(e.Address, "instagram_media."), e.Type, e.InWindow, map[bool]string{true: "⛔"}[e.Over]))
		}
		days = append(days, d.Date+": "+strings.Join(entries, ", "))
	}
	want := []string{
		// Now, with the account's two posts of the last 24 hours (06:00 and
		// 00:00 UTC; the one of exactly 24 hours ago is out of the window).
		"Sun 1 Nov 2026: 13:00 now IMAGE 3",
		"Mon 2 Nov 2026: 09:00 monday_launch IMAGE 2, 18:30 monday_reel REELS 2",
		"Tue 3 Nov 2026: 12:00 tuesday_poll IMAGE 2, 17:00 tuesday_lookbook CAROUSEL 3, 20:00 tuesday_prompt IMAGE 3",
		"Wed 4 Nov 2026: 08:15 wednesday_morning IMAGE 4⛔",
		"Fri 6 Nov 2026: 09:00 friday IMAGE 1",
	}
	if strings.Join(days, "\n") != strings.Join(want, "\n") {
		t.Errorf("calendar days:\n%s\nwant\n%s", strings.Join(days, "\n"), strings.Join(want, "\n"))
	}
	if len(cal.Over) != 1 || cal.Over[0].Count != 4 || cal.Over[0].Published != 0 ||
		strings.Join(cal.Over[0].Addresses, ",") != "instagram_media.tuesday_poll,instagram_media.tuesday_lookbook,instagram_media.tuesday_prompt,instagram_media.wednesday_morning" {
		t.Errorf("over the quota: %+v", cal.Over)
	}
	md := pv.Markdown(0)
	for _, line := range []string{
		"1 post published now · 7 posts scheduled",
		"**Calendar** (times UTC+01\\:00; quota 3 posts per moving 24 hours, from <code>data.instagram_content_publishing_limit.quota</code>)",
		"| Wed 4 Nov 2026 | 08\\:15 | <code>instagram_media.wednesday_morning</code> IMAGE | 4 / 3 ⛔ |",
		"⛔ **4 posts from Tue 3 Nov 2026 12\\:00 UTC+01\\:00 to Wed 4 Nov 2026 08\\:15 UTC+01\\:00 exceed the quota of 3 per 24 hours**: " +
			"<code>instagram_media.tuesday_poll</code>, <code>instagram_media.tuesday_lookbook</code>, <code>instagram_media.tuesday_prompt</code>, " +
			"<code>instagram_media.wednesday_morning</code>.",
		"**Licensed audio:** Morning Pour by The Roasters (audio 612345678901234); volume 80 %, the video's own sound 20 %",
		"**Labels:** Poll\\: Sage / Sand / Sky (open 3 days)",
		"**Labels:** Comment prompt",
	} {
		if !strings.Contains(md, line+"\n") {
			t.Errorf("the Markdown lacks the line\n%s\n---\n%s", line, md)
		}
	}
	page := htmlOf(t, pv)
	for _, s := range []string{
		`<td>Wed 4 Nov 2026</td><td>08:15</td><td><code>instagram_media.wednesday_morning</code> IMAGE</td><td class="over">4 / 3</td>`,
		`<p class="over">⛔ 4 posts from Tue 3 Nov 2026 12:00 UTC&#43;01:00 to Wed 4 Nov 2026 08:15 UTC&#43;01:00 exceed the quota of 3 per 24 hours:`,
		`<dt>Licensed audio</dt><dd>Morning Pour by The Roasters (audio 612345678901234); volume 80 %, the video&#39;s own sound 20 %</dd>`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("the HTML lacks %s", s)
		}
	}
}

func TestGrid_newPostsOnTopOfCurrentOnes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "changes.json"))
	if err != nil {
		t.Fatal(err)
	}
	g := mustPreview(t, data, Options{}).Grid
	if g.Source != "data.instagram_account_media.current" || len(g.Cells) == 0 || !g.Cells[0].New || g.Cells[0].Address != "instagram_media.summer" {
		t.Fatalf("grid %+v", g)
	}
	for _, c := range g.Cells[1:] {
		if c.New {
			t.Errorf("a second new post: %+v", c)
		}
	}
	// The replaced and the deleted posts are gone from the grid; the
	// retained and the forgotten ones stay on Instagram, and on the grid.
	onGrid := map[string]bool{}
	for _, c := range g.Cells {
		onGrid[c.Link] = true
	}
	for link, want := range map[string]bool{
		"https://www.instagram.com/p/D7fN7W72-ne/": false, // summer's old post, republished
		"https://www.instagram.com/p/D_DipzraTNj/": false, // old_promo, deleted
		"https://www.instagram.com/p/DgpubIaoPKj/": true,  // archive, retained
		"https://www.instagram.com/p/DLVVqJUrY9X/": true,  // forgotten
	} {
		if onGrid[link] != want {
			t.Errorf("%s on the grid: %v, want %v", link, onGrid[link], want)
		}
	}
}

func BenchmarkPreview2000Posts(b *testing.B) {
	data := testPlan(b, manyPosts(2000, 600))
	var md string
	var page bytes.Buffer
	for b.Loop() {
		p, err := ReadPlan(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		pv := Build(p, Options{})
		md = pv.Markdown(0)
		page.Reset()
		if err := pv.HTML(&page); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "plan-bytes")
	b.ReportMetric(float64(len(md)), "markdown-bytes")
	b.ReportMetric(float64(page.Len()), "html-bytes")
}

func TestInstagramLink(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.instagram.com/p/DLVVqJUrY9X/":               true,
		"https://www.instagram.com/reel/DsyND4dxIBg/":            true,
		"https://www.instagram.com/p/x)[a](javascript:alert(1)":  false,
		"https://www.instagram.com.evil.example/p/x/":            false,
		"http://www.instagram.com/p/x/":                          false,
		"https://www.instagram.com/p/x/\"onmouseover=\"alert(1)": false,
	} {
		if got := instagramLink(u) != ""; got != want {
			t.Errorf("instagramLink(%q) kept %v, want %v", u, got, want)
		}
	}
}
