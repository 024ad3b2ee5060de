//go:build !unix

package acctest

import "os/exec"

func setProcessGroup(*exec.Cmd) {}
