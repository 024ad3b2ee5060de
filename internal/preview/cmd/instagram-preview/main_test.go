package main

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const createPlan = "../../testdata/plans/create.json"

func runCmd(t *testing.T, stdin string, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(t.Context(), args, strings.NewReader(stdin), &out, func(k string) string { return env[k] })
	return out.String(), err
}

func TestRun_markdownAndHTML(t *testing.T) {
	dir := t.TempDir()
	md, html := filepath.Join(dir, "comment.md"), filepath.Join(dir, "preview.html")
	out, err := runCmd(t, "", nil, "--markdown", md, "--html", html, createPlan)
	if err != nil || out != "" {
		t.Fatalf("err %v, stdout %q", err, out)
	}
	for _, f := range []string{md, html} {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.Contains(b, []byte("instagram_media.launch")) {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
		if bytes.Contains(b, []byte(emulator.DefaultFacebookToken)) {
			t.Errorf("%s prints the token the plan's variables hold", f)
		}
	}
	// From stdin, Markdown to stdout.
	plan, err := os.ReadFile(createPlan)
	if err != nil {
		t.Fatal(err)
	}
	out, err = runCmd(t, string(plan), nil, "-")
	if err != nil || !strings.HasPrefix(out, "### 📸 Instagram") {
		t.Fatalf("stdin: %v\n%s", err, out)
	}
}

func TestRun_errors(t *testing.T) {
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
		usage bool
	}{
		{"Plan: 1 to add", nil, "stdin: the input is not a JSON object", false},
		{"", []string{"missing.json"}, "missing.json", false},
		{"", []string{"a.json", "b.json"}, "one plan at a time", true},
		{"", []string{"--nope"}, "flag provided but not defined", true},
		{"{}", []string{"--account", "17841400000000001", createPlan}, "--account needs INSTAGRAM_ACCESS_TOKEN", true},
	} {
		_, err := runCmd(t, tc.stdin, nil, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
		if isUsage := errors.As(err, new(usageError)); isUsage != tc.usage {
			t.Errorf("%v: usage error %v, want %v", tc.args, isUsage, tc.usage)
		}
	}
}

// --account reads the account's posts from the Graph API (here the
// emulator), read only, and never prints the token.
func TestRun_account(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	if _, err := emu.SeedPosts(emulator.DefaultAccountID, 5); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu.Handler())
	t.Cleanup(srv.Close)
	env := map[string]string{"INSTAGRAM_ACCESS_TOKEN": emulator.DefaultFacebookToken, "INSTAGRAM_BASE_URL": srv.URL}
	html := filepath.Join(t.TempDir(), "preview.html")
	out, err := runCmd(t, "", env, "--account", emulator.DefaultAccountID, "--html", html, "../../testdata/plans/scheduled.json")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{out, string(page)} {
		if !strings.Contains(s, "the Graph API (account "+emulator.DefaultAccountID+")") || !strings.Contains(s, "scontent.cdninstagram.com") {
			t.Errorf("the grid does not show the account's posts:\n%s", s)
		}
		if strings.Contains(s, emulator.DefaultFacebookToken) {
			t.Error("the token is printed")
		}
	}
	// Read only: nothing but GETs of the media list.
	if len(emu.Calls()) == 0 {
		t.Error("no Graph call")
	}
	for route, n := range emu.Calls() {
		if !strings.HasPrefix(route, "GET ") {
			t.Errorf("--account sent %d × %s", n, route)
		}
	}
	// A wrong token fails with Graph's error, without the token.
	env["INSTAGRAM_ACCESS_TOKEN"] = "EAAWrongToken123"
	_, err = runCmd(t, "", env, "--account", emulator.DefaultAccountID, "../../testdata/plans/scheduled.json")
	if err == nil || strings.Contains(err.Error(), "EAAWrongToken123") {
		t.Errorf("wrong token: %v", err)
	}
}
