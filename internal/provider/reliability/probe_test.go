package reliability

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Every provider the bench runs (ours and the baselines) is started by the CLI
// through a wrapper script that records the process id and sends the
// provider's stderr to a file, both in the directory named by
// BENCH_PROBE_DIR. The wrapper execs the provider, so the id is the
// provider's own: the bench reads its peak RSS (VmHWM) from /proc while the
// CLI runs, and counts the log lines it wrote.

const probeDirEnv = "BENCH_PROBE_DIR"

// probeStderrEnv=terraform leaves the provider's stderr to the CLI (which
// then logs what TF_LOG asks for) instead of the probe's file.
const probeStderrEnv = "BENCH_PROBE_STDERR"

// writeProbeWrapper writes dir/name, a script that runs bin as described above.
func writeProbeWrapper(tb testing.TB, dir, name, bin string) {
	tb.Helper()
	script := "#!/bin/sh\n" +
		"echo $$ >> \"$" + probeDirEnv + "/pids\"\n" +
		"[ \"$" + probeStderrEnv + "\" = terraform ] && exec " + strconv.Quote(bin) + " \"$@\"\n" +
		"exec " + strconv.Quote(bin) + " \"$@\" 2>> \"$" + probeDirEnv + "/stderr\"\n"
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil { //nolint:gosec // an executable script is the point
		tb.Fatal(err)
	}
}

// runStats is what one CLI run cost.
type runStats struct {
	wall time.Duration
	// cpu is the CPU time (user + system) of the CLI and every provider it
	// started and waited for: less sensitive than wall time to other work
	// on the machine.
	cpu time.Duration
	// providerCPU is the CPU time of the provider processes, read from
	// /proc while they run (what they use in their last 10 ms is missed).
	providerCPU time.Duration
	peakRSS     int64  // bytes; the largest VmHWM of the provider processes the run started
	stderrLines int    // lines the providers wrote to stderr
	providerLog string // what they wrote, when under 1 MiB (tests look at it)
	processes   int    // provider processes the run started
	output      string
	err         error
}

// runProbed runs the CLI with args in dir and measures it.
func runProbed(tb testing.TB, tf, dir string, env []string, args ...string) runStats {
	tb.Helper()
	probe := tb.TempDir()
	cmd := exec.CommandContext(context.Background(), tf, append([]string{"-chdir=" + dir}, append(args, "-no-color")...)...)
	cmd.Env = append(env, probeDirEnv+"="+probe)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out

	peaks := map[int]procSample{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			samplePeaks(probe, peaks)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	err := cmd.Run()
	s := runStats{wall: time.Since(start), output: out.String(), err: err}
	close(stop)
	wg.Wait()

	if cmd.ProcessState != nil {
		s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	for _, p := range peaks {
		s.peakRSS = max(s.peakRSS, p.hwm)
		s.providerCPU += p.cpu
	}
	s.processes = len(peaks)
	if log, err := os.ReadFile(filepath.Join(probe, "stderr")); err == nil {
		s.stderrLines = bytes.Count(log, []byte("\n"))
		if len(log) < 1<<20 {
			s.providerLog = string(log)
		}
		// With BENCH_PROFILE, keep what the providers wrote beside their profiles.
		if dir := envValue(env, profileDirEnv); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("stderr-%d.log", time.Now().UnixNano())), log, 0o600)
		}
	}
	return s
}

// envValue is the value of name in env ("" if unset).
func envValue(env []string, name string) string {
	for _, kv := range slices.Backward(env) {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// procSample is what was last read of a provider process.
type procSample struct {
	hwm int64         // peak RSS (VmHWM), bytes
	cpu time.Duration // user + system time
}

// samplePeaks reads VmHWM and the CPU time of every process listed in
// probe/pids into peaks. A process that already exited keeps the last values
// read; VmHWM only grows, so what is missed is its last 10 ms.
func samplePeaks(probe string, peaks map[int]procSample) {
	data, err := os.ReadFile(filepath.Join(probe, "pids"))
	if err != nil {
		return
	}
	for _, f := range strings.Fields(string(data)) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			continue
		}
		p := peaks[pid]
		p.hwm = max(p.hwm, vmHWM(pid))
		p.cpu = max(p.cpu, cpuTime(pid))
		peaks[pid] = p
	}
}

// vmHWM is a process's peak resident set size in bytes (0 if unknown).
func vmHWM(pid int) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// clockTicks is the unit of /proc/<pid>/stat times (USER_HZ, 100 on Linux).
const clockTicks = 100

// cpuTime is a process's user + system time (0 if unknown).
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses and may
	// contain spaces: state is field 3, utime 14, stime 15.
	_, rest, ok := strings.Cut(string(data), ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}
