package workbook

import (
	"fmt"
	"strings"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Excel keeps 15 significant digits; digits past them are binary noise
// (8.3000000000000007), not something anybody typed.
const excelDigits = 15

// maxMagnitude bounds the numbers read: 10^30 is far above any report figure
// and keeps every value printable.
const maxMagnitude = 30

// parseRaw reads a number as a workbook stores it (digits with a decimal point,
// perhaps an exponent), rounded to Excel's 15 significant digits.
func parseRaw(s string) (decimal.Decimal, bool) {
	if len(s) > 64 || !isRawNumber(s) {
		return decimal.Zero, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, false
	}
	if d.IsZero() {
		return decimal.Zero, true
	}
	if digits := int32(d.NumDigits()); digits > excelDigits {
		d = d.Round(-(d.Exponent() + digits - excelDigits))
	}
	if d.Exponent()+int32(d.NumDigits()) > maxMagnitude {
		return decimal.Zero, false
	}
	if d.Exponent() < -20 {
		d = d.Round(20) // nothing a report shows lies below 10^-20
	}
	return d, true
}

// isRawNumber accepts [+-]digits[.digits][e[+-]ddd], with a digit somewhere before the exponent.
func isRawNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, dot := 0, false
mantissa:
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			break mantissa
		}
	}
	if digits == 0 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	n := len(s) - i
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return n >= 1 && n <= 3
}

// errorMeanings explains Excel's error values.
var errorMeanings = map[string]string{
	"#DIV/0!": "công thức chia cho 0",
	"#REF!":   "công thức tham chiếu đến ô không còn tồn tại",
	"#N/A":    "công thức không tìm thấy giá trị",
	"#VALUE!": "công thức dùng sai kiểu giá trị",
	"#NAME?":  "công thức có tên hàm hoặc tên vùng không đúng",
	"#NUM!":   "công thức cho kết quả không phải là số hợp lệ",
	"#NULL!":  "công thức dùng hai vùng không giao nhau",
}

// cellPos is where a cell is, for findings.
func (r *reader) cellPos(sheet string, col, row int) model.Pos {
	return model.Pos{File: r.file, Sheet: sheet, Cell: cellName(col, row)}
}

// label names a value in messages: "C01: Thực hiện", or a field alone. It is
// put together only for a finding: joining it for every cell read was a
// fifth of the allocations of reading a sheet of 100 000 rows.
type label struct{ code, field string }

func (l label) String() string {
	if l.code == "" {
		return l.field
	}
	return l.code + ": " + l.field
}

// prefix is the label followed by ": ", or "" for no label.
func (l label) prefix() string {
	if l == (label{}) {
		return ""
	}
	return l.String() + ": "
}

// unusable reports error values and formulas without a value; it returns true
// when the cell cannot be read. what names the value in messages, or is empty.
func (r *reader) unusable(sheet string, c cell, row int, what label) bool {
	switch c.kind {
	case cellError:
		why := errorMeanings[strings.ToUpper(c.value)]
		if why == "" {
			why = "ô có giá trị lỗi"
		}
		fix := "sửa công thức hoặc nhập số liệu trực tiếp"
		if !c.formula {
			fix = "nhập số liệu thay cho giá trị lỗi"
		}
		r.add(model.Error, "formula-error", r.cellPos(sheet, c.col, row), fix, "%sô có giá trị lỗi %s: %s", what.prefix(), c.value, why)
		return true
	case cellNoValue:
		r.add(model.Error, "formula-no-value", r.cellPos(sheet, c.col, row),
			"mở tệp bằng Excel hoặc LibreOffice Calc, tính lại (Ctrl+Alt+F9) rồi lưu; hoặc nhập số liệu trực tiếp",
			"%sô có công thức nhưng chưa có giá trị đã tính (tệp được ghi bởi chương trình không tính công thức)", what.prefix())
		return true
	case cellTooLong:
		r.add(model.Error, "cell-too-long", r.cellPos(sheet, c.col, row), "rút ngắn nội dung ô",
			"%sô có hơn %s ký tự, vượt giới hạn một ô của Excel: «%s»", what.prefix(), vnformat.Count(maxCellChars), c.value)
		return true
	}
	return false
}

// text reads a cell as text; numbers give their digits. ok is false after a
// finding; what names the value in messages, or is empty.
func (r *reader) text(sheet string, c cell, row int, what label) (s string, ok bool) {
	if r.unusable(sheet, c, row, what) {
		return "", false
	}
	switch c.kind {
	case cellNumber:
		if d, ok := parseRaw(c.value); ok {
			return d.String(), true
		}
		return c.value, true
	case cellBool:
		if c.value == "1" {
			return "TRUE", true
		}
		return "FALSE", true
	}
	return vnformat.CleanText(c.value), true
}

// number reads a figure of ind: a number cell as stored, or text typed the
// Vietnamese way with a warning. Blank gives nil. A "%", typed or shown by the
// cell's format, is read by the indicator's rule (Indicator.MisplacedPercent).
func (r *reader) number(sheet string, c cell, row int, what label, ind *model.Indicator) *decimal.Decimal {
	if r.unusable(sheet, c, row, what) {
		return nil
	}
	// The cell's name is made for a finding only.
	pos := func() model.Pos { return r.cellPos(sheet, c.col, row) }
	switch c.kind {
	case cellBlank:
		return nil
	case cellNumber:
		d, ok := parseRaw(c.value)
		switch {
		case !ok:
			r.add(model.Error, "not-a-number", pos(), "", "%s: giá trị «%s» không phải là số hợp lệ hoặc quá lớn", what, shorten(c.value))
			return nil
		case r.p.format(c.style) == fmtDate:
			r.add(model.Error, "not-a-number", pos(), "định dạng lại ô thành dạng số (Number) và nhập lại số liệu",
				"%s: ô đang ở định dạng ngày tháng, không phải số", what)
			return nil
		case r.p.format(c.style) == fmtPercent:
			// The cell shows 95,5% for 0.955; what the user sees and means is 95,5.
			d = decimal.RequireFromString(d.Shift(2).String())
			r.misplacedPercent(ind, vnformat.NumberTrim(d, max(0, -int(d.Exponent())))+"%", d, what, pos)
		}
		return &d
	case cellText:
		s := vnformat.CleanText(c.value)
		v, note, err := vnformat.ParseNumber(s)
		if err != nil {
			fix, reason := "", err.Error()
			if pe, ok := err.(*vnformat.ParseError); ok {
				fix, reason = pe.Suggestion, pe.Reason
			}
			r.add(model.Error, "not-a-number", pos(), fix, "%s: «%s» không phải là số: %s", what, shorten(s), reason)
			return nil
		}
		if note.Percent && r.misplacedPercent(ind, s, v, what, pos) {
			return &v // its warning says what was read and how to write it
		}
		msg := note.Message()
		if msg == "" {
			msg = fmt.Sprintf("«%s» được hiểu là %s", shorten(s), v.String())
		}
		if c.formula {
			// Retyping is no fix for a formula: its result is text.
			r.add(model.Warning, "text-number", pos(), "sửa công thức để cho kết quả là số (ví dụ bọc trong VALUE(…))",
				"%s: công thức cho kết quả dạng chữ; %s", what, msg)
		} else {
			r.add(model.Warning, "text-number", pos(), "nhập lại thành ô dạng số", "%s: số được nhập dạng chữ; %s", what, msg)
		}
		return &v
	}
	r.add(model.Error, "not-a-number", pos(), "", "%s: ô chứa %s, không phải số", what, kindName(c.kind))
	return nil
}

// misplacedPercent warns of a figure written with "%" for an indicator not
// in percent, and reports whether it did.
func (r *reader) misplacedPercent(ind *model.Indicator, written string, v decimal.Decimal, what label, pos func() model.Pos) bool {
	f := ind.MisplacedPercent(written, v)
	if f == nil {
		return false
	}
	r.add(f.Severity, f.Code, pos(), f.Fix, "%s%s", what.prefix(), f.Msg)
	return true
}

func kindName(k cellKind) string {
	switch k {
	case cellBool:
		return "giá trị đúng/sai"
	case cellDate:
		return "ngày tháng"
	}
	return "giá trị khác"
}

// shorten keeps messages readable for long cell contents.
func shorten(s string) string { return vnformat.Shorten(s, 40) }

// flag reads the estimate column: "có"/"x"/"ước" or "không"/blank.
func (r *reader) flag(sheet string, c cell, row int, what label) bool {
	if r.unusable(sheet, c, row, what) || c.kind == cellBlank {
		return false
	}
	s, _ := r.text(sheet, c, row, what)
	if v, ok := vnformat.ParseYesNo(s); ok {
		return v
	}
	r.add(model.Error, "not-a-flag", r.cellPos(sheet, c.col, row), "chọn «có» hoặc để trống",
		"%s: «%s» không phải là có/không", what, shorten(s))
	return false
}

// date reads the date of the report: a date cell (a serial number), an ISO date or text.
func (r *reader) date(sheet string, c cell, row int) (time.Time, bool) {
	pos := r.cellPos(sheet, c.col, row)
	switch c.kind {
	case cellNumber:
		d, ok := parseRaw(c.value)
		serial, _ := d.Float64()
		// 1 is 1900-01-01 and 2958465 is 9999-12-31, Excel's range.
		if ok && serial >= 1 && serial < 2958466 {
			t, err := excelize.ExcelDateToTime(serial, r.p.date1904)
			if err == nil {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
			}
		}
		r.add(model.Error, "bad-date", pos, "nhập ngày dạng 10/12/2021", "ngày ban hành: «%s» không phải là ngày", shorten(c.value))
		return time.Time{}, false
	case cellDate:
		if t, err := time.Parse("2006-01-02", c.value[:min(len(c.value), 10)]); err == nil {
			return t, true
		}
		r.add(model.Error, "bad-date", pos, "nhập ngày dạng 10/12/2021", "ngày ban hành: «%s» không phải là ngày", shorten(c.value))
		return time.Time{}, false
	}
	s, ok := r.text(sheet, c, row, label{field: "Ngày ban hành"})
	if !ok || s == "" {
		return time.Time{}, false
	}
	t, err := model.ParseDate(s)
	if err != nil {
		r.add(model.Error, "bad-date", pos, "nhập ngày dạng 10/12/2021", "ngày ban hành: %v", err)
		return time.Time{}, false
	}
	return t, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
