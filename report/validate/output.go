package validate

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/textwidth"
	"github.com/baocao/baocao/report/vnformat"
)

// JSONReport is the stable JSON form of a validation (README: "baocao validate").
// Fields are only ever added, never renamed or removed.
type JSONReport struct {
	Valid    bool          `json:"valid"` // no error; warnings do not count
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []JSONFinding `json:"findings"` // sorted by place; [] when there is none
}

// JSONFinding is one finding. Place fields that do not apply are left out: a
// YAML input has file and line, a workbook file, sheet and cell, and a finding
// about a whole file has the file alone.
type JSONFinding struct {
	Severity string `json:"severity"` // "error" or "warning"
	Code     string `json:"code"`     // stable, e.g. "not-a-number"
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Sheet    string `json:"sheet,omitempty"`
	Cell     string `json:"cell,omitempty"`
	Message  string `json:"message"`       // Vietnamese
	Fix      string `json:"fix,omitempty"` // Vietnamese, e.g. "có phải ý là «DT_BUU_CHINH»?"
}

// MaxSameCode is how many findings of one code are printed as text; the rest
// are summed up in one line, so that a sheet of 100 000 bad rows does not
// bury the other findings.
const MaxSameCode = 20

// minMessageWidth is the narrowest the message column folds to.
const minMessageWidth = 30

// maxQuoted is how many characters of a value quoted «…» in a message are
// printed; a 10 MB cell is shortened to its start.
const maxQuoted = 80

// capped lists the findings to print: at most MaxSameCode of each code, each
// last one followed (more > 0) by how many more of its code there are.
func capped(fs model.Findings) []printed {
	total := map[string]int{}
	for _, f := range fs {
		total[f.Code]++
	}
	shown := map[string]int{}
	var out []printed
	for _, f := range fs {
		n := shown[f.Code]
		if n == MaxSameCode {
			continue
		}
		shown[f.Code] = n + 1
		p := printed{Finding: f}
		if n+1 == MaxSameCode {
			p.more = total[f.Code] - MaxSameCode
		}
		out = append(out, p)
	}
	return out
}

type printed struct {
	model.Finding
	more int
}

// moreLine says how many findings like f were left out.
func moreLine(f model.Finding, more int) string {
	return fmt.Sprintf("… và %s %s cùng loại (%s)", vnformat.Count(more), f.Severity, f.Code)
}

// WriteLines writes the findings one per line ("data/2021.xlsx: Chỉ tiêu!E7:
// lỗi: …"), capped as in WriteText: generate's list of problems.
func WriteLines(w io.Writer, fs model.Findings) error {
	var b strings.Builder
	for _, p := range capped(fs) {
		b.WriteString(clean(p.Finding.String()) + "\n")
		if p.more > 0 {
			b.WriteString(moreLine(p.Finding, p.more) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the findings as a JSONReport, indented, with one trailing
// newline: every finding, with long quoted values shortened as in WriteText.
func WriteJSON(w io.Writer, fs model.Findings) error {
	rep := JSONReport{Valid: fs.Errors() == 0, Errors: fs.Errors(), Warnings: fs.Warnings(), Findings: []JSONFinding{}}
	for _, f := range fs {
		sev := "warning"
		if f.Severity == model.Error {
			sev = "error"
		}
		rep.Findings = append(rep.Findings, JSONFinding{Severity: sev, Code: f.Code, File: f.Pos.File, Line: f.Pos.Line,
			Sheet: f.Pos.Sheet, Cell: f.Pos.Cell, Message: vnformat.ShortenQuoted(f.Msg, maxQuoted, maxMessage), Fix: vnformat.ShortenQuoted(f.Fix, maxQuoted, maxMessage)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// ANSI colours, used only when the caller says the output is a terminal.
const (
	bold   = "\x1b[1m"
	red    = "\x1b[1;31m"
	yellow = "\x1b[33m"
	reset  = "\x1b[0m"
)

// WriteText writes the findings as a table aligned on display width (place,
// severity, code, message with its fix), then a summary line such as
// "2 lỗi, 1 cảnh báo." or "Không có lỗi.".
func WriteText(w io.Writer, fs model.Findings, color bool) error {
	paint := func(s, code string) string {
		if !color {
			return s
		}
		return code + s + reset
	}
	var b strings.Builder
	if len(fs) > 0 {
		rows := [][]string{{"VỊ TRÍ", "MỨC", "MÃ", "NỘI DUNG"}}
		var sev []model.Severity // of each row after the header; "" for a summing-up row
		for _, p := range capped(fs) {
			msg := p.Msg
			if p.Fix != "" {
				msg += " (" + p.Fix + ")"
			}
			rows = append(rows, []string{clean(p.Pos.String()), string(p.Severity), p.Code, clean(msg)})
			sev = append(sev, p.Severity)
			if p.more > 0 {
				rows = append(rows, []string{"", "", "", moreLine(p.Finding, p.more)})
				sev = append(sev, "")
			}
		}
		// The message column folds between words so that a row fits the screen.
		widths := make([]int, len(rows[0]))
		for _, row := range rows {
			for i := range widths {
				widths[i] = max(widths[i], textwidth.Width(row[i]))
			}
		}
		minimum := slices.Clone(widths)
		minimum[3] = min(widths[3], minMessageWidth)
		textwidth.Fit(widths, minimum, []bool{false, false, false, true}, 2)
		indent := strings.Repeat(" ", widths[0]+widths[1]+widths[2]+6)
		for r, row := range rows {
			if r > 0 && sev[r-1] == "" { // "… và 180 lỗi cùng loại": one line, under the messages
				b.WriteString(indent + row[3] + "\n")
				continue
			}
			for i, cell := range row[:3] {
				pad := strings.Repeat(" ", widths[i]-textwidth.Width(cell)+2)
				switch {
				case r == 0:
					cell = paint(cell, bold)
				case i == 1 && sev[r-1] == model.Error:
					cell = paint(cell, red)
				case i == 1 && sev[r-1] == model.Warning:
					cell = paint(cell, yellow)
				}
				b.WriteString(cell + pad)
			}
			for l, line := range textwidth.Wrap(row[3], widths[3]) {
				if l > 0 {
					b.WriteString("\n" + indent)
				}
				if r == 0 {
					line = paint(line, bold)
				}
				b.WriteString(line)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(summary(fs) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func summary(fs model.Findings) string {
	errs, warns := vnformat.Count(fs.Errors()), vnformat.Count(fs.Warnings())
	switch {
	case errs == "0" && warns == "0":
		return "Không có lỗi."
	case errs == "0":
		return fmt.Sprintf("Không có lỗi, %s cảnh báo.", warns)
	case warns == "0":
		return fmt.Sprintf("%s lỗi.", errs)
	}
	return fmt.Sprintf("%s lỗi, %s cảnh báo.", errs, warns)
}

// clean keeps one finding on one line, shortens long quoted values and keeps
// control characters read from an input (an escape sequence, say) from
// reaching the terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, vnformat.ShortenQuoted(s, maxQuoted, maxMessage))
}

// maxMessage bounds a whole message, whatever is left unquoted in it.
const maxMessage = 2000
