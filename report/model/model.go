// Package model holds the domain of baocao: the indicator catalogue, one year's
// figures and the header facts of the report, each with the place it was read
// from so that every problem can be reported where the user can fix it.
package model

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unsafe"

	"github.com/baocao/baocao/report/vnformat"

	"github.com/shopspring/decimal"
)

// Kind says how an indicator is compared between years.
type Kind string

const (
	Quantity Kind = "so_luong" // compared in percent: "tăng 8,3%"
	Rate     Kind = "ty_le"    // a percentage itself, compared in points
	Rank     Kind = "xep_hang" // a place in a ranking, compared in places
)

// Measure is how a change of an indicator of this kind is stated: a rate in
// percentage points, a ranking in places, anything else in percent.
func (k Kind) Measure() vnformat.Measure {
	switch k {
	case Rate:
		return vnformat.Points
	case Rank:
		return vnformat.Places
	}
	return vnformat.Relative
}

// Kinds lists the valid kinds, for messages.
var Kinds = []Kind{Quantity, Rate, Rank}

// Pos is where a value was read: a YAML line or a workbook cell.
type Pos struct {
	File  string
	Line  int    // YAML line, 1-based; 0 when the value came from a workbook
	Sheet string // workbook sheet
	Cell  string // workbook cell, e.g. "F12"
	// Paragraph orders a template's findings by their paragraph (1-based), which
	// their message names; 0 elsewhere.
	Paragraph int
}

// String gives the place as the user reads it: "data/2021.yaml:34" or
// "data/2021.xlsx: Chỉ tiêu!F12".
func (p Pos) String() string {
	switch {
	case p.Cell != "":
		return fmt.Sprintf("%s: %s!%s", p.File, p.Sheet, p.Cell)
	case p.Sheet != "":
		return fmt.Sprintf("%s: %s", p.File, p.Sheet)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// Group is a section of the catalogue, e.g. "Bưu chính, Viễn thông".
type Group struct {
	Code string
	Name string
}

// Indicator is one entry of the catalogue.
type Indicator struct {
	Code     string
	Name     string
	Unit     string
	Group    string
	Kind     Kind
	Decimals int // decimals shown for the value itself
	// LowerIsBetter marks indicators where a fall is good news (e.g. violations).
	LowerIsBetter bool
	// Neutral marks indicators with no good or bad direction (e.g. photocopy
	// shops): their changes are never listed as good or bad news.
	Neutral bool
	// Cumulative marks an indicator summed over its period (theo_ky: luy_ke:
	// revenue, dossiers handled), whose figure of a longer period of a year is
	// never below that of a shorter one; otherwise a figure is a level at the
	// end of the period (subscribers, enterprises).
	Cumulative bool
	// Level marks an indicator the catalogue says is a level (theo_ky:
	// thoi_diem), not merely not cumulative: only then is a period's figure
	// taken from another period ending the same month.
	Level bool
	// Required makes a missing value an error even where the template guards
	// the sentence that mentions it (catalogue key bat_buoc).
	Required bool
	// Formula derives the value from other indicators, e.g. "DVC_34 / TTHC_TONG * 100".
	Formula string
	Target  *Target
	// PartOf names the indicator this one is a part of; its value may not exceed the whole.
	PartOf string
	// ChangeLimit is the relative change, in percent, beyond which a change from last
	// year is worth a second look; nil means the default.
	ChangeLimit *decimal.Decimal
	// Line is where the indicator is in its catalogue's file (Catalogue.Pos):
	// a position in full in every indicator of 100 000 took 40 bytes more.
	Line int
}

// PosIn is where the indicator is, read from the catalogue file named file.
func (i *Indicator) PosIn(file string) Pos { return Pos{File: file, Line: i.Line} }

// Derived reports whether the value is computed rather than entered.
func (i *Indicator) Derived() bool { return i.Formula != "" }

// MisplacedPercent is the reading rule of a figure written with "%" (typed
// "12%", or a workbook cell formatted as a percentage) for the indicator: the
// sign is dropped and the value kept, which is right for a rate and a slip
// worth a warning for anything else ("12%" of hectares is read as 12 ha). It
// returns that warning, lacking its place and the name of the field (the
// reader prefixes it), or nil when the indicator is in percent. Both readers
// apply it, so that YAML and the workbook read "12%" alike.
func (i *Indicator) MisplacedPercent(written string, v decimal.Decimal) *Finding {
	if i.Kind == Rate || i.Unit == "%" {
		return nil
	}
	read := vnformat.NumberTrim(v, max(0, -int(v.Exponent())))
	unit := "không có đơn vị"
	if i.Unit != "" {
		read += " " + i.Unit
		unit = "tính bằng " + i.Unit
	}
	return &Finding{Severity: Warning, Code: "percent-not-rate",
		Msg: fmt.Sprintf("«%s» có dấu %%, nhưng chỉ tiêu này %s, không phải tỷ lệ; số được hiểu là %s", written, unit, read),
		Fix: fmt.Sprintf("bỏ dấu %% nếu số đúng là %s; nếu là tỷ lệ thì ghi vào chỉ tiêu tỷ lệ tương ứng", read)}
}

// Entry is one indicator's figures for one year, as entered.
type Entry struct {
	Code       string
	Actual     *decimal.Decimal // nil when not given
	Plan       *decimal.Decimal
	SamePeriod *decimal.Decimal // same period last year, as stated in this year's input
	// YearEstimate is the estimate for the whole year given in a shorter
	// period's input (uoc_ca_nam), measured against the year's plan.
	YearEstimate *decimal.Decimal
	Note         string

	Pos Pos // the row, or the YAML key
	// Where each figure was entered (see ActualPos and SetActualPos…), by
	// figure: at holds a line of Pos's file (> 0) or a column of Pos's row
	// (< 0, 1-based), in little room, since an input of 100 000 indicators has
	// as many entries; a place elsewhere is kept whole in elsewhere.
	at        [4]int32
	elsewhere *[4]Pos

	Estimate bool // "ước": the value is an estimate
}

// EntryBlocks makes an input's entries in blocks that fill the largest
// small-object size class (32 KiB): an input of 100 000 entries is then a few
// hundred objects for the collector to trace, not 100 000. The zero value is ready.
type EntryBlocks struct{ block []Entry }

var entriesPerBlock = 32 << 10 / int(unsafe.Sizeof(Entry{}))

// New returns a new zero entry.
func (b *EntryBlocks) New() *Entry {
	if len(b.block) == cap(b.block) {
		b.block = make([]Entry, 0, entriesPerBlock)
	}
	b.block = b.block[:len(b.block)+1]
	return &b.block[len(b.block)-1]
}

// The figures of an entry, as at and elsewhere index them.
const (
	actualFigure = iota
	planFigure
	samePeriodFigure
	yearEstimateFigure
)

// ActualPos is where Actual was entered (the zero Pos when not known).
func (e *Entry) ActualPos() Pos { return e.pos(actualFigure) }

// PlanPos is where Plan was entered.
func (e *Entry) PlanPos() Pos { return e.pos(planFigure) }

// SamePeriodPos is where SamePeriod was entered.
func (e *Entry) SamePeriodPos() Pos { return e.pos(samePeriodFigure) }

// YearEstimatePos is where YearEstimate was entered.
func (e *Entry) YearEstimatePos() Pos { return e.pos(yearEstimateFigure) }

// SetActualPos records where Actual was entered; e.Pos is set first.
func (e *Entry) SetActualPos(p Pos) { e.setPos(actualFigure, p) }

// SetPlanPos records where Plan was entered; e.Pos is set first.
func (e *Entry) SetPlanPos(p Pos) { e.setPos(planFigure, p) }

// SetSamePeriodPos records where SamePeriod was entered; e.Pos is set first.
func (e *Entry) SetSamePeriodPos(p Pos) { e.setPos(samePeriodFigure, p) }

// SetYearEstimatePos records where YearEstimate was entered; e.Pos is set first.
func (e *Entry) SetYearEstimatePos(p Pos) { e.setPos(yearEstimateFigure, p) }

func (e *Entry) setPos(figure int, p Pos) {
	e.at[figure] = 0
	if e.elsewhere != nil {
		e.elsewhere[figure] = Pos{}
	}
	same := p.File == e.Pos.File && p.Sheet == e.Pos.Sheet && p.Paragraph == 0
	switch {
	case p == Pos{}:
		return
	case same && p.Cell == "" && p.Line > 0 && p.Line <= math.MaxInt32:
		e.at[figure] = int32(p.Line)
		return
	case same && p.Line == 0:
		col, row := splitCell(p.Cell)
		if _, entryRow := splitCell(e.Pos.Cell); col > 0 && row != "" && row == entryRow {
			e.at[figure] = -int32(col)
			return
		}
	}
	if e.elsewhere == nil {
		e.elsewhere = new([4]Pos)
	}
	e.elsewhere[figure] = p
}

func (e *Entry) pos(figure int) Pos {
	if e.elsewhere != nil && e.elsewhere[figure] != (Pos{}) {
		return e.elsewhere[figure]
	}
	switch at := e.at[figure]; {
	case at > 0:
		return Pos{File: e.Pos.File, Sheet: e.Pos.Sheet, Line: int(at)}
	case at < 0:
		_, row := splitCell(e.Pos.Cell)
		return Pos{File: e.Pos.File, Sheet: e.Pos.Sheet, Cell: columnName(int(-at)) + row}
	}
	return Pos{}
}

// splitCell splits a cell name as "AB12" into its column (28, 1-based) and
// its row ("12"); 0 and "" when it is not one.
func splitCell(cell string) (col int, row string) {
	i := 0
	for ; i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z' && i < 3; i++ {
		col = col*26 + int(cell[i]-'A'+1)
	}
	row = cell[i:]
	if i == 0 || row == "" || row[0] == '0' || strings.TrimLeft(row, "0123456789") != "" {
		return 0, ""
	}
	return col, row
}

// columnName is the name of a 1-based column: 28 is "AB".
func columnName(col int) string {
	var b [8]byte
	i := len(b)
	for ; col > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

// Ranking is a place among peers, e.g. ICT Index 11/63.
type Ranking struct {
	Code string
	Name string
	Rank int
	Of   int
	Pos  Pos
}

// Header holds the facts of the document's header and closing (Decree 30).
type Header struct {
	SuperiorBody string    // "UBND TỈNH NAM ĐỊNH"
	Body         string    // "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
	Number       string    // "05", or empty when the clerk assigns it on issue
	Symbol       string    // "BC-STTTT"
	Place        string    // "Nam Định"
	Date         time.Time // zero when not given
	Recipients   []string  // "Kính gửi"
	Basis        string    // the request the report answers
	Authority    string    // "KT. GIÁM ĐỐC"
	Title        string    // "PHÓ GIÁM ĐỐC"
	Signer       string
	Distribution []string // "Nơi nhận"

	// FieldPos gives where each header field was read, by its input key.
	FieldPos map[string]Pos
}

// NarrativeItem is one sentence or bullet of the report's prose, filed under a
// part of the report (e.g. "nhiem_vu") and an optional heading within it.
type NarrativeItem struct {
	Part    string
	Heading string
	Text    string
	Pos     Pos
}

// Figures is everything entered for one reporting period.
type Figures struct {
	// Period is the reporting period; the zero Period when the input does not say.
	Period    Period
	Source    string // the file it came from
	Header    Header
	Entries   []*Entry
	Rankings  []*Ranking
	Narrative []NarrativeItem
	// Blanks are the indicators the input lists without any figure (a workbook's
	// empty row), with the cell where the value belongs: a value found missing is
	// reported there.
	Blanks map[string]Pos
	// WholeYear is, for a period shorter than a year, the figures of the year it
	// belongs to when they were read: a plan the period's input lacks is the
	// year's (compute); nil otherwise.
	WholeYear *Figures

	byCode map[string]int // the first entry of each code, by its place in Entries
	// rankingCodes is the same for Rankings, as it was when it held
	// rankingsIndexed: a search of the list for every ranked indicator grows
	// with the square of their number.
	rankingCodes    map[string]int
	rankingsIndexed int
}

// Entry returns the entry for code, or nil.
func (y *Figures) Entry(code string) *Entry {
	if i, ok := y.entryIndex(code); ok {
		return y.Entries[i]
	}
	return nil
}

// entryIndex gives the place in Entries of the first entry of code.
func (y *Figures) entryIndex(code string) (int, bool) {
	y.index()
	i, ok := y.byCode[code]
	return i, ok && i < len(y.Entries)
}

// EntryFrom is Entry for a caller going through codes in about the order of
// the entries, as a catalogue lists them and inputs follow it: it tries the
// entry at *next before the index (a cache miss a code among 100 000), and
// leaves *next after the entry found. The first try holds only while codes
// are unique.
func (y *Figures) EntryFrom(code string, next *int) *Entry {
	y.index()
	if i := *next; 0 <= i && i < len(y.Entries) && y.Entries[i].Code == code && len(y.byCode) == len(y.Entries) {
		*next = i + 1
		return y.Entries[i]
	}
	i, ok := y.entryIndex(code)
	if !ok {
		return nil
	}
	*next = i + 1
	return y.Entries[i]
}

// index indexes the entries by code on first use, keeping the first of a code.
func (y *Figures) index() {
	if y.byCode != nil {
		return
	}
	y.byCode = make(map[string]int, len(y.Entries))
	for i := len(y.Entries) - 1; i >= 0; i-- { // backwards: the first of a code is set last
		y.byCode[y.Entries[i].Code] = i
	}
}

// AddEntry adds an entry the input does not give, such as a figure derived
// from other periods.
func (y *Figures) AddEntry(e *Entry) {
	y.Entries = append(y.Entries, e)
	if _, dup := y.byCode[e.Code]; y.byCode != nil && !dup {
		y.byCode[e.Code] = len(y.Entries) - 1
	}
}

// AddBlank records an indicator listed without a figure.
func (y *Figures) AddBlank(code string, where Pos) {
	if y.Blanks == nil {
		y.Blanks = map[string]Pos{}
	}
	y.Blanks[code] = where
}

// Ranking returns the ranking for code, or nil. Rankings may be appended to
// between lookups; a ranking changed in place is noticed when it is found.
func (y *Figures) Ranking(code string) *Ranking {
	if len(y.Rankings) != y.rankingsIndexed {
		y.indexRankings()
	}
	i, ok := y.rankingCodes[code]
	if ok && y.Rankings[i].Code != code {
		y.indexRankings()
		i, ok = y.rankingCodes[code]
	}
	if !ok {
		return nil
	}
	return y.Rankings[i]
}

func (y *Figures) indexRankings() {
	y.rankingCodes = make(map[string]int, len(y.Rankings))
	for i := len(y.Rankings) - 1; i >= 0; i-- { // backwards: the first of a code is set last
		y.rankingCodes[y.Rankings[i].Code] = i
	}
	y.rankingsIndexed = len(y.Rankings)
}

// Index builds now what Entry and Ranking build on first use: figures read
// by several goroutines at once must be indexed before.
func (y *Figures) Index() {
	y.index()
	if len(y.Rankings) != y.rankingsIndexed {
		y.indexRankings()
	}
}
