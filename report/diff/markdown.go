package diff

import (
	"bufio"
	"io"
	"strings"
)

// WriteMarkdown writes the comparison as Markdown: a title naming the periods,
// one table per catalogue group (numbers right-aligned, names in full, periods
// by their codes), the legends of the codes and the flag, and the summary line.
func WriteMarkdown(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + mdEscape(t.Title()) + "\n")
	cols := t.readingColumns()
	header := make([]string, len(cols))
	rule := make([]string, len(cols))
	for c, col := range cols {
		header[c] = mdEscape(col.header)
		rule[c] = "---"
		if col.numeric {
			rule[c] = "---:"
		}
	}
	row := func(cells []string) { bw.WriteString("| " + strings.Join(cells, " | ") + " |\n") }
	group := "\x00"
	for _, r := range t.Rows {
		if r.Group != group {
			group = r.Group
			bw.WriteString("\n## " + mdEscape(r.GroupName) + "\n\n")
			row(header)
			row(rule)
		}
		cells := make([]string, len(cols))
		for c, col := range cols {
			cells[c] = mdEscape(col.cell(r).text)
		}
		row(cells)
	}
	if len(t.Rows) == 0 {
		bw.WriteString("\nKhông có chỉ tiêu nào để hiển thị.\n")
	}
	bw.WriteString("\n")
	if l := t.periodLegend(); l != "" {
		bw.WriteString(mdEscape(l) + "\n\n")
	}
	if t.Summary.Flagged > 0 {
		bw.WriteString(mdEscape(t.flagLegend()) + "\n\n")
	}
	bw.WriteString(mdEscape(t.Summary.String()) + "\n")
	return bw.Flush()
}

// mdEscaper keeps a text inside its table cell and literal: pipes and Markdown's
// emphasis and link characters are escaped, line breaks become spaces. "_" is
// left alone: inside words (codes such as DT_BUU_CHINH) it never emphasises.
var mdEscaper = strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "[", "\\[", "]", "\\]", "<", "\\<", "`", "\\`", "\r\n", " ", "\n", " ")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
