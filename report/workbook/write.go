package workbook

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Write writes the input workbook of a year: every indicator of the catalogue in
// catalogue order (rankings on their own sheet, computed indicators greyed out
// and locked), the header facts, and a narrative sheet with an example row.
// prefill, when not nil, fills in its values, so that a year's YAML can be
// turned into a workbook; its department (co_quan) is the document's author.
// now is the time the document says it was created.
func Write(w io.Writer, cat *model.Catalogue, period model.Period, prefill *model.Figures, now time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	wr := &writer{f: f, cat: cat, period: period, prefill: prefill, now: now, extent: map[string][2]int{}}
	if prefill == nil {
		wr.prefill = &model.Figures{}
	}
	if err := wr.write(); err != nil {
		return fmt.Errorf("không tạo được bảng tính: %w", err)
	}
	if err := WriteAutoHeight(w, f); err != nil {
		return fmt.Errorf("không ghi được bảng tính: %w", err)
	}
	return nil
}

type writer struct {
	f       *excelize.File
	cat     *model.Catalogue
	period  model.Period
	prefill *model.Figures
	now     time.Time
	err     error // the first error; later calls do nothing

	styles map[string]int
	extent map[string][2]int // sheet → last column and row written, for its dimension
}

// Cell styles by name.
const (
	stHeader  = "header"
	stFixed   = "fixed"   // locked text: codes, names
	stInput   = "input"   // unlocked, general
	stText    = "text"    // unlocked, kept as text ("05" stays "05")
	stDate    = "date"    // unlocked, day/month/year
	stDerived = "derived" // computed by the program
	stNote    = "note"    // the notes sheet
	stExample = "example" // the narrative's example row: unlocked, grey italics
)

func (wr *writer) write() error {
	wr.newStyles()
	sheets := []string{SheetNotes, SheetHeader, SheetEntries, SheetRankings, SheetNarrative, SheetLists}
	wr.check(wr.f.SetSheetName("Sheet1", sheets[0]))
	for _, s := range sheets[1:] {
		_, err := wr.f.NewSheet(s)
		wr.check(err)
	}
	wr.notes()
	wr.header()
	wr.entries()
	wr.rankings()
	wr.lists()
	wr.narrative()
	wr.f.SetActiveSheet(0)
	for _, s := range sheets {
		// excelize declares every sheet as A1 only; readers that trust the
		// declaration (openpyxl's read-only mode) would see a single cell.
		if e := wr.extent[s]; e[1] > 0 && wr.err == nil {
			wr.check(wr.f.SetSheetDimension(s, "A1:"+cellName(e[0], e[1])))
		}
	}
	author := wr.prefill.Header.Get("co_quan")
	wr.check(SetDocProps(wr.f, "Số liệu báo cáo "+wr.period.Name(), author, wr.now))
	return wr.err
}

func (wr *writer) check(err error) {
	if wr.err == nil {
		wr.err = err
	}
}

func (wr *writer) newStyles() {
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	unlocked := &excelize.Protection{Locked: false}
	dateFmt, textFmt := "dd/mm/yyyy", "@"
	defs := map[string]*excelize.Style{
		stHeader: {Border: border, Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: &excelize.Protection{Locked: true}},
		stFixed:   {Border: border, Alignment: top, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Protection: &excelize.Protection{Locked: true}},
		stInput:   {Border: border, Alignment: top, Protection: unlocked},
		stText:    {Border: border, Alignment: top, Protection: unlocked, CustomNumFmt: &textFmt},
		stDate:    {Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Protection: unlocked, CustomNumFmt: &dateFmt},
		stDerived: {Border: border, Alignment: top, Font: &excelize.Font{Italic: true, Color: "7F7F7F"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Protection: &excelize.Protection{Locked: true}},
		stNote:    {Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		stExample: {Border: border, Alignment: top, Protection: unlocked, Font: &excelize.Font{Italic: true, Color: "7F7F7F"}},
	}
	wr.styles = map[string]int{}
	for name, st := range defs {
		id, err := wr.f.NewStyle(st)
		wr.check(err)
		wr.styles[name] = id
	}
}

// set writes a value with a style; v is a string, an int, or a numeric string given as number.
func (wr *writer) set(sheet string, col, row int, v any, style string) {
	if wr.err != nil {
		return
	}
	ref := cellName(col, row)
	e := wr.extent[sheet]
	wr.extent[sheet] = [2]int{max(e[0], col), max(e[1], row)}
	switch v := v.(type) {
	case number:
		if v != "" {
			wr.check(wr.f.SetCellDefault(sheet, ref, string(v)))
		}
	case string:
		if v != "" {
			wr.check(wr.f.SetCellStr(sheet, ref, v))
		}
	default:
		wr.check(wr.f.SetCellValue(sheet, ref, v))
	}
	wr.check(wr.f.SetCellStyle(sheet, ref, ref, wr.styleID(style)))
}

// styleID is the id of a named style, or of a figure's style (see figureStyle).
func (wr *writer) styleID(name string) int {
	if id, ok := wr.styles[name]; ok {
		return id
	}
	decimals, _ := strconv.Atoi(strings.TrimPrefix(name, stFigure))
	code := NumberFormat(decimals)
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	id, err := wr.f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
		Protection: &excelize.Protection{Locked: false}, CustomNumFmt: &code})
	wr.check(err)
	wr.styles[name] = id
	return id
}

// stFigure prefixes the style of an input figure shown at some decimals.
const stFigure = "figure"

// figureStyle is the style of an input figure (see NumberFormat), without the
// Vietnamese tag so that figures show as they are typed on the computer:
// 1.600.000 on a Vietnamese computer, 1,600,000 on an English one. A figure typed with
// more decimals shows rounded, as the report will, and validate warns.
func figureStyle(decimals int) string {
	return stFigure + strconv.Itoa(min(max(decimals, 0), 10))
}

// fit makes a row tall enough for wrapped text in a column of the given width
// (in characters): spreadsheet programs do not size the rows of a file they
// open. The height is a starting one (see WriteAutoHeight): the row still grows
// with what is typed in it.
func (wr *writer) fit(sheet string, row int, text string, width float64) {
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(line))*1.1/width)))
	}
	if lines > 1 && wr.err == nil {
		if h, _ := wr.f.GetRowHeight(sheet, row); h < float64(15*lines) {
			wr.check(wr.f.SetRowHeight(sheet, row, float64(15*lines)))
		}
	}
}

// printLayout prints a sheet on A4 landscape, one page wide, with its title
// rows on every page and a page header naming the department, year and sheet.
func (wr *writer) printLayout(sheet string, titleRows int) {
	header := "Số liệu báo cáo " + wr.period.Name() + " – " + sheet
	if agency := wr.prefill.Header.Get("co_quan"); agency != "" {
		header = agency + " – " + header
	}
	if wr.err == nil {
		wr.check(SetPageSetup(wr.f, sheet, PageSetup{Header: header, TitleRows: titleRows}))
	}
}

// number is a figure written as a number cell with its exact digits.
type number string

// columns writes the header row of a data sheet with its comments, widths and frozen row.
func (wr *writer) columns(sheet string, cols []column) {
	for i, c := range cols {
		name := colLetter(i + 1)
		wr.set(sheet, i+1, 1, c.title, stHeader)
		wr.check(wr.f.SetColWidth(sheet, name, name, c.width))
		wr.check(wr.f.AddComment(sheet, excelize.Comment{Cell: name + "1", Author: "baocao", Paragraph: []excelize.RichTextRun{{Text: c.help}}, Width: 300, Height: 90}))
	}
	wr.check(wr.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}))
	wr.check(wr.f.SetRowHeight(sheet, 1, 32))
	wr.printLayout(sheet, 1)
}

// protect locks a sheet's locked cells against slips, without a password: a
// unit that needs another column can lift it (Review → Unprotect Sheet).
func (wr *writer) protect(sheet string) {
	wr.check(wr.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true, FormatCells: true, InsertRows: true, DeleteRows: true, AutoFilter: true, Sort: true}))
}

// validate adds a data validation to sqref with a Vietnamese error message and
// an input prompt (titled by the column, shown beside the selected cell).
// setup nil accepts any value: the validation only carries the prompt.
func (wr *writer) validate(sheet, sqref string, p prompt, title, msg string, setup func(*excelize.DataValidation) error) {
	if sqref == "" || wr.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if setup != nil {
		wr.check(setup(dv))
		dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	}
	if p.text != "" {
		dv.SetInput(p.title, p.text)
	}
	wr.check(wr.f.AddDataValidation(sheet, dv))
}

// prompt is the input prompt of a validation: Excel shows at most 32 characters
// of title and 255 of text.
type prompt struct{ title, text string }

// columnPrompt is the prompt of an input column.
func columnPrompt(c column) prompt { return prompt{c.title, c.prompt} }

// promptOnly adds an input prompt to cells that take any value.
func (wr *writer) promptOnly(sheet, sqref string, p prompt) {
	wr.validate(sheet, sqref, p, "", "", nil)
}

func decimalAtLeast(min int) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(min, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	}
}

func (wr *writer) notes() {
	const width = 110
	wr.check(wr.f.SetColWidth(SheetNotes, "A", "A", width))
	for i, line := range Notes(wr.period) {
		wr.set(SheetNotes, 1, i+1, line, stNote)
		wr.fit(SheetNotes, i+1, line, width)
	}
	wr.printLayout(SheetNotes, 0)
	wr.check(wr.f.SetCellStyle(SheetNotes, "A1", "A1", wr.styles[stHeader]))
}

// Notes is the guide to filling the workbook of a period, one paragraph a
// line, shown on the «Lưu ý» sheet and in the workspace's LUU-Y.txt.
func Notes(period model.Period) []string {
	year := period.TheYear()
	short := period.Kind != model.FullYear && period.Kind != 0
	columns := "Thực hiện, Ước tính, Kế hoạch, Cùng kỳ năm trước, Ghi chú"
	if short {
		columns = "Thực hiện, Ước tính, Kế hoạch, Ước cả năm, Cùng kỳ năm trước, Ghi chú"
	}
	items := []string{
		fmt.Sprintf("Trang «%s»: điền cột «Giá trị» cho từng mục. «Kỳ báo cáo» phải là %s.", SheetHeader, period.Code()),
		fmt.Sprintf("Trang «%s»: mỗi dòng là một chỉ tiêu của danh mục. Chỉ điền các cột %s; không sửa cột Mã, vì chương trình nhận chỉ tiêu theo mã.", SheetEntries, columns),
		"Nhập số liệu dạng số, đúng đơn vị tính ghi ở cột Đơn vị (ví dụ tỷ đồng), không gõ dấu ngăn cách hàng nghìn. Ô số liệu tự hiện dấu ngăn cách hàng nghìn và làm tròn đến số chữ số thập phân báo cáo trình bày (số đã nhập vẫn giữ nguyên, xem ở thanh công thức). Không nhập số dưới dạng chữ: ô có dấu tam giác xanh ở góc hoặc số nằm lệch trái là số đang ở dạng chữ.",
		"Tỷ lệ (đơn vị %) nhập số phần trăm từ 0 đến 100, ví dụ 95,5 (không nhập 0,955).",
		fmt.Sprintf("Dòng tô xám ghi «%s» do chương trình tính từ các chỉ tiêu khác; không cần điền.", derivedMark),
		"Cột «Ước tính»: chọn «có» nếu số thực hiện là số ước tính đến hết kỳ; để trống nếu là số chính thức.",
	}
	if short {
		items = append(items,
			fmt.Sprintf("Cột «Thực hiện»: chỉ tiêu cộng dồn (như doanh thu, số hồ sơ) ghi số lũy kế %s; chỉ tiêu tính tại thời điểm (như số thuê bao) ghi số tại cuối kỳ.", period.Name()),
			fmt.Sprintf("Cột «Kế hoạch»: kế hoạch cả %s (không phải kế hoạch riêng của %s); để trống nếu đã ghi trong tệp số liệu %[1]s (%s.xlsx hoặc %[3]s.yaml).", year.Name(), period.NameWithoutYear(), year.Code()),
			fmt.Sprintf("Cột «Ước cả năm»: ước thực hiện cả %s, nếu có; báo cáo nêu ước cả năm đạt bao nhiêu phần trăm kế hoạch %[1]s.", year.Name()))
	}
	items = append(items,
		"Cột «Cùng kỳ năm trước»: chỉ cần điền khi không có tệp số liệu của cùng kỳ năm trước trong thư mục data.",
		"Có thể dùng công thức; ô công thức bị lỗi (#DIV/0!, #REF!, #N/A…) sẽ bị báo lỗi kèm vị trí ô.",
		fmt.Sprintf("Trang «%s»: ghi thứ hạng và tổng số tỉnh, thành phố được xếp hạng (ví dụ 11 và 63).", SheetRankings),
		fmt.Sprintf("Trang «%s»: mỗi dòng là một ý của báo cáo; cột «Phần» chọn trong danh sách một trong các phần dưới đây (gõ mã phần cũng được). Dòng «VÍ DỤ» có sẵn không được đọc: ghi đè hoặc xóa dòng đó.", SheetNarrative),
	)
	lines := []string{"LƯU Ý KHI ĐIỀN SỐ LIỆU " + strings.ToUpper(period.Name())}
	for i, it := range items {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, it))
	}
	for _, p := range model.NarrativeParts {
		lines = append(lines, fmt.Sprintf("      – %s (mã %s)", partLabels[p], p))
	}
	for _, it := range []string{
		"Các cột mã và tên được khóa để tránh sửa nhầm (không đặt mật khẩu). Cần thêm cột riêng thì bỏ khóa trang (Xem lại → Bỏ bảo vệ Trang tính; bản tiếng Anh: Review → Unprotect Sheet); có thể thêm cột, đổi thứ tự cột vì chương trình tìm cột theo tiêu đề.",
		fmt.Sprintf("Không đổi tên các trang. Trang ẩn «%s» chứa danh sách chọn, không cần sửa. Lưu tệp dạng .xlsx (không lưu thành .xls).", SheetLists),
		fmt.Sprintf("Kiểm tra số liệu: baocao validate %s; lập báo cáo: baocao generate %[1]s.", period.Code()),
	} {
		items = append(items, it)
		lines = append(lines, fmt.Sprintf("%d. %s", len(items), it))
	}
	return lines
}

func (wr *writer) header() {
	s := SheetHeader
	wr.columns(s, headerColumns)
	h := wr.prefill.Header
	for i, hr := range headerRows {
		row := i + 2
		wr.set(s, 1, row, hr.label, stFixed)
		wr.set(s, 3, row, hr.help, stFixed)
		wr.fit(s, row, hr.help, headerColumns[2].width)
		wr.set(s, 4, row, hr.key, stFixed)
		switch hr.key {
		case periodKey:
			wr.set(s, 2, row, wr.period.Code(), stText)
		case "ngay":
			v := number("")
			if !h.Date.IsZero() {
				v = number(strconv.Itoa(excelSerial(h.Date)))
			}
			wr.set(s, 2, row, v, stDate)
		case "so":
			wr.set(s, 2, row, h.Number, stText)
		default:
			v := h.Get(hr.key)
			wr.set(s, 2, row, v, stInput)
			wr.fit(s, row, v, headerColumns[1].width)
		}
		wr.promptOnly(s, cellName(2, row), prompt{hr.label, hr.help})
	}
	wr.check(wr.f.SetColVisible(s, colLetter(4), false))
	wr.protect(s)
}

// excelSerial is the 1900-system serial number of a date after February 1900.
func excelSerial(t time.Time) int {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Sub(epoch).Hours() / 24)
}

// figure writes a figure with its exact digits; nil is an empty cell.
func figure(d *decimal.Decimal) number {
	if d == nil {
		return ""
	}
	return number(d.String())
}

// colIndex is the 1-based position of a column of a fixed layout.
func colIndex(cols []column, key string) int {
	for i, c := range cols {
		if c.key == key {
			return i + 1
		}
	}
	return 0
}

func (wr *writer) entries() {
	s := SheetEntries
	cols := entryColumnsFor(wr.period)
	wr.columns(s, cols)
	col := func(key string) int { return colIndex(cols, key) }
	var quantities, rates []int // rows, for the data validation of their value cells
	row := 1
	for _, ind := range wr.cat.Indicators {
		if ind.Kind == model.Rank {
			continue
		}
		row++
		wr.set(s, col(colCode), row, ind.Code, stFixed)
		wr.set(s, col(colGroup), row, wr.cat.GroupName(ind.Group), stFixed)
		wr.set(s, col(colName), row, ind.Name, stFixed)
		wr.fit(s, row, ind.Name, cols[col(colName)-1].width)
		wr.set(s, col(colUnit), row, ind.Unit, stFixed)
		if ind.Derived() {
			for _, key := range entryValueCols {
				if col(key) > 0 {
					wr.set(s, col(key), row, "", stDerived)
				}
			}
			wr.set(s, col(colActual), row, derivedMark, stDerived)
			wr.check(wr.f.AddComment(s, excelize.Comment{Cell: cellName(col(colActual), row), Author: "baocao",
				Paragraph: []excelize.RichTextRun{{Text: "Chương trình tự tính: " + ind.Formula}}, Width: 300, Height: 60}))
			continue
		}
		var actual, plan, yearEst, same number
		estimate, note := "", ""
		if e := wr.prefill.Entry(ind.Code); e != nil {
			actual, plan, yearEst, same = figure(e.Actual), figure(e.Plan), figure(e.YearEstimate), figure(e.SamePeriod)
			note = e.Note
			if e.Estimate {
				estimate = "có"
			}
		}
		fig := figureStyle(ind.Decimals)
		wr.set(s, col(colActual), row, actual, fig)
		wr.set(s, col(colEstimate), row, estimate, stInput)
		wr.set(s, col(colPlan), row, plan, fig)
		if col(colYearEst) > 0 {
			wr.set(s, col(colYearEst), row, yearEst, fig)
		}
		wr.set(s, col(colSame), row, same, fig)
		wr.set(s, col(colNote), row, note, stInput)
		if ind.Kind == model.Rate {
			rates = append(rates, row)
		} else {
			quantities = append(quantities, row)
		}
	}
	// One validation per column and kind, so that each column has its own prompt.
	for _, key := range []string{colActual, colPlan, colYearEst, colSame} {
		if col(key) == 0 {
			continue
		}
		c := cols[col(key)-1]
		wr.validate(s, rowRanges(quantities, []int{col(key)}), columnPrompt(c), "Số liệu không hợp lệ", "Nhập một số không âm, đúng đơn vị tính của dòng.", decimalAtLeast(0))
		ratePrompt := prompt{c.title, c.prompt + " " + ratePrompt}
		wr.validate(s, rowRanges(rates, []int{col(key)}), ratePrompt, "Tỷ lệ không hợp lệ", "Tỷ lệ nhập số phần trăm từ 0 đến 100, ví dụ 95,5.", func(dv *excelize.DataValidation) error {
			return dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		})
	}
	inputRows := append(quantities, rates...)
	slices.Sort(inputRows)
	wr.validate(s, rowRanges(inputRows, []int{col(colEstimate)}), columnPrompt(cols[col(colEstimate)-1]), "Ước tính", "Chọn «có» nếu là số ước tính, hoặc để trống.", func(dv *excelize.DataValidation) error {
		return dv.SetDropList([]string{"có", "không"})
	})
	wr.promptOnly(s, rowRanges(inputRows, []int{col(colNote)}), columnPrompt(cols[col(colNote)-1]))
	wr.protect(s)
}

func (wr *writer) rankings() {
	s := SheetRankings
	wr.columns(s, rankingColumns)
	row := 1
	for _, ind := range wr.cat.Indicators {
		if ind.Kind != model.Rank {
			continue
		}
		row++
		wr.set(s, 1, row, ind.Code, stFixed)
		wr.set(s, 2, row, ind.Name, stFixed)
		wr.fit(s, row, ind.Name, rankingColumns[1].width)
		var rank, of number
		if rk := wr.prefill.Ranking(ind.Code); rk != nil {
			rank, of = number(strconv.Itoa(rk.Rank)), number(strconv.Itoa(rk.Of))
		}
		wr.set(s, 3, row, rank, stInput)
		wr.set(s, 4, row, of, stInput)
	}
	if row > 1 {
		for c := 3; c <= 4; c++ {
			wr.validate(s, fmt.Sprintf("%s2:%s%d", colLetter(c), colLetter(c), row), columnPrompt(rankingColumns[c-1]), "Thứ hạng không hợp lệ",
				"Nhập số nguyên từ 1 trở lên, ví dụ 11 (thứ hạng) và 63 (tổng số).", func(dv *excelize.DataValidation) error {
					return dv.SetRange(1, 1000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
				})
		}
	}
	wr.protect(s)
}

// narrativeRows is how many rows of the narrative sheet get the part drop-down.
const narrativeRows = 500

func (wr *writer) narrative() {
	s := SheetNarrative
	wr.columns(s, narrativeColumns)
	items := wr.prefill.Narrative
	style := stInput
	if len(items) == 0 {
		items, style = []model.NarrativeItem{{Part: examplePart, Heading: exampleHeading, Text: exampleText}}, stExample
	}
	for i, it := range items {
		label := partLabels[it.Part]
		if label == "" {
			label = it.Part
		}
		wr.set(s, 1, i+2, label, style)
		wr.set(s, 2, i+2, it.Heading, style)
		wr.set(s, 3, i+2, it.Text, style)
		wr.fit(s, i+2, it.Text, narrativeColumns[2].width)
	}
	last := max(narrativeRows, len(items)+1)
	wr.validate(s, fmt.Sprintf("A2:A%d", last), columnPrompt(narrativeColumns[0]), "Phần không hợp lệ", "Chọn phần của báo cáo trong danh sách.", func(dv *excelize.DataValidation) error {
		dv.SetSqrefDropList(partListName)
		return nil
	})
	for c := 2; c <= 3; c++ {
		wr.promptOnly(s, fmt.Sprintf("%s2:%s%d", colLetter(c), colLetter(c), last), columnPrompt(narrativeColumns[c-1]))
	}
}

// lists writes the hidden sheet of drop-down choices: the report parts by
// their labels (commas in them rule out a list typed into the validation).
func (wr *writer) lists() {
	s := SheetLists
	for i, p := range model.NarrativeParts {
		wr.set(s, 1, i+1, partLabels[p], stFixed)
	}
	wr.check(wr.f.SetColWidth(s, "A", "A", 50))
	wr.check(wr.f.SetDefinedName(&excelize.DefinedName{Name: partListName,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$A$%d", SheetLists, len(model.NarrativeParts))}))
	wr.check(wr.f.SetSheetVisible(s, false))
	wr.protect(s)
}

// colLetter writes column 3 as "C".
func colLetter(col int) string {
	name := cellName(col, 1)
	return name[:len(name)-1]
}

// rowRanges writes the cells of the given columns in the given rows (ascending)
// as a space-separated list of ranges, one per run of consecutive rows, so that
// a sheet of 100 000 indicators of one kind needs three ranges, not 300 000 cells.
func rowRanges(rows []int, cols []int) string {
	var refs []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		for _, c := range cols {
			refs = append(refs, cellName(c, rows[i])+":"+cellName(c, rows[j]))
		}
		i = j + 1
	}
	return strings.Join(refs, " ")
}
