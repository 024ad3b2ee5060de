//go:build linux

package acctest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// RunPeakRSS runs the CLI like Run and meanwhile samples, every few
// milliseconds, the peak resident set size (VmHWM of /proc/<pid>/status)
// of every process the CLI starts from an executable named exe: the
// provider plugin, which Terraform starts once per phase. It returns the
// output and the largest peak seen, in bytes (0 when no such process was
// seen). VmHWM only grows, so a sample taken before the process exits holds
// its peak up to then.
func (w *Workdir) RunPeakRSS(exe string, args ...string) (string, int64, error) {
	w.t.Helper()
	cmd := w.Command(w.t.Context(), args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", 0, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	var peak int64
	for {
		peak = max(peak, childrenPeakRSS(cmd.Process.Pid, exe))
		select {
		case err := <-done:
			if err != nil {
				return out.String(), peak, fmt.Errorf("%s %s: %w\n%s", filepath.Base(w.cli), strings.Join(args, " "), err, out.String())
			}
			return out.String(), peak, nil
		case <-tick.C:
		}
	}
}

// childrenPeakRSS is the largest VmHWM, in bytes, of parent's children
// running exe.
func childrenPeakRSS(parent int, exe string) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var peak int64
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		dir := "/proc/" + e.Name()
		if parentOf(dir) != parent {
			continue
		}
		if link, err := os.Readlink(dir + "/exe"); err != nil || filepath.Base(link) != exe {
			continue
		}
		peak = max(peak, vmHWM(dir))
	}
	return peak
}

// parentOf reads the parent pid from /proc/<pid>/stat (the field after
// the state, which follows the parenthesised command name).
func parentOf(dir string) int {
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(stat, []byte(") "))
	fields := strings.Fields(string(rest))
	if !ok || len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

// vmHWM reads "VmHWM:   12345 kB" from /proc/<pid>/status, in bytes.
func vmHWM(dir string) int64 {
	f, err := os.Open(dir + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
