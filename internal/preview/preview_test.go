package preview

import (
	"bytes"
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

// The words a reviewer reads for each change (spec-*.json are hand-made
// in the shape of the coming publish_at/status attributes).
func TestPreview_whatChangesMean(t *testing.T) {
	says := map[string]string{}
	verbs := map[string]Verb{}
	for _, name := range []string{"create", "changes", "spec-scheduled", "spec-lifecycle"} {
		data, err := os.ReadFile(filepath.Join("testdata", "plans", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range mustPreview(t, data, Options{}).Cards {
			var s strings.Builder
			for _, sp := range c.Says {
				s.WriteString(sp.Text)
			}
			says[c.Address], verbs[c.Address] = s.String()+" | "+c.WhenText, c.Verb
		}
	}
	for address, want := range map[string]string{
		"instagram_media.launch":            "publishes a new post | now",
		"instagram_comment.first":           "comments on the new post instagram_media.launch | now",
		"instagram_comment_settings.teaser": "turns comments off for the new post instagram_media.teaser",
		"instagram_media.summer":            "replaces post 179",
		"instagram_media.old_promo":         "deletes post 179",
		"instagram_media.archive":           "keeps post 179",
		"instagram_media.forgotten":         "keeps post 179",
		"instagram_media.policy":            "changes Terraform settings only (deletion_policy)",
		"instagram_comment.promo":           "deletes comment 178",
		"instagram_comment_settings.policy": "turns comments on for post 179",
		"instagram_media.monday_launch":     "schedules a post for Mon 2 Nov 2026 09:00 UTC+01:00",
		"instagram_media.now":               "publishes a new post | now",
		"instagram_media.due":               "publishes now, scheduled for Sun 1 Nov 2026 11:30 UTC | now",
		"instagram_media.edited":            "replaces post 17900000000000042 (a new post, a new link; the old post's likes and comments are lost); the old post is deleted",
		"instagram_media.edited_kept":       "the old post stays on Instagram",
		"instagram_media.late":              "missed its time; not published",
		"instagram_media.rescheduled":       "changes a scheduled post (nothing is published yet); goes out Fri 6 Nov 2026 09:00 UTC+01:00",
		"instagram_media.cancelled":         "removes a scheduled post (nothing was published)",
		"instagram_media.replaced":          "replaces post 17900000000000044",
		"instagram_media.retired":           "keeps post 17900000000000045 on Instagram, forgets it",
		"instagram_media.settings":          "changes Terraform settings only (deletion_policy); nothing changes on Instagram",
		"instagram_media.secret":            "publishes a new post",
		"instagram_media.behind_the_scenes": "publishes a new post",
		"instagram_media.wednesday_audio":   "schedules a post for Wed 4 Nov 2026 08:15 UTC+01:00",
		"instagram_media.tuesday_poll":      "schedules a post",
		"instagram_media.monday_reel":       "schedules a post",
		"instagram_media.lookbook":          "publishes a new post",
		"instagram_media.story":             "publishes a new story (visible for 24 hours)",
		"instagram_media.teaser":            "publishes a new post",
	} {
		if got, ok := says[address]; !ok || !strings.Contains(got, want) {
			t.Errorf("%s says %q, want it to contain %q", address, got, want)
		}
	}
	if len(says) != 29 {
		t.Errorf("%d cards, want 29: %v", len(says), says)
	}
	if verbs["instagram_media.settings"] != VerbUnchanged || verbs["instagram_media.edited"] != VerbReplace || verbs["instagram_media.cancelled"] != VerbForget {
		t.Errorf("verbs: %v", verbs)
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

func TestMarkdown_hostileCaptions(t *testing.T) {
	var posts []testPost
	for i, c := range hostile {
		posts = append(posts, testPost{Address: "instagram_media.h" + string(rune('a'+i)), Caption: c, AltText: c, Image: "https://cdn.example.com/x.jpg"})
	}
	posts = append(posts, testPost{Address: `instagram_media.key["</code>|@octocat"]`, Caption: "key", Image: "javascript:alert(1)"})
	md := mustPreview(t, testPlan(t, posts), Options{}).Markdown(0)

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
	page := htmlOf(t, mustPreview(t, testPlan(t, posts), Options{}))
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
				"type": "CAROUSEL", "caption": "secret-caption", "collaborators": []any{"secret-collab"},
				"children": []any{
					map[string]any{"image_url": "https://cdn.example.com/secret-child.jpg", "alt_text": "secret-alt"},
					map[string]any{"image_url": "https://cdn.example.com/b.jpg", "user_tags": []any{map[string]any{"username": "secret-tag", "x": 0.5, "y": 0.5}}},
				},
			},
			"after_unknown": map[string]any{"id": true},
			"after_sensitive": map[string]any{"caption": true, "collaborators": true,
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
	// The replaced and the deleted posts are gone from the grid.
	for _, c := range g.Cells {
		if strings.Contains(c.Image.S, "old-promo") {
			t.Errorf("a deleted post is still on the grid: %+v", c)
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
