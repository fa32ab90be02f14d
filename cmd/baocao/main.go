// Command baocao turns a year's indicator figures into the annual report of a
// provincial department ("Báo cáo kết quả công tác năm N"), laid out per Decree
// 30/2020/NĐ-CP. The commands live here; the work is done by the report packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes: 0 done, 1 problems found in the input or the template, 2 the command could not run.
const (
	exitOK       = 0
	exitProblems = 1
	exitFailure  = 2
)

// problemsError marks an error as "the input or template needs fixing" (exit 1).
type problemsError struct{ err error }

func (e problemsError) Error() string { return e.err.Error() }
func (e problemsError) Unwrap() error { return e.err }

// silentExit ends the command with a code after its output was already written.
type silentExit int

func (e silentExit) Error() string { return fmt.Sprintf("mã thoát %d", int(e)) }

func main() {
	delayFirstCollection()
	if explainDoubleClick(os.Args[1:], os.Stdin, os.Stdout) {
		os.Exit(exitFailure)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line; results go to stdout, diagnostics to stderr.
// Results that cannot be written make the exit code 2 whatever the command found.
func run(args []string, stdout, stderr io.Writer) int {
	s, out := newStreams(stdout, stderr)
	code := execute(s, args)
	if out.err != nil {
		fmt.Fprintln(stderr, outputError(out.err))
		return exitFailure
	}
	return code
}

func execute(s *streams, args []string) int {
	root := newRootCmd(s)
	root.SetArgs(negativeNumberArgs(root, args))
	err := root.Execute()
	var silent silentExit
	var problems problemsError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &silent):
		return int(silent)
	case errors.As(err, &problems):
		fmt.Fprintln(s.err, problems.Error())
		return exitProblems
	default:
		fmt.Fprintln(s.err, "Lỗi: "+translateCobraError(root, err))
		return exitFailure
	}
}

// translateCobraError words cobra's own English errors in Vietnamese: the only
// one left is the root's refusal of an unknown command.
func translateCobraError(root *cobra.Command, err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "unknown command "); ok {
		if quoted, err := strconv.QuotedPrefix(rest); err == nil {
			name, _ := strconv.Unquote(quoted)
			return unknownCommand(root, name).Error()
		}
	}
	return msg
}
