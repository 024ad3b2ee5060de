package acctest

import (
	"regexp"
	"strings"
)

// ExpectError compiles an ExpectError pattern that survives the CLI's
// line wrapping of diagnostics: every space matches any run of whitespace,
// and `.` matches newlines.
func ExpectError(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}
