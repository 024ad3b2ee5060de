package media

import (
	"strings"
	"testing"
)

// The hint to use path.module is for a bare relative path only: a path
// that already starts with "./" (what "${path.module}/clip.mp4" gives in
// the root module) or is absolute is not told to use it (issue 23 item 6).
func TestMissingFileHint(t *testing.T) {
	for _, tc := range []struct {
		name string
		hint bool
	}{
		{"clip.mp4", true},
		{"videos/clip.mp4", true},
		{"./clip.mp4", false},
		{"../videos/clip.mp4", false},
		{"/srv/videos/clip.mp4", false},
	} {
		msg := missingFile(tc.name)
		if got := strings.Contains(msg, "${path.module}"); got != tc.hint {
			t.Errorf("missingFile(%q) = %q: hint %v, want %v", tc.name, msg, got, tc.hint)
		}
		if !strings.HasPrefix(msg, tc.name+" does not exist") {
			t.Errorf("missingFile(%q) = %q: does not name the file", tc.name, msg)
		}
	}
}
