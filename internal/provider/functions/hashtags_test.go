package functions_test

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/functions"
)

// The edge cases of what a hashtag is are internal/rules' tests; these
// check the function returns them as a list, empty rather than null.
func TestHashtags(t *testing.T) {
	t.Parallel()
	for text, want := range map[string][]string{
		"":                                 {},
		"no hashtags here, abc#def, #2026": {},
		"#Summer sale! #summer #café #東京 ##x": {"Summer", "café", "東京"},
		"#sale! #don't (#paren) #a,b":         {"sale", "don", "paren", "a"},
	} {
		var got []string
		result(t, &got, functions.NewHashtags(), types.StringValue(text))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("hashtags(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestHashtags_wrongArgument(t *testing.T) {
	t.Parallel()
	expectArgumentError(t, functions.NewHashtags(), 0, "text must be a string", types.BoolValue(true))
	expectArgumentError(t, functions.NewHashtags(), 0, "text must be a string", types.ListValueMust(types.StringType, nil))
}

func TestAccHashtags(t *testing.T) {
	functionTest(t, `
output "tags" {
  value = provider::instagram::hashtags("New drop #Summer #summer, see you at #summer_fest! #2026 mail@example.com#x")
}

output "none" {
  value = provider::instagram::hashtags("")
}
`, output("tags", stringList("Summer", "summer_fest")), output("none", stringList()))
}
