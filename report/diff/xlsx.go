package diff

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook.
const (
	SheetTable = "So sánh"
	SheetChart = "Biểu đồ"
)

// maxChartRows bounds the indicators in the chart, so that it stays legible.
const maxChartRows = 12

// Colours of the workbook: green for a rise, red for a fall (Excel's own
// "good" and "bad" cell styles), grey for the header.
const (
	greenFont, greenFill = "006100", "C6EFCE"
	redFont, redFill     = "9C0006", "FFC7CE"
	headerFill           = "D9E1F2"
)

// WriteXLSX writes the comparison as an Excel workbook. The sheet "So sánh" has
// the full, stable set of columns, a frozen header row with a filter, numbers
// stored as numbers (exact up to 6 decimals) with number formats such as #,##0.0
// that Excel and LibreOffice show with the reader's locale separators (1.150 and
// 8,3% in Vietnamese), and conditional colours on each change: green when its
// words state a rise, red a fall. The sheet "Biểu đồ" holds a native clustered
// column chart of the main indicators (see chartRows) with its data; it is
// left out when no indicator qualifies.
func WriteXLSX(w io.Writer, t *Table) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxBook{f: f, styles: map[string]int{}}
	if err := f.SetSheetName("Sheet1", SheetTable); err != nil {
		return err
	}
	title := t.Title()
	header := title
	if t.Author != "" {
		header = t.Author + " – " + title
	}
	x.table(t, header)
	x.chart(t, header)
	made := t.Made
	if made.IsZero() {
		made = time.Now()
	}
	x.do(func() error { return workbook.SetDocProps(f, title, t.Author, made) })
	if x.err != nil {
		return fmt.Errorf("không tạo được bảng tính: %w", x.err)
	}
	return f.Write(w)
}

// printable gives a sheet its print setup (A4 landscape, one page wide, the
// header row on every page, a page header) and declares the range it uses:
// excelize declares A1 only, and readers that trust it would see one cell.
func (x *xlsxBook) printable(sheet, header string, cols, rows int) {
	x.do(func() error {
		return workbook.SetPageSetup(x.f, sheet, workbook.PageSetup{Header: header, TitleRows: 1})
	})
	last, err := excelize.CoordinatesToCellName(cols, rows)
	x.do(func() error { return err })
	x.do(func() error { return x.f.SetSheetDimension(sheet, "A1:"+last) })
}

// xlsxBook keeps the first error of a sequence of excelize calls.
type xlsxBook struct {
	f      *excelize.File
	styles map[string]int
	err    error
}

func (x *xlsxBook) do(fn func() error) {
	if x.err == nil {
		x.err = fn()
	}
}

func (x *xlsxBook) style(key string, s *excelize.Style) int {
	if id, ok := x.styles[key]; ok {
		return id
	}
	id, err := x.f.NewStyle(s)
	x.do(func() error { return err })
	x.styles[key] = id
	return id
}

// numberStyle formats a number cell: grouped thousands at the decimals, or a
// percentage, tagged Vietnamese (see workbook.Vietnamese). Deltas carry their sign.
func (x *xlsxBook) numberStyle(kind numKind, decimals int, signed bool) int {
	frac := ""
	if decimals > 0 {
		frac = "." + strings.Repeat("0", decimals)
	}
	code := "#,##0" + frac
	if kind == numPercent {
		code = "0" + frac + "%"
	}
	if signed {
		code = "+" + code + ";-" + code + ";" + code
	}
	code = workbook.Vietnamese + code // a result, read and not typed into
	return x.style(code, &excelize.Style{CustomNumFmt: &code})
}

func (x *xlsxBook) headerStyle() int {
	return x.style("header", &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
	})
}

func (x *xlsxBook) set(sheet string, col, row int, c cell, style int) {
	ref, err := excelize.CoordinatesToCellName(col, row)
	x.do(func() error { return err })
	switch {
	case x.err != nil:
	case c.num != nil:
		v := c.num
		if c.kind == numPercent {
			v = percentFraction(v, c.decimals)
		}
		// Written from the exact decimal, not through float64.
		x.do(func() error { return x.f.SetCellDefault(sheet, ref, plain(v)) })
		x.do(func() error { return x.f.SetCellStyle(sheet, ref, ref, style) })
	case c.text != "":
		x.do(func() error { return x.f.SetCellStr(sheet, ref, c.text) })
	}
}

func (x *xlsxBook) table(t *Table, pageHeader string) {
	const sheet = SheetTable
	cols := t.sheetColumns()
	header := x.headerStyle()
	for c, col := range cols {
		x.set(sheet, c+1, 1, textCell(col.header), 0)
		name, _ := excelize.ColumnNumberToName(c + 1)
		x.do(func() error { return x.f.SetColWidth(sheet, name, name, columnWidth(col)) })
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	x.do(func() error { return x.f.SetCellStyle(sheet, "A1", last+"1", header) })
	x.do(func() error { return x.f.SetRowHeight(sheet, 1, 45) })
	for i, r := range t.Rows {
		for c, col := range cols {
			cl := col.cell(r)
			style := 0
			if cl.num != nil {
				style = x.numberStyle(cl.kind, cl.decimals, col.pair >= 0 && cl.kind == numValue)
			}
			x.set(sheet, c+1, i+2, cl, style)
		}
	}
	x.do(func() error {
		return x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	})
	x.printable(sheet, pageHeader, len(cols), len(t.Rows)+1)
	if len(t.Rows) == 0 {
		return
	}
	end := len(t.Rows) + 1
	x.do(func() error { return x.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, end), nil) })
	x.colourChanges(cols, end)
}

// colourChanges colours each change's cells by the words of the change, so
// that the colour always agrees with what is said (a better place in a ranking
// is "tăng", a change rounding to "tương đương" is not coloured).
func (x *xlsxBook) colourChanges(cols []column, end int) {
	green := x.conditionalStyle(greenFont, greenFill)
	red := x.conditionalStyle(redFont, redFill)
	first, lastCol, words := map[int]int{}, map[int]int{}, map[int]int{}
	for c, col := range cols {
		if col.pair < 0 {
			continue
		}
		if _, ok := first[col.pair]; !ok {
			first[col.pair] = c + 1
		}
		lastCol[col.pair] = c + 1
		if col.says() {
			words[col.pair] = c + 1
		}
	}
	for pair, from := range first {
		a, _ := excelize.ColumnNumberToName(from)
		b, _ := excelize.ColumnNumberToName(lastCol[pair])
		wc, _ := excelize.ColumnNumberToName(words[pair])
		rule := func(word string, style int) excelize.ConditionalFormatOptions {
			return excelize.ConditionalFormatOptions{Type: "formula", Format: &style, Criteria: fmt.Sprintf(`LEFT($%s2,%d)="%s"`, wc, len([]rune(word)), word)}
		}
		x.do(func() error {
			return x.f.SetConditionalFormat(SheetTable, fmt.Sprintf("%s2:%s%d", a, b, end),
				[]excelize.ConditionalFormatOptions{rule("tăng", green), rule("giảm", red)})
		})
	}
}

func (x *xlsxBook) conditionalStyle(font, fill string) int {
	id, err := x.f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: font},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
	})
	x.do(func() error { return err })
	return id
}

// columnWidth is a column's width in characters.
func columnWidth(col column) float64 {
	switch {
	case col.header == "Chỉ tiêu":
		return 60
	case col.header == "Ghi chú":
		return 50
	case col.header == "Nhóm":
		return 24
	case col.header == "Mã":
		return 20
	case col.says():
		return 32
	}
	return 14
}

// chartRows picks the main indicators to chart: quantities with a value in
// every column and one unit throughout, of the unit most of them share (ties go
// to the unit met first in catalogue order), at most maxChartRows.
func chartRows(t *Table) []*Row {
	byUnit := map[string][]*Row{}
	var order []string
	for _, r := range t.Rows {
		if r.Kind == model.Rank || r.Kind == model.Rate || r.Units != nil || !allValues(r) {
			continue
		}
		if _, ok := byUnit[r.Unit]; !ok {
			order = append(order, r.Unit)
		}
		byUnit[r.Unit] = append(byUnit[r.Unit], r)
	}
	var best []*Row
	for _, u := range order {
		if len(byUnit[u]) > len(best) {
			best = byUnit[u]
		}
	}
	return best[:min(len(best), maxChartRows)]
}

func allValues(r *Row) bool {
	for _, v := range r.Values {
		if v == nil {
			return false
		}
	}
	return true
}

func (x *xlsxBook) chart(t *Table, pageHeader string) {
	rows := chartRows(t)
	if len(rows) == 0 {
		return
	}
	const sheet = SheetChart
	_, err := x.f.NewSheet(sheet)
	x.do(func() error { return err })
	header := x.headerStyle()
	x.set(sheet, 1, 1, textCell("Chỉ tiêu"), 0)
	x.do(func() error { return x.f.SetColWidth(sheet, "A", "A", 45) })
	for i, c := range t.Columns {
		x.set(sheet, i+2, 1, textCell(c.Name), 0) // the chart's legend
	}
	last, _ := excelize.ColumnNumberToName(len(t.Columns) + 1)
	x.do(func() error { return x.f.SetCellStyle(sheet, "A1", last+"1", header) })
	for i, r := range rows {
		x.set(sheet, 1, i+2, textCell(r.Name), 0)
		for c, v := range r.Values {
			x.set(sheet, c+2, i+2, cell{num: v}, x.numberStyle(numValue, r.Decimals, false))
		}
	}
	ref := func(col, row int) string {
		name, _ := excelize.ColumnNumberToName(col)
		return fmt.Sprintf("$%s$%d", name, row)
	}
	x.printable(sheet, pageHeader, len(t.Columns)+1, len(rows)+1)
	quoted := "'" + sheet + "'!"
	var series []excelize.ChartSeries
	for c := range t.Columns {
		series = append(series, excelize.ChartSeries{
			Name:       quoted + ref(c+2, 1),
			Categories: quoted + ref(1, 2) + ":" + ref(1, len(rows)+1),
			Values:     quoted + ref(c+2, 2) + ":" + ref(c+2, len(rows)+1),
		})
	}
	unit := rows[0].Unit
	title := "So sánh " + t.names()
	if unit != "" {
		title += " (đơn vị: " + unit + ")"
	}
	vary := false
	x.do(func() error {
		return x.f.AddChart(sheet, fmt.Sprintf("A%d", len(rows)+3), &excelize.Chart{
			Type:       excelize.Col,
			Series:     series,
			VaryColors: &vary,
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
			Legend:     excelize.ChartLegend{Position: "bottom"},
			Dimension:  excelize.ChartDimension{Width: 800, Height: 420},
			YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		})
	})
}
