package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:0": true, "[::1]:8080": true, "localhost:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:80": false, "example.com:80": false, "nonsense": false,
	} {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
	if err := run([]string{"-listen", "0.0.0.0:0"}); err == nil {
		t.Error("run accepted a non-loopback address")
	}
}

func TestRunServesAndStopsOnSignal(t *testing.T) {
	addrFile := filepath.Join(t.TempDir(), "addr")
	done := make(chan error, 1)
	go func() {
		done <- run([]string{"-addr-file", addrFile, "-quota", "7", "-seed-posts", "4", "-legacy-app"})
	}()

	var base string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(addrFile); err == nil && len(b) > 0 {
			base = strings.TrimSpace(string(b))
			break
		}
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("addr file = %q", base)
	}
	hreq, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_emulator/health", nil)
	res, err := http.DefaultClient.Do(hreq)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("health = %d", res.StatusCode)
	}
	get := func(path string) string {
		t.Helper()
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, base+path, nil)
		req.Header.Set("Authorization", "Bearer "+emulator.DefaultFacebookToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return string(body)
	}
	if body := get("/v25.0/" + emulator.DefaultAccountID + "/content_publishing_limit?fields=config"); !strings.Contains(body, `"quota_total":7`) {
		t.Fatalf("-quota not applied: %s", body)
	}
	// -seed-posts 4: an image, a reel, a carousel and a story; three count as posts.
	if body := get("/v25.0/" + emulator.DefaultAccountID + "?fields=media_count"); !strings.Contains(body, `"media_count":3`) {
		t.Fatalf("-seed-posts not applied: %s", body)
	}
	// -legacy-app: a multi-ID read, which an app created today is refused.
	if body := get("/v25.0/?ids=" + emulator.DefaultAccountID + "&fields=id"); !strings.Contains(body, `{"`+emulator.DefaultAccountID+`":{"id"`) {
		t.Fatalf("-legacy-app not applied: %s", body)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown after SIGINT")
	}
}
