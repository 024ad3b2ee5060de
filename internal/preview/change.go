package preview

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// changeOf is a resource change with its values as nodes.
type changeOf struct {
	rc            ResourceChange
	before, after node
	actions       string // "create", "delete,create", …
	*planContext
}

// planContext is what every change of a plan reads besides its own values.
type planContext struct {
	now  time.Time
	refs func(address, attr string) string
	dir  string
	// tracks names the audio tracks the plan's instagram_audio data sources
	// read, by id ("Morning Pour by The Roasters").
	tracks map[string]string
}

func newChange(rc ResourceChange, pc *planContext) changeOf {
	return changeOf{
		rc:          rc,
		before:      node{v: rc.Change.Before, sensitive: rc.Change.BeforeSensitive},
		after:       node{v: rc.Change.After, sensitive: rc.Change.AfterSensitive, unknown: rc.Change.AfterUnknown},
		actions:     strings.Join(rc.Change.Actions, ","),
		planContext: pc,
	}
}

// replaces reports a replacement: a new object, and the old one deleted
// (delete,create or create,delete) or forgotten, left where it is
// (create,forget or OpenTofu's forget,create: lifecycle destroy = false).
func (c changeOf) replaces() bool {
	return c.actions == "delete,create" || c.actions == "create,delete" || c.keepsOld()
}

// keepsOld reports a replacement that forgets the old object.
func (c changeOf) keepsOld() bool {
	return c.actions == "create,forget" || c.actions == "forget,create"
}

func (c changeOf) forgets() bool { return c.actions == "forget" }

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

// Values of instagram_media's status.
const (
	statusScheduled = "scheduled" // waiting for publish_at; nothing on Instagram yet
	statusPublished = "published"
	statusMissed    = "missed" // publish_at + publish_window passed; never published
)

// defaultPublishWindow is instagram_media's publish_window when unset.
const defaultPublishWindow = "2h"

// mediaCard says what an instagram_media change does on Instagram. A post
// with status scheduled or missed is not on Instagram: changing or removing
// it sends nothing. A published post whose input changes is republished in
// place (an update whose id is unknown): a new post, then the old one
// deleted or retained.
func (c changeOf) mediaCard() *Card {
	status, was := c.after.get("status").str(), c.before.get("status").str()
	// waiting names a post not on Instagram yet.
	waiting, notOnInstagram := map[string]string{statusScheduled: "a scheduled post", statusMissed: "a post that missed its time"}[was]
	at, wasAt := parseTime(c.after.get("publish_at").str()), parseTime(c.before.get("publish_at").str())
	// atText and wasAtText say them, or why they cannot be shown (a
	// sensitive or unknown publish_at).
	atText, wasAtText := timeText(c.after.get("publish_at")), timeText(c.before.get("publish_at"))
	if at.IsZero() && c.after.isNull() {
		at, atText = wasAt, wasAtText
	}
	oldID := c.before.get("id").str()
	old := Span{Text: "post " + oldID, Link: instagramLink(c.before.get("permalink").str())}
	if oldID == "" {
		old = Span{Text: "a post"}
	}
	policy := c.after
	if c.after.isNull() {
		policy = c.before
	}
	retain := policy.get("deletion_policy").str() == "retain"
	card := &Card{Post: c.post(c.after)}
	scheduled := func(says ...Span) *Card {
		card.Verb, card.When, card.Says = VerbSchedule, at, says
		card.WhenText = "scheduled for " + atText
		return card
	}
	now := func(says ...Span) *Card {
		card.Verb, card.Says, card.WhenText = VerbPublish, says, "now"
		return card
	}
	missed := func() *Card {
		card.Verb, card.WhenText = VerbMissed, "not published"
		card.Says = []Span{{Text: "missed its time", Strong: true}, {Text: fmt.Sprintf("; not published (scheduled for %s, and no apply ran within %s of it; change publish_at to reschedule)",
			atText, c.window())}}
		return card
	}
	gone := func(verb Verb, says ...Span) *Card {
		card.Verb, card.Says, card.Post, card.WhenText = verb, says, c.post(c.before), "now"
		if verb == VerbForget {
			card.WhenText = "—"
		} else {
			card.Post.Deletes = oldID
		}
		return card
	}
	futureAt := !at.IsZero() && (c.now.IsZero() || at.After(c.now))

	switch {
	case c.actions == "create" && status == statusMissed:
		return missed()
	case c.actions == "create" && (status == statusScheduled || status == "" && futureAt):
		return scheduled(append([]Span{{Text: "schedules a post for " + atText}}, c.waits("nothing is published before then")...)...)
	case c.actions == "create" && !at.IsZero():
		return now(Span{Text: "publishes a new post", Strong: true}, Span{Text: " now (its publish_at, " + atText + ", has come)"})
	case c.actions == "create" && card.Post.Type == graph.MediaTypeStories:
		return now(Span{Text: "publishes a new story", Strong: true}, Span{Text: " (visible for 24 hours)"})
	case c.actions == "create":
		return now(Span{Text: "publishes a new post", Strong: true})
	case c.actions == "update" && status == statusMissed:
		return missed()
	// status is unknown when the provider leaves the outcome to the apply
	// (its time, or the end of its window, is within the hour): a time still
	// ahead is a change of a scheduled post, one come publishes it.
	case c.actions == "update" && notOnInstagram && status != statusScheduled && (status != "" || !futureAt):
		switch {
		case at.IsZero():
			return now(Span{Text: "publishes now", Strong: true}, Span{Text: " " + waiting + " (publish_at removed)"})
		case was == statusMissed:
			return now(Span{Text: "publishes now", Strong: true}, Span{Text: " " + waiting + ", rescheduled for " + atText})
		}
		return now(Span{Text: "publishes now", Strong: true}, Span{Text: ", scheduled for " + atText})
	case c.actions == "update" && was == statusMissed:
		return scheduled(append([]Span{{Text: "reschedules " + waiting}, {Text: " for " + atText}},
			c.waits("nothing was published")...)...)
	case c.actions == "update" && notOnInstagram && !wasAt.Equal(at):
		return scheduled(append([]Span{{Text: "moves a scheduled post"}, {Text: " from " + wasAtText + " to " + atText}},
			c.waits("nothing is published yet")...)...)
	case c.actions == "update" && notOnInstagram:
		return scheduled(append([]Span{{Text: "changes a scheduled post"}, {Text: " for " + atText}}, c.waits("nothing is published yet")...)...)
	case c.actions == "update" && c.after.get("id").isUnknown() && oldID != "":
		return c.republish(card, old, oldID, retain)
	case c.actions == "update" && c.before.get("replaced_id").str() != "" && c.after.get("replaced_id").isNull():
		// The apply that republished this post could not delete the old
		// one (media_republish.go): this one does, or lets it go.
		replaced := c.before.get("replaced_id").str()
		if retain {
			card.Verb, card.WhenText = VerbForget, "—"
			card.Says = []Span{{Text: "keeps", Strong: true}, {Text: " post " + replaced + ", which " + oldID + " replaced, on Instagram and forgets it (deletion_policy \"retain\")"}}
			return card
		}
		card.Verb, card.WhenText, card.Post.Deletes = VerbDelete, "now", replaced
		card.Says = []Span{{Text: "deletes", Strong: true}, {Text: " post " + replaced + ", which "}, old,
			{Text: " replaced (an earlier apply published the new post but could not delete the old one)"}}
		return card
	case c.actions == "update":
		card.Verb, card.WhenText = VerbUnchanged, "—"
		card.Says = []Span{{Text: "changes Terraform settings only"}, {Text: " (" + strings.Join(changedAttributes(c.before, c.after), ", ") + "); nothing changes on Instagram"}}
		return card
	case c.replaces() && notOnInstagram:
		return scheduled(append([]Span{{Text: "changes a scheduled post"}, {Text: " for " + atText}}, c.waits("nothing was published")...)...)
	case c.replaces():
		return c.republish(card, old, oldID, retain || c.keepsOld())
	case (c.forgets() || c.actions == "delete") && notOnInstagram:
		return gone(VerbForget, Span{Text: "removes " + waiting}, Span{Text: " (nothing was published; nothing changes on Instagram)"})
	case c.forgets():
		return gone(VerbForget, Span{Text: "keeps", Strong: true}, Span{Text: " "}, old, Span{Text: " on Instagram, forgets it"})
	case c.actions == "delete" && retain:
		return gone(VerbForget, Span{Text: "keeps", Strong: true}, Span{Text: " "}, old, Span{Text: " on Instagram, forgets it (deletion_policy \"retain\")"})
	case c.actions == "delete" && c.rc.Deposed != "":
		return gone(VerbDelete, Span{Text: "deletes", Strong: true}, Span{Text: " "}, old, Span{Text: ", left over from an earlier replacement"})
	case c.actions == "delete":
		return gone(VerbDelete, Span{Text: "deletes", Strong: true}, Span{Text: " "}, old, Span{Text: " from Instagram"})
	}
	return c.otherCardInto(card)
}

// republish is a published post replaced by a new one: an update that
// publishes the new post first (or, with terraform apply -replace, a
// delete then a create).
func (c changeOf) republish(card *Card, old Span, oldID string, retain bool) *Card {
	card.Verb, card.WhenText = VerbReplace, "now"
	card.Says = []Span{{Text: "replaces", Strong: true}, {Text: " "}, old,
		{Text: " (a new post, a new link; the old post's likes and comments are lost)"}}
	if !retain {
		card.Post.Deletes = oldID
	}
	switch {
	case c.keepsOld():
		card.Says = append(card.Says, Span{Text: "; the old post stays on Instagram (Terraform forgets it: lifecycle destroy = false)"})
	case retain:
		card.Says = append(card.Says, Span{Text: "; the old post stays on Instagram (deletion_policy \"retain\")"})
	case c.actions == "delete,create":
		card.Says = append(card.Says, Span{Text: "; the old post is deleted first (terraform apply -replace)"})
	default:
		card.Says = append(card.Says, Span{Text: "; the old post is deleted once the new one is out"})
	}
	// The new post invites its collaborators again.
	answers := c.before.get("collaborator_invites")
	for i, col := range card.Post.Collaborators {
		if col.Invite == "" {
			card.Post.Collaborators[i].Invite = "invited again"
			if a := answers.get(col.Username.S).str(); a != "" && col.Username.Visible() {
				card.Post.Collaborators[i].Invite += "; the old post's invite: " + a
			}
		}
	}
	return card
}

// waits ends the words of a post not yet published: why nothing happens on
// Instagram now, how late the post may still go out, and a video the apply
// uploads ahead of its time.
func (c changeOf) waits(nothing string) []Span {
	s := " (" + nothing + "; an apply within " + c.window() + " of that time publishes it"
	if c.after.get("container_id").isUnknown() {
		s += "; this apply uploads its video so that Instagram has processed it by then"
	}
	return []Span{{Text: s + ")"}}
}

// window is the post's publish_window, in words.
func (c changeOf) window() string {
	n := c.after
	if n.isNull() {
		n = c.before
	}
	if w := n.get("publish_window"); !w.isNull() {
		return display(w.text())
	}
	return defaultPublishWindow
}

func (c changeOf) commentCard() *Card {
	card := &Card{Message: c.after.get("message").text()}
	oldComment := "comment " + display(c.before.get("id").text())
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
			fate := "deleted"
			if c.keepsOld() {
				fate = "kept on Instagram, forgotten"
			}
			card.Verb = VerbReplace
			card.Says = append([]Span{{Text: "replaces", Strong: true}, {Text: " " + oldComment + " (" + fate + "): "}}, card.Says...)
		}
	case c.actions == "delete":
		card.Message = c.before.get("message").text()
		card.Verb, card.Says, card.WhenText = VerbDelete, []Span{{Text: "deletes", Strong: true}, {Text: " " + oldComment}}, "now"
	case c.forgets():
		card.Message = c.before.get("message").text()
		card.Verb, card.Says, card.WhenText = VerbForget, []Span{{Text: "keeps", Strong: true}, {Text: " " + oldComment + " on Instagram, forgets it"}}, "—"
	default:
		card.Verb, card.WhenText = VerbUnchanged, "—"
		card.Says = []Span{{Text: "changes Terraform settings only"}, {Text: " (" + strings.Join(changedAttributes(c.before, c.after), ", ") + ")"}}
	}
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
		AudioTrack: c.audioTrack(n.get("audio")),
		UserTags:   userTags(n.get("user_tags")),
	}
	if cols := n.get("collaborators"); cols.isSensitive() || cols.isUnknown() {
		p.CollaboratorsHidden = cols.text()
	}
	answers := n.get("collaborator_invites")
	for _, v := range n.get("collaborators").items() {
		col := Collaborator{Username: v.text()}
		switch a := answers.get(v.str()).str(); a {
		case "pending":
			col.Invite = "has not answered the invite yet"
		case "":
		default:
			col.Invite = a
		}
		p.Collaborators = append(p.Collaborators, col)
	}
	if p.Type == graph.MediaTypeCarousel {
		children := n.get("children")
		p.ItemsHidden = children.isSensitive() || children.isUnknown()
		for _, child := range children.items() {
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
	if typ == graph.MediaTypeReels && n.get("share_to_feed").v == false {
		out = append(out, "Reels tab only")
	}
	if typ == graph.MediaTypeStories {
		out = append(out, "Story (visible 24 hours, not on the grid)")
	}
	if poll := n.get("poll"); !poll.isNull() {
		var s []string
		for _, o := range poll.get("options").items() {
			s = append(s, display(o.text()))
		}
		open := "open 3 days"
		if poll.get("duration_extended").isTrue() {
			open = "open until closed in the app"
		}
		out = append(out, "Poll: "+strings.Join(s, " / ")+" ("+open+")")
	}
	if n.get("comment_prompt").isTrue() {
		out = append(out, "Comment prompt")
	}
	return out
}

// audioTrack is the licensed audio of a reel in words: the track's title
// and artist when an instagram_audio data source of the plan read it, its
// id, and the volumes.
func (c changeOf) audioTrack(audio node) Text {
	id := audio.get("audio_id")
	if audio.isNull() || !id.text().Visible() {
		return id.text()
	}
	s := "audio " + id.str()
	if title := c.tracks[id.str()]; title != "" {
		s = title + " (audio " + id.str() + ")"
	}
	var volumes []string
	for _, v := range []struct{ attr, what string }{{"audio_volume", "volume"}, {"video_volume", "the video's own sound"}} {
		if n, ok := audio.get(v.attr).number(); ok {
			volumes = append(volumes, fmt.Sprintf("%s %s %%", v.what, scalar(n)))
		}
	}
	if len(volumes) > 0 {
		s += "; " + strings.Join(volumes, ", ")
	}
	return Text{S: s}
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

// timeText is a time attribute in words: its time, or its placeholder
// when it is sensitive or known after apply.
func timeText(n node) string {
	if t := n.text(); t.State == Sensitive || t.State == Unknown {
		return t.Placeholder()
	}
	return formatTime(parseTime(n.str()))
}

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
