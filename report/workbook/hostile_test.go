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

// TestBrokenStructure: what Excel refuses to open as it stands (references
// beyond its limits or not references at all, rows and cells repeated or out
// of order, elements left open, references to shared strings the file lacks)
// is refused with one finding naming the sheet and the row or cell, never read
// as some other cell.
func TestBrokenStructure(t *testing.T) {
	cat, _, b := base(t)
	part := sheetPart(t, b, shEntries)
	code := func(row int) string {
		return fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t>DT_BUU_CHINH</t></is></c>`, row)
	}
	row2 := func(cells string) string { return headerRow + `<row r="2">` + code(2) + cells + `</row>` }
	tooManyRows := fmt.Sprintf("%d", 1<<20+1)
	for _, c := range []struct {
		name, rows, code, cell string
		msg                    []string
	}{
		{"column XFE", row2(`<c r="XFE2"><v>130</v></c>`), "too-large", "", []string{"dòng 2", "«XFE2»", "16.384 cột"}},
		{"column ZZZZZ", row2(`<c r="ZZZZZ2"><v>130</v></c>`), "too-large", "", []string{"dòng 2", "«ZZZZZ2»"}},
		{"row beyond the limit in a cell", row2(`<c r="B` + tooManyRows + `"><v>130</v></c>`), "too-large", "", []string{"«B" + tooManyRows + "»"}},
		{"not a reference", row2(`<c r="!!"><v>130</v></c>`), "not-a-workbook", "", []string{"dòng 2", "«!!»", "không phải địa chỉ ô"}},
		{"column without row", row2(`<c r="B"><v>130</v></c>`), "not-a-workbook", "", []string{"«B»"}},
		{"cell of another row", row2(`<c r="B3"><v>130</v></c>`), "not-a-workbook", "", []string{"ô B3 nằm trong dòng 2"}},
		{"cell twice", row2(`<c r="B2"><v>130</v></c><c r="B2"><v>999</v></c>`), "not-a-workbook", "B2", []string{"ô B2 xuất hiện hai lần"}},
		{"cells out of order", row2(`<c r="C2"><v>1</v></c><c r="B2"><v>130</v></c>`), "not-a-workbook", "B2", []string{"ô B2 đứng sau ô C2"}},
		{"row zero", headerRow + `<row r="0">` + code(0) + `</row>`, "not-a-workbook", "", []string{"dòng sau dòng 1", "«0»"}},
		{"negative row", `<row r="-5"><c t="inlineStr"><is><t>Mã</t></is></c></row>`, "not-a-workbook", "", []string{"dòng đầu tiên", "«-5»"}},
		{"row beyond the limit", headerRow + `<row r="99999999999999999999999"><c><v>1</v></c></row>`, "too-large", "", []string{"99999999999999999999999", "1.048.576"}},
		{"row twice", row2(`<c r="B2"><v>1</v></c>`) + `<row r="2"><c r="B2"><v>2</v></c></row>`, "not-a-workbook", "", []string{"dòng 2 xuất hiện hai lần"}},
		{"rows out of order", headerRow + `<row r="5">` + code(5) + `</row><row r="3"><c r="B3"><v>2</v></c></row>`, "not-a-workbook", "", []string{"dòng 3 đứng sau dòng 5"}},
		{"element left open in a row", row2(`<c r="B2"><v>130</v></c><x><x>`), "not-a-workbook", "", []string{"ở dòng 2", "</row>", "<x>"}},
		{"mismatched end tag", row2(`<c r="B2"><v>130</v></c></rowx>`), "not-a-workbook", "", []string{"ở dòng 2", "</rowx>", "không khớp"}},
		{"shared string out of range", row2(`<c r="B2" t="s"><v>99999</v></c>`), "not-a-workbook", "B2", []string{"ô B2", "«99999»", "bảng chuỗi dùng chung"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			y, fs := read(t, cat, replacePart(t, b, part, sheetXML(c.rows), 0))
			if len(fs) != 1 || fs[0].Code != c.code || fs[0].Pos.Sheet != shEntries || fs[0].Pos.Cell != c.cell {
				t.Fatalf("want one %s at %s!%s, got:\n%s", c.code, shEntries, c.cell, list(fs))
			}
			for _, m := range c.msg {
				if !strings.Contains(fs[0].Msg, m) {
					t.Errorf("message %q lacks %q", fs[0].Msg, m)
				}
			}
			if e := y.Entry("DT_BUU_CHINH"); e != nil && e.Actual != nil && e.Actual.String() == "130" {
				t.Errorf("a broken sheet gave DT_BUU_CHINH = %s", e.Actual)
			}
		})
	}
	t.Run("no shared string table", func(t *testing.T) {
		noSST := replacePart(t, b, part, sheetXML(row2(`<c r="B2" t="s"><v>0</v></c>`)), 0)
		noSST = replacePart(t, noSST, "xl/sharedStrings.xml", nil, 0)
		_, fs := read(t, cat, noSST)
		// The other sheets of the sample take their titles from the table too.
		found := false
		for _, f := range fs {
			found = found || f.Code == "not-a-workbook" && f.Pos.Sheet == shEntries && f.Pos.Cell == "B2" && strings.Contains(f.Msg, "không có bảng ấy")
		}
		if !found {
			t.Fatal(list(fs))
		}
	})
	t.Run("byte order mark", func(t *testing.T) {
		y, fs := read(t, cat, replacePart(t, b, part, append([]byte("\ufeff"), sheetXML(row2(`<c r="B2"><v>130</v></c>`))...), 0))
		if e := y.Entry("DT_BUU_CHINH"); len(fs) > 0 || e == nil || e.Actual.String() != "130" {
			t.Fatalf("entry %+v:\n%s", e, list(fs))
		}
	})
	t.Run("content after the sheet", func(t *testing.T) {
		content := append(sheetXML(row2(`<c r="B2"><v>130</v></c>`)), "\x00garbage<<<&&&"...)
		_, fs := read(t, cat, replacePart(t, b, part, content, 0))
		expectFile(t, fs, "not-a-workbook", shEntries, "nội dung thừa sau phần tử gốc")
		if strings.Contains(fs[0].Msg, "cắt cụt") {
			t.Errorf("message %q", fs[0].Msg)
		}
	})
}

// TestNarrativeLimit: a narrative sheet of more items than model.MaxNarrative
// is refused at the first beyond it, as a YAML input's noi_dung is, and the
// rows after it are not kept.
func TestNarrativeLimit(t *testing.T) {
	cat, _, b := base(t)
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>Phần</t></is></c><c r="B1" t="inlineStr"><is><t>Mục</t></is></c><c r="C1" t="inlineStr"><is><t>Nội dung</t></is></c></row>`)
	n := model.MaxNarrative + 2
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>ket_qua</t></is></c><c r="C%d" t="inlineStr"><is><t>Ý %d</t></is></c></row>`, i, i, i, i)
	}
	b = replacePart(t, b, sheetPart(t, b, shNarrative), sheetXML(rows.String()), 0)
	y, fs := read(t, cat, b)
	var over []model.Finding
	for _, f := range fs {
		if f.Code == "too-large" {
			over = append(over, f)
		}
	}
	beyond := fmt.Sprintf("C%d", model.MaxNarrative+2)
	if len(over) != 1 || over[0].Pos.Sheet != shNarrative || over[0].Pos.Cell != beyond || len(y.Narrative) > model.MaxNarrative {
		t.Fatalf("want one too-large at %s!%s and at most %d items, got %d items and %v", shNarrative, beyond, model.MaxNarrative, len(y.Narrative), over)
	}
}
