//go:build unix

package chaos_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Resources of the matrix's configurations.
var (
	postA  = post{name: "a", kind: "IMAGE", caption: "Launch day #bikes"}
	postB  = post{name: "b", kind: "IMAGE", caption: "Day two #bikes"}
	album  = post{name: "album", kind: "CAROUSEL", caption: "The whole range", items: 2}
	first  = comment{name: "first", post: "a", message: "#launch #cycling"}
	reply  = comment{name: "reply", post: "a", replyTo: "first", message: "More on the blog"}
	closed = settings{post: "a", enabled: false}
	reopen = settings{post: "a", enabled: true}
	// A changed caption republishes a's post; s and reel are scheduled
	// scheduleLead after the world starts (the reel is staged ahead).
	republishedA = post{name: "a", kind: "IMAGE", caption: "Launch day #bikes, now in red"}
	atNine       = post{name: "s", kind: "IMAGE", caption: "Doors open at nine", at: scheduleLead}
	reelAtNine   = post{name: "reel", kind: "REELS", caption: "Doors open: the film", at: scheduleLead}
	hook         = []string{"comments"}
	hook2        = []string{"comments", "mentions"}
	fields       = []string{"feed"}
	fields2      = []string{"feed", "mention"}
)

// interruptionPoint is one write the CLI is interrupted in: the emulator
// commits the request to route (and params) and holds its answer while the
// CLI is signalled, as it applies after, having applied before.
type interruptionPoint struct {
	write         string
	route         string
	params        map[string]string
	before, after config
	address       string
	// made tells from the state after the interrupted run whether Terraform
	// recorded the change (r is the address's resource, present whether it is
	// in the state at all).
	made func(r acctest.StateResource, present bool) bool
	// saved is whether Terraform records the change, by interruption
	// (Graceful, Immediate, Kill): what Terraform's own behaviour decides.
	saved [3]record
}

// record is whether Terraform records an interrupted change.
type record int

const (
	notRecorded record = iota
	recorded
	// racing: the provider returns at the first interrupt, and whether
	// Terraform saves what it returned before the second one arrives is a
	// race between the two.
	racing
)

func created(_ acctest.StateResource, present bool) bool { return present }
func hasCaption(want string) func(acctest.StateResource, bool) bool {
	return func(r acctest.StateResource, present bool) bool { return present && r.String("caption") == want }
}
func hasStatus(want string) func(acctest.StateResource, bool) bool {
	return func(r acctest.StateResource, present bool) bool { return present && r.String("status") == want }
}
func deleted(_ acctest.StateResource, present bool) bool { return !present }
func commentsEnabled(want bool) func(acctest.StateResource, bool) bool {
	return func(r acctest.StateResource, present bool) bool {
		got, _ := r.Values["comments_enabled"].(bool)
		return present && got == want
	}
}
func hasFields(attr string, want []string) func(acctest.StateResource, bool) bool {
	return func(r acctest.StateResource, present bool) bool { return present && sameSet(r.Strings(attr), want) }
}

// saved is what Terraform records: after a graceful stop, what the provider
// finished (the irreversible writes of internal/workflow run to the end; the
// others are abandoned with the request and fail); after an immediate stop
// or a kill, nothing of the interrupted operation. An immediate stop may
// even leave the state file empty (see stateLost). A republish whose old
// post's delete is abandoned returns at once with the new post and
// replaced_id: a state an immediate stop may or may not let Terraform save.
var (
	finishedOnStop  = [3]record{recorded, notRecorded, notRecorded}
	abandonedOnStop = [3]record{notRecorded, notRecorded, notRecorded}
	returnedOnStop  = [3]record{recorded, racing, notRecorded}
)

var interruptionPoints = []interruptionPoint{
	{write: "container create", route: "POST /{ig-user-id}/media",
		after: config{posts: []post{postA}}, address: "instagram_media.a", made: created, saved: abandonedOnStop},
	{write: "carousel item container", route: "POST /{ig-user-id}/media", params: map[string]string{"is_carousel_item": "true"},
		after: config{posts: []post{album}}, address: "instagram_media.album", made: created, saved: abandonedOnStop},
	{write: "media_publish", route: "POST /{ig-user-id}/media_publish",
		after: config{posts: []post{postA}}, address: "instagram_media.a", made: created, saved: finishedOnStop},
	{write: "media delete", route: "DELETE /{ig-media-id}",
		before: config{posts: []post{postA, postB}}, after: config{posts: []post{postA}}, address: "instagram_media.b", made: deleted, saved: abandonedOnStop},
	// Republishing publishes the new post first; a graceful stop keeps the
	// old one in replaced_id (the delete is not sent, or its answer is
	// abandoned) and the next apply deletes it. Killed: the state still holds
	// the old post, and the next apply's duplicate guard names the new one.
	{write: "republish media_publish", route: "POST /{ig-user-id}/media_publish",
		before: config{posts: []post{postA}}, after: config{posts: []post{republishedA}},
		address: "instagram_media.a", made: hasCaption(republishedA.caption), saved: finishedOnStop},
	{write: "republish old-post delete", route: "DELETE /{ig-media-id}",
		before: config{posts: []post{postA}}, after: config{posts: []post{republishedA}},
		address: "instagram_media.a", made: hasCaption(republishedA.caption), saved: returnedOnStop},
	// A scheduled post at its time; the reel's containers were staged by
	// the apply before.
	{write: "scheduled media_publish", route: "POST /{ig-user-id}/media_publish",
		before: config{posts: []post{atNine}}, after: config{posts: []post{atNine}},
		address: "instagram_media.s", made: hasStatus("published"), saved: finishedOnStop},
	{write: "scheduled staged media_publish", route: "POST /{ig-user-id}/media_publish",
		before: config{posts: []post{reelAtNine}}, after: config{posts: []post{reelAtNine}},
		address: "instagram_media.reel", made: hasStatus("published"), saved: finishedOnStop},
	{write: "comment create", route: "POST /{ig-media-id}/comments",
		before: config{posts: []post{postA}}, after: config{posts: []post{postA}, comments: []comment{first}},
		address: "instagram_comment.first", made: created, saved: finishedOnStop},
	{write: "reply create", route: "POST /{ig-comment-id}/replies",
		before: config{posts: []post{postA}, comments: []comment{first}}, after: config{posts: []post{postA}, comments: []comment{first, reply}},
		address: "instagram_comment.reply", made: created, saved: finishedOnStop},
	{write: "comment delete", route: "DELETE /{ig-comment-id}",
		before: config{posts: []post{postA}, comments: []comment{first}}, after: config{posts: []post{postA}},
		address: "instagram_comment.first", made: deleted, saved: finishedOnStop},
	{write: "comment settings: off", route: "POST /{ig-media-id}",
		before: config{posts: []post{postA}}, after: config{posts: []post{postA}, settings: []settings{closed}},
		address: "instagram_comment_settings.a", made: commentsEnabled(false), saved: abandonedOnStop},
	{write: "comment settings: on", route: "POST /{ig-media-id}",
		before: config{posts: []post{postA}, settings: []settings{closed}}, after: config{posts: []post{postA}, settings: []settings{reopen}},
		address: "instagram_comment_settings.a", made: commentsEnabled(true), saved: abandonedOnStop},
	{write: "comment settings: delete restores", route: "POST /{ig-media-id}",
		before: config{posts: []post{postA}, settings: []settings{closed}}, after: config{posts: []post{postA}},
		address: "instagram_comment_settings.a", made: deleted, saved: abandonedOnStop},
	{write: "webhook subscription create", route: "POST /{app-id}/subscriptions",
		after: config{webhook: hook}, address: "instagram_webhook_subscription.ig", made: created, saved: abandonedOnStop},
	{write: "webhook subscription update", route: "POST /{app-id}/subscriptions",
		before: config{webhook: hook}, after: config{webhook: hook2},
		address: "instagram_webhook_subscription.ig", made: hasFields("fields", hook2), saved: abandonedOnStop},
	{write: "webhook subscription delete", route: "DELETE /{app-id}/subscriptions",
		before: config{webhook: hook}, address: "instagram_webhook_subscription.ig", made: deleted, saved: abandonedOnStop},
	{write: "subscribed app create", route: "POST /{page-id}/subscribed_apps",
		after: config{app: fields}, address: "instagram_subscribed_app.me", made: created, saved: abandonedOnStop},
	{write: "subscribed app update", route: "POST /{page-id}/subscribed_apps",
		before: config{app: fields}, after: config{app: fields2},
		address: "instagram_subscribed_app.me", made: hasFields("subscribed_fields", fields2), saved: abandonedOnStop},
	{write: "subscribed app delete", route: "DELETE /{page-id}/subscribed_apps",
		before: config{app: fields}, address: "instagram_subscribed_app.me", made: deleted, saved: abandonedOnStop},
}

// matrixRow is one cell's outcome, for the table.
type matrixRow struct {
	point, how string
	recorded   string // what the state shows after the interrupted run
	runs       int
	adopted    []acctest.Orphan
	// deletedInApp: posts a lost state no longer recorded, deleted in the
	// app (world.afterStateLoss).
	deletedInApp int
	violations   int
}

// What the state shows after the interrupted run.
const (
	recordedChange         = "the change"
	recordedChangeReplaced = "the change + replaced_id" // the new post, and the old one still to delete
	recordedNoChange       = "no change"
	// stateLost: the state file is empty or cut short. Terraform rewrites
	// it when the first interrupt arrives, and a second interrupt makes it
	// exit before it has written it again ("data loss may have occurred"):
	// every resource is forgotten, unless Terraform wrote a backup
	// (world.afterStateLoss). Only the duplicate checks of instagram_media
	// and instagram_comment then keep the next apply from writing
	// everything twice; it stops and names what exists, and importing
	// converges.
	stateLost = "nothing (file emptied)"
)

// Every write, interrupted at the moment Instagram has done it but not yet
// answered, by a graceful stop, an immediate stop and a kill; then applied
// again until it converges, following a refusal's advice (the import block
// of what an interrupted run created without recording it; for a resource
// the state holds, a scheduled or republished post, forgetting it first and
// deleting in the app the post a republish was to replace). Afterwards no
// post or comment exists twice, nothing is lost, the state is the
// emulator's truth, the plan is empty and nothing panicked. The table shows
// what Terraform recorded of the interrupted change, and what it took to
// converge.
func TestInterruptionMatrix(t *testing.T) {
	t.Parallel()
	acctest.SkipUnless(t, acctest.WriteOnlyAttributes, acctest.ImportBlocks)
	var mu sync.Mutex
	var rows []matrixRow
	t.Run("points", func(t *testing.T) {
		for _, p := range interruptionPoints {
			for _, how := range acctest.Interruptions {
				t.Run(p.write+"/"+how.String(), func(t *testing.T) {
					t.Parallel()
					row := p.run(t, how)
					mu.Lock()
					rows = append(rows, row)
					mu.Unlock()
				})
			}
		}
	})
	t.Log("\n" + matrixTable(rows))
}

// holdFor is how long an interrupted write's answer is held: long enough
// for the signal to arrive first, short for a graceful stop that waits it out.
const holdFor = 1500 * time.Millisecond

// scheduleLead is how far ahead of a matrix world's start its scheduled
// posts are: the apply before must run before their time, and the cell
// waits for it.
const scheduleLead = 4 * time.Second

func (p interruptionPoint) run(t *testing.T, how acctest.Interruption) matrixRow {
	w := p.prepare(t)
	w.write(p.after)
	w.env.Emulator.InjectFault(emulator.Fault{Route: p.route, Params: p.params, Times: 1, HoldAfterCommit: holdFor})
	out := w.dir.InterruptedRun(w.env, p.route, how, "apply", "-auto-approve", "-no-color")
	w.outs = append(w.outs, out)

	lost := w.dir.StateLost()
	state := map[string]acctest.StateResource{}
	if !lost {
		state = w.dir.State()
	}
	r, present := state[p.address]
	row := matrixRow{point: p.write, how: how.String(), recorded: recordedNoChange}
	switch {
	case len(p.before.addresses()) > 0 && (lost || len(state) == 0):
		row.recorded = stateLost
		if how != acctest.Immediate {
			t.Errorf("after a %s the state is empty:\n%s", how, out)
		}
		row.deletedInApp = len(w.afterStateLoss(p.before, p.after))
	case lost: // the first apply's state file, created but not written (or cut short): there was nothing to lose
		w.dir.RestoreLostState()
	case p.made(r, present) && r.String("replaced_id") != "":
		row.recorded = recordedChangeReplaced
	case p.made(r, present):
		row.recorded = recordedChange
	}
	changed := row.recorded == recordedChange || row.recorded == recordedChangeReplaced
	if want := p.saved[how]; row.recorded != stateLost && want != racing && changed != (want == recorded) {
		t.Errorf("after a %s, Terraform recorded the change of %s: %s, want it recorded: %t\n%s", how, p.address, row.recorded, want == recorded, out)
	}

	outs, runs, err := w.dir.Converge(4)
	w.outs = append(w.outs, outs...)
	row.runs = runs
	if err != nil {
		t.Fatalf("did not converge in %d applies: %v", runs, err)
	}
	for _, o := range outs {
		row.adopted = append(row.adopted, acctest.Orphans(o)...)
	}
	v := w.violations(p.after)
	row.violations = len(v)
	for _, msg := range v {
		t.Error(msg)
	}
	return row
}

// prepare starts the cell's world and applies the configuration before. A
// scheduled post of the configuration after must still be scheduled then
// (that apply ran before its time: on a loaded machine, the world is started
// again with more lead), and the cell waits for its time.
func (p interruptionPoint) prepare(t *testing.T) *world {
	for try := 1; ; try++ {
		w := newWorld(t, emulator.Options{})
		w.start = w.start.Add(time.Duration(try-1) * scheduleLead)
		if len(p.before.addresses()) > 0 {
			w.write(p.before)
			w.mustApply()
		}
		due := p.after.lastPublishAt(w.start)
		if due.IsZero() {
			return w
		}
		if p.before.allScheduled(w.dir.State()) {
			time.Sleep(time.Until(due) + 100*time.Millisecond)
			return w
		}
		if try == 3 {
			t.Fatalf("the apply before a scheduled post's time ran past it three times")
		}
		t.Logf("the apply before ran past the scheduled time (a loaded machine); starting again with more lead")
	}
}

func matrixTable(rows []matrixRow) string {
	order := func(r matrixRow) int {
		i := slices.IndexFunc(interruptionPoints, func(p interruptionPoint) bool { return p.write == r.point })
		j := slices.IndexFunc(acctest.Interruptions, func(h acctest.Interruption) bool { return h.String() == r.how })
		return i*len(acctest.Interruptions) + j
	}
	slices.SortFunc(rows, func(a, b matrixRow) int { return order(a) - order(b) })
	var b strings.Builder
	fmt.Fprintf(&b, "| %-34s | %-28s | %-24s | %-13s | %-44s | %s |\n", "write interrupted", "interruption", "state records", "applies after", "adopted by import", "violations")
	fmt.Fprintf(&b, "|%s|%s|%s|%s|%s|%s|\n", strings.Repeat("-", 36), strings.Repeat("-", 30), strings.Repeat("-", 26), strings.Repeat("-", 15), strings.Repeat("-", 46), strings.Repeat("-", 12))
	for _, r := range rows {
		adopted := "-"
		if len(r.adopted) > 0 {
			var parts []string
			for _, o := range r.adopted {
				if o.Replaced != "" {
					o.Address += " (old post deleted in the app)"
				}
				parts = append(parts, o.Address)
			}
			adopted = strings.Join(parts, ", ")
		}
		if r.deletedInApp > 0 {
			adopted += fmt.Sprintf("; %d post deleted in the app", r.deletedInApp)
		}
		fmt.Fprintf(&b, "| %-34s | %-28s | %-24s | %-13d | %-44s | %-10d |\n", r.point, r.how, r.recorded, r.runs, adopted, r.violations)
	}
	return b.String()
}
