package model

import (
	"strings"
	"testing"
)

func TestCollectorCountsPastTheLimit(t *testing.T) {
	var c Collector
	c.File = "f.yaml"
	for i := range MaxListed + 3 {
		c.Addf(Warning, "unknown-field", Pos{File: "f.yaml", Line: i + 1}, "", "khóa %d", i)
	}
	c.Add(Finding{Severity: Warning, Code: "x"})
	fs := c.Findings()
	if len(fs) != MaxListed+1 {
		t.Fatalf("%d findings", len(fs))
	}
	last := fs[MaxListed]
	// Warnings only: the count does not stop generate.
	if last.Severity != Warning || !strings.Contains(last.Msg, "dừng liệt kê sau 1.000 vấn đề; còn 4 vấn đề nữa không được liệt kê (3 unknown-field, 1 x)") {
		t.Errorf("%+v", last)
	}
	if fs.Errors() != 0 || fs.Warnings() != MaxListed+4 {
		t.Errorf("totals: %d errors, %d warnings", fs.Errors(), fs.Warnings())
	}
	c.Addf(Error, "bad", Pos{}, "", "")
	c.Add(Finding{Severity: Error, Code: "bad"})
	fs = c.Findings()
	if fs[len(fs)-1].Severity != Error {
		t.Errorf("an error among those counted: %+v", fs[len(fs)-1])
	}
	// The totals count every finding, listed or not, by its severity; the
	// line that counts them is none of them.
	if fs.Errors() != 2 || fs.Warnings() != MaxListed+4 {
		t.Errorf("totals: %d errors, %d warnings", fs.Errors(), fs.Warnings())
	}
	var few Collector
	few.Add(Finding{Code: "a"})
	if fs := few.Findings(); len(fs) != 1 {
		t.Errorf("%v", fs)
	}
}
