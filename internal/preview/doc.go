// Package preview turns the JSON of `terraform show -json PLANFILE` into
// what a reviewer of a pull request reads: every instagram_media the plan
// publishes, schedules, replaces or deletes as a card that looks like the
// post, with the checks Instagram's rules make (internal/rules), what the
// change means in words, when it goes out, a calendar against the
// publishing quota and a preview of the profile grid. It renders a Markdown
// comment that fits GitHub's limit (markdown.go) and a self-contained HTML
// page (html.go). The command is cmd/instagram-preview.
//
// Every string that comes from the plan is user text: it is escaped for the
// format it is written in, and values the plan marks sensitive are never
// printed (value.go). Variables and provider configuration are never read.
package preview
