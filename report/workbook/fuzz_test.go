package workbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// FuzzCellText reads any text as it would come from a cell: as a figure typed
// as text, as a stored number, as a flag, a date and a label. Nothing may
// panic; a figure is either read with a warning that equals ParseNumber's
// reading, or refused with exactly one error.
func FuzzCellText(f *testing.F) {
	for _, s := range []string{"1.150", "8,3", "1.234,5", "1,150", "1.15", "1,234.5", " 1\u00a0150 ", "-0", "95,5%",
		"1e5", "1E+308", "92329.000000000015", ".5", "có", "Ước", "10/12/2021", "2021-12-10", "44540", "Ca\u0300 phe\u0302",
		"Cùng kỳ năm trước (2020):", "năm 2021", "#DIV/0!", strings.Repeat("9", 200), ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := &reader{file: "f.xlsx", p: &pkg{}, y: &model.Figures{}}
		v := r.number("S", cell{col: 1, kind: cellText, value: s}, 1, label{field: "x"}, &model.Indicator{Code: "X", Kind: model.Rate, Unit: "%"})
		want, _, err := vnformat.ParseNumber(vnformat.CleanText(s))
		switch {
		case strings.TrimSpace(s) == "":
		case v == nil && (len(r.done()) != 1 || r.done()[0].Severity != model.Error):
			t.Fatalf("%q: no value and findings %v", s, r.done())
		case v != nil && (err != nil || !v.Equal(want) || len(r.done()) != 1 || r.done()[0].Code != "text-number"):
			t.Fatalf("%q: read %v with %v; ParseNumber gives %v, %v", s, v, r.done(), want, err)
		}
		if d, ok := parseRaw(s); ok {
			significant := len(strings.TrimRight(strings.TrimLeft(d.Coefficient().String(), "-"), "0"))
			if significant > excelDigits || d.Abs().Cmp(decimal.New(1, maxMagnitude)) >= 0 {
				t.Fatalf("%q: raw number %v out of bounds", s, d)
			}
		}
		r.found = model.Collector{}
		r.flag("S", cell{col: 1, kind: cellText, value: s}, 1, label{field: "x"})
		r.date("S", cell{col: 1, kind: cellText, value: s}, 1)
		r.date("S", cell{col: 1, kind: cellNumber, value: s}, 1)
		if len(r.done()) > 3 {
			t.Fatalf("%q: %d findings for three readings", s, len(r.done()))
		}
		for _, fd := range r.done() {
			if fd.Pos.Cell != "A1" || fd.Msg == "" {
				t.Fatalf("%q: finding %+v", s, fd)
			}
		}
		if folded := fold(s); fold(folded) != folded {
			t.Fatalf("fold is not idempotent on %q: %q then %q", s, folded, fold(folded))
		}
	})
}

// FuzzSheetXML streams any bytes as a worksheet: no panic, rows and columns
// within Excel's limits, and a fault rather than a partial silent read when
// the XML is broken.
func FuzzSheetXML(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>`,
		`<x:worksheet><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:rPh><x:t>b</x:t></x:rPh></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B3"/></x:mergeCells></x:worksheet>`,
		`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet><!-- c --><sheetData><row r="2" hidden="1"><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c><f>A1</f></c></row></sheetData></worksheet>`,
		`<row><c t="str"><v><![CDATA[1.150]]></v></c><c t="b"><v>1</v></c><c t="d"><v>2021-12-10</v></c><c t="s"><v>7</v></c></row>`,
		`<row r="1048577"/>`, `<row><c r="XFE1"/></row>`, `<row r="2"><c r="B2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="2"/>`, `<row r="-5"><c r="!!"/><x></row>`, `<row><c t="inlineStr"><is><t>&amp;&#x41;&#66;&bad;</t></is></c></row>`, `<row a='>'><c/></row>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := sheetScanner{p: &pkg{sst: []string{"Mã"}}, x: newXMLScanner(bytes.NewReader(data))}
		lastRow := 0
		s.fn = func(rw *row) bool {
			if rw.num <= lastRow || rw.num > maxRows || len(rw.cells) == 0 {
				t.Fatalf("row %d after row %d, with %d cells", rw.num, lastRow, len(rw.cells))
			}
			lastRow = rw.num
			lastCol := 0
			for _, c := range rw.cells {
				if c.col <= lastCol || c.col > maxCols || c.kind == cellBlank {
					t.Fatalf("cell %+v after column %d", c, lastCol)
				}
				lastCol = c.col
			}
			return true
		}
		_ = s.run()
		for _, m := range s.merges {
			if m.col1 > m.col2 || m.row1 > m.row2 || m.col1 < 1 || m.row1 < 1 {
				t.Fatalf("merge %+v", m)
			}
		}
	})
}

// FuzzRead reads any bytes as a workbook: never a panic, always a year, and a
// finding about the file when nothing could be read.
func FuzzRead(f *testing.F) {
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "A", Name: "Chỉ tiêu A", Kind: model.Quantity},
		{Code: "R", Name: "Tỷ lệ R", Kind: model.Rate, Formula: "A / A * 100"},
		{Code: "X", Name: "Xếp hạng X", Kind: model.Rank},
	})
	var buf bytes.Buffer
	if err := Write(&buf, cat, model.YearPeriod(2021), &model.Figures{Narrative: []model.NarrativeItem{{Part: "ket_qua", Text: "Ý."}}}, time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Fuzz(func(t *testing.T, data []byte) {
		y, fs := Read("f.xlsx", data, model.YearPeriod(2021), cat)
		if y == nil || y.Source != "f.xlsx" {
			t.Fatalf("year %+v", y)
		}
		for _, fd := range fs {
			if fd.Pos.File != "f.xlsx" || fd.Msg == "" || fd.Code == "" {
				t.Fatalf("finding %+v", fd)
			}
		}
	})
}
