//go:build unix

package acctest

import (
	"os/exec"
	"syscall"
)

// setProcessGroup starts the CLI in a process group of its own: signalling
// the group reaches the CLI and the provider plugin it starts, as a CI
// runner's cancellation does.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}
