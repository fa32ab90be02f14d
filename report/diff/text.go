package diff

import (
	"bufio"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// maxNameWidth bounds the name column of the terminal table; the other
// formats give names in full.
const maxNameWidth = 40

// ANSI colours: green for a rise, red for a fall, yellow for the flag mark.
const (
	ansiGreen  = "\x1b[32m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// WriteText writes the comparison as a table for the terminal: group headings,
// columns aligned by display width (not bytes), and the summary line. color adds
// ANSI colours; the caller decides (a terminal, and NO_COLOR unset).
func WriteText(w io.Writer, t *Table, color bool) error {
	bw := bufio.NewWriter(w)
	cols := t.readingColumns()
	grid := make([][]cell, len(t.Rows))
	widths := make([]int, len(cols))
	for c, col := range cols {
		widths[c] = displayWidth(col.header)
	}
	for i, r := range t.Rows {
		grid[i] = make([]cell, len(cols))
		for c, col := range cols {
			cl := col.cell(r)
			cl.text = norm.NFC.String(cl.text)
			if col.header == "Chỉ tiêu" {
				cl.text = truncate(cl.text, maxNameWidth)
			}
			grid[i][c] = cl
			widths[c] = max(widths[c], displayWidth(cl.text))
		}
	}
	line := func(cells []string, paint func(c int) string) {
		var b strings.Builder
		for c, s := range cells {
			last := c == len(cells)-1
			pad := strings.Repeat(" ", widths[c]-displayWidth(s))
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
	none := func(int) string { return "" }
	headers := make([]string, len(cols))
	rules := make([]string, len(cols))
	for c, col := range cols {
		headers[c] = col.header
		rules[c] = strings.Repeat("─", widths[c])
	}
	line(headers, none)
	line(rules, none)
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
		line(texts, func(c int) string {
			if !color {
				return ""
			}
			switch {
			case cols[c].header == flagMark:
				return ansiYellow
			case !cols[c].words:
				return ""
			case grid[i][c].dir > 0:
				return ansiGreen
			case grid[i][c].dir < 0:
				return ansiRed
			}
			return ""
		})
	}
	if len(t.Rows) == 0 {
		bw.WriteString("(không có chỉ tiêu nào để hiển thị)\n")
	}
	bw.WriteString("\n")
	if t.Summary.Flagged > 0 {
		bw.WriteString(t.flagLegend() + "\n")
	}
	bw.WriteString(t.Summary.String() + "\n")
	return bw.Flush()
}

// displayWidth is the number of terminal cells s takes: combining marks take
// none, East Asian wide and fullwidth characters two, others one. Vietnamese
// letters in NFC are one cell each; in NFD their marks are combining.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), unicode.Is(unicode.Cf, r), unicode.IsControl(r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// truncate shortens s to at most w cells, ending with "…" when cut.
func truncate(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := runeWidth(r)
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return strings.TrimRight(b.String(), " ,") + "…"
}
