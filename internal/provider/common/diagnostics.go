package common

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// AddAPIError reports a failed Graph call on an attribute (or the resource
// when p is empty), carrying Meta's message, code, subcode and fbtrace id and
// telling the user what to do about it.
func AddAPIError(diags *diag.Diagnostics, p path.Path, summary string, err error) {
	AddError(diags, p, summary, DescribeError(err))
}

// AddError adds an error on an attribute, or on the whole resource when p is
// empty.
func AddError(diags *diag.Diagnostics, p path.Path, summary, detail string) {
	if p.Equal(path.Empty()) {
		diags.AddError(summary, detail)
		return
	}
	diags.AddAttributeError(p, summary, detail)
}

// DescribeError renders any client error for a human: what Meta said, the
// identifiers support will ask for, and the next step.
func DescribeError(err error) string {
	var rl *graph.RateLimitError
	if errors.As(err, &rl) {
		msg := fmt.Sprintf("Meta's %s rate limit is exhausted and access returns in about %s, longer than max_rate_limit_wait allows. "+
			"Run again later, raise max_rate_limit_wait in the provider block, or reduce how many calls each run makes "+
			"(fewer resources per workspace, -refresh=false for plans that don't need fresh data).",
			rl.Budget, rl.Wait.Round(1e9))
		if rl.Err != nil {
			msg += "\n\n" + metaDetails(rl.Err)
		}
		return msg
	}
	var amb *graph.AmbiguousError
	if errors.As(err, &amb) {
		return fmt.Sprintf("The request %s %s may or may not have reached Instagram (%v). It was not sent again, "+
			"because sending it twice could publish twice. Run `terraform plan` to see what exists now.", amb.Method, amb.Path, amb.Err)
	}
	var gerr *graph.Error
	if errors.As(err, &gerr) {
		out := metaDetails(gerr)
		if hint := errorHint(gerr); hint != "" {
			out += "\n\n" + hint
		}
		return out
	}
	return err.Error()
}

// metaDetails is Meta's own wording plus the ids needed to report a problem.
func metaDetails(e *graph.Error) string {
	var b strings.Builder
	msg := e.Message
	if e.UserMsg != "" {
		msg = e.UserMsg
		if e.UserTitle != "" {
			msg = e.UserTitle + ": " + e.UserMsg
		}
	}
	fmt.Fprintf(&b, "Instagram API error: %s", msg)
	if e.UserMsg != "" && e.Message != "" && e.Message != e.UserMsg {
		fmt.Fprintf(&b, "\nMessage: %s", e.Message)
	}
	fmt.Fprintf(&b, "\n(code %d", e.Code)
	if e.Subcode != 0 {
		fmt.Fprintf(&b, ", subcode %d", e.Subcode)
	}
	if e.HTTPStatus != 0 {
		fmt.Fprintf(&b, ", HTTP %d", e.HTTPStatus)
	}
	if e.FBTraceID != "" {
		fmt.Fprintf(&b, ", fbtrace_id %s", e.FBTraceID)
	}
	b.WriteString(")")
	return b.String()
}

// errorHint says what the user should do next, by Graph code.
func errorHint(e *graph.Error) string {
	switch {
	case graph.IsSessionExpired(e):
		return "The access token has expired. Create a new long-lived token (Instagram login: refresh it with " +
			"ig_refresh_token before it expires; Facebook login: exchange a new user token) and update access_token."
	case graph.IsAuth(e):
		return "The access token is invalid, expired or revoked. Generate a new token and update access_token " +
			"(or INSTAGRAM_ACCESS_TOKEN)."
	case graph.IsNotFound(e):
		return "The object does not exist, was deleted, or the token cannot see it. Check the id and that the token " +
			"belongs to the account that owns it."
	case graph.IsNotEnoughViewers(e):
		return "Instagram shows no insights for a story seen by fewer than 5 accounts. Read them again once more people " +
			"have viewed it (story insights are only available for 24 hours)."
	case graph.IsPermission(e):
		return "The token lacks a permission this call needs. Grant it in the app's login flow (for example " +
			"instagram_content_publish / instagram_business_content_publish to publish, instagram_manage_contents to delete) and create a new token."
	case graph.IsRateLimited(e):
		return "Meta is throttling this app or account. Wait and run again; the provider already retried within max_rate_limit_wait."
	case graph.IsPublishingQuotaReached(e):
		return "The account reached its publishing quota for the last 24 hours. Posts can be published again as older ones " +
			"leave the 24-hour window; see the instagram_content_publishing_limit data source."
	}
	// Publishing subcodes: graph's one table of explanations. Meta sometimes
	// answers a failed download or a rejected caption with the code alone.
	subcode := e.Subcode
	switch {
	case subcode == 0 && graph.IsMediaFetchFailed(e):
		subcode = graph.SubcodeMediaFetchFailed
	case subcode == 0 && graph.IsCaptionRejected(e):
		subcode = graph.SubcodeCaptionTooLong
	}
	why, _ := graph.ExplainSubcode(subcode)
	return why
}
