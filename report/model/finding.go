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
	// Unlisted is, for a finding standing for others not listed
	// (too-many-findings, see Collector), how many of each severity it
	// stands for: Errors and Warnings count those, not the finding itself.
	Unlisted Tally
}

// Tally counts findings by severity.
type Tally struct{ Errors, Warnings int }

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, f.Msg)
	if f.Fix != "" {
		s += " (" + f.Fix + ")"
	}
	return s
}

// Findings is a list of findings; as an error it lists them all, one per line.
type Findings []Finding

// Errors counts the findings of severity Error, those only counted included.
func (fs Findings) Errors() int { return fs.tally().Errors }

// Warnings counts the findings of severity Warning, those only counted included.
func (fs Findings) Warnings() int { return fs.tally().Warnings }

func (fs Findings) tally() Tally {
	var t Tally
	for _, f := range fs {
		switch {
		case f.Unlisted != Tally{}:
			t.Errors += f.Unlisted.Errors
			t.Warnings += f.Unlisted.Warnings
		case f.Severity == Error:
			t.Errors++
		default:
			t.Warnings++
		}
	}
	return t
}

// String lists the findings one per line.
func (fs Findings) String() string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = f.String()
	}
	return strings.Join(lines, "\n")
}
