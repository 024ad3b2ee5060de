package common

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTextValidators(t *testing.T) {
	many := func(prefix string, n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" " + prefix + strings.Repeat("x", i+1))
		}
		return b.String()
	}
	cases := []struct {
		name  string
		v     validator.String
		value types.String
		want  string // "" = valid
	}{
		{"a reply", CommentText(), types.StringValue("Thanks @fan! #love"), ""},
		{"blank", CommentText(), types.StringValue(" \n "), "must not be blank"},
		{"too long", CommentText(), types.StringValue(strings.Repeat("é", 2201)), "2201 characters long; Instagram allows at most 2200"},
		{"30 hashtags", CommentText(), types.StringValue(many("#", 30)), ""},
		{"31 hashtags", CommentText(), types.StringValue(many("#", 31)), "31 hashtags"},
		{"21 mentions", CommentText(), types.StringValue(many("@", 21)), "21 @mentions"},
		{"unknown", CommentText(), types.StringUnknown(), ""},
		{"a pattern", RE2Pattern(), types.StringValue(`(?i)free\s+followers`), ""},
		{"a Perl lookahead", RE2Pattern(), types.StringValue(`free(?=followers)`), "RE2 syntax"},
		{"a username", Username(), types.StringValue("@Some.User_1"), ""},
		{"not a username", Username(), types.StringValue("some user"), "must be an Instagram username"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := &validator.StringResponse{}
			c.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("message"), ConfigValue: c.value}, resp)
			got := ""
			for _, d := range resp.Diagnostics.Errors() {
				got += d.Detail()
			}
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Fatalf("errors %q, want %q", got, c.want)
			}
		})
	}
}
