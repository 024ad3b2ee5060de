package preview

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// DefaultQuota is the publishing quota assumed when the plan does not read
// instagram_content_publishing_limit and --quota is not given: Meta's
// content_publishing_limit reference says 50 posts per moving 24 hours
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit);
// some accounts report 100. The lower one never misses a warning.
const DefaultQuota = 50

// Options are what the preview knows besides the plan.
type Options struct {
	// Dir is the directory Terraform ran in, where a video_file's size is
	// read; "" reads no file.
	Dir string
	// Account are the account's current posts (--account); nil reads them
	// from the plan's instagram_account_media data source, if any.
	Account []Existing
	// AccountSource names where Account came from.
	AccountSource string
	// Quota overrides the publishing quota (posts per 24 hours).
	Quota int
}

// Preview is everything the renderers show.
type Preview struct {
	TerraformVersion string
	Now              time.Time
	Cards            []*Card
	// Other counts the changes to resources that are not Instagram's.
	Other    int
	Grid     *Grid
	Calendar *Calendar
	// Deferred are the Instagram changes Terraform defers to a later plan:
	// this apply does not make them.
	Deferred []Deferred
}

// Deferred is a deferred change: its address, actions and why, in words.
type Deferred struct {
	Address, Actions, Reason string
}

// deferredReasons say Terraform's reasons for deferring a change
// (https://developer.hashicorp.com/terraform/internals/json-format).
var deferredReasons = map[string]string{
	"instance_count_unknown":  "its count or for_each is known after apply",
	"resource_config_unknown": "its configuration is known after apply",
	"provider_config_unknown": "the provider's configuration is known after apply",
	"absent_prereq":           "it depends on a change that is deferred too",
	"deferred_prereq":         "it depends on a change that is deferred too",
}

// Build makes the preview of a plan.
func Build(p *Plan, opts Options) *Preview {
	pv := &Preview{TerraformVersion: p.TerraformVersion, Now: p.Now()}
	pc := &planContext{now: pv.Now, refs: configRefs(p), dir: opts.Dir, tracks: audioTracks(p)}
	for _, rc := range p.ResourceChanges {
		if rc.Mode == "data" {
			continue
		}
		if !strings.HasPrefix(rc.Type, "instagram_") {
			if a := strings.Join(rc.Change.Actions, ","); a != "no-op" && a != "read" {
				pv.Other++
			}
			continue
		}
		card := newChange(rc, pc).card()
		if card == nil {
			continue
		}
		card.Checks = cardChecks(card)
		pv.Cards = append(pv.Cards, card)
	}
	for _, d := range p.DeferredChanges {
		rc := d.ResourceChange
		switch {
		case rc.Mode == "data":
		case strings.HasPrefix(rc.Type, "instagram_"):
			reason := cmp.Or(deferredReasons[d.Reason], d.Reason, "no reason given")
			pv.Deferred = append(pv.Deferred, Deferred{Address: rc.Address, Actions: strings.Join(rc.Change.Actions, ", "), Reason: reason})
		default:
			pv.Other++
		}
	}
	slices.SortStableFunc(pv.Cards, func(a, b *Card) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(verbRank(a.Verb), verbRank(b.Verb)), a.When.Compare(b.When))
	})
	existing, source := opts.Account, opts.AccountSource
	if existing == nil {
		existing, source = existingFromPlan(p)
	}
	quota, quotaSource := opts.Quota, "--quota"
	if quota <= 0 {
		quota, quotaSource = quotaFromPlan(p)
	}
	pv.Grid = buildGrid(pv.Cards, existing, source)
	pv.Calendar = buildCalendar(pv.Cards, existing, pv.Now, quota, quotaSource)
	return pv
}

// Count is how many cards have the verb.
func (pv *Preview) Count(v Verb) int {
	n := 0
	for _, c := range pv.Cards {
		if c.Verb == v {
			n++
		}
	}
	return n
}

// Failed are the cards whose checks fail.
func (pv *Preview) Failed() int {
	n := 0
	for _, c := range pv.Cards {
		if c.Failed() {
			n++
		}
	}
	return n
}

// quotaFromPlan is quota_total of an instagram_content_publishing_limit the
// plan read, else DefaultQuota.
func quotaFromPlan(p *Plan) (int, string) {
	for _, r := range p.stateResources() {
		if r.Mode == "data" && r.Type == "instagram_content_publishing_limit" {
			n := node{v: r.Values, sensitive: r.SensitiveValues}
			if q, ok := n.get("quota_total").number(); ok && q > 0 {
				return int(q), r.Address
			}
		}
	}
	return DefaultQuota, "assumed"
}

// audioTracks names the tracks the plan's instagram_audio data sources
// read, by id: "Morning Pour by The Roasters".
func audioTracks(p *Plan) map[string]string {
	out := map[string]string{}
	for _, r := range p.stateResources() {
		if r.Mode != "data" || r.Type != "instagram_audio" {
			continue
		}
		n := node{v: r.Values, sensitive: r.SensitiveValues}
		for _, t := range n.get("tracks").items() {
			id, title := t.get("id").str(), t.get("title").str()
			if id == "" || title == "" {
				continue
			}
			if artist := t.get("artist").str(); artist != "" {
				title += " by " + artist
			}
			out[id] = title
		}
	}
	return out
}

// configRefs answers which resource an attribute of a root-module resource
// refers to in the configuration ("instagram_media.launch"), for a value
// that is unknown until apply. Only references are read from the
// configuration, never its constant values (a provider block may hold a
// token in clear).
func configRefs(p *Plan) func(address, attr string) string {
	return func(address, attr string) string {
		for _, r := range p.Configuration.RootModule.Resources {
			if r.Address != address {
				continue
			}
			var e struct {
				References []string `json:"references"`
			}
			if json.Unmarshal(r.Expressions[attr], &e) != nil {
				return ""
			}
			for _, ref := range e.References {
				if strings.HasPrefix(ref, typeMedia+".") && strings.Count(ref, ".") == 1 {
					return ref
				}
			}
		}
		return ""
	}
}

// kindRank orders cards: posts, then comments, then comment settings, then
// the rest.
func kindRank(kind string) int {
	switch kind {
	case typeMedia:
		return 0
	case typeComment:
		return 1
	case typeCommentSettings:
		return 2
	}
	return 3
}

// verbRank orders cards of a kind: what goes out now, then later, then
// what goes away, then the rest.
func verbRank(v Verb) int {
	return slices.Index([]Verb{VerbPublish, VerbReplace, VerbSchedule, VerbMissed, VerbDelete, VerbForget, VerbUpdate, VerbUnchanged}, v)
}
