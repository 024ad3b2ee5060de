package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// changeOf is a resource change with its values as nodes.
type changeOf struct {
	rc            ResourceChange
	before, after node
	actions       string // "create", "delete,create", …
	now           time.Time
	refs          func(address, attr string) string
	dir           string
}

func newChange(rc ResourceChange, now time.Time, refs func(string, string) string, dir string) changeOf {
	return changeOf{
		rc:      rc,
		before:  node{v: rc.Change.Before, sensitive: rc.Change.BeforeSensitive},
		after:   node{v: rc.Change.After, sensitive: rc.Change.AfterSensitive, unknown: rc.Change.AfterUnknown},
		actions: strings.Join(rc.Change.Actions, ","),
		now:     now,
		refs:    refs,
		dir:     dir,
	}
}

func (c changeOf) replaces() bool {
	return c.actions == "delete,create" || c.actions == "create,delete"
}

func (c changeOf) forgets() bool { return slices.Contains(c.rc.Change.Actions, "forget") }

// card is the change as a card, nil when nothing happens (no-op, read).
func (c changeOf) card() *Card {
	if c.actions == "no-op" || c.actions == "read" || c.actions == "" {
		return nil
	}
	var card *Card
	switch c.rc.Type {
	case typeMedia:
		card = c.mediaCard()
	case typeComment:
		card = c.commentCard()
	case typeCommentSettings:
		card = c.commentSettingsCard()
	default:
		card = c.otherCard()
	}
	card.Address, card.Kind = c.rc.Address, c.rc.Type
	if c.rc.Deposed != "" {
		card.Address += " (deposed " + c.rc.Deposed + ")"
	}
	return card
}

func (c changeOf) mediaCard() *Card {
	status, was := c.after.get("status").str(), c.before.get("status").str()
	publishAt := parseTime(c.after.get("publish_at").str())
	if publishAt.IsZero() {
		publishAt = parseTime(c.before.get("publish_at").str())
	}
	oldID, oldLink := c.before.get("id").str(), instagramLink(c.before.get("permalink").str())
	old := []Span{{Text: "post " + oldID, Link: oldLink}}
	if oldID == "" {
		old = []Span{{Text: "a post"}}
	}
	retain := c.after.get("deletion_policy").str() == "retain"
	if c.after.isNull() {
		retain = c.before.get("deletion_policy").str() == "retain"
	}
	card := &Card{Post: c.post(c.after)}
	scheduled := func(says ...Span) *Card {
		card.Verb, card.When, card.Says = VerbSchedule, publishAt, says
		card.WhenText = "scheduled for " + formatTime(publishAt)
		return card
	}
	now := func(says ...Span) *Card {
		card.Verb, card.Says, card.WhenText = VerbPublish, says, "now"
		return card
	}
	replace := func() *Card {
		card.Verb, card.WhenText = VerbReplace, "now"
		card.Says = append(append([]Span{{Text: "replaces", Strong: true}, {Text: " "}}, old...),
			Span{Text: " (a new post, a new link; the old post's likes and comments are lost)"})
		if retain {
			card.Says = append(card.Says, Span{Text: "; the old post stays on Instagram (deletion_policy \"retain\")"})
		} else {
			card.Says = append(card.Says, Span{Text: "; the old post is deleted"})
		}
		card.Post.OldID, card.Post.OldLink = oldID, oldLink
		return card
	}
	gone := func(verb Verb, says ...Span) *Card {
		card.Verb, card.Says, card.Post, card.WhenText = verb, says, c.post(c.before), "now"
		if verb == VerbForget {
			card.WhenText = "—"
		}
		card.Post.OldID, card.Post.OldLink = oldID, oldLink
		return card
	}
	futureAt := !publishAt.IsZero() && (c.now.IsZero() || publishAt.After(c.now))

	switch {
	case c.actions == "create" && (status == "scheduled" || status == "" && futureAt):
		return scheduled(Span{Text: "schedules a post for " + formatTime(publishAt)}, Span{Text: " (nothing is published before then)"})
	case c.actions == "create" && !publishAt.IsZero():
		return now(Span{Text: "publishes a new post", Strong: true}, Span{Text: " now (its publish_at, " + formatTime(publishAt) + ", has come)"})
	case c.actions == "create" && card.Post.Type == "STORIES":
		return now(Span{Text: "publishes a new story", Strong: true}, Span{Text: " (visible for 24 hours)"})
	case c.actions == "create":
		return now(Span{Text: "publishes a new post", Strong: true})
	case c.actions == "update" && status == "missed":
		card.Verb, card.WhenText = VerbMissed, "not published"
		card.Says = []Span{{Text: "missed its time", Strong: true}, {Text: fmt.Sprintf("; not published (scheduled for %s; change publish_at to reschedule)", formatTime(publishAt))}}
		return card
	case c.actions == "update" && was == "scheduled" && (status == "published" || c.after.get("id").isUnknown()):
		return now(Span{Text: "publishes now", Strong: true}, Span{Text: ", scheduled for " + formatTime(publishAt)})
	case c.actions == "update" && was == "scheduled":
		return scheduled(Span{Text: "changes a scheduled post"}, Span{Text: " (nothing is published yet); goes out " + formatTime(publishAt)})
	case c.actions == "update" && c.after.get("id").isUnknown() && oldID != "":
		return replace()
	case c.actions == "update":
		card.Verb, card.WhenText = VerbUnchanged, "—"
		card.Says = []Span{{Text: "changes Terraform settings only"}, {Text: " (" + strings.Join(changedAttributes(c.before, c.after), ", ") + "); nothing changes on Instagram"}}
		return card
	case c.replaces() && was == "scheduled":
		return scheduled(Span{Text: "changes a scheduled post"}, Span{Text: " (nothing was published); goes out " + formatTime(publishAt)})
	case c.replaces():
		return replace()
	case c.forgets() && was == "scheduled", c.actions == "delete" && was == "scheduled":
		return gone(VerbForget, Span{Text: "removes a scheduled post"}, Span{Text: " (nothing was published)"})
	case c.forgets():
		return gone(VerbForget, Span{Text: "keeps", Strong: true}, Span{Text: " "}, old[0], Span{Text: " on Instagram, forgets it"})
	case c.actions == "delete" && retain:
		return gone(VerbForget, Span{Text: "keeps", Strong: true}, Span{Text: " "}, old[0], Span{Text: " on Instagram, forgets it (deletion_policy \"retain\")"})
	case c.actions == "delete" && c.rc.Deposed != "":
		return gone(VerbDelete, Span{Text: "deletes", Strong: true}, Span{Text: " "}, old[0], Span{Text: ", left over from an earlier replacement"})
	case c.actions == "delete":
		return gone(VerbDelete, Span{Text: "deletes", Strong: true}, Span{Text: " "}, old[0], Span{Text: " from Instagram"})
	}
	return c.otherCardInto(card)
}

func (c changeOf) commentCard() *Card {
	card := &Card{Message: c.after.get("message").text()}
	oldID := c.before.get("id").str()
	switch {
	case c.actions == "create" || c.replaces():
		on := c.postRef(c.after)
		if reply := c.after.get("reply_to"); !reply.isNull() {
			on = append([]Span{{Text: "replies to comment " + display(reply.text()) + " on "}}, on...)
		} else {
			on = append([]Span{{Text: "comments on "}}, on...)
		}
		card.Verb, card.Says, card.WhenText = VerbPublish, on, "now"
		if c.replaces() {
			card.Verb = VerbReplace
			card.Says = append([]Span{{Text: "replaces", Strong: true}, {Text: " comment " + oldID + " (deleted): "}}, card.Says...)
		}
	case c.actions == "delete":
		card.Message = c.before.get("message").text()
		card.Verb, card.Says = VerbDelete, []Span{{Text: "deletes", Strong: true}, {Text: " comment " + oldID}}
	case c.forgets():
		card.Message = c.before.get("message").text()
		card.Verb, card.Says = VerbForget, []Span{{Text: "keeps", Strong: true}, {Text: " comment " + oldID + " on Instagram, forgets it"}}
	default:
		card.Verb, card.WhenText = VerbUnchanged, "—"
		card.Says = []Span{{Text: "changes Terraform settings only"}, {Text: " (" + strings.Join(changedAttributes(c.before, c.after), ", ") + ")"}}
	}
	card.Checks = textChecks(card.Message)
	return card
}

func (c changeOf) commentSettingsCard() *Card {
	card := &Card{Verb: VerbUpdate, WhenText: "now"}
	switch {
	case c.actions == "delete":
		card.Says = append([]Span{{Text: "turns comments back on", Strong: true}, {Text: " for "}}, c.postRef(c.before)...)
		card.Says = append(card.Says, Span{Text: " (Terraform stops managing them)"})
	case c.forgets():
		card.Verb, card.WhenText = VerbForget, "—"
		card.Says = append([]Span{{Text: "forgets the comment setting of "}}, c.postRef(c.before)...)
		card.Says = append(card.Says, Span{Text: "; nothing changes on Instagram"})
	default:
		enabled := c.after.get("comments_enabled")
		what := "turns comments on"
		switch {
		case enabled.isSensitive() || enabled.isUnknown():
			what = "sets comments on or off (known after apply)"
		case !enabled.isTrue():
			what = "turns comments off"
		}
		card.Says = append([]Span{{Text: what, Strong: true}, {Text: " for "}}, c.postRef(c.after)...)
	}
	return card
}

// otherCard is any other instagram_* change, said plainly.
func (c changeOf) otherCard() *Card { return c.otherCardInto(&Card{}) }

func (c changeOf) otherCardInto(card *Card) *Card {
	verb, word := VerbUpdate, "updates"
	switch {
	case c.replaces():
		verb, word = VerbReplace, "replaces"
	case c.actions == "create":
		verb, word = VerbPublish, "creates"
	case c.actions == "delete":
		verb, word = VerbDelete, "deletes"
	case c.forgets():
		verb, word = VerbForget, "forgets (keeps on Instagram)"
	}
	card.Verb, card.Says, card.WhenText = verb, []Span{{Text: word, Strong: true}, {Text: " " + c.rc.Address}}, "now"
	return card
}

// postRef names the post media_id points at: its id, or the new post the
// configuration refers to.
func (c changeOf) postRef(n node) []Span {
	const attr = "media_id"
	id := n.get(attr)
	switch {
	case id.isSensitive():
		return []Span{{Text: "a post (sensitive value)"}}
	case id.isUnknown():
		if ref := c.refs(c.rc.Address, attr); ref != "" {
			return []Span{{Text: "the new post "}, {Text: ref, Strong: true}}
		}
		return []Span{{Text: "a post known after apply"}}
	}
	return []Span{{Text: "post " + id.str()}}
}

// post reads what a post looks like from instagram_media's values.
func (c changeOf) post(n node) *Post {
	p := &Post{
		Type:       n.get("type").str(),
		Caption:    n.get("caption").text(),
		AltText:    n.get("alt_text").text(),
		LocationID: n.get("location_id").text(),
		AudioName:  n.get("audio_name").text(),
		UserTags:   userTags(n.get("user_tags")),
	}
	for _, v := range n.get("collaborators").items() {
		p.Collaborators = append(p.Collaborators, v.text())
	}
	if p.Type == "CAROUSEL" {
		for _, child := range n.get("children").items() {
			p.Items = append(p.Items, c.item(child, child.get("image_url")))
		}
	} else if !n.isNull() {
		img := n.get("image_url")
		if img.isNull() {
			img = n.get("cover_url")
		}
		it := c.item(n, img)
		it.AltText, it.UserTags = Text{State: Null}, nil // shown once, for the post
		p.Items = []Item{it}
	}
	p.Labels = labels(n, p.Type)
	return p
}

func (c changeOf) item(n, image node) Item {
	it := Item{
		Image:     image.text(),
		VideoURL:  n.get("video_url").text(),
		VideoFile: n.get("video_file").text(),
		VideoHash: n.get("video_file_hash").text(),
		VideoSize: -1,
		AltText:   n.get("alt_text").text(),
		UserTags:  userTags(n.get("user_tags")),
	}
	it.Video = it.VideoURL.Present() || it.VideoFile.Present()
	if f := it.VideoFile; f.Visible() && c.dir != "" {
		path := f.S
		if !filepath.IsAbs(path) {
			path = filepath.Join(c.dir, path)
		}
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			it.VideoSize = st.Size()
		}
	}
	return it
}

func userTags(n node) []UserTag {
	var out []UserTag
	for _, t := range n.items() {
		tag := UserTag{Username: t.get("username").text()}
		if x, ok := t.get("x").number(); ok {
			tag.X = &x
		}
		if y, ok := t.get("y").number(); ok {
			tag.Y = &y
		}
		out = append(out, tag)
	}
	return out
}

// labels are the labels Instagram shows on the post, and what else a
// reviewer should know about where it appears.
func labels(n node, typ string) []string {
	var out []string
	if n.get("is_paid_partnership").isTrue() || len(n.get("branded_content_sponsor_ids").items()) > 0 {
		out = append(out, "Paid partnership")
	}
	if n.get("is_ai_generated").isTrue() {
		out = append(out, "AI info")
	}
	if s := n.get("trial_params").get("graduation_strategy"); !s.isNull() {
		out = append(out, "Trial reel ("+display(s.text())+")")
	}
	if typ == "REELS" && n.get("share_to_feed").v == false {
		out = append(out, "Reels tab only")
	}
	if typ == "STORIES" {
		out = append(out, "Story (visible 24 hours, not on the grid)")
	}
	if opts := n.get("poll").get("options").items(); len(opts) > 0 {
		var s []string
		for _, o := range opts {
			s = append(s, display(o.text()))
		}
		out = append(out, "Poll: "+strings.Join(s, " / "))
	}
	if n.get("comment_prompt").isTrue() {
		out = append(out, "Comment prompt")
	}
	if id := n.get("audio").get("id"); !id.isNull() {
		out = append(out, "Audio "+display(id.text()))
	}
	return out
}

// changedAttributes are the top-level attributes whose values differ, by
// name, sorted (values are not shown: they may be sensitive).
func changedAttributes(before, after node) []string {
	b, _ := before.v.(map[string]any)
	a, _ := after.v.(map[string]any)
	var out []string
	for k, v := range a {
		if !reflect.DeepEqual(b[k], v) || after.get(k).isUnknown() {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return []string{"no attribute"}
	}
	return out
}

// display is text or its placeholder.
func display(t Text) string {
	if t.Visible() {
		return t.S
	}
	return t.Placeholder()
}

// instagramLink is u when it is an https link to instagram.com (a
// permalink), else "": nothing else from a plan becomes a link.
func instagramLink(u string) string {
	if permalink.MatchString(u) {
		return u
	}
	return ""
}

// permalink is what Instagram's permalinks look like
// (https://www.instagram.com/p/SHORTCODE/, /reel/…): nothing in it can end a
// Markdown link or an HTML attribute.
var permalink = regexp.MustCompile(`^https://www\.instagram\.com/[A-Za-z0-9_/-]+$`)

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// formatTime says a time in its own offset, as it was written.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return "an unknown time"
	}
	_, off := t.Zone()
	zone := "UTC"
	if off != 0 {
		zone = "UTC" + t.Format("-07:00")
	}
	return t.Format("Mon 2 Jan 2006 15:04") + " " + zone
}
