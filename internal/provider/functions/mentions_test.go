package functions_test

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
)

// The edge cases of what a mention is are internal/rules' tests; these
// check the function returns them as a list, empty rather than null.
func TestMentions(t *testing.T) {
	t.Parallel()
	for text, want := range map[string][]string{
		"":                                 {},
		"write to ana@example.com, or @@x": {},
		"with @ana.b, @Ana.B and @ben_k.":  {"ana.b", "ben_k"},
		"@ana's post (@paren) \"@quoted\"": {"ana", "paren", "quoted"},
	} {
		var got []string
		result(t, &got, functions.NewMentions(), types.StringValue(text))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("mentions(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestMentions_wrongArgument(t *testing.T) {
	t.Parallel()
	expectArgumentError(t, functions.NewMentions(), 0, "text must be a string", types.Float64Value(1.5))
}

func TestAccMentions(t *testing.T) {
	functionTest(t, `
output "users" {
  value = provider::instagram::mentions("Thanks @ana.b and @Ben_K. Write to ana@example.com or @ana.B's team")
}
`, output("users", stringList("ana.b", "Ben_K")))
}
