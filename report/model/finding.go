package model

import (
	"fmt"
	"strings"
)

// Severity grades a finding.
type Severity string

const (
	Error   Severity = "lỗi"
	Warning Severity = "cảnh báo"
)

// Finding is one problem in the input, with a stable code for scripts, the place,
// a Vietnamese message and, where one exists, a fix.
type Finding struct {
	Severity Severity
	Code     string // e.g. "not-a-number", "same-period-mismatch"
	Pos      Pos
	Msg      string
	Fix      string // e.g. "có phải ý là «DT_BUU_CHINH»?"
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, f.Msg)
	if f.Fix != "" {
		s += " (" + f.Fix + ")"
	}
	return s
}

// Findings is a list of findings; as an error it lists them all, one per line.
type Findings []Finding

// Errors counts the findings of severity Error.
func (fs Findings) Errors() int {
	n := 0
	for _, f := range fs {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the findings of severity Warning.
func (fs Findings) Warnings() int { return len(fs) - fs.Errors() }

// String lists the findings one per line.
func (fs Findings) String() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}
