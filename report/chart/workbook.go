package chart

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"
)

// Workbook returns the embedded workbook: the names in column A, one column
// per series, each value written as its exact decimal text, the headings
// bold. It is the smallest SpreadsheetML package that Excel (Word's "Edit
// Data"), LibreOffice and excelize open, written directly: building it with
// excelize took most of the time a chart adds to a report.
func (c *Chart) Workbook() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"[Content_Types].xml", workbookTypes},
		{"_rels/.rels", workbookPackageRels},
		{"xl/workbook.xml", workbookXML},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", c.styles()},
		{"xl/worksheets/sheet1.xml", c.sheet()},
	} {
		// Stored: the workbook is itself a part of the report, which is
		// compressed whole; compressing each of its small parts cost more
		// than the rest of the workbook.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part[0], Method: zip.Store, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, part[1]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipTime dates the workbook's parts: a fixed valid time keeps the report
// the same from run to run.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	mainNS  = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	relNS   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`

	workbookTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`</Types>`
	workbookPackageRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="` + relNS + `/styles" Target="styles.xml"/></Relationships>`
	workbookXML = xmlHead + `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `">` +
		`<bookViews><workbookView/></bookViews><sheets><sheet name="` + sheetName + `" sheetId="1" r:id="rId1"/></sheets></workbook>`
)

// Cell styles of the sheet (indices into cellXfs of styles).
const (
	styleNumber  = 1
	styleHeading = 2
)

// styles holds the values' number format and the bold, centred headings.
func (c *Chart) styles() string {
	return xmlHead + `<styleSheet xmlns="` + mainNS + `">` +
		`<numFmts count="1"><numFmt numFmtId="164" formatCode="` + xmlAttr(c.NumberFormat()) + `"/></numFmts>` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
}

// sheet is the worksheet: a heading row, then a row per category. Texts are
// inline strings, so the package needs no shared string table.
func (c *Chart) sheet() string {
	last := column(len(c.Series) - 1)
	var b strings.Builder
	b.WriteString(xmlHead + `<worksheet xmlns="` + mainNS + `" xmlns:r="` + relNS + `">`)
	b.WriteString(`<dimension ref="A1:` + last + strconv.Itoa(len(c.Categories)+1) + `"/>`)
	b.WriteString(`<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	b.WriteString(`<cols><col min="1" max="1" width="45" customWidth="1"/><col min="2" max="` + strconv.Itoa(len(c.Series)+1) + `" width="18" customWidth="1"/></cols>`)
	b.WriteString(`<sheetData><row r="1">`)
	head := "Chỉ tiêu"
	if c.Unit != "" {
		head += " (" + c.Unit + ")"
	}
	text(&b, "A1", head, styleHeading)
	for i, s := range c.Series {
		text(&b, column(i)+"1", s.Name, styleHeading)
	}
	b.WriteString(`</row>`)
	for j, name := range c.Categories {
		row := strconv.Itoa(j + 2)
		b.WriteString(`<row r="` + row + `">`)
		text(&b, "A"+row, name, 0)
		for i, s := range c.Series {
			ref := column(i) + row
			if v := s.Values[j]; v != nil {
				// The decimal text itself: exact, no float on the way.
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(styleNumber) + `"><v>` + c.value(v) + `</v></c>`)
			} else {
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(styleNumber) + `"/>`)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// text writes a text cell as an inline string.
func text(b *strings.Builder, ref, s string, style int) {
	b.WriteString(`<c r="` + ref + `"`)
	if style != 0 {
		b.WriteString(` s="` + strconv.Itoa(style) + `"`)
	}
	b.WriteString(` t="inlineStr"><is><t xml:space="preserve">` + xmlText(s) + `</t></is></c>`)
}
