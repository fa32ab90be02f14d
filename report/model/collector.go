package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/baocao/baocao/report/vnformat"
)

// MaxListed bounds the findings listed for one input file, YAML or workbook:
// a file of a million broken lines says enough after a thousand. Later ones
// are only counted, by code, and cost no formatting (README: "Giới hạn").
const MaxListed = 1000

// Collector gathers the findings of reading one input file under the rule
// of MaxListed. The zero value is ready to use.
type Collector struct {
	File     string // where the count of the findings not listed is placed
	listed   Findings
	unlisted map[string]int // by code
	tally    Tally          // of those not listed, by severity
}

// Listing reports whether findings are still listed, not only counted: a
// caller may skip work done only for a listed message.
func (c *Collector) Listing() bool { return len(c.listed) < MaxListed }

// Add lists f, or past MaxListed counts it.
func (c *Collector) Add(f Finding) {
	if c.Listing() {
		c.listed = append(c.listed, f)
		return
	}
	c.count(f.Severity, f.Code)
}

// AddFirst lists f before all others, whatever their number: a fault that
// stops a file or a sheet being read must not hide behind the findings about
// its lines.
func (c *Collector) AddFirst(f Finding) {
	c.listed = append(Findings{f}, c.listed...)
}

// LazyText is a part of a message given to Addf, worked out only if the
// finding is listed.
type LazyText func() string

func (l LazyText) String() string { return l() }

// Addf is Add of a finding whose message is formatted only if it is listed.
func (c *Collector) Addf(sev Severity, code string, pos Pos, fix, format string, args ...any) {
	if !c.Listing() {
		c.count(sev, code)
		return
	}
	c.listed = append(c.listed, Finding{Severity: sev, Code: code, Pos: pos, Msg: fmt.Sprintf(format, args...), Fix: fix})
}

func (c *Collector) count(sev Severity, code string) {
	if c.unlisted == nil {
		c.unlisted = map[string]int{}
	}
	c.unlisted[code]++
	if sev == Error {
		c.tally.Errors++
	} else {
		c.tally.Warnings++
	}
}

// Findings returns the findings listed, closed, when some were only counted,
// by one too-many-findings that counts them by code, and by severity for the
// totals (Finding.Unlisted); it is an error when one of them is.
func (c *Collector) Findings() Findings {
	if len(c.unlisted) == 0 {
		return c.listed
	}
	codes, total := make([]string, 0, len(c.unlisted)), 0
	for code, n := range c.unlisted {
		codes = append(codes, code)
		total += n
	}
	sort.Slice(codes, func(i, j int) bool {
		a, b := c.unlisted[codes[i]], c.unlisted[codes[j]]
		return a > b || a == b && codes[i] < codes[j]
	})
	parts := make([]string, len(codes))
	for i, code := range codes {
		parts[i] = fmt.Sprintf("%s %s", vnformat.Count(c.unlisted[code]), code)
	}
	sev := Warning
	if c.tally.Errors > 0 {
		sev = Error
	}
	return append(c.listed, Finding{Severity: sev, Code: "too-many-findings", Pos: Pos{File: c.File},
		Msg: fmt.Sprintf("dừng liệt kê sau %s vấn đề; còn %s vấn đề nữa không được liệt kê (%s)", vnformat.Count(MaxListed), vnformat.Count(total), strings.Join(parts, ", ")),
		Fix: "sửa các lỗi trên rồi kiểm tra lại", Unlisted: c.tally})
}
