//go:build unix

// Package chaos_test interrupts and disturbs the real CLI while it applies
// every resource type against the emulator, and checks afterwards that
// nothing was done twice or lost: the interruption matrix
// (interrupt_matrix_test.go) and the chaos suite (chaos_test.go).
package chaos_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// config is a configuration of the provider's resource types that renders
// to HCL and checks the emulator and the state against itself.
type config struct {
	posts    []post
	comments []comment
	settings []settings
	webhook  []string // the instagram subscription's fields; nil: none
	app      []string // the account's subscribed fields; nil: not subscribed
	// retained are posts a republish let go of (deletion_policy = "retain"):
	// each stays on the account, once, outside the state.
	retained []post
}

type post struct {
	name    string
	kind    string // IMAGE, REELS, CAROUSEL or STORIES
	caption string // none for stories
	video   bool   // STORIES: a video story
	items   int    // CAROUSEL: how many images
	// at schedules the post: publish_at is the world's start plus at (0:
	// published by the apply that creates it).
	at     time.Duration
	window string // publish_window; "": the default
	retain bool   // deletion_policy = "retain"
}

// publishAt is the post's publish_at for a world started at start, to the
// second, in an offset other than UTC (as a calendar in Paris writes it).
func (p post) publishAt(start time.Time) string {
	return start.Add(p.at).Truncate(time.Second).In(time.FixedZone("", 3600)).Format(time.RFC3339)
}

// looksLike: p and q make posts the duplicate guard cannot tell apart.
func (p post) looksLike(q post) bool {
	pt, pp := p.shape()
	qt, qp := q.shape()
	return p.caption == q.caption && pt == qt && pp == qp && p.items == q.items
}

// onAccount lists the account's posts that look like p (type, product,
// caption, items): what the duplicate guard would take for it.
func (p post) onAccount(emu *emulator.Server) []string {
	var out []string
	mediaType, product := p.shape()
	for _, mid := range emu.MediaIDs(emulator.DefaultAccountID) {
		if snap, ok := emu.Media(mid); ok && snap.Caption == p.caption && snap.MediaType == mediaType &&
			snap.MediaProductType == product && len(snap.Children) == p.items {
			out = append(out, mid)
		}
	}
	return out
}

type comment struct {
	name    string
	post    string // the post's name
	replyTo string // the comment's name; "" for a comment on the post
	message string
}

type settings struct {
	post    string
	enabled bool
}

// verifyToken is what the webhook endpoint checks in the handshake.
const verifyToken = "chaos-verify-token"

func (c config) hcl(callbackURL string, start time.Time) string {
	var b strings.Builder
	// Throttles announce short waits here; a longer one is a test failure.
	b.WriteString("provider \"instagram\" {\n  max_rate_limit_wait = \"1m\"\n}\n")
	for _, p := range c.posts {
		fmt.Fprintf(&b, "\nresource \"instagram_media\" %q {\n  type = %q\n", p.name, p.kind)
		switch {
		case p.kind == "REELS" || p.video:
			fmt.Fprintf(&b, "  video_url = \"https://cdn.example.com/%s.mp4\"\n", p.name)
		case p.kind != "CAROUSEL":
			fmt.Fprintf(&b, "  image_url = \"https://cdn.example.com/%s.jpg\"\n", p.name)
		}
		if p.caption != "" {
			fmt.Fprintf(&b, "  caption = %q\n", p.caption)
		}
		for i := range p.items {
			fmt.Fprintf(&b, "  children {\n    image_url = \"https://cdn.example.com/%s-%d.jpg\"\n  }\n", p.name, i)
		}
		if p.at != 0 {
			fmt.Fprintf(&b, "  publish_at = %q\n", p.publishAt(start))
		}
		if p.window != "" {
			fmt.Fprintf(&b, "  publish_window = %q\n", p.window)
		}
		if p.retain {
			b.WriteString("  deletion_policy = \"retain\"\n")
		}
		b.WriteString("}\n")
	}
	for _, cm := range c.comments {
		fmt.Fprintf(&b, "\nresource \"instagram_comment\" %q {\n  media_id = instagram_media.%s.id\n", cm.name, cm.post)
		if cm.replyTo != "" {
			fmt.Fprintf(&b, "  reply_to = instagram_comment.%s.id\n", cm.replyTo)
		}
		fmt.Fprintf(&b, "  message = %q\n}\n", cm.message)
	}
	for _, s := range c.settings {
		fmt.Fprintf(&b, "\nresource \"instagram_comment_settings\" %q {\n  media_id = instagram_media.%s.id\n  comments_enabled = %t\n}\n",
			s.post, s.post, s.enabled)
	}
	if c.webhook != nil {
		fmt.Fprintf(&b, "\nresource \"instagram_webhook_subscription\" \"ig\" {\n  callback_url = %q\n  fields = %s\n"+
			"  verify_token = %q\n  verify_token_version = 1\n}\n", callbackURL, hclList(c.webhook), verifyToken)
	}
	if c.app != nil {
		fmt.Fprintf(&b, "\nresource \"instagram_subscribed_app\" \"me\" {\n  subscribed_fields = %s\n}\n", hclList(c.app))
	}
	return b.String()
}

func hclList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// addresses are the resources the configuration declares.
func (c config) addresses() []string {
	var out []string
	for _, p := range c.posts {
		out = append(out, "instagram_media."+p.name)
	}
	for _, cm := range c.comments {
		out = append(out, "instagram_comment."+cm.name)
	}
	for _, s := range c.settings {
		out = append(out, "instagram_comment_settings."+s.post)
	}
	if c.webhook != nil {
		out = append(out, "instagram_webhook_subscription.ig")
	}
	if c.app != nil {
		out = append(out, "instagram_subscribed_app.me")
	}
	sort.Strings(out)
	return out
}

// violations lists how the emulator and the state differ from the
// configuration: a post or comment twice (or left over), one lost, state
// that is not the emulator's truth.
func (c config) violations(emu *emulator.Server, state map[string]acctest.StateResource, callbackURL string) []string {
	var v []string
	bad := func(format string, args ...any) { v = append(v, fmt.Sprintf(format, args...)) }

	var inState []string
	for addr := range state {
		inState = append(inState, addr)
	}
	sort.Strings(inState)
	if want := c.addresses(); !slices.Equal(inState, want) {
		bad("state holds %v, the configuration declares %v", inState, want)
	}
	id := func(addr string) string { return state[addr].String("id") }
	holders := map[string]string{} // Graph id → the address holding it
	claim := func(addr string) string {
		oid := id(addr)
		if prev, dup := holders[oid]; dup && oid != "" {
			bad("%s and %s hold the same object %s", prev, addr, oid)
		}
		holders[oid] = addr
		return oid
	}

	// Posts: exactly the configured ones, each once, and no replaced post
	// left to delete; a scheduled post not published (scheduled, or missed)
	// has none on the account.
	for _, p := range c.posts {
		addr := "instagram_media." + p.name
		if replaced := state[addr].String("replaced_id"); replaced != "" {
			bad("%s still records replaced post %s", addr, replaced)
		}
		switch status := state[addr].String("status"); {
		case p.at != 0 && (status == "scheduled" || status == "missed"):
			if mid := id(addr); mid != "" {
				bad("%s is %s but holds post %s", addr, status, mid)
			}
			if like := p.onAccount(emu); len(like) > 0 {
				bad("%s is %s, but the account has %v like it", addr, status, like)
			}
			continue
		case status != "published":
			bad("%s has status %q, want published", addr, status)
		}
		mid := claim(addr)
		snap, ok := emu.Media(mid)
		if !ok {
			bad("%s holds post %q, which the account does not have", addr, mid)
			continue
		}
		mediaType, product := p.shape()
		if snap.Caption != p.caption || snap.MediaType != mediaType || snap.MediaProductType != product || len(snap.Children) != p.items {
			bad("%s: post %s is %s/%s with %d items and caption %q, want %s/%s with %d and %q",
				addr, mid, snap.MediaType, snap.MediaProductType, len(snap.Children), snap.Caption, mediaType, product, p.items, p.caption)
		}
		if s := state[addr]; s.String("permalink") != snap.Permalink || s.String("caption") != snap.Caption {
			bad("%s: state has permalink %q and caption %q, the post %q and %q", addr, s.String("permalink"), s.String("caption"), snap.Permalink, snap.Caption)
		}
	}
	for _, p := range c.retained {
		if like := p.onAccount(emu); len(like) != 1 {
			bad("the account has %d posts like %s's retained post %q, want it kept once: %v", len(like), p.name, p.caption, like)
		}
	}
	// Every other post on the account is one too many, but a story that
	// left Instagram after 24 hours (on the emulator's clock, which a chaos
	// seed may move a day ahead): the stories edge, and with it the
	// duplicate guard, no longer shows it, and a new story is no duplicate.
	var extra []string
	live := emu.MediaIDs(emulator.DefaultAccountID)
	for _, mid := range live {
		snap, _ := emu.Media(mid)
		_, held := holders[mid]
		expired := snap.MediaProductType == "STORY" && emu.Now().Sub(snap.Timestamp) >= 24*time.Hour
		if !held && !expired && !slices.ContainsFunc(c.retained, func(p post) bool { return slices.Contains(p.onAccount(emu), mid) }) {
			extra = append(extra, fmt.Sprintf("%s %s/%s %q", mid, snap.MediaType, snap.MediaProductType, snap.Caption))
		}
	}
	if len(extra) > 0 {
		bad("the account has posts the state does not hold: %v", extra)
	}

	// Comments: exactly the configured ones, each once, where they belong.
	own := map[string]emulator.CommentSnapshot{}
	for _, mid := range live {
		for _, cm := range emu.Comments(mid) {
			if cm.ByAccount == emulator.DefaultAccountID {
				own[cm.ID] = cm
			}
		}
	}
	for _, cm := range c.comments {
		addr := "instagram_comment." + cm.name
		cid := claim(addr)
		snap, ok := own[cid]
		if !ok {
			bad("%s holds comment %q, which does not exist", addr, cid)
			continue
		}
		wantParent := ""
		if cm.replyTo != "" {
			wantParent = id("instagram_comment." + cm.replyTo)
		}
		if snap.Text != cm.message || snap.MediaID != id("instagram_media."+cm.post) || snap.ParentID != wantParent {
			bad("%s: comment %s is %q on %s under %q, want %q on %s under %q",
				addr, cid, snap.Text, snap.MediaID, snap.ParentID, cm.message, id("instagram_media."+cm.post), wantParent)
		}
		if s := state[addr]; s.String("message") != snap.Text || s.String("media_id") != snap.MediaID {
			bad("%s: state has %q on %s, the comment %q on %s", addr, s.String("message"), s.String("media_id"), snap.Text, snap.MediaID)
		}
	}
	if len(own) != len(c.comments) {
		var extra []string
		for cid := range own {
			if _, ok := holders[cid]; !ok {
				extra = append(extra, cid+" "+fmt.Sprintf("%q", own[cid].Text))
			}
		}
		sort.Strings(extra)
		bad("the account wrote %d comments, the configuration %d (not in state: %v)", len(own), len(c.comments), extra)
	}

	// Comment settings, and comments on where nothing turns them off.
	enabled := map[string]bool{}
	for _, s := range c.settings {
		enabled[s.post] = s.enabled
		if got, ok := state["instagram_comment_settings."+s.post].Values["comments_enabled"].(bool); !ok || got != s.enabled {
			bad("instagram_comment_settings.%s: state has comments_enabled %v, want %t", s.post, state["instagram_comment_settings."+s.post].Values["comments_enabled"], s.enabled)
		}
	}
	for _, p := range c.posts {
		want, set := enabled[p.name]
		if snap, ok := emu.Media(id("instagram_media." + p.name)); ok && snap.CommentsEnabled != (want || !set) {
			bad("post %s has comments enabled %t, want %t", p.name, snap.CommentsEnabled, want || !set)
		}
	}

	// The app's webhook subscription.
	sub, subscribed := emu.Subscription("instagram")
	switch {
	case c.webhook == nil && subscribed:
		bad("the app is still subscribed to instagram webhooks: %+v", sub)
	case c.webhook != nil:
		var fields []string
		for f := range sub.Fields {
			fields = append(fields, f)
		}
		if !subscribed || !sub.Active || sub.CallbackURL != callbackURL || !sameSet(fields, c.webhook) {
			bad("the instagram webhook subscription is %+v (exists %t), want fields %v to %s", sub, subscribed, c.webhook, callbackURL)
		}
		if got := state["instagram_webhook_subscription.ig"].Strings("fields"); !sameSet(got, c.webhook) {
			bad("instagram_webhook_subscription.ig: state has fields %v, want %v", got, c.webhook)
		}
	}

	// The account's subscribed app.
	fields, appOn := emu.SubscribedFields(emulator.DefaultAccountID)
	switch {
	case c.app == nil && appOn:
		bad("the app is still subscribed to the account: %v", fields)
	case c.app != nil:
		if !appOn || !sameSet(fields, c.app) {
			bad("the account's subscribed fields are %v (subscribed %t), want %v", fields, appOn, c.app)
		}
		if got := state["instagram_subscribed_app.me"].Strings("subscribed_fields"); !sameSet(got, c.app) {
			bad("instagram_subscribed_app.me: state has %v, want %v", got, c.app)
		}
	}
	return v
}

// lastPublishAt is the latest publish_at of c's scheduled posts in a world
// started at start; zero when none is scheduled.
func (c config) lastPublishAt(start time.Time) time.Time {
	var last time.Time
	for _, p := range c.posts {
		if p.at == 0 {
			continue
		}
		if at, err := time.Parse(time.RFC3339, p.publishAt(start)); err == nil && at.After(last) {
			last = at
		}
	}
	return last
}

// allScheduled: every scheduled post of c is still scheduled in state.
func (c config) allScheduled(state map[string]acctest.StateResource) bool {
	for _, p := range c.posts {
		if p.at != 0 && state["instagram_media."+p.name].String("status") != "scheduled" {
			return false
		}
	}
	return true
}

// shape is the media_type and media_product_type the post has on Instagram.
func (p post) shape() (mediaType, product string) {
	switch {
	case p.kind == "CAROUSEL":
		return "CAROUSEL_ALBUM", "FEED"
	case p.kind == "REELS":
		return "VIDEO", "REELS"
	case p.kind == "STORIES" && p.video:
		return "VIDEO", "STORY"
	case p.kind == "STORIES":
		return "IMAGE", "STORY"
	}
	return "IMAGE", "FEED"
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// world is one test's emulator, webhook endpoint and CLI working directory.
type world struct {
	env      *acctest.Env
	dir      *acctest.Workdir
	callback string    // the webhook endpoint's URL
	start    time.Time // scheduled posts' publish_at counts from here (post.at)
	retained []post    // the configuration's retained posts: kept "in the app"
	outs     []string  // every run's output, for the panic check
}

// newWorld runs the emulator with opts on the wall clock (the provider runs
// as its own process), with videos processed at once (this is about
// interruptions, not waiting) and the webhook endpoint trusted.
func newWorld(t *testing.T, opts emulator.Options) *world {
	t.Helper()
	endpoint := acctest.NewWebhookEndpoint(t, verifyToken)
	opts.Now, opts.VideoProcessingPolls, opts.WebhookHTTPClient = time.Now, -1, endpoint.Client()
	env := acctest.New(t, opts).WithApp()
	w := &world{env: env, dir: env.Workdir(t), callback: endpoint.URL, start: time.Now()}
	// A refusal to republish says to delete, in the app, the post the change
	// was to replace: a user does, unless its deletion_policy retains it.
	w.dir.OnReplaced = func(mediaID string) {
		for _, p := range w.retained {
			if slices.Contains(p.onAccount(env.Emulator), mediaID) {
				return
			}
		}
		env.Emulator.DeleteMediaOutOfBand(mediaID)
	}
	return w
}

func (w *world) write(c config) {
	w.retained = c.retained
	w.dir.Write("main.tf", c.hcl(w.callback, w.start))
}

// mustApply applies without disturbance.
func (w *world) mustApply() {
	w.outs = append(w.outs, w.dir.MustRun("apply", "-auto-approve", "-no-color"))
}

// afterStateLoss is what a user does once an interrupted run emptied the
// state file or cut it short ("data loss may have occurred"): put back
// Terraform's backup when it wrote one. Without one (nothing had changed
// before the interrupt), the next applies adopt what the duplicate guards
// name, and the user deletes in the app the posts of the configuration
// before that the current one no longer declares (a republished post's
// predecessor): no state records them any more. It returns those it
// deleted.
func (w *world) afterStateLoss(before, now config) []string {
	if w.dir.RestoreLostState() {
		return nil
	}
	var deleted []string
	for _, old := range before.posts {
		if slices.ContainsFunc(append(now.posts, now.retained...), func(p post) bool { return p.looksLike(old) }) {
			continue
		}
		for _, mid := range old.onAccount(w.env.Emulator) {
			w.env.Emulator.DeleteMediaOutOfBand(mid)
			deleted = append(deleted, mid)
		}
	}
	return deleted
}

// violations checks the invariants once the configuration has converged:
// the emulator and the state match c, the plan is empty, and no run panicked.
func (w *world) violations(c config) []string {
	v := c.violations(w.env.Emulator, w.dir.State(), w.callback)
	if out, err := w.dir.Run("plan", "-detailed-exitcode", "-no-color"); err != nil {
		v = append(v, "the plan after converging is not empty: "+out)
	}
	for _, out := range w.outs {
		if acctest.Panicked(out) {
			v = append(v, "a run crashed:\n"+out)
		}
	}
	return v
}
