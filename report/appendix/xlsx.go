package appendix

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// SheetName is the workbook's only sheet.
const SheetName = "Phụ lục"

// Rows of the workbook: the heading lines, then the two header rows.
const (
	rowHeading    = 1 // "Phụ lục"
	rowTitle      = 2
	rowAttachment = 3
	rowHeader     = 5 // first of the two header rows
	rowFirst      = 7 // first group row
)

// Columns of the table, left to right.
const (
	colNo = iota + 1
	colName
	colUnit
	colPrevious
	colPlan
	colValue
	colVsPrevious
	colVsPlan
	colNote
	columns = colNote
)

// Title is the appendix's title, in capitals as Decree 30 sets it.
func Title(p model.Period) string {
	return "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU " + strings.ToUpper(p.Name())
}

// ValueHeading is the heading of the period's column: "Ước thực hiện năm
// 2021" when some value is an estimate.
func (t *Table) ValueHeading() string {
	if t.Estimate {
		return "Ước thực hiện " + t.Period.Name()
	}
	return "Thực hiện " + t.Period.Name()
}

// PreviousHeading is the heading of the column of the same period last year.
func (t *Table) PreviousHeading() string {
	return "Thực hiện " + t.Period.SamePeriodLastYear().Name()
}

// PlanHeading is the heading of the plan's column: the plan is the year's.
func (t *Table) PlanHeading() string { return "Kế hoạch " + t.Period.TheYear().Name() }

// Note explains the comparison columns, under the table.
func (t *Table) Note() string {
	return fmt.Sprintf("Ghi chú: cột «So sánh (%%)» là số %s tính bằng phần trăm của số cùng kỳ %s và của số Kế hoạch %s (100%% là bằng); "+
		"riêng chỉ tiêu tỷ lệ (%%) so sánh với cùng kỳ bằng điểm phần trăm, chỉ tiêu xếp hạng so sánh bằng số bậc.", t.Period.Name(), t.Period.SamePeriodLastYear().Name(), t.Period.TheYear().Name())
}

// Attachment is the line under the title: "(Kèm theo Báo cáo số 05/BC-STTTT
// ngày 10 tháng 12 năm 2021)", with room left for what the header lacks.
func Attachment(h *model.Header) string {
	number := strings.TrimSpace(h.Number)
	if n, err := strconv.ParseInt(number, 10, 64); err == nil {
		number = vnformat.LeadingZero(n)
	}
	if number == "" {
		number = "…"
	}
	symbol := h.Symbol
	if symbol == "" {
		symbol = "BC-…"
	}
	date := "ngày … tháng … năm …"
	if !h.Date.IsZero() {
		date = vnformat.Date(h.Date)
	}
	return fmt.Sprintf("(Kèm theo Báo cáo số %s/%s %s)", number, symbol, date)
}

// WriteXLSX writes the table as an Excel workbook for the electronic
// submission: the heading lines of Decree 30, a two-row header with merged
// cells, groups numbered I, II, III, numbers stored as numbers (exactly as the
// report shows them) with formats that show the same words and figures, and a
// print setup of A4 landscape, fit to the page width, with the header rows
// repeated on every page. attachment is the line under the title.
func WriteXLSX(w io.Writer, t *Table, attachment string) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &sheet{f: f, styles: map[string]int{}}
	x.do(func() error { return f.SetSheetName("Sheet1", SheetName) })
	x.heading(t, attachment)
	x.header(t)
	last := x.body(t)
	x.note(t, last+2)
	x.printSetup(last)
	made := t.Made
	if made.IsZero() {
		made = time.Now()
	}
	x.do(func() error {
		return workbook.SetDocProps(f, "Phụ lục: "+strings.ToLower(Title(t.Period)), t.Author, made)
	})
	if x.err != nil {
		return fmt.Errorf("không tạo được bảng tính phụ lục: %w", x.err)
	}
	return f.Write(w)
}

// sheet keeps the first error of a sequence of excelize calls.
type sheet struct {
	f      *excelize.File
	styles map[string]int
	err    error
}

func (x *sheet) do(fn func() error) {
	if x.err == nil {
		x.err = fn()
	}
}

func ref(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func (x *sheet) style(key string, s *excelize.Style) int {
	if id, ok := x.styles[key]; ok {
		return id
	}
	var id int
	x.do(func() error {
		var err error
		id, err = x.f.NewStyle(s)
		return err
	})
	x.styles[key] = id
	return id
}

var thin = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

const font = "Times New Roman"

// cellStyle is the style of a table cell: borders, font, alignment and, for a
// number, its format.
func (x *sheet) cellStyle(bold bool, horizontal, numFmt string) int {
	key := fmt.Sprintf("cell|%v|%s|%s", bold, horizontal, numFmt)
	s := &excelize.Style{
		Border:    thin,
		Font:      &excelize.Font{Family: font, Size: 12, Bold: bold},
		Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "center", WrapText: true},
	}
	if numFmt != "" {
		s.CustomNumFmt = &numFmt
	}
	return x.style(key, s)
}

func (x *sheet) text(col, row int, s string, style int) {
	x.do(func() error { return x.f.SetCellStr(SheetName, ref(col, row), s) })
	x.do(func() error { return x.f.SetCellStyle(SheetName, ref(col, row), ref(col, row), style) })
}

func (x *sheet) merge(col1, row1, col2, row2 int) {
	x.do(func() error { return x.f.MergeCell(SheetName, ref(col1, row1), ref(col2, row2)) })
}

func (x *sheet) heading(t *Table, attachment string) {
	line := func(row int, s string, bold, italic bool) {
		st := x.style(fmt.Sprintf("heading|%v|%v", bold, italic), &excelize.Style{
			Font:      &excelize.Font{Family: font, Size: 14, Bold: bold, Italic: italic},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		})
		x.text(1, row, s, st)
		x.merge(1, row, columns, row)
	}
	line(rowHeading, "Phụ lục", true, false)
	line(rowTitle, Title(t.Period), true, false)
	line(rowAttachment, attachment, false, true)
}

func (x *sheet) header(t *Table) {
	st := x.cellStyle(true, "center", "")
	top, bottom := rowHeader, rowHeader+1
	for _, h := range []struct {
		col  int
		text string
	}{
		{colNo, "STT"}, {colName, "Chỉ tiêu"}, {colUnit, "Đơn vị tính"},
		{colPrevious, t.PreviousHeading()}, {colPlan, t.PlanHeading()},
		{colValue, t.ValueHeading()}, {colNote, "Ghi chú"},
	} {
		col := h.col
		x.text(col, top, h.text, st)
		x.text(col, bottom, "", st) // the merged cell's lower half keeps its border
		x.merge(col, top, col, bottom)
	}
	x.text(colVsPrevious, top, "So sánh (%)", st)
	x.text(colVsPlan, top, "", st)
	x.merge(colVsPrevious, top, colVsPlan, top)
	x.text(colVsPrevious, bottom, "Cùng kỳ", st)
	x.text(colVsPlan, bottom, "Kế hoạch", st)
	for i, width := range []float64{6, 48, 12, 14, 14, 14, 24, 24, 22} {
		name := colLetter(colNo + i)
		x.do(func() error { return x.f.SetColWidth(SheetName, name, name, width) })
	}
	x.do(func() error { return x.f.SetRowHeight(SheetName, top, 36) })
}

// body writes the groups and rows and returns the last row written.
func (x *sheet) body(t *Table) int {
	row := rowFirst
	for _, g := range t.Groups {
		x.text(colNo, row, g.Roman, x.cellStyle(true, "center", ""))
		x.text(colName, row, g.Name, x.cellStyle(true, "left", ""))
		for col := colName + 1; col <= columns; col++ {
			x.text(col, row, "", x.cellStyle(true, "left", ""))
		}
		x.merge(colName, row, columns, row)
		row++
		for _, r := range g.Rows {
			x.do(func() error { return x.f.SetCellInt(SheetName, ref(colNo, row), int64(r.No)) })
			x.do(func() error {
				return x.f.SetCellStyle(SheetName, ref(colNo, row), ref(colNo, row), x.cellStyle(false, "center", "0"))
			})
			x.text(colName, row, r.Name, x.cellStyle(false, "left", ""))
			x.text(colUnit, row, r.Unit, x.cellStyle(false, "center", ""))
			for i, c := range []Cell{r.Previous, r.Plan, r.Value, r.VsPrevious, r.VsPlan} {
				x.cell(colPrevious+i, row, c)
			}
			x.text(colNote, row, r.Note, x.cellStyle(false, "left", ""))
			row++
		}
	}
	return row - 1
}

// cell stores a number as a number, from its exact decimal (never through
// float64), formatted to show what the report shows; a place in a ranking
// ("11/63") is text.
func (x *sheet) cell(col, row int, c Cell) {
	if c.Kind == Empty || c.Kind == Place {
		x.text(col, row, c.Text, x.cellStyle(false, "right", ""))
		return
	}
	x.do(func() error { return x.f.SetCellDefault(SheetName, ref(col, row), c.Number.String()) })
	x.do(func() error {
		return x.f.SetCellStyle(SheetName, ref(col, row), ref(col, row), x.cellStyle(false, "right", NumberFormat(c)))
	})
}

// NumberFormat is the Excel number format that shows a cell's number as the
// report writes it. Its locale tag, Vietnamese ([$-42A]), makes LibreOffice
// show 1.150 and 8,3 whatever the computer's language; Excel takes the
// separators from the computer's settings (Vietnamese: the same).
func NumberFormat(c Cell) string {
	num := "#,##0"
	if c.Decimals > 0 {
		num += "." + strings.Repeat("0", c.Decimals)
	}
	switch c.Kind {
	case Points:
		return workbook.Vietnamese + `"tăng "` + num + `" điểm phần trăm";"giảm "` + num + `" điểm phần trăm";"` + vnformat.Same + `"`
	case Places:
		return workbook.Vietnamese + `"tăng "0" bậc";"giảm "0" bậc";"giữ nguyên thứ hạng"`
	}
	return workbook.Vietnamese + num
}

func (x *sheet) note(t *Table, row int) {
	st := x.style("note", &excelize.Style{
		Font:      &excelize.Font{Family: font, Size: 12, Italic: true},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true},
	})
	x.text(1, row, t.Note(), st)
	x.merge(1, row, columns, row)
	x.do(func() error { return x.f.SetRowHeight(SheetName, row, 32) })
}

// printSetup: A4 landscape, fit to one page wide, header rows repeated on each
// page, and the panes frozen under the header.
func (x *sheet) printSetup(last int) {
	size, landscape, wide, tall := 9, "landscape", 1, 0
	fit := true
	x.do(func() error {
		return x.f.SetPageLayout(SheetName, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
	})
	x.do(func() error { return x.f.SetSheetProps(SheetName, &excelize.SheetPropsOptions{FitToPage: &fit}) })
	x.do(func() error {
		return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", SheetName, rowHeader, rowHeader+1), Scope: SheetName})
	})
	x.do(func() error {
		return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", SheetName, colLetter(columns), last+2), Scope: SheetName})
	})
	x.do(func() error {
		return x.f.SetPanes(SheetName, &excelize.Panes{Freeze: true, YSplit: rowFirst - 1, TopLeftCell: ref(1, rowFirst), ActivePane: "bottomLeft"})
	})
}

func colLetter(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
