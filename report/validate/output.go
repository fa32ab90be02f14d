package validate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/baocao/baocao/report/model"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
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

// WriteJSON writes the findings as a JSONReport, indented, with one trailing newline.
func WriteJSON(w io.Writer, fs model.Findings) error {
	rep := JSONReport{Valid: fs.Errors() == 0, Errors: fs.Errors(), Warnings: fs.Warnings(), Findings: []JSONFinding{}}
	for _, f := range fs {
		sev := "warning"
		if f.Severity == model.Error {
			sev = "error"
		}
		rep.Findings = append(rep.Findings, JSONFinding{Severity: sev, Code: f.Code, File: f.Pos.File, Line: f.Pos.Line,
			Sheet: f.Pos.Sheet, Cell: f.Pos.Cell, Message: f.Msg, Fix: f.Fix})
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
		for _, f := range fs {
			msg := f.Msg
			if f.Fix != "" {
				msg += " (" + f.Fix + ")"
			}
			rows = append(rows, []string{clean(f.Pos.String()), string(f.Severity), f.Code, clean(msg)})
		}
		widths := make([]int, len(rows[0])-1)
		for _, row := range rows {
			for i := range widths {
				widths[i] = max(widths[i], DisplayWidth(row[i]))
			}
		}
		for r, row := range rows {
			for i, cell := range row {
				pad := ""
				if i < len(widths) {
					pad = strings.Repeat(" ", widths[i]-DisplayWidth(cell)+2)
				}
				switch {
				case r == 0:
					cell = paint(cell, bold)
				case i == 1 && fs[r-1].Severity == model.Error:
					cell = paint(cell, red)
				case i == 1:
					cell = paint(cell, yellow)
				}
				b.WriteString(cell + pad)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(summary(fs) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func summary(fs model.Findings) string {
	errs, warns := fs.Errors(), fs.Warnings()
	switch {
	case errs == 0 && warns == 0:
		return "Không có lỗi."
	case errs == 0:
		return fmt.Sprintf("Không có lỗi, %d cảnh báo.", warns)
	case warns == 0:
		return fmt.Sprintf("%d lỗi.", errs)
	}
	return fmt.Sprintf("%d lỗi, %d cảnh báo.", errs, warns)
}

// clean keeps one finding on one line and keeps control characters read from an
// input (an escape sequence, say) from reaching the terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// DisplayWidth is how many terminal columns s takes: text is taken in NFC, so a
// Vietnamese letter counts once whether typed precomposed or with combining
// marks; combining marks left over take no column and East Asian wide characters two.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
