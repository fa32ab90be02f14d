//go:build windows

package pdf

import (
	"os/exec"
	"strconv"
)

// killGroupOnCancel kills, when the time is up, soffice.exe and the
// soffice.bin it started (taskkill /T takes the whole tree).
func killGroupOnCancel(cmd *exec.Cmd) {
	cmd.Cancel = func() error {
		err := exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid)).Run()
		if err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
}
