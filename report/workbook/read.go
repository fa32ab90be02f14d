package workbook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/vnformat"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/suggest"
)

// Read reads one period's input workbook into the same model input.ParseFigures
// gives for the equivalent YAML, with the cell of every value. want, when not
// the zero Period, is the period the file name promises; cat resolves indicator
// codes. Problems are findings, never panics: a file that is not a workbook at
// all gives a single finding and no figures.
func Read(file string, data []byte, want model.Period, cat *model.Catalogue) (*model.Figures, model.Findings) {
	r := &reader{file: file, found: model.Collector{File: file}, cat: cat, y: &model.Figures{Period: want, Source: file, Header: model.Header{FieldPos: map[string]model.Pos{}}}}
	r.read(data, want)
	return r.y, r.done()
}

func (r *reader) read(data []byte, want model.Period) {
	file := r.file
	p, flt := openPackage(data)
	if flt != nil {
		r.add(model.Error, flt.code, model.Pos{File: file}, "", "%s", flt.msg)
		return
	}
	r.p = p
	sheets := r.sheets()
	if ref, ok := sheets[SheetHeader]; ok {
		r.header(ref, want)
	}
	if ref, ok := sheets[SheetEntries]; ok {
		r.entries(ref)
	} else {
		r.add(model.Error, "missing-sheet", model.Pos{File: file}, fmt.Sprintf("thêm trang «%s», như trong tệp do lệnh baocao init tạo", SheetEntries),
			"bảng tính không có trang «%s»", SheetEntries)
	}
	if ref, ok := sheets[SheetRankings]; ok {
		r.rankings(ref)
	}
	if ref, ok := sheets[SheetNarrative]; ok {
		r.narrative(ref)
	}
}

type reader struct {
	file   string
	cat    *model.Catalogue
	p      *pkg
	y      *model.Figures
	found  model.Collector
	blocks model.EntryBlocks // where the entries are made
}

func (r *reader) add(sev model.Severity, code string, pos model.Pos, fix, format string, args ...any) {
	r.found.Addf(sev, code, pos, fix, format, args...)
}

// refuse reports a fault that stops a sheet being read. It comes first and is
// always listed: a sheet of too many rows must not hide behind the findings
// about those rows.
func (r *reader) refuse(pos model.Pos, flt *fault) {
	f := model.Finding{Severity: model.Error, Code: flt.code, Pos: pos, Msg: flt.msg}
	r.found.AddFirst(f)
}

// done returns the findings, closed by one that counts those not listed.
func (r *reader) done() model.Findings { return r.found.Findings() }

// unknownCode reports a code the catalogue lacks, with the nearest code as a hint.
func (r *reader) unknownCode(pos model.Pos, code string) {
	r.add(model.Error, "unknown-indicator", pos, model.UnknownCodeFix, "%s", model.LazyText(func() string { return r.cat.UnknownCode(shorten(code)) }))
}

var dataSheets = []string{SheetHeader, SheetEntries, SheetRankings, SheetNarrative}

// sheets finds the data sheets by their folded names.
func (r *reader) sheets() map[string]sheetRef {
	found := map[string]sheetRef{}
	known := append([]string{SheetNotes, SheetLists}, dataSheets...)
	for _, ref := range r.p.sheets {
		name := ""
		for _, k := range known {
			if fold(ref.name) == fold(k) {
				name = k
			}
		}
		pos := model.Pos{File: r.file, Sheet: ref.name}
		switch {
		case name == SheetNotes || name == SheetLists:
		case name == "":
			r.add(model.Warning, "unknown-sheet", pos, r.hint(ref.name, dataSheets), "trang «%s» không được đọc; các trang số liệu là: %s", ref.name, strings.Join(dataSheets, ", "))
		case found[name].name != "":
			r.add(model.Error, "duplicate-sheet", pos, "", "có hai trang «%s» và «%s»; hãy giữ lại một trang", found[name].name, ref.name)
		default:
			found[name] = ref
			if ref.hidden {
				r.add(model.Warning, "hidden-sheet", pos, "hiện trang để kiểm tra (chuột phải vào tên trang, chọn Unhide/Hiện)",
					"trang «%s» đang bị ẩn nhưng vẫn được đọc", ref.name)
			}
		}
	}
	return found
}

// table is a data sheet whose header row has been found.
type table struct {
	ref     sheetRef
	header  int            // the header row; 0 until found
	cols    map[string]int // column key → column number
	scanned int            // rows looked at while searching for the header
}

// pos is the place of a column's cell in a row; a column the sheet lacks has no place.
func (t *table) pos(r *reader, key string, row int) model.Pos {
	col, ok := t.cols[key]
	if !ok {
		return model.Pos{}
	}
	return r.cellPos(t.ref.name, col, row)
}

// places sets out[i] to the place of column keys[i]'s cell in a row, as pos
// does, their cell names sharing one string: one allocation for an entry's
// five places rather than five (or ten, with the row number's own).
func (t *table) places(r *reader, row int, keys []string, out []model.Pos) {
	var buf [128]byte
	var endsBuf [8]int
	names, ends := buf[:0], endsBuf[:len(keys)]
	for i, key := range keys {
		if col, ok := t.cols[key]; ok {
			names = appendCellName(names, col, row)
		}
		ends[i] = len(names)
	}
	all, start := string(names), 0
	for i, end := range ends {
		out[i] = model.Pos{}
		if end > start {
			out[i] = model.Pos{File: r.file, Sheet: t.ref.name, Cell: all[start:end]}
		}
		start = end
	}
}

// cell returns the cell of a column in a row; a column the sheet lacks is blank.
func (t *table) cell(rw *row, key string) cell {
	col, ok := t.cols[key]
	if !ok {
		return cell{}
	}
	return rw.get(col)
}

// maxHeaderSearch is how many non-empty rows may come before the header row (a title, notes).
const maxHeaderSearch = 20

// readTable streams a data sheet: it finds the header row by the title of the
// first required column, maps the columns by title and passes every later row
// to onRow. It reports missing and duplicate columns and returns the merged ranges.
func (r *reader) readTable(ref sheetRef, columns []column, required []string, onRow func(*table, *row)) (*table, []cellRange) {
	t := &table{ref: ref}
	merges, flt := r.p.streamSheet(ref, func(rw *row) bool {
		if t.header == 0 {
			t.scanned++
			r.findHeader(t, rw, columns, required[0])
			return t.header != 0 || t.scanned < maxHeaderSearch
		}
		onRow(t, rw)
		return true
	})
	if flt != nil {
		r.refuse(model.Pos{File: r.file, Sheet: ref.name, Cell: flt.cell}, flt)
		return t, nil
	}
	if t.header == 0 {
		r.add(model.Error, "missing-column", model.Pos{File: r.file, Sheet: ref.name, Cell: "A1"}, "dòng tiêu đề phải có cột «"+title(columns, required[0])+"»",
			"trang «%s» không có dòng tiêu đề với cột «%s»", ref.name, title(columns, required[0]))
		return t, merges
	}
	for _, key := range required[1:] {
		if _, ok := t.cols[key]; !ok {
			r.add(model.Error, "missing-column", r.cellPos(ref.name, 1, t.header), "thêm cột có tiêu đề «"+title(columns, key)+"»",
				"trang «%s» thiếu cột «%s» (dòng tiêu đề là dòng %d)", ref.name, title(columns, key), t.header)
		}
	}
	return t, merges
}

func title(columns []column, key string) string {
	for _, c := range columns {
		if c.key == key {
			return c.title
		}
	}
	return key
}

// findHeader takes rw as the header row when one of its cells is the title of
// the first required column, and maps every titled cell to its column.
func (r *reader) findHeader(t *table, rw *row, columns []column, first string) {
	byTitle := map[string]string{}
	for _, c := range columns {
		byTitle[fold(c.title)] = c.key
		for _, a := range c.aliases {
			byTitle[a] = c.key
		}
	}
	found := false
	for _, c := range rw.cells {
		if c.kind == cellText && byTitle[fold(c.value)] == first {
			found = true
		}
	}
	if !found {
		return
	}
	t.header, t.cols = rw.num, map[string]int{}
	for _, c := range rw.cells {
		if c.kind != cellText {
			continue
		}
		key, ok := byTitle[fold(c.value)]
		if !ok {
			continue // a column the user added
		}
		if prev, dup := t.cols[key]; dup {
			r.add(model.Error, "duplicate-column", r.cellPos(t.ref.name, c.col, rw.num), "",
				"cột «%s» xuất hiện hai lần (ô %s và ô %s); hãy giữ lại một cột", shorten(vnformat.CleanText(c.value)), cellName(prev, rw.num), cellName(c.col, rw.num))
			continue
		}
		t.cols[key] = c.col
	}
}

// hiddenRow warns that a hidden row is read all the same.
func (r *reader) hiddenRow(t *table, num int) {
	r.add(model.Warning, "hidden-row", r.cellPos(t.ref.name, 1, num), "hiện dòng để kiểm tra, hoặc xóa hẳn dòng nếu không dùng",
		"dòng %d đang bị ẩn nhưng vẫn được đọc", num)
}

// mergedRows warns about merged ranges that span several data rows in the
// given columns: the value belongs to the first row only.
func (r *reader) mergedRows(t *table, merges []cellRange, keys ...string) {
	for _, m := range merges {
		if m.row2 == m.row1 || m.row1 <= t.header {
			continue
		}
		for _, key := range keys {
			if col, ok := t.cols[key]; ok && col >= m.col1 && col <= m.col2 {
				r.add(model.Warning, "merged-cells", r.cellPos(t.ref.name, m.col1, m.row1), "bỏ gộp ô và điền số liệu cho từng dòng",
					"các ô %s được gộp: giá trị chỉ thuộc về dòng %d, %s coi như để trống", m, m.row1, rowsWord(m.row1+1, m.row2))
				break
			}
		}
	}
}

// isDerivedMark reports whether a value cell holds the «tự tính» of a computed indicator.
func isDerivedMark(c cell) bool {
	return c.kind == cellText && fold(c.value) == foldedDerivedMark
}

var foldedDerivedMark = fold(derivedMark)

var entryValueCols = []string{colActual, colEstimate, colPlan, colYearEst, colSame, colNote}

// entryPlaces are the columns whose cells an entry records the places of.
var entryPlaces = [...]string{colCode, colActual, colPlan, colYearEst, colSame}

func (r *reader) entries(ref sheetRef) {
	seen := map[string]string{} // code → cell of its first row
	t, merges := r.readTable(ref, entryColumns, []string{colCode, colActual}, func(t *table, rw *row) {
		sheet := t.ref.name
		code, ok := r.text(sheet, t.cell(rw, colCode), rw.num, label{})
		if !ok {
			return
		}
		var at [len(entryPlaces)]model.Pos
		t.places(r, rw.num, entryPlaces[:], at[:])
		codePos := at[0]
		// The row's own cell name is kept with its entry and in seen; the
		// string of all five would be kept with it.
		codePos.Cell = strings.Clone(codePos.Cell)
		ind, known := r.cat.Lookup(code)
		// The «tự tính» Write puts in a computed indicator's row is no value.
		derived := code == "" || (known && ind.Derived())
		filled := false
		for _, key := range entryValueCols {
			if c := t.cell(rw, key); c.kind != cellBlank && !(key == colActual && derived && isDerivedMark(c)) {
				filled = true
			}
		}
		switch {
		case code == "":
			if filled {
				r.add(model.Warning, "missing-code", codePos, "điền mã chỉ tiêu, hoặc xóa dòng nếu không dùng",
					"dòng %d có số liệu nhưng không có mã chỉ tiêu; bỏ qua dòng này", rw.num)
			}
			return
		case !known:
			r.unknownCode(codePos, code)
			return
		case seen[code] != "":
			r.add(model.Error, "duplicate-indicator", codePos, "xóa một trong hai dòng", "chỉ tiêu %s đã có ở ô %s", code, seen[code])
			return
		}
		seen[code] = codePos.Cell
		if !filled {
			if !derived {
				r.y.AddBlank(code, at[1])
			}
			return
		}
		if ind.Kind == model.Rank {
			r.add(model.Error, "not-a-ranking", codePos, "", "chỉ tiêu %s là thứ hạng; ghi ở trang «%s»", code, SheetRankings)
			return
		}
		if rw.hidden {
			r.hiddenRow(t, rw.num)
		}
		e := r.blocks.New()
		*e = model.Entry{Code: code, Pos: codePos}
		e.SetActualPos(at[1])
		e.SetPlanPos(at[2])
		e.SetYearEstimatePos(at[3])
		e.SetSamePeriodPos(at[4])
		if c := t.cell(rw, colActual); !(derived && isDerivedMark(c)) {
			e.Actual = r.number(sheet, c, rw.num, label{code, "Thực hiện"}, ind)
		}
		e.Estimate = r.flag(sheet, t.cell(rw, colEstimate), rw.num, label{code, "Ước tính"})
		e.Plan = r.number(sheet, t.cell(rw, colPlan), rw.num, label{code, "Kế hoạch"}, ind)
		e.YearEstimate = r.number(sheet, t.cell(rw, colYearEst), rw.num, label{code, "Ước cả năm"}, ind)
		e.SamePeriod = r.number(sheet, t.cell(rw, colSame), rw.num, label{code, "Cùng kỳ năm trước"}, ind)
		e.Note, _ = r.text(sheet, t.cell(rw, colNote), rw.num, label{code, "Ghi chú"})
		r.y.Entries = append(r.y.Entries, e)
	})
	r.mergedRows(t, merges, append([]string{colCode}, entryValueCols...)...)
}

func (r *reader) rankings(ref sheetRef) {
	seen := map[string]string{}
	t, merges := r.readTable(ref, rankingColumns, []string{colCode, colRank}, func(t *table, rw *row) {
		sheet := t.ref.name
		code, ok := r.text(sheet, t.cell(rw, colCode), rw.num, label{})
		rankCell, ofCell := t.cell(rw, colRank), t.cell(rw, colOf)
		if !ok || (code == "" && rankCell.kind == cellBlank && ofCell.kind == cellBlank) {
			return
		}
		codePos := t.pos(r, colCode, rw.num)
		if code == "" {
			r.add(model.Warning, "missing-code", codePos, "điền mã chỉ số, hoặc xóa dòng nếu không dùng",
				"dòng %d có thứ hạng nhưng không có mã chỉ số; bỏ qua dòng này", rw.num)
			return
		}
		ind, ok := r.cat.Lookup(code)
		if !ok {
			r.unknownCode(codePos, code)
			return
		}
		if ind.Kind != model.Rank {
			r.add(model.Error, "not-a-ranking", codePos, "", "chỉ tiêu %s không phải là thứ hạng; ghi ở trang «%s»", code, SheetEntries)
			return
		}
		if first, dup := seen[code]; dup {
			r.add(model.Error, "duplicate-indicator", codePos, "xóa một trong hai dòng", "chỉ số %s đã có ở ô %s", code, first)
			return
		}
		seen[code] = codePos.Cell
		if rankCell.kind == cellBlank && ofCell.kind == cellBlank {
			r.y.AddBlank(code, t.pos(r, colRank, rw.num))
			return
		}
		if rw.hidden {
			r.hiddenRow(t, rw.num)
		}
		rank, ok1 := r.text(sheet, rankCell, rw.num, label{code, "Thứ hạng"})
		of, ok2 := r.text(sheet, ofCell, rw.num, label{code, "Tổng số"})
		if !ok1 || !ok2 {
			return
		}
		spec := rank + "/" + of
		if strings.Contains(rank, "/") && of == "" {
			spec = rank // "11/63" typed in one cell
		}
		rankPos := t.pos(r, colRank, rw.num)
		n, total, err := model.ParseRanking(spec)
		if err != nil {
			pos := rankPos
			_, rankErr := strconv.Atoi(rank)
			if _, ofErr := strconv.Atoi(of); rankErr == nil && ofErr != nil && of != "" {
				pos = t.pos(r, colOf, rw.num) // the total is what is wrong
			}
			r.add(model.Error, "bad-ranking", pos, "", "%s: %v", code, err)
			return
		}
		r.y.Rankings = append(r.y.Rankings, &model.Ranking{Code: code, Name: ind.Name, Rank: n, Of: total, Pos: rankPos})
	})
	r.mergedRows(t, merges, colCode, colRank, colOf)
}

// narrativeRow is a row of the narrative sheet, kept until the merged ranges
// (listed at the end of the sheet) are known.
type narrativeRow struct {
	num                 int
	hidden              bool
	part, heading, text string
}

func (r *reader) narrative(ref sheetRef) {
	var rows []narrativeRow
	over := false
	t, merges := r.readTable(ref, narrativeColumns, []string{colPart, colText}, func(t *table, rw *row) {
		sheet := t.ref.name
		part, ok1 := r.text(sheet, t.cell(rw, colPart), rw.num, label{})
		heading, ok2 := r.text(sheet, t.cell(rw, colHeading), rw.num, label{})
		text, ok3 := r.text(sheet, t.cell(rw, colText), rw.num, label{})
		if text == exampleText {
			return // the example Write puts in an empty sheet, left in place
		}
		if ok1 && ok2 && ok3 && (part != "" || heading != "" || text != "") {
			if len(rows) == model.MaxNarrative {
				if !over {
					over = true
					r.add(model.Error, "too-large", model.Pos{File: r.file, Sheet: sheet, Cell: cellName(t.cols[colText], rw.num)},
						"kiểm tra lại tệp: có thể đã chọn nhầm tệp, hoặc một phần nội dung bị lặp lại quá nhiều",
						"trang «%s» có quá %s ý nội dung, giới hạn của chương trình (một báo cáo chỉ có vài trăm); các dòng sau không được đọc", sheet, vnformat.Count(model.MaxNarrative))
				}
				return
			}
			rows = append(rows, narrativeRow{num: rw.num, hidden: rw.hidden, part: part, heading: heading, text: text})
		}
	})
	if t.header == 0 {
		return
	}
	// A part or heading merged down over several rows belongs to each of them.
	partTop, headingTop := mergedTops(merges, t.cols[colPart]), mergedTops(merges, t.cols[colHeading])
	byRow := make(map[int]*narrativeRow, len(rows))
	for i := range rows {
		nr := &rows[i]
		byRow[nr.num] = nr
		if top, ok := byRow[partTop(nr.num)]; ok && nr.part == "" {
			nr.part = top.part
		}
		if top, ok := byRow[headingTop(nr.num)]; ok && nr.heading == "" {
			nr.heading = top.heading
		}
		if nr.text == "" {
			continue
		}
		part, ok := narrativePart(nr.part)
		if !ok {
			r.unknownPart(t.pos(r, colPart, nr.num), nr.part)
			continue
		}
		if nr.hidden {
			r.hiddenRow(t, nr.num)
		}
		r.y.Narrative = append(r.y.Narrative, model.NarrativeItem{Part: part, Heading: nr.heading, Text: nr.text, Pos: t.pos(r, colText, nr.num)})
	}
}

// mergedTops returns, for the merged ranges of column col (0: none), a function
// giving the first row of the range that holds a row, or 0.
func mergedTops(merges []cellRange, col int) func(row int) int {
	var inCol []cellRange
	for _, m := range merges {
		if col != 0 && m.col1 <= col && col <= m.col2 && m.row2 > m.row1 {
			inCol = append(inCol, m)
		}
	}
	sort.Slice(inCol, func(i, j int) bool { return inCol[i].row1 < inCol[j].row1 })
	return func(row int) int {
		// The last range starting above the row is the only one that can hold it.
		i := sort.Search(len(inCol), func(i int) bool { return inCol[i].row1 >= row }) - 1
		if i >= 0 && row <= inCol[i].row2 {
			return inCol[i].row1
		}
		return 0
	}
}

// narrativePart accepts a part by its code ("ket_qua"), its label or both ("ket_qua – Kết quả …").
func narrativePart(s string) (string, bool) {
	f := fold(s)
	for _, p := range model.NarrativeParts {
		if f == p || f == fold(partLabels[p]) || (oldPartLabels[p] != "" && f == fold(oldPartLabels[p])) || strings.HasPrefix(f, p+" ") {
			return p, true
		}
	}
	return "", false
}

func (r *reader) unknownPart(pos model.Pos, part string) {
	if part == "" {
		r.add(model.Error, "unknown-part", pos, "chọn phần trong danh sách của ô", "ý này chưa ghi phần của báo cáo; các phần là: %s", partList())
		return
	}
	names := make([]string, 0, 2*len(model.NarrativeParts)) // both are accepted
	for _, p := range model.NarrativeParts {
		names = append(names, p, partLabels[p])
	}
	r.add(model.Error, "unknown-part", pos, r.hint(part, names), "phần «%s» không có; chọn trong danh sách của ô, các phần là: %s", shorten(part), partList())
}

// partList names the narrative parts for messages: «Kết quả nổi bật» (noi_bat), …
func partList() string {
	out := make([]string, len(model.NarrativeParts))
	for i, p := range model.NarrativeParts {
		out[i] = fmt.Sprintf("«%s» (%s)", partLabels[p], p)
	}
	return strings.Join(out, ", ")
}

// listing reports whether findings are still listed, not only counted.
func (r *reader) listing() bool { return r.found.Listing() }

// hint is the usual "có phải ý là …?" for a name near one of known, or "";
// it is searched only while findings are listed.
func (r *reader) hint(name string, known []string) string {
	if !r.listing() {
		return ""
	}
	if near := suggest.Nearest(name, known); near != "" {
		return fmt.Sprintf("có phải ý là «%s»?", near)
	}
	return ""
}

// header reads the general information sheet: the period and the header facts.
func (r *reader) header(ref sheetRef, want model.Period) {
	byLabel := map[string]string{oldPeriodKey: periodKey, fold("Năm báo cáo"): periodKey}
	for _, h := range headerRows {
		byLabel[fold(h.label)] = h.key
		byLabel[h.key] = h.key
	}
	labels := make([]string, len(headerRows))
	for i, h := range headerRows {
		labels[i] = h.label
	}
	seen := map[string]string{}
	r.readTable(ref, headerColumns, []string{colLabel, colValue}, func(t *table, rw *row) {
		sheet := t.ref.name
		name, _ := r.text(sheet, t.cell(rw, colLabel), rw.num, label{})
		keyText, _ := r.text(sheet, t.cell(rw, colKey), rw.num, label{})
		valueCell := t.cell(rw, colValue)
		key, ok := byLabel[keyText]
		if !ok {
			key, ok = byLabel[fold(name)]
		}
		if !ok {
			if valueCell.kind != cellBlank {
				r.add(model.Warning, "unknown-field", t.pos(r, colLabel, rw.num), r.hint(name, labels), "mục «%s» không được dùng, bỏ qua", shorten(name))
			}
			return
		}
		pos := t.pos(r, colValue, rw.num)
		if first, dup := seen[key]; dup {
			r.add(model.Error, "duplicate-key", t.pos(r, colLabel, rw.num), "xóa một trong hai dòng", "mục «%s» đã có ở ô %s", shorten(name), first)
			return
		}
		seen[key] = pos.Cell
		if _, ok := t.cols[colValue]; !ok {
			return
		}
		switch key {
		case periodKey:
			r.period(sheet, valueCell, rw.num, want)
		case "ngay":
			r.y.Header.FieldPos[key] = pos
			if d, ok := r.date(sheet, valueCell, rw.num); ok {
				r.y.Header.Date = d
			}
		default:
			r.y.Header.FieldPos[key] = pos
			if s, ok := r.text(sheet, valueCell, rw.num, label{field: shorten(name)}); ok {
				r.y.Header.Set(key, s)
			}
		}
	})
}

func (r *reader) period(sheet string, c cell, row int, want model.Period) {
	s, ok := r.text(sheet, c, row, label{field: "Kỳ báo cáo"})
	if !ok || s == "" {
		return
	}
	p, problem := model.StatedPeriod(s, want)
	if problem != nil {
		r.add(problem.Severity, problem.Code, r.cellPos(sheet, c.col, row), problem.Fix, "%s", problem.Msg)
		return
	}
	r.y.Period = p
}

// rowsWord names a run of rows: "dòng 10" or "các dòng 10–12".
func rowsWord(from, to int) string {
	if from == to {
		return fmt.Sprintf("dòng %d", from)
	}
	return fmt.Sprintf("các dòng %d–%d", from, to)
}
