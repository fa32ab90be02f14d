package validate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/model"
)

// Sort orders findings by place — file, then YAML line or sheet and cell in
// row-major order, findings about a whole file first — then errors before
// warnings, and drops repeats (same code, place and message), which arise when
// one file is read both as a year of its own and as last year for the next.
// A missing-value or zero-divisor warning where an omitted finding stands
// says less than it, and goes: one fault, one finding. So does a zero-divisor
// warning on a period read also as last year's, where previous-formula-error
// stands: the value is missing for both reports, and the later one's, which
// compares with it, is the report validate is for.
func Sort(fs model.Findings) model.Findings {
	covers := map[string]map[model.Pos]bool{"omitted": {}, "previous-formula-error": {}}
	for _, f := range fs {
		if at, ok := covers[f.Code]; ok {
			at[f.Pos] = true
		}
	}
	out := slices.DeleteFunc(slices.Clone(fs), func(f model.Finding) bool {
		if f.Severity != model.Warning {
			return false
		}
		switch f.Code {
		case "missing-value":
			return covers["omitted"][f.Pos]
		case "zero-divisor":
			return covers["omitted"][f.Pos] || covers["previous-formula-error"][f.Pos]
		}
		return false
	})
	slices.SortStableFunc(out, compare)
	return slices.CompactFunc(out, func(a, b model.Finding) bool {
		return a.Code == b.Code && a.Pos == b.Pos && a.Msg == b.Msg
	})
}

func compare(a, b model.Finding) int {
	ar, ac := cellIndex(a.Pos.Cell)
	br, bc := cellIndex(b.Pos.Cell)
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
		cmp.Compare(ar, br),
		cmp.Compare(ac, bc),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Paragraph, b.Pos.Paragraph),
		cmp.Compare(rank(a.Severity), rank(b.Severity)),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Msg, b.Msg),
	)
}

func rank(s model.Severity) int {
	if s == model.Error {
		return 0
	}
	return 1
}

// cellIndex splits a cell name such as "AB12" into row 12 and column 28 (A = 1);
// a missing or malformed name gives zeros, sorting before every cell.
func cellIndex(cell string) (row, col int) {
	cell = strings.ToUpper(cell)
	i := 0
	for ; i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z'; i++ {
		if col > 1e7 {
			return 0, 0
		}
		col = col*26 + int(cell[i]-'A'+1)
	}
	for _, ch := range cell[i:] {
		if ch < '0' || ch > '9' || row > 1e7 {
			return 0, 0
		}
		row = row*10 + int(ch-'0')
	}
	return row, col
}
