package common

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A file is read once per run, and again once it is edited.
func TestFileHashes(t *testing.T) {
	name := filepath.Join(t.TempDir(), "reel.mp4")
	if err := os.WriteFile(name, []byte("first"), 0o600); err != nil {
		t.Fatal(err)
	}
	var h FileHashes
	first, err := h.SHA256(name)
	if err != nil || first != "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e" {
		t.Fatalf("SHA256 = %q, %v", first, err)
	}
	if len(h.sums) != 1 {
		t.Fatalf("%d sums remembered", len(h.sums))
	}
	if again, _ := h.SHA256(name); again != first || len(h.sums) != 1 {
		t.Fatal("an unchanged file was read again")
	}
	if err := os.WriteFile(name, []byte("edited"), 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second) // file systems with coarse times
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	if edited, err := h.SHA256(name); err != nil || edited == first {
		t.Fatalf("an edited file kept its old hash: %q, %v", edited, err)
	}
}
