package preview

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// MaxCommentLength is the most characters GitHub accepts in a pull-request
// comment. Markdown is measured in bytes, which is never fewer than
// GitHub's count of characters.
const MaxCommentLength = 65536

// markdownMode is how much of the preview a comment holds.
type markdownMode int

const (
	mdFull   markdownMode = iota // every card with its pictures and full caption
	mdFolded                     // every card folded in <details>, captions cut where the feed cuts them
	mdTable                      // the summary table only, as many rows as fit
)

// Markdown renders the preview as a pull-request comment of at most limit
// bytes (MaxCommentLength when limit ≤ 0): the full preview when it fits,
// else every card folded with its caption cut where the feed cuts it, else
// the summary table alone; the comment says which.
func (pv *Preview) Markdown(limit int) string {
	if limit <= 0 {
		limit = MaxCommentLength
	}
	if len(pv.Cards) == 0 && len(pv.Deferred) == 0 {
		return pv.noChanges() + "\n"
	}
	full := pv.markdown(mdFull, 0, 0, limit)
	if len(full) <= limit {
		return full
	}
	folded := pv.markdown(mdFolded, len(full), 0, limit)
	if len(folded) <= limit {
		return folded
	}
	// The table alone: find how many rows fit (the size grows with rows).
	lo, hi := 0, len(pv.Cards)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(pv.markdown(mdTable, len(full), mid, limit)) <= limit {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return pv.markdown(mdTable, len(full), lo, limit)
}

func (pv *Preview) noChanges() string {
	line := "**Instagram:** this plan changes no Instagram post, comment or setting."
	if pv.Other > 0 {
		line += fmt.Sprintf(" (It has %d other %s.)", pv.Other, plural(pv.Other, "change", "changes"))
	}
	return line
}

// markdown renders one mode; fullSize is the size of the full preview and
// limit the comment's (for the notice), rows the table rows of mdTable.
func (pv *Preview) markdown(mode markdownMode, fullSize, rows, limit int) string {
	var b strings.Builder
	b.WriteString("### 📸 Instagram: what this plan publishes\n\n")
	b.WriteString(pv.headline() + "\n\n")
	switch mode {
	case mdFolded:
		fmt.Fprintf(&b, "> [!NOTE]\n> The full preview is %s characters, more than the comment may hold (%s): every post is folded below and captions are cut where Instagram's feed cuts them. The HTML page has everything.\n\n",
			thousands(fullSize), thousands(limit))
	case mdTable:
		fmt.Fprintf(&b, "> [!NOTE]\n> The full preview is %s characters, more than the comment may hold (%s): only the summary table is shown", thousands(fullSize), thousands(limit))
		if rows < len(pv.Cards) {
			fmt.Fprintf(&b, ", %s of its %s rows", thousands(rows), thousands(len(pv.Cards)))
		}
		b.WriteString(". The HTML page has every post.\n\n")
	}
	pv.mdTable(&b, rows, mode == mdTable)
	pv.mdDeferred(&b)
	if mode != mdTable {
		pv.mdCalendar(&b)
		b.WriteString("\n")
		for _, c := range pv.Cards {
			mdCard(&b, c, mode)
		}
		pv.mdGrid(&b, mode)
	}
	b.WriteString("\n<sub>instagram-preview")
	if pv.TerraformVersion != "" {
		b.WriteString(" · Terraform " + mdText(pv.TerraformVersion))
	}
	if !pv.Now.IsZero() {
		b.WriteString(" · planned " + mdText(formatTime(pv.Now)))
	}
	b.WriteString("</sub>\n")
	return b.String()
}

// headline counts what the plan does.
func (pv *Preview) headline() string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", thousands(n), plural(n, one, many)))
		}
	}
	posts, comments := map[Verb]int{}, 0
	for _, c := range pv.Cards {
		if c.Kind == typeMedia {
			posts[c.Verb]++
		} else {
			comments++
		}
	}
	add(posts[VerbPublish], "post published now", "posts published now")
	add(posts[VerbSchedule], "post scheduled", "posts scheduled")
	add(posts[VerbReplace], "post **replaced**", "posts **replaced**")
	add(posts[VerbDelete], "post **deleted**", "posts **deleted**")
	add(posts[VerbForget], "post kept on Instagram and forgotten", "posts kept on Instagram and forgotten")
	add(posts[VerbMissed], "post missed its time", "posts missed their time")
	add(posts[VerbUnchanged]+posts[VerbUpdate], "post with Terraform settings changed only", "posts with Terraform settings changed only")
	add(comments, "comment change", "comment changes")
	add(len(pv.Deferred), "change deferred to a later plan", "changes deferred to a later plan")
	line := strings.Join(parts, " · ")
	if n := pv.Failed(); n > 0 {
		line += fmt.Sprintf(" · ⛔ **%s %s a limit of Instagram**", thousands(n), plural(n, "breaks", "break"))
	}
	if pv.Other > 0 {
		line += fmt.Sprintf(" · %s other %s", thousands(pv.Other), plural(pv.Other, "change", "changes"))
	}
	return line
}

func (pv *Preview) mdTable(b *strings.Builder, rows int, truncate bool) {
	if len(pv.Cards) == 0 {
		return
	}
	b.WriteString("| | resource | what happens | when | checks |\n|---|---|---|---|---|\n")
	for i, c := range pv.Cards {
		if truncate && i == rows {
			fmt.Fprintf(b, "| | … and %s more | | | |\n", thousands(len(pv.Cards)-rows))
			break
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", icon(c), mdCode(c.Address), mdSpans(c.Says, false), mdText(c.WhenText), checksSummary(c))
	}
}

// mdDeferred lists the deferred changes, one line each.
func (pv *Preview) mdDeferred(b *strings.Builder) {
	if len(pv.Deferred) == 0 {
		return
	}
	b.WriteString("\n**Deferred:** Terraform plans these in a later run; this apply does not make them.\n\n")
	for _, d := range pv.Deferred {
		fmt.Fprintf(b, "⏸️ %s (%s): %s  \n", mdCode(d.Address), mdText(d.Actions), mdText(d.Reason))
	}
}

func checksSummary(c *Card) string {
	if len(c.Checks) == 0 {
		return ""
	}
	var over []string
	for _, ch := range c.Checks {
		if ch.Over() {
			over = append(over, fmt.Sprintf("%s %s", ch.Name, ratio(ch)))
		}
	}
	if len(over) == 0 {
		return "✅"
	}
	return "⛔ " + strings.Join(over, ", ")
}

func mdCard(b *strings.Builder, c *Card, mode markdownMode) {
	// A folded card's title is in an HTML block (<details>).
	folded := mode == mdFolded
	title := fmt.Sprintf("%s %s", icon(c), mdCode(c.Address))
	if c.Post != nil && c.Post.Type != "" {
		title += " · " + mdEscape(c.Post.Type, folded)
	}
	if folded {
		fmt.Fprintf(b, "<details><summary>%s — %s</summary>\n\n", title, mdSpans(c.Says, true))
	} else {
		fmt.Fprintf(b, "#### %s\n\n", title)
		fmt.Fprintf(b, "%s · %s\n\n", mdSpans(c.Says, false), mdText(c.WhenText))
	}
	if p := c.Post; p != nil {
		mdMedia(b, p, mode)
		mdCaption(b, p.Caption, "caption", mode)
	}
	if c.Message.Present() {
		mdCaption(b, c.Message, "comment", mode)
	}
	if len(c.Checks) > 0 {
		var parts []string
		for _, ch := range c.Checks {
			mark := "✅"
			switch {
			case ch.Unknown:
				mark = "❔"
			case ch.Over():
				mark = "⛔"
			}
			parts = append(parts, fmt.Sprintf("%s %s %s", mark, ch.Name, ratio(ch)))
		}
		b.WriteString(strings.Join(parts, " · ") + "\n\n")
	}
	if p := c.Post; p != nil {
		var facts []string
		if p.AltText.Present() {
			facts = append(facts, "**Alt text:** "+mdOr(p.AltText))
		}
		if p.CollaboratorsHidden.Present() {
			facts = append(facts, "**Collaborators:** "+mdOr(p.CollaboratorsHidden))
		} else if len(p.Collaborators) > 0 {
			var s []string
			for _, col := range p.Collaborators {
				name := mdUsername(col.Username)
				if col.Invite != "" {
					name += " (" + mdText(col.Invite) + ")"
				}
				s = append(s, name)
			}
			facts = append(facts, "**Collaborators:** "+strings.Join(s, ", "))
		}
		if tags := allTags(p); len(tags) > 0 {
			facts = append(facts, "**Tagged:** "+strings.Join(tags, ", "))
		}
		if p.LocationID.Present() {
			facts = append(facts, "**Location:** "+mdOr(p.LocationID))
		}
		if p.AudioName.Present() {
			facts = append(facts, "**Audio:** "+mdOr(p.AudioName))
		}
		if p.AudioTrack.Present() {
			facts = append(facts, "**Licensed audio:** "+mdOr(p.AudioTrack))
		}
		if len(p.Labels) > 0 {
			var s []string
			for _, l := range p.Labels {
				s = append(s, mdText(l))
			}
			facts = append(facts, "**Labels:** "+strings.Join(s, " · "))
		}
		if len(facts) > 0 {
			b.WriteString(strings.Join(facts, "  \n") + "\n\n")
		}
	}
	if mode == mdFolded {
		b.WriteString("</details>\n\n")
	}
}

// mdMedia shows the pictures (full mode) and describes videos.
func mdMedia(b *strings.Builder, p *Post, mode markdownMode) {
	var imgs, videos []string
	width := 240
	if len(p.Items) > 1 {
		width = 120
	}
	for _, it := range p.Items {
		if u := imageURL(it.Image.S); u != "" && it.Image.Visible() && mode == mdFull {
			// The alt text is user text: it is shown escaped below, not
			// put in an attribute.
			imgs = append(imgs, fmt.Sprintf(`<img src="%s" width="%d" alt="%s">`, htmlAttr(u), width, htmlAttr(strings.ToLower(p.Type))))
		}
		if it.Video {
			videos = append(videos, videoText(it, mdText, mdOr))
		}
	}
	if len(imgs) > 0 {
		b.WriteString(strings.Join(imgs, " ") + "\n\n")
	}
	if len(videos) > 0 {
		b.WriteString("🎬 " + strings.Join(videos, "  \n🎬 ") + "\n\n")
	}
}

// videoText describes a video without decoding it: its URL's file name, or
// the local file's name, size and sha256.
func videoText(it Item, esc func(string) string, or func(Text) string) string {
	if it.VideoFile.Present() {
		s := "video file " + or(it.VideoFile)
		if it.VideoSize >= 0 {
			s += ", " + esc(byteSize(it.VideoSize))
		}
		if it.VideoHash.Visible() && it.VideoHash.S != "" {
			s += ", sha256 " + esc(it.VideoHash.S)
		} else if it.VideoHash.State == Unknown {
			s += ", sha256 known at plan time"
		}
		return s
	}
	return "video " + or(it.VideoURL)
}

func mdCaption(b *strings.Builder, t Text, what string, mode markdownMode) {
	if !t.Visible() {
		if t.Present() {
			fmt.Fprintf(b, "> _%s: %s_\n\n", what, t.Placeholder())
		}
		return
	}
	fold := rules.Fold(t.S)
	b.WriteString(mdQuote(fold, true))
	if fold == t.S {
		b.WriteString("\n")
		return
	}
	b.WriteString("> … _more_\n\n")
	if mode == mdFull {
		fmt.Fprintf(b, "<details><summary>Full %s (%s characters)</summary>\n\n%s\n</details>\n\n", what, thousands(rules.Length(t.S)), mdQuote(t.S, true))
	}
}

func (pv *Preview) mdCalendar(b *strings.Builder) {
	cal := pv.Calendar
	if cal == nil {
		return
	}
	fmt.Fprintf(b, "\n**Calendar** (times %s; quota %s posts per moving 24 hours, %s)\n\n", mdText(cal.Zone), thousands(cal.Quota), quotaSourceText(cal.QuotaSource))
	if len(cal.Days) > 0 {
		b.WriteString("| day | time | post | posts in the 24 h up to it |\n|---|---|---|---|\n")
	}
	for _, d := range cal.Days {
		for i, e := range d.Entries {
			day := ""
			if i == 0 {
				day = mdText(d.Date)
			}
			mark := ""
			if e.Over {
				mark = " ⛔"
			}
			fmt.Fprintf(b, "| %s | %s | %s %s | %d / %d%s |\n", day, mdText(e.Time), mdCode(e.Address), mdText(e.Type), e.InWindow, cal.Quota, mark)
		}
	}
	for _, e := range cal.Unplaced {
		fmt.Fprintf(b, "\n❔ %s %s, %s: not in the calendar nor counted against the quota (the plan does not show its publish\\_at).\n", mdCode(e.Address), mdText(e.Type), mdText(e.Time))
	}
	for _, w := range cal.Over {
		fmt.Fprintf(b, "\n⛔ **%d posts from %s to %s exceed the quota of %d per 24 hours**: %s", w.Count, mdText(w.From), mdText(w.To), cal.Quota, addresses(w.Addresses, mdCode))
		if w.Published > 0 {
			fmt.Fprintf(b, " and %d already published", w.Published)
		}
		b.WriteString(".\n")
	}
}

func (pv *Preview) mdGrid(b *strings.Builder, mode markdownMode) {
	g := pv.Grid
	if g == nil || len(g.Cells) == 0 || mode != mdFull {
		return
	}
	b.WriteString("**The profile grid** (new posts on top")
	if g.Source != "" {
		source := mdText(g.Source)
		if isAddress(g.Source) {
			source = mdCode(g.Source)
		}
		b.WriteString(" of the account's current ones, from " + source)
	}
	b.WriteString(")\n\n<table>\n")
	for _, row := range g.Rows() {
		b.WriteString("<tr>")
		for _, c := range row {
			b.WriteString("<td>")
			if u := imageURL(c.Image.S); u != "" && c.Image.Visible() {
				fmt.Fprintf(b, `<img src="%s" width="110" height="110" alt="">`, htmlAttr(u))
			} else {
				b.WriteString("▢")
			}
			if c.New {
				fmt.Fprintf(b, "<br><b>new</b> %s", mdCode(c.Address))
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n\n")
}

// isAddress reports whether a source is a data source's address (else it
// is words, like "the Graph API (account …)").
func isAddress(s string) bool {
	return strings.HasPrefix(s, "data.") || strings.HasPrefix(s, "module.")
}

func quotaSourceText(s string) string {
	switch s {
	case "assumed":
		return "Meta's documented default; read from instagram_content_publishing_limit when the configuration reads it, or --quota"
	case "--quota":
		return "from --quota"
	}
	return "from " + mdCode(s)
}

func allTags(p *Post) []string {
	var out []string
	tag := func(t UserTag) {
		s := mdUsername(t.Username)
		if t.X != nil && t.Y != nil {
			s += fmt.Sprintf(" (%.2f, %.2f)", *t.X, *t.Y)
		}
		out = append(out, s)
	}
	for _, t := range p.UserTags {
		tag(t)
	}
	for _, it := range p.Items {
		for _, t := range it.UserTags {
			tag(t)
		}
	}
	return out
}

// mdSpans are the words of a card, in Markdown, or for an HTML block
// (inHTML).
func mdSpans(spans []Span, inHTML bool) string {
	var b strings.Builder
	for _, s := range spans {
		text := mdEscape(s.Text, inHTML)
		switch {
		case s.Link != "" && inHTML:
			text = `<a href="` + htmlAttr(s.Link) + `">` + text + "</a>"
		case s.Link != "":
			text = "[" + text + "](" + s.Link + ")"
		}
		if s.Strong {
			text = "<b>" + text + "</b>"
		}
		b.WriteString(text)
	}
	return b.String()
}

// mdUsername is @username, escaped as a whole so that it is no GitHub mention.
func mdUsername(t Text) string {
	if t.Visible() {
		return mdText("@" + t.S)
	}
	return mdOr(t)
}

// mdOr is visible text escaped, or its placeholder in italics.
func mdOr(t Text) string {
	if t.Visible() {
		return mdText(t.S)
	}
	return "_" + t.Placeholder() + "_"
}

func icon(c *Card) string {
	switch c.Kind {
	case typeComment:
		return "💬"
	case typeCommentSettings:
		return "⚙️"
	case typeMedia:
		if c.Post != nil {
			switch c.Post.Type {
			case graph.MediaTypeReels:
				return "🎬"
			case graph.MediaTypeCarousel:
				return "🎠"
			case graph.MediaTypeStories:
				return "⏱️"
			}
		}
		return "🖼️"
	}
	return "🔧"
}

func ratio(c Check) string {
	if c.Unknown {
		return "? / " + thousands(c.Limit)
	}
	if c.Min > 0 {
		return fmt.Sprintf("%s / %d–%s", thousands(c.Value), c.Min, thousands(c.Limit))
	}
	return thousands(c.Value) + " / " + thousands(c.Limit)
}

func addresses(list []string, code func(string) string) string {
	const most = 10
	var s []string
	for i, a := range list {
		if i == most {
			s = append(s, fmt.Sprintf("and %d more", len(list)-most))
			break
		}
		s = append(s, code(a))
	}
	return strings.Join(s, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// thousands writes n with thousands separators: 2,200.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
