package common

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
	"time"
)

// FileHashes is the SHA-256 of local files (video_file), read as a stream
// and remembered by path, size and modification time: one run reads a large
// file once, not in every step that needs its hash (the plan, the apply's
// plan, the check before publishing). An edit changes the modification
// time, so an edited file is read again. ProviderData owns one.
type FileHashes struct {
	mu   sync.Mutex
	sums map[fileKey]string
}

type fileKey struct {
	name    string
	size    int64
	modTime time.Time
}

// SHA256 is the hex SHA-256 of the file's content.
func (h *FileHashes) SHA256(name string) (string, error) {
	info, err := os.Stat(name)
	if err != nil {
		return "", err
	}
	key := fileKey{name, info.Size(), info.ModTime()}
	h.mu.Lock()
	sum, ok := h.sums[key]
	h.mu.Unlock()
	if ok {
		return sum, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	d := sha256.New()
	if _, err := io.Copy(d, f); err != nil {
		return "", err
	}
	sum = hex.EncodeToString(d.Sum(nil))
	h.mu.Lock()
	if h.sums == nil {
		h.sums = map[fileKey]string{}
	}
	h.sums[key] = sum
	h.mu.Unlock()
	return sum, nil
}
