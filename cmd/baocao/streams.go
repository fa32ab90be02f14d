package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/baocao/baocao/report/atomicfile"

	"github.com/baocao/baocao/report/fileerr"
	"golang.org/x/term"
)

// streams are what a command writes to and reads the time from, injected so
// that each command runs in tests without a terminal.
type streams struct {
	out, err io.Writer
	colour   bool // out is a terminal that shows colour
	now      func() time.Time
	// ledger remembers the outputs that carry no mark of their own (PDF, CSV…),
	// so that one the user changed is never written over.
	ledger atomicfile.Ledger
}

// newStreams wraps stdout so that a failed write of results (a full disk, a
// closed pipe) is noticed: the command then ends with exit code 2, never 0.
func newStreams(stdout, stderr io.Writer) (*streams, *checkedWriter) {
	out := &checkedWriter{w: stdout}
	return &streams{out: out, err: stderr, colour: colourful(stdout), now: time.Now, ledger: atomicfile.DefaultLedger()}, out
}

// checkedWriter remembers the first error of the writer it wraps.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// outputError words a failed write to stdout.
func outputError(err error) string {
	return fmt.Sprintf("Lỗi: không ghi được kết quả ra đầu ra chuẩn (màn hình, tệp hoặc chương trình nhận kết quả): %v.", fileerr.Describe(err))
}

// colourful reports whether w is a terminal that shows colour and the user
// has not asked for plain output (NO_COLOR, https://no-color.org; TERM=dumb).
func colourful(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	return enableColour(f)
}
