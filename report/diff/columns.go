package diff

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/compute"
)

// The outputs share one description of their columns, so that a column means
// the same in every format: the sheet outputs (CSV, workbook) take the full,
// stable set; the reading outputs (terminal, Markdown) a compact one.

// numKind says how the workbook shows a number.
type numKind int

const (
	numValue   numKind = iota // grouped thousands at the row's decimals
	numPercent                // a percentage, stored as a fraction
)

// cell is one row's entry in a column: its Vietnamese text and, for the
// workbook, its number (nil for a text cell).
type cell struct {
	text     string
	num      *big.Rat // for numPercent, the exact percentage
	kind     numKind
	decimals int
	dir      int // direction the words state, for colours; set by the words column of a change only
}

// column is one column of an output.
type column struct {
	header  string
	numeric bool // right-aligned when read
	fold    bool // a numeric column whose text may fold between words: "90% (trong giới hạn)"
	words   bool // states a direction (coloured as the words column of its change says)
	pair    int  // the change it belongs to, or -1
	cell    func(r *Row) cell
}

// says reports whether c is the words column of its change: its cells' dir
// is the change's direction, by which the change's other columns are coloured.
func (c column) says() bool { return c.words && !c.numeric }

func textCell(s string) cell { return cell{text: s} }

// percentCell holds a percentage shown at decimals; the workbook stores it
// as the report rounds it, as a fraction (8,3% as 0.083, see
// percentFraction), so that Excel's percent format applies. The fraction is
// worked out only there.
func percentCell(text string, pct *big.Rat, decimals int) cell {
	if pct == nil {
		return textCell(text)
	}
	return cell{text: text, num: pct, kind: numPercent, decimals: decimals}
}

// percentFraction is a percentage rounded as the report rounds it, at
// decimals, divided by 100.
func percentFraction(pct *big.Rat, decimals int) *big.Rat {
	frac := compute.Rat(compute.Round(pct, decimals))
	return frac.Quo(frac, big.NewRat(100, 1))
}

// pairLabel heads change j: "2021/2020", "2022-6T/2021-6T"; the year is
// not repeated within one year: "2022-Q2/Q1".
func (t *Table) pairLabel(j int) string {
	to, from := t.Columns[j+1], t.Columns[j]
	earlier := from.Label
	if from.Period.Kind != 0 && from.Label == from.Period.Code() && to.Label == to.Period.Code() && from.Period.Year == to.Period.Year {
		earlier = strings.TrimPrefix(earlier, strconv.Itoa(from.Period.Year)+"-")
	}
	return to.Label + "/" + earlier
}

func (t *Table) newest() Column { return t.Columns[len(t.Columns)-1] }

// planLabel is the year whose plan the newest column is measured against:
// "2022" for 2022 and for 2022-6T alike; the label of a file of unknown period.
func (t *Table) planLabel() string {
	if p := t.newest().Period; p.Kind != 0 {
		return p.TheYear().Code()
	}
	return t.newest().Label
}

func colCode() column {
	return column{header: "Mã", pair: -1, cell: func(r *Row) cell { return textCell(r.Code) }}
}

func colName() column {
	return column{header: "Chỉ tiêu", pair: -1, cell: func(r *Row) cell { return textCell(r.Name) }}
}

func colUnit() column {
	return column{header: "Đơn vị", pair: -1, cell: func(r *Row) cell { return textCell(r.Unit) }}
}

func colValue(t *Table, i int) column {
	return column{header: t.Columns[i].Label, numeric: true, pair: -1, cell: func(r *Row) cell {
		return cell{text: r.ValueText(i), num: r.Values[i], decimals: r.Decimals}
	}}
}

func colDelta(header string, j int) column {
	return column{header: header, numeric: true, words: true, pair: j, cell: func(r *Row) cell {
		return cell{text: r.DeltaText(j), num: r.Changes[j].Delta, decimals: r.Decimals}
	}}
}

func colWords(header string, j int) column {
	return column{header: header, words: true, pair: j, cell: func(r *Row) cell {
		text, dir := r.ChangeText(j)
		return cell{text: text, dir: dir}
	}}
}

func colPlan(t *Table) column {
	return column{header: "Kế hoạch " + t.planLabel(), numeric: true, pair: -1, cell: func(r *Row) cell {
		return cell{text: r.PlanText(), num: r.Plan, decimals: r.Decimals}
	}}
}

func colAttainment(header string) column {
	return column{header: header, numeric: true, fold: true, pair: -1, cell: func(r *Row) cell {
		a := r.Attainment() // a division: once
		if a == nil {
			return textCell(r.attainmentText(a))
		}
		return percentCell(r.attainmentText(a), a, r.attainmentDecimals(a))
	}}
}

func colNotes() column {
	return column{header: "Ghi chú", pair: -1, cell: func(r *Row) cell { return textCell(strings.Join(r.Notes, "; ")) }}
}

// sheetColumns is the full, stable set of columns of the CSV and the workbook.
func (t *Table) sheetColumns() []column {
	cols := []column{colCode(),
		{header: "Nhóm", pair: -1, cell: func(r *Row) cell { return textCell(r.GroupName) }},
		colName(), colUnit()}
	for i := range t.Columns {
		cols = append(cols, colValue(t, i))
	}
	for j := 0; j+1 < len(t.Columns); j++ {
		label := t.pairLabel(j)
		cols = append(cols,
			colDelta("Chênh lệch "+label, j),
			column{header: "Tỷ lệ thay đổi " + label + " (%)", numeric: true, words: true, pair: j, cell: func(r *Row) cell {
				return percentCell(r.PercentText(j), r.Changes[j].Percent(), PercentDecimals)
			}},
			colWords("Tăng, giảm "+label, j),
			column{header: "Trạng thái " + label, pair: j, cell: func(r *Row) cell { return textCell(r.Changes[j].Status.Text(t.Previous())) }},
		)
	}
	return append(cols, colPlan(t), colAttainment("Đạt kế hoạch "+t.planLabel()+" (%)"),
		column{header: "Cần xem lại", pair: -1, cell: func(r *Row) cell { return textCell(flagText(r, "có")) }},
		colNotes())
}

// flagMark marks a row beyond the threshold in the terminal and in Markdown.
const flagMark = "!"

func flagText(r *Row, mark string) string {
	if r.Flag {
		return mark
	}
	return ""
}

// readingColumns is the compact set of the terminal table and Markdown; plan,
// flag and notes columns appear only when some row fills them.
func (t *Table) readingColumns() []column {
	cols := []column{colCode(), colName(), colUnit()}
	for i := range t.Columns {
		cols = append(cols, colValue(t, i))
	}
	for j := 0; j+1 < len(t.Columns); j++ {
		delta, words := "Chênh lệch", "Tăng, giảm"
		if len(t.Columns) > 2 {
			delta, words = delta+" "+t.pairLabel(j), words+" "+t.pairLabel(j)
		}
		cols = append(cols, colDelta(delta, j), colWords(words, j))
	}
	var plans, flags, notes bool
	for _, r := range t.Rows {
		plans = plans || r.Plan != nil
		flags = flags || r.Flag
		notes = notes || len(r.Notes) > 0
	}
	if plans {
		cols = append(cols, colPlan(t), colAttainment("Đạt KH"))
	}
	if flags {
		cols = append(cols, column{header: flagMark, pair: -1, cell: func(r *Row) cell { return textCell(flagText(r, flagMark)) }})
	}
	if notes {
		cols = append(cols, colNotes())
	}
	return cols
}

// flagLegend explains the flag mark under a reading output.
func (t *Table) flagLegend() string {
	limit := "ngưỡng của chỉ tiêu (nguong_bien_dong, mặc định " + percentText(DefaultThreshold) + ")"
	if t.Threshold != nil {
		limit = percentText(t.Threshold)
	}
	before := t.earlier()
	return flagMark + ": biến động từ " + limit + " trở lên so với " + before + ", hoặc " + before + " bằng 0: nên kiểm tra lại số liệu."
}

// periodLegend names the periods that the reading outputs head with their
// codes ("2022-Q1: quý I năm 2022; 2022-Q2: quý II năm 2022."); "" when the
// codes say it themselves, as years do.
func (t *Table) periodLegend() string {
	var parts []string
	needed := false
	for _, c := range t.Columns {
		if c.Name != c.Label {
			parts = append(parts, c.Label+": "+c.Name)
		}
		needed = needed || c.Period.ShorterThanYear()
	}
	if !needed || len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}
