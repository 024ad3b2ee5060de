package workflow

import "testing"

func TestFilter(t *testing.T) {
	cases := []struct {
		pattern   string
		usernames []string
		username  string
		text      string
		want      bool
	}{
		{"", nil, "anyone", "anything", true},
		{"(?i)free followers", nil, "x", "Get FREE Followers", true},
		{"free followers", nil, "x", "Get FREE Followers", false},
		{"", []string{"@Spam_Bot"}, "spam_bot", "hi", true},
		{"", []string{"spam_bot"}, "fan", "hi", false},
		{"(?i)free", []string{"spam_bot"}, "spam_bot", "nothing here", false},
	}
	for _, c := range cases {
		f, err := NewFilter(c.pattern, c.usernames)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Match(c.username, c.text); got != c.want {
			t.Errorf("NewFilter(%q, %v).Match(%q, %q) = %v", c.pattern, c.usernames, c.username, c.text, got)
		}
	}
	if _, err := NewFilter("(", nil); err == nil {
		t.Error("a bad pattern was accepted")
	}
}
