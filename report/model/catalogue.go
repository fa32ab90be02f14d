package model

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/report/suggest"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// Catalogue is the list of indicators a report is built from, grouped into sections.
type Catalogue struct {
	Source     string
	Groups     []Group
	Indicators []*Indicator
	// Window is how the workspace sets each period's data window (chot_so_lieu).
	Window WindowRule

	byCode map[string]int // the first indicator of each code, by its place in Indicators
}

// NewCatalogue indexes the indicators by code; the caller has checked that codes are unique.
func NewCatalogue(source string, groups []Group, indicators []*Indicator) *Catalogue {
	c := &Catalogue{Source: source, Groups: groups, Indicators: indicators, byCode: make(map[string]int, len(indicators))}
	for i := len(indicators) - 1; i >= 0; i-- { // backwards: the first of a code is set last
		c.byCode[indicators[i].Code] = i
	}
	return c
}

// Lookup returns the indicator with this code.
func (c *Catalogue) Lookup(code string) (*Indicator, bool) {
	if i, ok := c.Index(code); ok {
		return c.Indicators[i], true
	}
	return nil, false
}

// Pos is where an indicator of the catalogue was read.
func (c *Catalogue) Pos(ind *Indicator) Pos { return ind.PosIn(c.Source) }

// Index gives the place in Indicators of the indicator with this code.
func (c *Catalogue) Index(code string) (int, bool) {
	i, ok := c.byCode[code]
	return i, ok && i < len(c.Indicators)
}

// LookupFrom is Lookup for a caller going through codes in about catalogue
// order, as inputs list them: it tries the indicator at *next before the
// index (a cache miss a code in a catalogue of 100 000), and leaves *next
// after the indicator found. The first try holds only while codes are unique.
func (c *Catalogue) LookupFrom(code string, next *int) (*Indicator, bool) {
	if i := *next; 0 <= i && i < len(c.Indicators) && c.Indicators[i].Code == code && len(c.byCode) == len(c.Indicators) {
		*next = i + 1
		return c.Indicators[i], true
	}
	i, ok := c.Index(code)
	if !ok {
		return nil, false
	}
	*next = i + 1
	return c.Indicators[i], true
}

// Codes lists the indicator codes in catalogue order.
func (c *Catalogue) Codes() []string {
	codes := make([]string, len(c.Indicators))
	for i, ind := range c.Indicators {
		codes[i] = ind.Code
	}
	return codes
}

// UnknownCodeFix is what to do about a figure of an input for a code the
// catalogue lacks: often an indicator dropped from the catalogue or added to
// the input only.
const UnknownCodeFix = "sửa mã, hoặc bỏ dòng này nếu chỉ tiêu không còn trong danh mục, hoặc thêm chỉ tiêu vào danh mục"

// UnknownCode words the message for a code the catalogue lacks, with the nearest known code.
func (c *Catalogue) UnknownCode(code string) string {
	return suggest.DidYouMean(fmt.Sprintf("không có chỉ tiêu mã «%s» trong danh mục", code), suggest.Nearest(code, c.Codes()))
}

// GroupName returns the name of the group with this code, or the code itself.
func (c *Catalogue) GroupName(code string) string {
	for _, g := range c.Groups {
		if g.Code == code {
			return g.Name
		}
	}
	return code
}

// Target is a goal an indicator's value should meet, e.g. "> 50".
type Target struct {
	Op    string // one of >, >=, <, <=, =
	Value decimal.Decimal
}

var targetOps = []string{">=", "<=", ">", "<", "="}

// maxTargetLength bounds the number of a target, in characters.
const maxTargetLength = 40

// ParseTarget reads "> 50", ">=30", "= 100". The number is written with a
// decimal point or comma; no thousands separators are expected in a target.
func ParseTarget(s string) (*Target, error) {
	s = strings.TrimSpace(s)
	for _, op := range targetOps {
		if rest, ok := strings.CutPrefix(s, op); ok {
			num := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "%"))
			// Plain digits, within what a figure can have: "1e999999" would be
			// a number of a million digits.
			if len(num) > maxTargetLength || strings.ContainsFunc(num, func(r rune) bool { return !strings.ContainsRune("0123456789.,-+", r) }) {
				return nil, fmt.Errorf("mục tiêu «%s»: «%s» không phải là một số viết bằng chữ số (tối đa %d ký tự)", vnformat.Shorten(s, 60), vnformat.Shorten(num, 40), maxTargetLength)
			}
			v, err := decimal.NewFromString(strings.Replace(num, ",", ".", 1))
			if err != nil {
				return nil, fmt.Errorf("mục tiêu «%s»: «%s» không phải là số", s, strings.TrimSpace(num))
			}
			return &Target{Op: op, Value: v}, nil
		}
	}
	return nil, fmt.Errorf("mục tiêu «%s» phải bắt đầu bằng một phép so sánh: >, >=, <, <= hoặc =", s)
}

// Ceiling reports whether the target is an upper bound ("< X", "<= X"),
// one kept or passed rather than reached.
func (t *Target) Ceiling() bool { return t.Op == "<" || t.Op == "<=" }

// Met reports whether v meets the target.
func (t *Target) Met(v decimal.Decimal) bool { return t.MetBy(v.Cmp(t.Value)) }

// MetBy reports whether a value comparing to the target value as c (-1, 0, 1) meets it.
func (t *Target) MetBy(c int) bool {
	switch t.Op {
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	default:
		return c == 0
	}
}

// Words gives the comparison in words, before the formatted value:
// "trên", "tối thiểu", "dưới", "tối đa" or "".
func (t *Target) Words() string {
	switch t.Op {
	case ">":
		return "trên"
	case ">=":
		return "tối thiểu"
	case "<":
		return "dưới"
	case "<=":
		return "tối đa"
	default:
		return ""
	}
}
