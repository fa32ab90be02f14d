package workbook_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math/rand"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/internal/memtest"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/baocao/baocao/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// expectFile checks for exactly one finding about the whole file (or one sheet of it).
func expectFile(t *testing.T, fs model.Findings, code, sheet, msgPart string) {
	t.Helper()
	if len(fs) != 1 || fs[0].Code != code || fs[0].Severity != model.Error || fs[0].Pos.Sheet != sheet || fs[0].Pos.Cell != "" {
		t.Fatalf("want one %s at sheet %q, got:\n%s", code, sheet, list(fs))
	}
	if !strings.Contains(fs[0].Msg, msgPart) {
		t.Errorf("message %q lacks %q", fs[0].Msg, msgPart)
	}
}

func TestNotWorkbooks(t *testing.T) {
	cat, _, good := base(t)
	docx, err := templates.DefaultDocx()
	must(t, err)
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Close()
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	encrypted := append(append([]byte{}, ole...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...)
	random := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(random)
	randomZip := append([]byte("PK\x03\x04"), random...)
	cases := []struct {
		name string
		data []byte
		code string
		msg  string
	}{
		{"empty", nil, "not-a-workbook", "0 byte"},
		{"random", random, "not-a-workbook", "không phải bảng tính"},
		{"random after a zip signature", randomZip, "not-a-workbook", "không phải bảng tính"},
		{"csv", []byte("Mã;Thực hiện\nDT_BUU_CHINH;130\n"), "not-a-workbook", "không phải bảng tính"},
		{"truncated", good[:len(good)/2], "not-a-workbook", "không phải bảng tính"},
		{"docx", docx, "not-a-workbook", "Word"},
		{"ods", ods.Bytes(), "not-a-workbook", ".ods"},
		{"xls", ole, "xls-format", "Excel 97-2003"},
		{"encrypted", encrypted, "not-a-workbook", "mật khẩu"},
	}
	t.Run("xls by name", func(t *testing.T) {
		_, fs := input.Parse("data/2021.xls", ole, model.YearPeriod(2021), cat)
		if len(fs) != 1 || fs[0].Code != "xls-format" || fs[0].Msg != workbook.XLSMessage {
			t.Fatal(list(fs))
		}
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			y, fs := read(t, cat, c.data)
			expectFile(t, fs, c.code, "", c.msg)
			if y == nil || y.Period.Year != 2021 || len(y.Entries) != 0 {
				t.Errorf("year %+v", y)
			}
		})
	}
}

// replacePart copies a workbook with one part's content replaced, or the part
// left out when content is nil; declared, when not 0, is the uncompressed size
// written in the zip's headers.
func replacePart(t testing.TB, b []byte, part string, content []byte, declared uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if zf.Name != part {
			must(t, zw.Copy(zf))
			continue
		}
		if content == nil {
			continue
		}
		var comp bytes.Buffer
		fw, err := flate.NewWriter(&comp, flate.BestSpeed)
		must(t, err)
		fw.Write(content)
		must(t, fw.Close())
		size := uint64(len(content))
		if declared != 0 {
			size = declared
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: part, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		must(t, err)
		_, err = w.Write(comp.Bytes())
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// sheetXML wraps rows in a worksheet.
func sheetXML(rows string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`)
}

const headerRow = `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Thực hiện</t></is></c></row>`

func TestHugeAndBombs(t *testing.T) {
	cat, _, b := base(t)
	part := sheetPart(t, b, shEntries)
	t.Run("million empty rows", func(t *testing.T) {
		var rows strings.Builder
		rows.WriteString(headerRow)
		for i := 2; i <= 1_000_000; i++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" s="1"/></row>`, i, i)
		}
		big := replacePart(t, b, part, sheetXML(rows.String()), 0)
		var y *model.Figures
		var fs model.Findings
		peak := memtest.PeakHeap(func() { y, fs = read(t, cat, big) })
		if len(fs) > 0 || len(y.Entries) != 0 {
			t.Fatalf("%d entries:\n%s", len(y.Entries), list(fs))
		}
		if peak > 64<<20 {
			t.Errorf("reading used %d MiB", peak>>20)
		}
	})
	t.Run("declared bomb", func(t *testing.T) {
		bomb := replacePart(t, b, part, sheetXML(headerRow), 8<<30)
		_, fs := read(t, cat, bomb)
		expectFile(t, fs, "too-large", shEntries, "bom nén")
	})
	t.Run("lying bomb", func(t *testing.T) {
		// 64 MiB of spaces that the zip says are 10 kB: reading stops at the declared size.
		content := append(sheetXML(headerRow), bytes.Repeat([]byte(" "), 64<<20)...)
		bomb := replacePart(t, b, part, content, 10_000)
		var fs model.Findings
		peak := memtest.PeakHeap(func() { _, fs = read(t, cat, bomb) })
		expectFile(t, fs, "not-a-workbook", shEntries, "hỏng")
		if peak > 32<<20 {
			t.Errorf("reading used %d MiB", peak>>20)
		}
	})
	t.Run("shared strings bomb", func(t *testing.T) {
		bomb := replacePart(t, b, "xl/sharedStrings.xml", []byte(`<sst/>`), 1<<40)
		_, fs := read(t, cat, bomb)
		expectFile(t, fs, "too-large", "", "bom nén")
	})
	t.Run("too many rows", func(t *testing.T) {
		bad := replacePart(t, b, part, sheetXML(headerRow+`<row r="1048577"><c t="inlineStr"><is><t>x</t></is></c></row>`), 0)
		_, fs := read(t, cat, bad)
		expectFile(t, fs, "too-large", shEntries, "dòng")
	})
	t.Run("too many columns", func(t *testing.T) {
		bad := replacePart(t, b, part, sheetXML(headerRow+`<row r="2">`+strings.Repeat(`<c><v>1</v></c>`, 16385)+`</row>`), 0)
		_, fs := read(t, cat, bad)
		expectFile(t, fs, "too-large", shEntries, "cột")
	})
	t.Run("too many findings", func(t *testing.T) {
		row := `<row><c t="inlineStr"><is><t>KHONG_CO</t></is></c><c><v>1</v></c></row>`
		bad := replacePart(t, b, part, sheetXML(headerRow+strings.Repeat(row, 5000)), 0)
		_, fs := read(t, cat, bad)
		if len(fs) != 1001 || fs[0].Code != "unknown-indicator" || fs[1000].Code != "too-many-findings" {
			t.Fatalf("%d findings, last %v", len(fs), fs[len(fs)-1])
		}
	})
	t.Run("too many merges", func(t *testing.T) {
		content := strings.Replace(string(sheetXML(headerRow)), "</worksheet>", "<mergeCells>"+strings.Repeat(`<mergeCell ref="A2:A3"/>`, 70_000)+"</mergeCells></worksheet>", 1)
		_, fs := read(t, cat, replacePart(t, b, part, []byte(content), 0))
		expectFile(t, fs, "too-large", shEntries, "gộp")
	})
	t.Run("broken XML", func(t *testing.T) {
		bad := replacePart(t, b, part, sheetXML(headerRow+`<row r="2"><c r="A2" t="s"`), 0)
		_, fs := read(t, cat, bad)
		expectFile(t, fs, "not-a-workbook", shEntries, "hỏng")
	})
	t.Run("bad entity", func(t *testing.T) {
		bad := replacePart(t, b, part, sheetXML(headerRow+`<row r="2"><c t="inlineStr"><is><t>a &bomb; b</t></is></c></row>`), 0)
		_, fs := read(t, cat, bad)
		expectFile(t, fs, "not-a-workbook", shEntries, "thực thể")
	})
}

// TestUnusualXML reads cells in forms other writers use: prefixed names,
// cells and rows without references, rich and phonetic text, CDATA, entities.
func TestUnusualXML(t *testing.T) {
	cat, _, b := base(t)
	part := sheetPart(t, b, shEntries)
	rows := `<x:row><x:c t="inlineStr"><x:is><x:t>Mã</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Thực </x:t></x:r><x:r><x:t>hiện</x:t></x:r></x:is></x:c>` +
		`<x:c t="inlineStr"><x:is><x:t>Ghi chú</x:t><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>` +
		`<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[DT_BUU_CHINH]]></x:t></x:is></x:c><x:c><x:v>1.3E2</x:v></x:c>` +
		`<x:c t="inlineStr"><x:is><x:t>a &lt; b &amp; c&#x20;d&#233;_x000D_&#10;_x005F_x0041_</x:t></x:is></x:c></x:row>` +
		`<!-- a comment -->`
	xml := []byte(`<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` + rows + `</x:sheetData></x:worksheet>`)
	y, fs := read(t, cat, replacePart(t, b, part, xml, 0))
	e := y.Entry("DT_BUU_CHINH")
	if e == nil || e.Actual.String() != "130" || e.Note != "a < b & c dé\n_x0041_" || e.ActualPos().Cell != "B2" {
		t.Fatalf("entry %+v", e)
	}
	if len(fs) > 0 {
		t.Error(list(fs))
	}
}

func TestNFDAndSpaces(t *testing.T) {
	cat, want, b := base(t)
	nfd := func(s string) string { return norm.NFD.String(s) }
	ok := edit(t, b, func(f *excelize.File) {
		must(t, f.SetCellStr(shEntries, "E1", nfd("Thực hiện")+"\u00a0"))
		must(t, f.SetCellStr(shEntries, "H1", "Cùng kỳ\nnăm trước"))
		must(t, f.SetCellStr(shNarrative, "C2", nfd(want.Narrative[0].Text)))
		must(t, f.SetCellStr(shNarrative, "B2", "  "+nfd(want.Narrative[0].Heading)+"\u00a0"))
		must(t, f.SetSheetName(shNarrative, nfd(shNarrative)))
	})
	y, fs := read(t, cat, ok)
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, y, want)
	if y.Narrative[0].Pos.Sheet != shNarrative {
		t.Errorf("sheet named %q, want the NFC form", y.Narrative[0].Pos.Sheet)
	}
}

// TestReorderedColumns reads an indicator sheet made by hand: columns in
// another order, a title above the header, a column of the user's own.
func TestReorderedColumns(t *testing.T) {
	cat, _ := sample(t, 2021)
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "chỉ tiêu"))
	must(t, f.SetSheetRow("chỉ tiêu", "A1", &[]any{"SỐ LIỆU NĂM 2021"}))
	must(t, f.SetSheetRow("chỉ tiêu", "A3", &[]any{"Ghi chú", "Thực hiện năm 2021", "Người nhập", "MÃ", "Kế hoạch", "Ước tính"}))
	must(t, f.SetSheetRow("chỉ tiêu", "A4", &[]any{"", 130, "Lan", "DT_BUU_CHINH", 110, "có"}))
	must(t, f.SetSheetRow("chỉ tiêu", "A5", &[]any{"10 tháng", 10, "Hà", "DON_THU"}))
	buf, err := f.WriteToBuffer()
	must(t, err)
	y, fs := read(t, cat, buf.Bytes())
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	e := y.Entry("DT_BUU_CHINH")
	if len(y.Entries) != 2 || e.Actual.String() != "130" || e.Plan.String() != "110" || !e.Estimate || e.ActualPos().Cell != "B4" || e.PlanPos().Cell != "E4" || e.Pos.Cell != "D4" {
		t.Fatalf("entry %s at %v %v %v", entryString(e), e.Pos, e.ActualPos(), e.PlanPos())
	}
	if e.SamePeriodPos() != (model.Pos{}) {
		t.Errorf("same period place %v for a column that is not there", e.SamePeriodPos())
	}
	if d := y.Entry("DON_THU"); d.Note != "10 tháng" || d.Actual.String() != "10" {
		t.Errorf("DON_THU %s", entryString(d))
	}
}

// TestWorkbookLayout checks what a person filling the workbook gets: sheets in
// order, the year, protection, validations, drop-downs and comments.
func TestWorkbookLayout(t *testing.T) {
	cat, _ := sample(t, 2021)
	f, err := excelize.OpenReader(bytes.NewReader(write(t, cat, 2022, nil)))
	must(t, err)
	defer f.Close()
	want := []string{workbook.SheetNotes, shHeader, shEntries, shRankings, shNarrative, workbook.SheetLists}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue(shHeader, "B2"); v != "2022" {
		t.Errorf("year cell %q", v)
	}
	if vis, _ := f.GetColVisible(shHeader, "D"); vis {
		t.Error("key column visible")
	}
	if v, _ := f.GetCellValue(shEntries, cellOfIn(t, f, "TL_DVC_34", "E")); v != "tự tính" {
		t.Errorf("derived cell %q", v)
	}
	panes, _ := f.GetPanes(shEntries)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v", panes)
	}
	dvs, _ := f.GetDataValidations(shEntries)
	kinds := map[string]bool{}
	for _, dv := range dvs {
		kinds[dv.Type+" "+dv.Operator+" "+dv.Formula1+" "+dv.Formula2] = true
	}
	for _, k := range []string{"decimal greaterThanOrEqual 0 ", "decimal between 0 100", `list  "có,không" `} {
		if !kinds[k] {
			t.Errorf("no validation %q in %v", k, kinds)
		}
	}
	comments, _ := f.GetComments(shEntries)
	if len(comments) < 9 {
		t.Errorf("%d comments", len(comments))
	}
	for _, sheet := range []string{shHeader, shEntries, shRankings} {
		if st, _ := f.GetCellStyle(sheet, "A2"); st == 0 {
			t.Errorf("%s!A2 has no style", sheet)
		}
	}
	if rows, _ := f.GetRows(shRankings); len(rows) != 6 {
		t.Errorf("%d ranking rows, want the header and 5", len(rows))
	}
}
