package diff

import (
	"bufio"
	"io"
	"strings"
	"unicode"

	"github.com/baocao/baocao/report/textwidth"
	"golang.org/x/text/unicode/norm"
)

// maxNameWidth bounds the name column of the terminal table: longer names
// fold onto more lines. The other formats give names in full.
const maxNameWidth = 40

// minNameWidth keeps a folded name readable: a few words a line; the other
// text columns (unit, wording of the change) fold to no less than
// minFoldWidth, so that "thuê bao" stays on one line.
const (
	minNameWidth = 20
	minFoldWidth = 10
)

// ANSI colours: green for a rise, red for a fall, yellow for the flag mark.
const (
	ansiGreen  = "\x1b[32m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// WriteText writes the comparison as a table for the terminal: group headings,
// columns aligned by display width (not bytes), and the summary line. Text
// columns (name, unit, wording of the change) fold between words so that the
// table fits textwidth.Screen columns where it can; a number is never cut.
// color adds ANSI colours; the caller decides (a terminal, and NO_COLOR unset).
func WriteText(w io.Writer, t *Table, color bool) error {
	bw := bufio.NewWriter(w)
	// The code heads the name's cell, on a line of its own, instead of taking
	// a column: 20 columns less.
	cols := t.readingColumns()[1:]
	cols[0].header = "Mã, chỉ tiêu"
	grid := make([][]cell, len(t.Rows))
	// Each cell's width is measured once: the measure is most of the cost of a
	// large table.
	cellWidths := make([][]int, len(t.Rows))
	codeWidths := make([]int, len(t.Rows))
	widths := make([]int, len(cols))
	minimum := make([]int, len(cols))
	foldable := make([]bool, len(cols))
	heading := make([]int, len(cols)) // the width of each heading on one line
	cellMin := make([]int, len(cols)) // the narrowest each column's cells fold to
	says := make([]int, len(cols))    // the column stating the direction each column is coloured by
	floor := make([]int, len(cols))   // how narrow a column folds whatever its cells
	for c, col := range cols {
		switch {
		case c == 0:
			floor[c] = minNameWidth
		case col.fold:
			floor[c] = 0 // as narrow as its numbers: "118,2%" over "(vượt giới hạn)"
		default:
			floor[c] = minFoldWidth
		}
		heading[c] = textwidth.Width(col.header)
		widths[c] = heading[c]
		foldable[c] = (!col.numeric || col.fold) && col.header != flagMark
		says[c] = c
		for d, other := range cols {
			if col.words && other.says() && other.pair == col.pair {
				says[c] = d
			}
		}
	}
	for i, r := range t.Rows {
		grid[i] = make([]cell, len(cols))
		cellWidths[i] = make([]int, len(cols))
		for c, col := range cols {
			cl := col.cell(r)
			cl.text = norm.NFC.String(cl.text)
			grid[i][c] = cl
			w := textwidth.Width(cl.text)
			cellWidths[i][c] = w
			widths[c] = max(widths[c], w)
			switch {
			case !foldable[c] || strings.IndexFunc(cl.text, unicode.IsSpace) < 0: // one word, or not folded: the whole cell
				cellMin[c] = max(cellMin[c], w)
			case w > max(cellMin[c], min(w, floor[c])): // its longest word may matter
				cellMin[c] = max(cellMin[c], textwidth.LongestWord(cl.text))
			}
		}
		codeWidths[i] = textwidth.Width(r.Code)
		widths[0] = max(widths[0], codeWidths[i])
		cellMin[0] = max(cellMin[0], codeWidths[i])
	}
	for c := range cols {
		cellMin[c] = max(cellMin[c], min(widths[c], floor[c]))
		minimum[c] = max(cellMin[c], heading[c]) // headings stay on one line…
	}
	widths[0] = min(widths[0], max(maxNameWidth, minimum[0]))
	textwidth.Fit(widths, minimum, foldable, 2)
	// …unless the table is still too wide (a series of periods): then they
	// fold at their spaces, "Chênh lệch" over "2022-Q2/2022-Q1", and the
	// number columns narrow to their numbers.
	narrowable := make([]bool, len(cols))
	for c, col := range cols {
		narrowable[c] = col.header != flagMark
		minimum[c] = max(cellMin[c], textwidth.LongestField(col.header))
	}
	textwidth.Fit(widths, minimum, narrowable, 2)
	// row writes one table row, its text cells folded onto as many lines as
	// needed, the first cell after its lead line (the code) when there is one.
	// measured holds the widths of the lead and the cells, nil for the headings.
	row := func(lead string, leadWidth int, cells []string, measured []int, paint func(c int) string) {
		folded := make([][]string, len(cells))
		whole := make([]bool, len(cells)) // the cell on one line, as measured
		height := 1
		for c, s := range cells {
			folded[c] = []string{s}
			switch {
			case measured == nil && textwidth.Width(s) > widths[c]: // a heading
				folded[c] = textwidth.WrapAtSpaces(s, widths[c])
			case measured != nil && measured[c] <= widths[c] && singleSpaced(s):
				whole[c] = true // Wrap would give it back as it is
			case foldable[c]:
				folded[c] = textwidth.Wrap(s, widths[c])
			default:
				whole[c] = measured != nil
			}
			if c == 0 && lead != "" {
				folded[c] = append([]string{lead}, folded[c]...)
			}
			height = max(height, len(folded[c]))
		}
		for l := range height {
			var b strings.Builder
			for c := range cells {
				s, width := "", 0
				if l < len(folded[c]) {
					s = folded[c][l]
					switch {
					case c == 0 && lead != "" && l == 0:
						width = leadWidth
					case whole[c]:
						width = measured[c]
					default:
						width = textwidth.Width(s)
					}
				}
				last := c == len(cells)-1
				pad := strings.Repeat(" ", max(0, widths[c]-width))
				if cols[c].numeric {
					s = pad + s
				} else if !last {
					s += pad
				}
				if code := paint(c); code != "" && strings.TrimSpace(s) != "" {
					s = code + s + ansiReset
				}
				b.WriteString(s)
				if !last {
					b.WriteString("  ")
				}
			}
			bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
		}
	}
	none := func(int) string { return "" }
	headers := make([]string, len(cols))
	rules := make([]string, len(cols))
	for c, col := range cols {
		headers[c] = col.header
		rules[c] = strings.Repeat("─", widths[c])
	}
	row("", 0, headers, nil, none)
	row("", 0, rules, nil, none)
	group := "\x00"
	for i, r := range t.Rows {
		if r.Group != group {
			group = r.Group
			heading := norm.NFC.String(r.GroupName)
			if color {
				heading = ansiBold + heading + ansiReset
			}
			bw.WriteString(heading + "\n")
		}
		texts := make([]string, len(cols))
		for c := range cols {
			texts[c] = grid[i][c].text
		}
		row(r.Code, codeWidths[i], texts, cellWidths[i], func(c int) string {
			if !color {
				return ""
			}
			switch {
			case cols[c].header == flagMark:
				return ansiYellow
			case !cols[c].words:
				return ""
			case grid[i][says[c]].dir > 0:
				return ansiGreen
			case grid[i][says[c]].dir < 0:
				return ansiRed
			}
			return ""
		})
	}
	if len(t.Rows) == 0 {
		bw.WriteString("(không có chỉ tiêu nào để hiển thị)\n")
	}
	bw.WriteString("\n")
	if l := t.periodLegend(); l != "" {
		bw.WriteString(l + "\n")
	}
	if t.Summary.Flagged > 0 {
		bw.WriteString(t.flagLegend() + "\n")
	}
	bw.WriteString(t.Summary.String() + "\n")
	return bw.Flush()
}

// singleSpaced reports whether s is its words joined by single spaces, as
// textwidth.Wrap joins them: no other white space, none at either end, none
// doubled. Such a text that fits its column is its own folding.
func singleSpaced(s string) bool {
	prev := ' ' // as if a space came before: s must not begin with one
	for _, r := range s {
		if unicode.IsSpace(r) && (r != ' ' || prev == ' ') {
			return false
		}
		prev = r
	}
	return prev != ' ' || s == ""
}
