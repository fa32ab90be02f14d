package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/report/vnformat"
)

// cellKind is what a cell holds.
type cellKind uint8

const (
	cellBlank   cellKind = iota
	cellNumber           // value is the raw number as stored, e.g. "1150" or "8.3"
	cellText             // value is the text
	cellBool             // value is "1" or "0"
	cellError            // value is the error, e.g. "#DIV/0!"
	cellNoValue          // a formula the writing program did not calculate
	cellDate             // value is an ISO 8601 date (t="d")
	cellTooLong          // value is the start of text longer than maxCellChars
)

// maxCellChars is the most characters a cell holds in Excel; a longer cell is
// refused where it is read, and quoted shortened.
const maxCellChars = 32_767

// cell is one non-blank cell of a row.
type cell struct {
	col     int // 1-based
	kind    cellKind
	value   string
	formula bool
	style   int
}

// row is a row of a sheet with at least one non-blank cell.
type row struct {
	num    int // 1-based
	hidden bool
	cells  []cell // in column order
}

// get returns the cell in column col, or a blank cell.
func (r *row) get(col int) cell {
	for _, c := range r.cells {
		if c.col == col {
			return c
		}
	}
	return cell{col: col}
}

// cellRange is a rectangle of cells, e.g. a merged range.
type cellRange struct {
	col1, row1, col2, row2 int
}

func (m cellRange) contains(col, row int) bool {
	return col >= m.col1 && col <= m.col2 && row >= m.row1 && row <= m.row2
}

func (m cellRange) String() string {
	return cellName(m.col1, m.row1) + ":" + cellName(m.col2, m.row2)
}

// streamSheet reads a worksheet row by row, calling fn for every row that holds
// something until fn returns false, and returns the sheet's merged ranges
// (listed after the cells in the file). fn must not keep the row, whose memory
// is reused: memory does not grow with the number of rows.
func (p *pkg) streamSheet(ref sheetRef, fn func(*row) bool) ([]cellRange, *fault) {
	f, ok := p.parts[strings.ToLower(ref.part)]
	if !ok {
		return nil, notWorkbook("tệp bị hỏng: thiếu trang tính «%s» (%s)", ref.name, ref.part)
	}
	rc, flt := p.open(f, maxSheetPart)
	if flt != nil {
		return nil, flt
	}
	defer rc.Close()
	s := sheetScanner{p: p, x: newXMLScanner(rc), fn: fn}
	if err := s.run(); err != nil {
		if flt, ok := err.(*fault); ok {
			return nil, flt
		}
		if err == errDoctype {
			return nil, doctype(f.Name)
		}
		return nil, notWorkbook("tệp bị hỏng: không đọc được trang «%s»%s (%s)", ref.name, s.where(), xmlError(err))
	}
	return s.merges, nil
}

type sheetScanner struct {
	p      *pkg
	x      *xmlScanner
	fn     func(*row) bool
	row    row
	merges []cellRange
	inRow  bool // between the current row's start and end tags
	// v and inline gather a cell's <v> and inline text, reused from cell to cell.
	v, inline []byte
}

func (s *sheetScanner) run() error {
	x, lastRow := s.x, 0
	for x.next() {
		switch {
		case x.is(tokStart, "row"):
			num := lastRow + 1
			if v, ok := x.attr("r"); ok {
				n, flt := rowNumber(v, lastRow)
				if flt != nil {
					return flt
				}
				num = n
			}
			switch {
			case num > maxRows:
				return &fault{code: "too-large", msg: "trang tính có quá 1.048.576 dòng, số dòng tối đa của Excel: tệp hỏng"}
			case num == lastRow:
				return notWorkbook("tệp bị hỏng: dòng %d xuất hiện hai lần", num)
			case num < lastRow:
				return notWorkbook("tệp bị hỏng: dòng %d đứng sau dòng %d, trong khi các dòng phải theo thứ tự tăng dần", num, lastRow)
			}
			s.row = row{num: num, cells: s.row.cells[:0]}
			if v, ok := x.attr("hidden"); ok {
				s.row.hidden = string(v) == "1" || string(v) == "true"
			}
			lastRow = num
			if !x.selfClose {
				s.inRow = true
				if err := s.cells(); err != nil {
					return err
				}
				s.inRow = false
			}
			if len(s.row.cells) > 0 && !s.fn(&s.row) {
				return nil
			}
		case x.is(tokStart, "mergeCell"):
			if len(s.merges) == maxMerges {
				return &fault{code: "too-large", msg: "trang tính có quá nhiều vùng gộp ô: tệp hỏng"}
			}
			if v, ok := x.attr("ref"); ok {
				if m, ok := parseRange(string(v)); ok {
					s.merges = append(s.merges, m)
				}
			}
		}
	}
	if x.err == io.EOF {
		return nil
	}
	return x.err
}

// where names the row being read for a message: "ở dòng 5", "sau dòng 5", or "".
func (s *sheetScanner) where() string {
	switch {
	case s.inRow:
		return fmt.Sprintf(" ở dòng %d", s.row.num)
	case s.row.num > 0:
		return fmt.Sprintf(" sau dòng %d", s.row.num)
	}
	return ""
}

// rowNumber reads a row's r attribute; Excel refuses a file whose rows are
// not numbered 1 to 1 048 576.
func rowNumber(v []byte, lastRow int) (int, *fault) {
	n, problem := refNumber(string(v), maxRows) // a conversion that does not escape: no copy
	switch problem {
	case refTooLarge:
		return 0, &fault{code: "too-large", msg: fmt.Sprintf("trang tính có dòng số %s, vượt quá 1.048.576, số dòng tối đa của Excel: tệp hỏng", shorten(string(v)))}
	case refMalformed:
		after := "dòng đầu tiên"
		if lastRow > 0 {
			after = fmt.Sprintf("dòng sau dòng %d", lastRow)
		}
		return 0, notWorkbook("tệp bị hỏng: %s mang số «%s», không phải số dòng (từ 1 đến 1.048.576)", after, shorten(string(v)))
	}
	return n, nil
}

// cells reads the cells of the current row up to its end tag.
func (s *sheetScanner) cells() error {
	x, lastCol, num := s.x, 0, s.row.num
	for x.next() {
		switch {
		case x.is(tokStart, "c"):
			c := cell{col: lastCol + 1}
			var typ string
			if v, ok := x.attr("r"); ok {
				col, cellRow, problem := splitCellName(string(v))
				switch {
				case problem == refTooLarge:
					return &fault{code: "too-large", msg: fmt.Sprintf("dòng %d có ô «%s», nằm ngoài giới hạn 16.384 cột (đến cột XFD) và 1.048.576 dòng của Excel: tệp hỏng", num, shorten(string(v)))}
				case problem == refMalformed:
					return notWorkbook("tệp bị hỏng: dòng %d có ô mang địa chỉ «%s», không phải địa chỉ ô", num, shorten(string(v)))
				case cellRow != num:
					return notWorkbook("tệp bị hỏng: ô %s nằm trong dòng %d", cellName(col, cellRow), num)
				}
				c.col = col
			}
			if v, ok := x.attr("t"); ok {
				typ = string(v)
			}
			if v, ok := x.attr("s"); ok {
				c.style, _ = strconv.Atoi(string(v))
			}
			switch {
			case c.col > maxCols:
				return &fault{code: "too-large", msg: fmt.Sprintf("dòng %d có quá 16.384 cột, số cột tối đa của Excel: tệp hỏng", num)}
			case c.col == lastCol:
				return &fault{code: "not-a-workbook", cell: cellName(c.col, num), msg: fmt.Sprintf("tệp bị hỏng: ô %s xuất hiện hai lần", cellName(c.col, num))}
			case c.col < lastCol:
				return &fault{code: "not-a-workbook", cell: cellName(c.col, num),
					msg: fmt.Sprintf("tệp bị hỏng: ô %s đứng sau ô %s, trong khi các ô của một dòng phải theo thứ tự cột", cellName(c.col, num), cellName(lastCol, num))}
			}
			lastCol = c.col
			if !x.selfClose {
				if err := s.cell(&c, typ); err != nil {
					return err
				}
			}
			if c.kind != cellBlank {
				s.row.cells = append(s.row.cells, c)
			}
		case x.is(tokEnd, "row"):
			return nil
		}
	}
	return unexpected(x.err)
}

// cell reads one cell's content up to its end tag and classifies it by type.
func (s *sheetScanner) cell(c *cell, typ string) error {
	x := s.x
	v, inline := s.v[:0], s.inline[:0]
	defer func() { s.v, s.inline = v, inline }()
	hasV := false
	in := "" // "v", or "t" inside "is"
	inIs, phonetic := false, 0
	for x.next() {
		switch x.kind {
		case tokStart:
			switch string(x.name) {
			case "v":
				hasV, in = true, "v"
			case "f":
				c.formula = true
			case "is":
				inIs = true
			case "rPh":
				phonetic++
			case "t":
				if inIs && phonetic == 0 {
					in = "t"
				}
			}
			if x.selfClose {
				in = ""
			}
		case tokEnd:
			switch string(x.name) {
			case "c":
				return s.classify(c, typ, hasV, v, inline)
			case "rPh":
				phonetic--
			case "is":
				inIs = false
			}
			in = ""
		case tokText:
			switch in {
			case "v":
				v = append(v, x.text...)
			case "t":
				inline = append(inline, x.text...)
			}
		}
	}
	return unexpected(x.err)
}

// classify sets a cell's kind and value from its type and content; the value
// is a string of its own only where it is not a shared string. A reference to
// a shared string the file lacks is a broken file, which Excel refuses too.
func (s *sheetScanner) classify(c *cell, typ string, hasV bool, v, inline []byte) error {
	switch typ {
	case "inlineStr":
		c.kind, c.value = cellText, unescapeOOXML(string(inline))
	case "s":
		ref := string(bytes.TrimSpace(v))
		i, err := strconv.Atoi(ref)
		if err != nil || i < 0 || i >= len(s.p.sst) {
			name := cellName(c.col, s.row.num)
			msg := fmt.Sprintf("tệp bị hỏng: ô %s lấy chuỗi số «%s» của bảng chuỗi dùng chung, bảng ấy chỉ có %s chuỗi", name, shorten(ref), vnformat.Count(len(s.p.sst)))
			if !s.p.hasSST {
				msg = fmt.Sprintf("tệp bị hỏng: ô %s lấy chuỗi của bảng chuỗi dùng chung, nhưng tệp không có bảng ấy", name)
			}
			return &fault{code: "not-a-workbook", cell: name, msg: msg}
		}
		c.kind, c.value = cellText, s.p.sst[i]
	case "str":
		c.kind, c.value = cellText, unescapeOOXML(string(v))
	case "b":
		c.kind, c.value = cellBool, string(bytes.TrimSpace(v))
	case "e":
		c.kind, c.value = cellError, string(bytes.TrimSpace(v))
	case "d":
		c.kind, c.value = cellDate, string(bytes.TrimSpace(v))
	default:
		c.kind, c.value = cellNumber, string(bytes.TrimSpace(v))
	}
	if len(c.value) > maxCellChars && utf8.RuneCountInString(c.value) > maxCellChars {
		c.kind, c.value = cellTooLong, shorten(c.value)
		return nil
	}
	switch {
	case !hasV && c.formula && typ != "inlineStr":
		c.kind, c.value = cellNoValue, ""
	case c.kind == cellText && strings.TrimSpace(c.value) == "":
		c.kind = cellBlank // includes formulas such as =IF(A1="";"";…) that show nothing
	case c.kind != cellText && c.value == "":
		c.kind = cellBlank
	}
	return nil
}

// refProblem is what is wrong with a cell or row reference.
type refProblem uint8

const (
	refOK        refProblem = iota
	refMalformed            // not a reference at all
	refTooLarge             // beyond Excel's last column or row
)

// splitCellName reads "AB12" into column 28, row 12.
func splitCellName(s string) (col, row int, problem refProblem) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && ('a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
		if col <= maxCols { // stops growing past the limit, whatever the length
			col = col*26 + int(s[i]|0x20-'a') + 1
		}
		i++
	}
	if i == 0 {
		return 0, 0, refMalformed
	}
	row, problem = refNumber(s[i:], maxRows)
	if problem == refOK && col > maxCols {
		problem = refTooLarge
	}
	return col, row, problem
}

// refNumber reads a row number: digits, from 1 to limit.
func refNumber(s string, limit int) (int, refProblem) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, refMalformed
		}
		if n <= limit {
			n = n*10 + int(s[i]-'0')
		}
	}
	switch {
	case len(s) == 0 || n == 0:
		return 0, refMalformed
	case n > limit:
		return 0, refTooLarge
	}
	return n, refOK
}

// parseCellName reads "AB12" into column 28, row 12.
func parseCellName(s string) (col, row int, ok bool) {
	col, row, problem := splitCellName(s)
	return col, row, problem == refOK
}

// parseRange reads "A2:C5" (or a single cell).
func parseRange(s string) (cellRange, bool) {
	a, b, two := strings.Cut(s, ":")
	c1, r1, ok1 := parseCellName(a)
	if !two {
		return cellRange{c1, r1, c1, r1}, ok1
	}
	c2, r2, ok2 := parseCellName(b)
	return cellRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, ok1 && ok2
}

// cellName writes column 28, row 12 as "AB12".
func cellName(col, row int) string {
	var b [24]byte
	return string(appendCellName(b[:0], col, row))
}

// appendCellName appends the name of a cell to b.
func appendCellName(b []byte, col, row int) []byte {
	var letters [8]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	return strconv.AppendInt(append(b, letters[i:]...), int64(row), 10)
}
