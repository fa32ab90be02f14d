// Package appendixtest works out, independently of package appendix, what the
// data appendix must show, and reads the appendix back from a .docx and a
// workbook, for tests in several packages. It also holds a second province's
// figures that differ from the sample in every way the catalogue allows.
package appendixtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// Figures are one indicator's figures as a test states them. For a ranking,
// Value, Prev and Plan are places and Of, PrevOf how many were ranked.
type Figures struct {
	Value, Prev, Plan *decimal.Decimal
	Of, PrevOf        int
	Note              string
}

// Row is what one row of the appendix must show: the nine cells as text and
// the five figure cells (last year, plan, this year, the two comparisons) as
// the number stored in a workbook, nil where the workbook holds text or nothing.
type Row struct {
	Code    string
	Cells   [9]string
	Numbers [5]*decimal.Decimal
}

// Group is a group row and its rows.
type Group struct {
	Roman, Name string
	Rows        []Row
}

// FromReport takes the figures compute worked out (the sample's include
// formulas): the comparisons are then worked out here.
func FromReport(r *compute.Report) map[string]Figures {
	out := map[string]Figures{}
	dec := func(x *big.Rat) *decimal.Decimal {
		if x == nil {
			return nil
		}
		d := decimal.NewFromBigRat(x, 30)
		return &d
	}
	for _, f := range r.Figures {
		fig := Figures{Value: dec(f.Value), Prev: dec(f.Previous), Plan: dec(f.Plan)}
		if f.Ranking != nil {
			fig.Of = f.Ranking.Of
		}
		if f.PrevRanking != nil {
			fig.PrevOf = f.PrevRanking.Of
		}
		if f.Entry != nil {
			fig.Note = f.Entry.Note
		}
		out[f.Indicator.Code] = fig
	}
	return out
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}

// Want lists the groups and rows the appendix must show: groups in catalogue
// order, those without a figure left out, indicators of no known group last.
func Want(cat *model.Catalogue, figs map[string]Figures) []Group {
	var out []Group
	add := func(name string, keep func(*model.Indicator) bool) {
		g := Group{Roman: romans[len(out)], Name: name}
		for _, ind := range cat.Indicators {
			if f := figs[ind.Code]; keep(ind) && f.Value != nil {
				g.Rows = append(g.Rows, row(ind, f, len(g.Rows)+1))
			}
		}
		if len(g.Rows) > 0 {
			out = append(out, g)
		}
	}
	known := map[string]bool{}
	for _, g := range cat.Groups {
		known[g.Code] = true
		add(g.Name, func(ind *model.Indicator) bool { return ind.Group == g.Code })
	}
	other := "Chỉ tiêu khác"
	if len(out) == 0 {
		other = "Các chỉ tiêu"
	}
	add(other, func(ind *model.Indicator) bool { return !known[ind.Group] })
	return out
}

var hundred = decimal.NewFromInt(100)

func row(ind *model.Indicator, f Figures, no int) Row {
	r := Row{Code: ind.Code}
	r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[8] = strconv.Itoa(no), ind.Name, ind.Unit, strings.TrimSpace(f.Note)
	set := func(i int, text string, num *decimal.Decimal) {
		r.Cells[3+i] = text
		r.Numbers[i] = num
	}
	switch ind.Kind {
	case model.Rank:
		place := func(i int, v *decimal.Decimal, of int) {
			if v == nil {
				return
			}
			text := v.String()
			if of > 0 {
				text += "/" + strconv.Itoa(of)
			}
			set(i, text, nil)
		}
		place(0, f.Prev, f.PrevOf)
		place(1, f.Plan, 0)
		place(2, f.Value, f.Of)
		places := func(i int, base *decimal.Decimal) {
			if base == nil {
				return
			}
			n := base.Sub(*f.Value)
			text := "giữ nguyên thứ hạng"
			if n.Sign() > 0 {
				text = "tăng " + n.String() + " bậc"
			} else if n.Sign() < 0 {
				text = "giảm " + n.Neg().String() + " bậc"
			}
			set(i, text, &n)
		}
		places(3, f.Prev)
		places(4, f.Plan)
		return r
	}
	// The row's precision: the catalogue's, or more until a change from last
	// year shows, in both values and in their difference, as the rise or fall
	// it is, and until the growth and the attainment worked out from the
	// values shown are those stated (worked out here apart from
	// compute.ShownDecimals; no figure of these fixtures needs more digits for
	// its target or plan, nor an attainment at more than 1 decimal).
	places := ind.Decimals
	if f.Prev != nil && !f.Prev.Equal(*f.Value) {
		change := f.Value.Sub(*f.Prev)
		for p := int32(places); f.Value.Round(p).Sub(f.Prev.Round(p)).Sign() != change.Sign() || change.Round(p).Sign() != change.Sign(); p++ {
			places = int(p) + 1
		}
	}
	percent := func(x, y decimal.Decimal) decimal.Decimal { return x.Mul(hundred).DivRound(y, 40).Round(1) }
	for p := int32(places); ; p++ {
		places = int(p)
		shown := f.Value.Round(p)
		if ind.Kind == model.Quantity && f.Prev != nil && !f.Prev.IsZero() &&
			(f.Prev.Round(p).IsZero() || !percent(shown, f.Prev.Round(p)).Equal(percent(*f.Value, *f.Prev))) {
			continue
		}
		if f.Plan != nil && !f.Plan.IsZero() && (f.Plan.Round(p).IsZero() || !percent(shown, f.Plan.Round(p)).Equal(percent(*f.Value, *f.Plan))) {
			continue
		}
		break
	}
	value := func(i int, v *decimal.Decimal) {
		if v != nil {
			d := v.Round(int32(places))
			set(i, VN(d, places), &d)
		}
	}
	value(0, f.Prev)
	value(1, f.Plan)
	value(2, f.Value)
	// Last year: a rate in points at its decimals, a quantity as 100 plus its
	// growth rounded half-up (away from zero) at 1 decimal, as the prose words it.
	switch {
	case f.Prev == nil:
	case ind.Kind == model.Rate:
		d := f.Value.Sub(*f.Prev).Round(int32(places))
		set(3, points(d, places), &d)
	case !f.Prev.IsZero():
		d := f.Value.Sub(*f.Prev).Mul(hundred).DivRound(*f.Prev, 40).Round(1).Add(hundred)
		set(3, VN(d, 1), &d)
	}
	// The plan: the value in percent of it, a rate's too ("đạt 96,4% Kế hoạch").
	if f.Plan != nil && !f.Plan.IsZero() {
		d := f.Value.Mul(hundred).DivRound(*f.Plan, 40).Round(1)
		set(4, VN(d, 1), &d)
	}
	return r
}

// VN writes d, already rounded, with "." between thousands and "," before decimals.
func VN(d decimal.Decimal, places int) string {
	s := d.StringFixed(int32(places))
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		return sign + b.String() + "," + frac
	}
	return sign + b.String()
}

func points(d decimal.Decimal, decimals int) string {
	if d.IsZero() {
		return "tương đương"
	}
	word := "tăng "
	if d.Sign() < 0 {
		word, d = "giảm ", d.Neg()
	}
	return word + VN(d, decimals) + " điểm phần trăm"
}

// DocxRows lists the rows the default template's table must have: the two
// header rows, then each group's row (two cells) and its rows (nine cells).
func DocxRows(year int, estimate bool, groups []Group) [][]string {
	value := fmt.Sprintf("Thực hiện năm %d", year)
	if estimate {
		value = "Ước " + strings.ToLower(value[:1]) + value[1:]
	}
	out := [][]string{
		{"STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện " + model.YearPeriod(year).SamePeriodLastYear().Name(), fmt.Sprintf("Kế hoạch năm %d", year), value, "So sánh (%)", "Ghi chú"},
		{"", "", "", "", "", "", "Cùng kỳ", "Kế hoạch", ""},
	}
	for _, g := range groups {
		out = append(out, []string{g.Roman, g.Name})
		for _, r := range g.Rows {
			out = append(out, r.Cells[:])
		}
	}
	return out
}

// DocxTable reads, with package docxpkg, the table of a .docx whose first
// cell reads "STT": each row's cells, each cell's paragraphs joined by "\n".
func DocxTable(t testing.TB, docx []byte) [][]string {
	t.Helper()
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Part(docxpkg.DocumentPart)
	for _, tbl := range between(doc, "<w:tbl>", "</w:tbl>") {
		var rows [][]string
		for _, tr := range between(tbl, "<w:tr>", "</w:tr>") {
			var cells []string
			for _, tc := range between(tr, "<w:tc>", "</w:tc>") {
				cells = append(cells, strings.Join(docxpkg.Paragraphs(tc), "\n"))
			}
			rows = append(rows, cells)
		}
		if len(rows) > 0 && len(rows[0]) > 0 && rows[0][0] == "STT" {
			return rows
		}
	}
	t.Fatal("no table whose first cell reads STT")
	return nil
}

// between returns the parts of s from each open up to its close, both
// included; tables, rows and cells are not nested in these documents.
func between(s, open, close string) []string {
	var out []string
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], close)
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+len(close)])
		s = s[i+j+len(close):]
	}
}

// CompareRows reports every cell that differs.
func CompareRows(t testing.TB, where string, got, want [][]string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("%s: row %d missing, want %q", where, i+1, want[i])
		case i >= len(want):
			t.Errorf("%s: extra row %d %q", where, i+1, got[i])
		case strings.Join(got[i], "|") != strings.Join(want[i], "|"):
			t.Errorf("%s: row %d\n got %q\nwant %q", where, i+1, got[i], want[i])
		}
	}
}

// AppendixOnly returns the .docx template with its body cut down to the
// appendix (from the paragraph reading "Phụ lục" to the end), headers and
// everything else kept: the default template's appendix, for data whose
// catalogue the rest of the default template does not fit.
func AppendixOnly(t testing.TB, template []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == docxpkg.DocumentPart {
			doc := string(data)
			at := strings.Index(doc, ">Phụ lục</w:t>")
			body := strings.Index(doc, "<w:body>") + len("<w:body>")
			if at < 0 || body < len("<w:body>") {
				t.Fatal("the template has no appendix")
			}
			start := strings.LastIndex(doc[:at], "<w:p>")
			data = []byte(doc[:body] + doc[start:])
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
