package graph

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCodePredicates(t *testing.T) {
	type pred struct {
		name string
		fn   func(error) bool
	}
	preds := []pred{
		{"IsNotReady", IsNotReady},
		{"IsPublishingQuotaReached", IsPublishingQuotaReached},
		{"IsSessionExpired", IsSessionExpired},
		{"IsMediaFetchFailed", IsMediaFetchFailed},
		{"IsCaptionRejected", IsCaptionRejected},
		{"IsActivityRestricted", IsActivityRestricted},
		{"IsWebhookVerificationFailed", IsWebhookVerificationFailed},
	}
	for _, tc := range []struct {
		code, subcode int
		want          string // the one predicate that must hold; "" = none
	}{
		{9007, 2207027, "IsNotReady"},
		{9, 2207042, "IsPublishingQuotaReached"},
		{9, 0, ""},
		{190, 463, "IsSessionExpired"},
		{190, 460, ""},
		{9004, 2207052, "IsMediaFetchFailed"},
		{-1, 2207052, "IsMediaFetchFailed"},
		{36004, 2207010, "IsCaptionRejected"},
		{100, 2207040, "IsCaptionRejected"},
		{4, 2207051, "IsActivityRestricted"},
		{4, 0, ""},
		{2200, 0, "IsWebhookVerificationFailed"},
		{2201, 0, "IsWebhookVerificationFailed"},
		{100, 33, ""},
	} {
		err := fmt.Errorf("wrapped: %w", &Error{HTTPStatus: 400, Code: tc.code, Subcode: tc.subcode})
		for _, p := range preds {
			if got := p.fn(err); got != (p.name == tc.want) {
				t.Errorf("%s(code %d subcode %d) = %v", p.name, tc.code, tc.subcode, got)
			}
		}
	}
	for _, p := range preds {
		if p.fn(errors.New("plain")) || p.fn(nil) {
			t.Errorf("%s holds for a non-Graph error", p.name)
		}
	}
}

func TestExplainSubcode(t *testing.T) {
	for _, sub := range ExplainedSubcodes() {
		why, ok := ExplainSubcode(sub)
		if !ok || why == "" || !strings.HasSuffix(why, ".") {
			t.Errorf("ExplainSubcode(%d) = %q, %v", sub, why, ok)
		}
	}
	if _, ok := ExplainSubcode(2207999); ok {
		t.Error("an unknown subcode is explained")
	}
	for sub, want := range map[int]string{
		SubcodeCaptionTooLong:        "caption",
		SubcodeTooManyTags:           "caption",
		SubcodeCarouselItemCount:     "children",
		SubcodeThumbOffset:           "thumb_offset",
		SubcodeImageTooLarge:         "image_url",
		SubcodeVideoFormat:           "video_url",
		SubcodeTrialReelsUnsupported: "trial_params",
		SubcodeServerError:           "",
		2207999:                      "",
	} {
		if got := SubcodeAttribute(sub); got != want {
			t.Errorf("SubcodeAttribute(%d) = %q, want %q", sub, got, want)
		}
	}
}

func TestSubcodeInStatus(t *testing.T) {
	for status, want := range map[string]int{
		"Error: 2207026":                         2207026,
		"ERROR: Media upload failed (2207052)":   2207052,
		"Error: 2207026, code 352":               2207026,
		"In Progress: Media is still processing": 0,
		"Error: 12345":                           0,
		"":                                       0,
	} {
		if got := SubcodeInStatus(status); got != want {
			t.Errorf("SubcodeInStatus(%q) = %d, want %d", status, got, want)
		}
	}
}

func TestWrongNodeType(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&Error{Code: 100, Message: "(#100) Tried accessing nonexisting field (media_count) on node type (Page)"}, "Page"},
		{fmt.Errorf("wrapped: %w", &Error{Code: 100, Message: "(#100) Tried accessing nonexisting field (username) on node type (IGMedia)"}), "IGMedia"},
		{&Error{Code: 100, Subcode: 33, Message: "Unsupported get request. Object with ID '1' does not exist"}, ""},
		{&Error{Code: 190, Message: "nonexisting field (x) on node type (User)"}, ""},
		{errors.New("(#100) Tried accessing nonexisting field (x) on node type (Page)"), ""},
	} {
		got, ok := WrongNodeType(tc.err)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("WrongNodeType(%v) = %q, %t; want %q", tc.err, got, ok, tc.want)
		}
	}
}
