package workbook_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
)

// withDoctype puts a DOCTYPE with entity declarations ("billion laughs" and an
// external entity) after the XML declaration of a part.
func withDoctype(t *testing.T, b []byte, part string) []byte {
	t.Helper()
	content := string(partContent(t, b, part))
	decl := `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c SYSTEM "file:///etc/passwd">]>`
	if i := strings.Index(content, "?>"); i >= 0 && strings.HasPrefix(content, "<?xml") {
		content = content[:i+2] + decl + content[i+2:]
	} else {
		content = decl + content
	}
	return replacePart(t, b, part, []byte(content), 0)
}

// TestDoctypeRefused: a DOCTYPE in any part the reader reads refuses the file
// with one finding naming the file (and sheet) and the part.
func TestDoctypeRefused(t *testing.T) {
	cat, _, b := base(t)
	for _, c := range []struct{ part, sheet string }{
		{sheetPart(t, b, shEntries), shEntries},
		{sheetPart(t, b, shNarrative), shNarrative},
		{"xl/sharedStrings.xml", ""},
		{"xl/workbook.xml", ""},
		{"xl/_rels/workbook.xml.rels", ""},
		{"_rels/.rels", ""},
		{"xl/styles.xml", ""},
	} {
		t.Run(c.part, func(t *testing.T) {
			y, fs := read(t, cat, withDoctype(t, b, c.part))
			expectFile(t, fs, "xml-doctype", c.sheet, c.part)
			if fs[0].Pos.File != "data/2021.xlsx" || !strings.Contains(fs[0].Msg, "DOCTYPE") {
				t.Errorf("finding %v", fs[0])
			}
			if len(y.Entries) != 0 && c.sheet == "" {
				t.Errorf("%d entries read from a refused file", len(y.Entries))
			}
		})
	}
	t.Run("lower case", func(t *testing.T) {
		part := sheetPart(t, b, shEntries)
		content := strings.Replace(string(partContent(t, b, part)), "<worksheet", `<!doctype worksheet><worksheet`, 1)
		_, fs := read(t, cat, replacePart(t, b, part, []byte(content), 0))
		expectFile(t, fs, "xml-doctype", shEntries, part)
	})
}

// unknownCodes is the indicator sheet of the sample with n rows of codes the
// catalogue lacks, each with a figure.
func unknownCodes(t testing.TB, n int) (*model.Catalogue, []byte) {
	cat, _, b := base(t)
	var rows strings.Builder
	rows.WriteString(headerRow)
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>KHONG_CO_%d</t></is></c><c r="B%d"><v>1</v></c></row>`, i, i, i, i)
	}
	return cat, replacePart(t, b, sheetPart(t, b, shEntries), sheetXML(rows.String()), 0)
}

// TestManyUnknownCodes: past the listed findings, the rest are counted by code
// in one closing finding, without looking for near codes (see BenchmarkReadUnknownCodes).
func TestManyUnknownCodes(t *testing.T) {
	cat, b := unknownCodes(t, 50_000)
	_, fs := read(t, cat, b)
	if len(fs) != 1001 || fs[0].Code != "unknown-indicator" {
		t.Fatalf("%d findings, first %v", len(fs), fs[0])
	}
	last := fs[1000]
	if last.Code != "too-many-findings" || last.Pos.File != "data/2021.xlsx" || !strings.Contains(last.Msg, "49.000 unknown-indicator") ||
		!strings.Contains(last.Msg, "còn 49.000 vấn đề") {
		t.Errorf("closing finding %v", last)
	}
}

// BenchmarkReadUnknownCodes reads an indicator sheet of 10⁶ unknown codes.
// Target: a few seconds (the first version took 39 s) and flat memory.
func BenchmarkReadUnknownCodes(b *testing.B) {
	cat, data := unknownCodes(b, 1_000_000)
	memtest.Bench(b, func() {
		if _, fs := workbook.Read("big.xlsx", data, model.Period{}, cat); len(fs) != 1001 {
			b.Fatalf("%d findings", len(fs))
		}
	})
}

// TestLongCells: a cell longer than Excel allows is refused where it is, and
// every message quotes long values shortened.
func TestLongCells(t *testing.T) {
	cat, _, b := base(t)
	long := strings.Repeat("X", 40_000)
	rows := headerRow +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>` + long + `</t></is></c><c r="B2"><v>1</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>` + long[:30_000] + `</t></is></c><c r="B3"><v>1</v></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>DT_BUU_CHINH</t></is></c><c r="B4" t="inlineStr"><is><t>1` + long[:30_000] + `</t></is></c></row>`
	_, fs := read(t, cat, replacePart(t, b, sheetPart(t, b, shEntries), sheetXML(rows), 0))
	want := []struct{ code, cell string }{{"cell-too-long", "A2"}, {"unknown-indicator", "A3"}, {"not-a-number", "B4"}}
	if len(fs) != len(want) {
		t.Fatalf("findings:\n%s", list(fs))
	}
	for i, w := range want {
		if fs[i].Code != w.code || fs[i].Pos.Cell != w.cell {
			t.Errorf("finding %d: %s at %s, want %s at %s", i, fs[i].Code, fs[i].Pos.Cell, w.code, w.cell)
		}
		if n := len(fs[i].String()); n > 400 {
			t.Errorf("%s: message of %d bytes: %.200s…", w.code, n, fs[i].String())
		}
	}
	if !strings.Contains(fs[0].Msg, "32.767") {
		t.Errorf("message %q", fs[0].Msg)
	}
}
