//go:build unix

package acctest

import (
	"bytes"
	"context"
	"syscall"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// Interruption is how a CI system stops a run.
type Interruption int

const (
	// Graceful is one SIGINT (or SIGTERM): Terraform asks the provider to
	// stop and waits for the operations in flight.
	Graceful Interruption = iota
	// Immediate is two SIGINTs: Terraform exits at once, without saving what
	// the operations in flight did.
	Immediate
	// Kill is SIGKILL of the CLI and the provider together (the process
	// group), as a runner that is reclaimed.
	Kill
)

func (i Interruption) String() string {
	return [...]string{"graceful stop (one SIGINT)", "immediate stop (two SIGINTs)", "kill (SIGKILL)"}[i]
}

// Interruptions are all the kinds, for table tests.
var Interruptions = []Interruption{Graceful, Immediate, Kill}

// InterruptedRun starts `args` (an apply, say) and interrupts it the moment
// the emulator holds the answer of a request to route (a fault with
// HoldAfterCommit: the request took effect, the answer has not left). It
// returns the CLI's output once it has exited, and fails the test when the
// run ends before such a request. Holds still pending are released when the
// test ends.
func (w *Workdir) InterruptedRun(env *Env, route string, how Interruption, args ...string) string {
	w.t.Helper()
	out, interrupted := w.Interrupt(env, route, how, args...)
	if !interrupted {
		w.t.Fatalf("the run ended before %s was held:\n%s", route, out)
	}
	return out
}

// Interrupt is InterruptedRun for a request that may not come (a chaos run
// whose faults stopped it earlier): interrupted is false when the run ended
// on its own before a request to route was held.
func (w *Workdir) Interrupt(env *Env, route string, how Interruption, args ...string) (out string, interrupted bool) {
	w.t.Helper()
	w.t.Cleanup(func() { env.Emulator.ReleaseHeld() })
	ctx, cancel := context.WithTimeout(w.t.Context(), 2*time.Minute)
	defer cancel()
	cmd := w.Command(ctx, args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	held := make(chan error, 1)
	go func() {
		_, err := env.Emulator.WaitHeld(ctx, route)
		held <- err
	}()
	select {
	case err := <-held:
		if err != nil {
			w.t.Fatalf("waiting for a held %s: %v\n%s", route, err, buf.String())
		}
	case err := <-done:
		w.t.Logf("the run ended before %s was held (%v)", route, err)
		return buf.String(), false
	}

	pgid := -cmd.Process.Pid
	switch how {
	case Graceful:
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGINT)
	case Immediate:
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGINT)
		time.Sleep(200 * time.Millisecond) // the second interrupt of an impatient operator
		_ = syscall.Kill(cmd.Process.Pid, syscall.SIGINT)
	case Kill:
		_ = syscall.Kill(pgid, syscall.SIGKILL)
	}
	select {
	case err := <-done:
		w.t.Logf("the interrupted run ended: %v", err) // an error exit is expected
	case <-ctx.Done():
		_ = syscall.Kill(pgid, syscall.SIGKILL)
		w.t.Fatalf("the run did not end after a %s:\n%s", how, buf.String())
	}
	if how == Kill {
		_ = syscall.Kill(pgid, syscall.SIGKILL) // a provider that outlived the CLI
	}
	return buf.String(), true
}

// HoldAnswer makes the emulator commit the next request to route and hold
// its answer for d, the way Meta answers media_publish of a video seconds
// after publishing it.
func (e *Env) HoldAnswer(route string, d time.Duration) {
	e.Emulator.InjectFault(emulator.Fault{Route: route, Times: 1, HoldAfterCommit: d})
}

// StateList is `terraform state list`, one address per line.
func (w *Workdir) StateList() string {
	w.t.Helper()
	out, err := w.Run("state", "list")
	if err != nil && !bytes.Contains([]byte(err.Error()), []byte("No state file")) {
		w.t.Fatal(err)
	}
	return out
}
