//go:build unix

package pdf

import (
	"os/exec"
	"syscall"
)

// killGroupOnCancel runs soffice in a process group of its own and, when the
// time is up, kills the whole group: the soffice script starts soffice.bin,
// which would outlive a kill of the script alone.
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
