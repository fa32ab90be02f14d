package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao/report/vnformat"
)

// PeriodKind is the length of a reporting period (Decree 09/2019/NĐ-CP and the
// provinces' practice of a nine-month report).
type PeriodKind int

const (
	Month PeriodKind = iota + 1
	Quarter
	SixMonths  // the first six months of the year ("sơ kết 6 tháng đầu năm")
	NineMonths // the first nine months of the year
	FullYear
)

// Period is one reporting period: a month, a quarter, the first six or nine
// months of a year, or a year. All date and year arithmetic of the program
// lives here, so that the comparisons ("cùng kỳ năm trước"), the names and the
// data windows agree for every kind.
type Period struct {
	Kind PeriodKind
	Year int
	// N is the month (1–12) of a Month and the quarter (1–4) of a Quarter; 0 otherwise.
	N int
}

// MinYear and MaxYear bound the years a period code may name: a typo such as
// 20222 is refused instead of producing a report dated in the year 20222.
const (
	MinYear = 1900
	MaxYear = 9999
)

// YearPeriod is the whole year y.
func YearPeriod(y int) Period { return Period{Kind: FullYear, Year: y} }

// PeriodForms lists the accepted period codes, for messages.
const PeriodForms = "2022 (năm), 2022-6T (6 tháng đầu năm), 2022-9T (9 tháng đầu năm), " +
	"2022-Q1 … 2022-Q4 (quý), 2022-T01 … 2022-T12 (tháng)"

// periodSpelling is one way a clerk writes a period, after Unaccent (lower
// case, no diacritics, single spaces). The number of months, quarter or month
// and the year may stand either way round.
type periodSpelling struct {
	re   *regexp.Regexp
	kind PeriodKind // 0: the kind follows from the number of months (6T, 9T)
}

// periodSpellings are compiled on first use: most commands read one period,
// and every process would otherwise pay for them at start-up.
var periodSpellings = sync.OnceValue(func() []periodSpelling {
	return []periodSpelling{
		{regexp.MustCompile(`^(?:nam )?(?P<y>\d{4})$`), FullYear},
		{regexp.MustCompile(`^(?P<y>\d{4}) ?[-/ ] ?(?P<n>[69]) ?t(?:hang)?$`), 0},
		{regexp.MustCompile(`^(?P<n>[69]) ?t(?:hang)?(?: dau nam)?(?: nam)? ?[-/ ]? ?(?P<y>\d{4})$`), 0},
		{regexp.MustCompile(`^(?P<y>\d{4}) ?[-/ ] ?q(?:uy)? ?(?P<n>\d{1,2}|i{1,3}|iv)$`), Quarter},
		{regexp.MustCompile(`^q(?:uy)? ?(?P<n>\d{1,2}|i{1,3}|iv)(?: nam)? ?[-/ ]? ?(?P<y>\d{4})$`), Quarter},
		{regexp.MustCompile(`^(?P<y>\d{4}) ?[-/ ] ?t(?:hang)? ?(?P<n>\d{1,2})$`), Month},
		{regexp.MustCompile(`^t(?:hang)? ?(?P<n>\d{1,2})(?: nam)? ?[-/ ]? ?(?P<y>\d{4})$`), Month},
		// 05/2022 and 2022-05: a month written as a date.
		{regexp.MustCompile(`^(?P<n>\d{1,2}) ?/ ?(?P<y>\d{4})$`), Month},
		{regexp.MustCompile(`^(?P<y>\d{4}) ?- ?(?P<n>\d{2})$`), Month},
	}
})

var romanQuarters = []string{"", "I", "II", "III", "IV"}

// ParsePeriod reads a period code as a clerk types it: "2022", "2022-6T",
// "6T-2022", "6 tháng 2022", "2022-Q3", "2022-q3", "quý III năm 2022",
// "2022-T05", "2022-T5", "tháng 5 năm 2022". Anything else is refused with the
// list of valid forms.
func ParsePeriod(s string) (Period, error) {
	key := vnformat.Unaccent(s)
	for _, sp := range periodSpellings() {
		m := sp.re.FindStringSubmatch(key)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[sp.re.SubexpIndex("y")])
		p := Period{Kind: sp.kind, Year: y}
		if i := sp.re.SubexpIndex("n"); i >= 0 {
			p.N = periodNumber(m[i])
		}
		if p.Kind == 0 {
			p.Kind = map[int]PeriodKind{6: SixMonths, 9: NineMonths}[p.N]
			p.N = 0
		}
		if err := p.check(); err != nil {
			return Period{}, fmt.Errorf("kỳ báo cáo «%s»: %v", strings.TrimSpace(s), err)
		}
		return p, nil
	}
	return Period{}, fmt.Errorf("kỳ báo cáo «%s» không đúng dạng; các dạng hợp lệ: %s", strings.TrimSpace(s), PeriodForms)
}

// periodNumber reads a quarter or month number, in digits or Roman numerals.
func periodNumber(s string) int {
	for i, r := range romanQuarters[1:] {
		if s == strings.ToLower(r) {
			return i + 1
		}
	}
	n, _ := strconv.Atoi(s)
	return n
}

func (p Period) check() error {
	if p.Year < MinYear || p.Year > MaxYear {
		return fmt.Errorf("năm %d nằm ngoài khoảng %d–%d", p.Year, MinYear, MaxYear)
	}
	switch p.Kind {
	case Month:
		if p.N < 1 || p.N > 12 {
			return fmt.Errorf("không có tháng %d (tháng từ 1 đến 12)", p.N)
		}
	case Quarter:
		if p.N < 1 || p.N > 4 {
			return fmt.Errorf("không có quý %d (quý từ 1 đến 4)", p.N)
		}
	}
	return nil
}

// Code is the canonical code, also the stem of the input file's name:
// "2022", "2022-6T", "2022-9T", "2022-Q3", "2022-T05"; "" for the zero Period.
func (p Period) Code() string {
	switch p.Kind {
	case 0:
		return ""
	case Month:
		return fmt.Sprintf("%d-T%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.N)
	case SixMonths:
		return fmt.Sprintf("%d-6T", p.Year)
	case NineMonths:
		return fmt.Sprintf("%d-9T", p.Year)
	}
	return strconv.Itoa(p.Year)
}

func (p Period) String() string { return p.Code() }

// Name is the period in a sentence: "năm 2022", "6 tháng đầu năm 2022",
// "9 tháng đầu năm 2022", "quý III năm 2022", "tháng 5 năm 2022"; "" for the
// zero Period.
func (p Period) Name() string {
	switch p.Kind {
	case 0:
		return ""
	case FullYear:
		return "năm " + strconv.Itoa(p.Year)
	}
	return p.NameWithoutYear() + " năm " + strconv.Itoa(p.Year)
}

// NameWithoutYear is the period within its year: "6 tháng đầu năm", "quý III",
// "tháng 5", or "" for a whole year, as in "trong quý III".
func (p Period) NameWithoutYear() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("tháng %d", p.N)
	case Quarter:
		return "quý " + romanQuarters[p.N]
	case SixMonths:
		return "6 tháng đầu"
	case NineMonths:
		return "9 tháng đầu"
	}
	return ""
}

// FileStem names the report written for the period, without extension and in
// ASCII so that any mail system keeps it: "2022", "6-thang-2022", "quy-3-2022",
// "thang-05-2022".
func (p Period) FileStem() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("thang-%02d-%d", p.N, p.Year)
	case Quarter:
		return fmt.Sprintf("quy-%d-%d", p.N, p.Year)
	case SixMonths:
		return fmt.Sprintf("6-thang-%d", p.Year)
	case NineMonths:
		return fmt.Sprintf("9-thang-%d", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// SamePeriodLastYear is the period that figures are compared with ("cùng kỳ").
func (p Period) SamePeriodLastYear() Period { return p.shiftYears(-1) }

// NextYear is the same period a year later (the year of "nhiệm vụ năm N+1").
func (p Period) NextYear() Period { return p.shiftYears(1) }

func (p Period) shiftYears(n int) Period {
	p.Year += n
	return p
}

// Previous is the period of the same kind just before: the month, quarter or
// year before; for six and nine months, the same period of the year before.
func (p Period) Previous() Period {
	switch p.Kind {
	case Month:
		if p.N == 1 {
			return Period{Kind: Month, Year: p.Year - 1, N: 12}
		}
		return Period{Kind: Month, Year: p.Year, N: p.N - 1}
	case Quarter:
		if p.N == 1 {
			return Period{Kind: Quarter, Year: p.Year - 1, N: 4}
		}
		return Period{Kind: Quarter, Year: p.Year, N: p.N - 1}
	}
	return p.shiftYears(-1)
}

// TheYear is the whole year the period belongs to, whose plan it is measured against.
func (p Period) TheYear() Period { return YearPeriod(p.Year) }

// Months is the first and last calendar month the period covers.
func (p Period) Months() (first, last time.Month) {
	switch p.Kind {
	case Month:
		return time.Month(p.N), time.Month(p.N)
	case Quarter:
		return time.Month(3*p.N - 2), time.Month(3 * p.N)
	case SixMonths:
		return time.January, time.June
	case NineMonths:
		return time.January, time.September
	}
	return time.January, time.December
}

// FromYearStart reports whether the period starts with the year, so that a
// cumulative figure of it includes those of the shorter such periods.
func (p Period) FromYearStart() bool {
	first, _ := p.Months()
	return first == time.January
}

// Includes reports whether every month of q is a month of p (same year).
func (p Period) Includes(q Period) bool {
	if p.Year != q.Year {
		return false
	}
	pf, pl := p.Months()
	qf, ql := q.Months()
	return pf <= qf && ql <= pl
}

// Compare orders periods by their end, then the longer first: a series of
// quarters or months reads in time order.
func (p Period) Compare(q Period) int {
	if p.Year != q.Year {
		return cmpInt(p.Year, q.Year)
	}
	_, pl := p.Months()
	_, ql := q.Months()
	if pl != ql {
		return cmpInt(int(pl), int(ql))
	}
	pf, _ := p.Months()
	qf, _ := q.Months()
	return cmpInt(int(pf), int(qf))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// WindowRule is how a period's data window ("thời gian chốt số liệu") is set.
type WindowRule int

const (
	// Decree09 closes the figures on the 14th of the period's last month and
	// opens them on the 15th of the month before its first (Decree 09/2019/NĐ-CP).
	Decree09 WindowRule = iota
	// Calendar takes the calendar months of the period.
	Calendar
)

// WindowRuleForms lists the catalogue's chot_so_lieu values, for messages.
const WindowRuleForms = "nghi_dinh_09 (từ ngày 15 tháng trước đến ngày 14, theo Nghị định 09/2019/NĐ-CP, mặc định) hoặc theo_lich (trọn các tháng của kỳ)"

// ParseWindowRule reads the catalogue's chot_so_lieu.
func ParseWindowRule(s string) (WindowRule, bool) {
	switch s {
	case "nghi_dinh_09", "":
		return Decree09, true
	case "theo_lich":
		return Calendar, true
	}
	return 0, false
}

// Window is the first and last day whose figures the period's report counts.
func (p Period) Window(rule WindowRule) (from, to time.Time) {
	first, last := p.Months()
	if rule == Calendar {
		return date(p.Year, first, 1), date(p.Year, last+1, 0)
	}
	return date(p.Year, first-1, 15), date(p.Year, last, 14)
}

// date normalises like time.Date: month 0 is December of the year before, day
// 0 the last day of the month before.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// WindowText words the window for a report: "Số liệu tính từ ngày 15/12/2021
// đến ngày 14/6/2022" (dates written as in vnformat.NumericDate).
func (p Period) WindowText(rule WindowRule) string {
	from, to := p.Window(rule)
	return fmt.Sprintf("Số liệu tính từ ngày %s đến ngày %s", vnformat.NumericDate(from), vnformat.NumericDate(to))
}

// StatedPeriod reads the period an input states of itself (YAML "ky: 2022-6T"
// or "nam: 2021", the workbook's «Kỳ báo cáo» cell) against the one its file
// name promises (want; the zero Period when the name promises none). The
// finding, when not nil, lacks only its position.
func StatedPeriod(s string, want Period) (Period, *Finding) {
	p, err := ParsePeriod(s)
	switch {
	case err != nil:
		f := &Finding{Severity: Error, Code: "bad-period", Msg: err.Error(), Fix: "ghi kỳ báo cáo, ví dụ 2022 hoặc 2022-6T"}
		if want.Kind != 0 {
			f.Fix = "ghi " + want.Code()
		}
		return Period{}, f
	case want.Kind != 0 && p != want:
		return Period{}, &Finding{Severity: Error, Code: "period-mismatch", Fix: "sửa thành " + want.Code(),
			Msg: fmt.Sprintf("tệp của %s nhưng kỳ báo cáo ghi %s (%s)", want.Name(), p.Code(), p.Name())}
	}
	return p, nil
}

// Code names the kind for templates (the view field .LoaiKy): "nam", "6T",
// "9T", "quy", "thang".
func (k PeriodKind) Code() string {
	switch k {
	case Month:
		return "thang"
	case Quarter:
		return "quy"
	case SixMonths:
		return "6T"
	case NineMonths:
		return "9T"
	case FullYear:
		return "nam"
	}
	return ""
}

// FollowingName names what comes after the period, whose tasks the report
// sets: "6 tháng cuối năm 2022" after the first six months, "3 tháng cuối năm
// 2022" after nine, the next quarter or month ("quý I năm 2023" after quý IV),
// the next year after a year; "" for the zero Period.
func (p Period) FollowingName() string {
	switch p.Kind {
	case SixMonths:
		return "6 tháng cuối năm " + strconv.Itoa(p.Year)
	case NineMonths:
		return "3 tháng cuối năm " + strconv.Itoa(p.Year)
	case Month, Quarter:
		return p.following().Name()
	}
	return p.NextYear().Name()
}

// following is the period of the same kind just after a month or quarter.
func (p Period) following() Period {
	last := 12
	if p.Kind == Quarter {
		last = 4
	}
	if p.N == last {
		return Period{Kind: p.Kind, Year: p.Year + 1, N: 1}
	}
	return Period{Kind: p.Kind, Year: p.Year, N: p.N + 1}
}

// ShorterThanYear reports whether the period is part of a year: its plan is
// the year's, and its figures may come with an estimate for the whole year.
func (p Period) ShorterThanYear() bool { return p.Kind != 0 && p.Kind != FullYear }
