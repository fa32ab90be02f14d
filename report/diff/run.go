package diff

import (
	"bytes"
	"fmt"
	"io"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
)

// Formats are the output formats, by the name --format takes.
var Formats = []string{"text", "csv", "json", "md", "xlsx"}

// extensions map an output file's extension to its format.
var extensions = map[string]string{".txt": "text", ".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".xlsx": "xlsx"}

// Request is a comparison as the diff command asks for it, options as typed.
type Request struct {
	Args          []string // years of the workspace or input files, in any order
	Format        string   // one of Formats; "" chooses by Output's extension, else text
	Output        string   // the file to write; "" for standard output
	Threshold     string   // in percent, written the Vietnamese way ("12,5"); "" keeps each indicator's own
	Group         string   // a catalogue group code; "" for all
	OnlyChanged   bool
	OpenWorkspace func() (*input.Workspace, error) // the workspace years are read from, opened on first need
	Now           time.Time                        // the time an xlsx output says it was made; zero for the clock's
	// Force writes over a file at Output that the ledger does not know as
	// written unchanged by baocao, keeping it as a dated backup beside it.
	Force  bool
	Ledger atomicfile.Ledger // remembers the outputs written; the zero Ledger none
}

// Result is a comparison ready to be written.
type Result struct {
	Table    *Table
	Format   string         // one of Formats
	Warnings model.Findings // the inputs' warnings, to show the user
	Backup   string         // where the file at Output goes before it is replaced, with Force
}

// ProblemsError is returned by Run when the inputs have errors: nothing was
// compared. It holds every finding, warnings included, with its place.
type ProblemsError struct{ Findings model.Findings }

func (e *ProblemsError) Error() string { return e.Findings.String() }

// Count is how many errors (not warnings) there are.
func (e *ProblemsError) Count() int { return e.Findings.Errors() }

// Run checks the request, reads the inputs and compares them. Everything that
// can be refused is refused here, before any output is written: a bad format
// or threshold, unreadable inputs, an unknown group, an output over an input.
func Run(req Request) (*Result, error) {
	format, err := Format(req.Format, req.Output)
	if err != nil {
		return nil, err
	}
	opt := Options{Group: req.Group, OnlyChanged: req.OnlyChanged}
	if req.Threshold != "" {
		if opt.Threshold, err = ParseThreshold(req.Threshold); err != nil {
			return nil, err
		}
		opt.OnlyFlagged = req.OnlyChanged
	}
	var named []namedPeriod
	for _, arg := range req.Args {
		if p, ok, err := input.PeriodArg(arg); ok && err == nil {
			named = append(named, namedPeriod{arg, p})
		}
	}
	if err := checkKinds(named); err != nil { // before reading: no file can mend it
		return nil, err
	}
	l := &Loader{OpenWorkspace: req.OpenWorkspace}
	years, cats, err := l.Load(req.Args)
	if err != nil {
		return nil, err
	}
	if n := newest(years); n != nil {
		if err := l.LinkYear(n, cats[n]); err != nil {
			return nil, err
		}
	}
	if l.Findings.Errors() > 0 {
		return nil, &ProblemsError{l.Findings}
	}
	named = named[:0]
	for i, y := range years {
		named = append(named, namedPeriod{l.Named[i], y.Period})
	}
	if err := checkKinds(named); err != nil { // files named by path, with their ky:
		return nil, err
	}
	if err := CheckGroup(req.Group, cats); err != nil {
		return nil, err
	}
	if req.Output != "" {
		for _, in := range l.Inputs {
			if atomicfile.SameFile(req.Output, in) {
				return nil, fmt.Errorf("tệp kết quả %s trùng với tệp số liệu %s; hãy chọn tên khác", req.Output, filepath.ToSlash(in))
			}
		}
		if err := input.CheckOutput(req.Output, "kết quả so sánh", l.ws); err != nil {
			return nil, err
		}
	}
	var backup string
	if req.Output != "" {
		now := req.Now
		if now.IsZero() {
			now = time.Now()
		}
		if backup, err = req.Ledger.CheckReplace(req.Output, req.Force, now, "kết quả ra tệp khác (-o TÊN_KHÁC)"); err != nil {
			return nil, err
		}
	}
	opt.Catalogues = cats
	t := Compare(cats[newest(years)], years, opt)
	t.Made = req.Now
	if n := newest(years); n != nil {
		t.Author = n.Header.Body
	}
	return &Result{Table: t, Format: format, Warnings: l.Findings, Backup: backup}, nil
}

// namedPeriod is a compared period and how the command line named it: its
// code, or the file that holds it.
type namedPeriod struct {
	arg string
	p   model.Period
}

// checkKinds refuses to compare periods of different kinds: a month's figures
// set beside a year's, or a quarter's beside six months', tell nothing of a
// change. The command line is at fault, not the inputs, so this is a refusal
// to run (exit 2) rather than a finding. Inputs of unknown period are not
// checked (the reader has refused them already).
func checkKinds(named []namedPeriod) error {
	var first *namedPeriod
	mixed := false
	for i, n := range named {
		switch {
		case n.p.Kind == 0:
		case first == nil:
			first = &named[i]
		case n.p.Kind != first.p.Kind:
			mixed = true
		}
	}
	if !mixed {
		return nil
	}
	var list []string
	for _, n := range named {
		if n.p.Kind == 0 {
			continue
		}
		if n.arg == n.p.Code() {
			list = append(list, n.arg+" ("+n.p.Name()+")")
		} else {
			list = append(list, n.arg+" ("+n.p.Code()+", "+n.p.Name()+")")
		}
	}
	// The years typed, compared in each kind typed ("2024 2025-6T": the years
	// 2024 and 2025, or their first six months); within one year, the first
	// period against the one before it and its same period last year.
	var examples []string
	for i, n := range named {
		if n.p.Kind == 0 || slices.ContainsFunc(named[:i], func(m namedPeriod) bool { return m.p.Kind == n.p.Kind }) {
			continue
		}
		var aligned []model.Period
		for _, m := range named {
			if q := n.p; m.p.Kind != 0 {
				q.Year = m.p.Year
				if !slices.Contains(aligned, q) {
					aligned = append(aligned, q)
				}
			}
		}
		if len(aligned) > 1 {
			slices.SortFunc(aligned, model.Period.Compare)
			codes := make([]string, len(aligned))
			for j, q := range aligned {
				codes[j] = q.Code()
			}
			examples = append(examples, "baocao diff "+strings.Join(codes, " "))
		}
	}
	example := strings.Join(examples, ", hoặc ")
	if example == "" {
		p := first.p
		example = "baocao diff " + p.Previous().Code() + " " + p.Code()
		if same := p.SamePeriodLastYear(); same != p.Previous() {
			example += ", hoặc với cùng kỳ năm trước: baocao diff " + same.Code() + " " + p.Code()
		}
	}
	return fmt.Errorf("không so sánh được các kỳ khác loại: %s. Các kỳ so sánh phải cùng loại: cùng là năm, 6 tháng, 9 tháng, quý hoặc tháng; ví dụ: %s",
		strings.Join(list, ", "), example)
}

// newest is the input of the latest period (the last given among equals), whose
// catalogue orders the rows; nil when there is none.
func newest(years []*model.Figures) *model.Figures {
	var n *model.Figures
	for _, y := range years {
		if n == nil || y.Period.Compare(n.Period) >= 0 {
			n = y
		}
	}
	return n
}

// ParseThreshold reads a --threshold: a percentage greater than 0, written the
// Vietnamese way ("10", "12,5").
func ParseThreshold(s string) (*big.Rat, error) {
	v, _, err := vnformat.ParseNumber(s)
	if err != nil || v.Sign() <= 0 {
		return nil, fmt.Errorf("--threshold «%s» phải là một số phần trăm lớn hơn 0, ví dụ 10 hoặc 12,5", s)
	}
	return compute.Rat(v), nil
}

// Format chooses the output format from --format (one of Formats, or "") and
// the extension of the output file ("" for standard output), refusing a
// mismatch and an xlsx workbook without a file.
func Format(format, output string) (string, error) {
	if format != "" && !slices.Contains(Formats, format) {
		return "", fmt.Errorf("định dạng «%s» không hợp lệ; dùng --format %s", format, strings.Join(Formats, ", "))
	}
	if output == "" {
		if format == "xlsx" {
			return "", fmt.Errorf("định dạng xlsx cần tệp kết quả: dùng -o TỆP.xlsx")
		}
		if format == "" {
			format = "text"
		}
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(output))
	byExt, ok := extensions[ext]
	switch {
	case format == "" && !ok:
		return "", fmt.Errorf("không biết ghi tệp %s theo định dạng nào: dùng đuôi .txt, .csv, .json, .md hoặc .xlsx, hoặc chọn --format", output)
	case format == "":
		return byExt, nil
	case ok && byExt != format:
		return "", fmt.Errorf("đuôi tệp %s không khớp với --format %s", output, format)
	case format == "xlsx" && ext != ".xlsx":
		return "", fmt.Errorf("tệp bảng tính %s phải có đuôi .xlsx", output)
	}
	return format, nil
}

// Write writes the table in a format of Formats; color (for text only) marks
// rises and falls with terminal colours. The whole output is built before any
// of it is written, so that a failure leaves no half table.
func Write(w io.Writer, t *Table, format string, color bool) error {
	var buf bytes.Buffer
	if err := encode(&buf, t, format, color); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Save writes the table to a file in a format of Formats, replacing the file
// whole or not at all, after keeping it as backup when one is named; the
// ledger notes what was written.
func Save(path string, t *Table, format string, ledger atomicfile.Ledger, backup string) error {
	var buf bytes.Buffer
	if err := encode(&buf, t, format, false); err != nil {
		return err
	}
	return ledger.Replace(path, backup, buf.Bytes(), time.Now())
}

func encode(w io.Writer, t *Table, format string, color bool) error {
	switch format {
	case "text":
		return WriteText(w, t, color)
	case "csv":
		return WriteCSV(w, t)
	case "json":
		return WriteJSON(w, t)
	case "md":
		return WriteMarkdown(w, t)
	case "xlsx":
		return WriteXLSX(w, t)
	}
	return fmt.Errorf("định dạng «%s» không hợp lệ; dùng %s", format, strings.Join(Formats, ", "))
}
