//go:build !unix && !windows

package pdf

import "os/exec"

// killGroupOnCancel keeps exec's default: the process is killed.
func killGroupOnCancel(*exec.Cmd) {}
