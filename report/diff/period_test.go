package diff

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// fixtureNumber reads a figure of the fixture's tables.
func fixtureNumber(t *testing.T, period, code string) decimal.Decimal {
	t.Helper()
	v, _, err := vnformat.ParseNumber(periodtest.Actual[period][code])
	if err != nil {
		t.Fatalf("%s %s: %v", period, code, err)
	}
	return v
}

// expectedChange works out, from the fixture's tables and independently of the
// code under test, a quantity's change as the report words it: the delta with
// its sign ("+3.200") and "tăng 5,2%" (the percentage rounded half-up at one
// decimal, a zero decimal dropped), or why there is no percentage.
func expectedChange(t *testing.T, from, to, code string) (delta, words string) {
	t.Helper()
	a, b := fixtureNumber(t, from, code), fixtureNumber(t, to, code)
	d := b.Sub(a)
	delta = vnformat.Number(d, 0)
	if d.Sign() > 0 {
		delta = "+" + delta
	}
	name, _ := model.ParsePeriod(from)
	switch {
	case d.Sign() == 0:
		return delta, "tương đương"
	case a.Sign() == 0:
		return delta, name.Name() + " bằng 0, không tính được tỷ lệ"
	}
	pct := d.Abs().Mul(decimal.NewFromInt(100)).DivRound(a.Abs(), 10).Round(1)
	words = "tăng "
	if d.Sign() < 0 {
		words = "giảm "
	}
	return delta, words + strings.Replace(pct.String(), ".", ",", 1) + "%"
}

// runFixture compares periods of the fixture's workspace.
func runFixture(t *testing.T, dataDir string, args ...string) *Table {
	t.Helper()
	res, err := Run(Request{Args: args, OpenWorkspace: opener(dataDir)})
	if err != nil {
		t.Fatal(err)
	}
	return res.Table
}

// The same six months of two years: every figure of the fixture compared,
// changes worked out here from its tables.
func TestSixMonthsOfTwoYears(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	tb := runFixture(t, dataDir, "2022-6T", "2021-6T")
	want := []Column{
		{Period: model.Period{Kind: model.SixMonths, Year: 2021}, Label: "2021-6T", Name: "6 tháng đầu năm 2021", Source: "2021-6T.yaml"},
		{Period: model.Period{Kind: model.SixMonths, Year: 2022}, Label: "2022-6T", Name: "6 tháng đầu năm 2022", Source: "2022-6T.yaml"},
	}
	for i, w := range want {
		c := tb.Columns[i]
		if c.Period != w.Period || c.Label != w.Label || c.Name != w.Name || !strings.HasSuffix(c.Source, w.Source) {
			t.Errorf("column %d = %+v, want %+v", i, c, w)
		}
	}
	if tb.Title() != "So sánh số liệu 6 tháng đầu năm 2021 và 6 tháng đầu năm 2022" {
		t.Errorf("title %q", tb.Title())
	}
	compared := 0
	for code := range periodtest.Actual["2022-6T"] {
		r := row(t, tb, code)
		delta, words := expectedChange(t, "2021-6T", "2022-6T", code)
		got, _ := r.ChangeText(0)
		if r.ValueText(0) != periodtest.Actual["2021-6T"][code] || r.ValueText(1) != periodtest.Actual["2022-6T"][code] ||
			r.DeltaText(0) != delta || got != words {
			t.Errorf("%s: %s → %s, %s, %q; want %s → %s, %s, %q", code, r.ValueText(0), r.ValueText(1), r.DeltaText(0), got,
				periodtest.Actual["2021-6T"][code], periodtest.Actual["2022-6T"][code], delta, words)
		}
		// The default threshold, 50%, flags HS_TRUC_TUYEN (3.000 → 5.060) only.
		a, b := fixtureNumber(t, "2021-6T", code), fixtureNumber(t, "2022-6T", code)
		beyond := b.Sub(a).Abs().Mul(decimal.NewFromInt(2)).GreaterThanOrEqual(a.Abs())
		if r.Flag != beyond {
			t.Errorf("%s: flag %v, want %v", code, r.Flag, beyond)
		}
		compared++
	}
	if compared != len(periodtest.Actual["2022-6T"]) || compared < 10 {
		t.Fatalf("%d indicators compared", compared)
	}
	// The six months' file has no plans: they are the year's, from its file,
	// and attainment is measured against them as the report does.
	for code, plan := range periodtest.Plan["2022"] {
		r := row(t, tb, code)
		p, _, _ := vnformat.ParseNumber(plan)
		pct := fixtureNumber(t, "2022-6T", code).Mul(decimal.NewFromInt(100)).DivRound(p, 10).Round(1)
		want := strings.Replace(pct.String(), ".", ",", 1) + "%"
		if slices.Contains(periodtest.Levels, code) || code == "TT_TO_CHUC_XU_PHAT" {
			want = r.AttainmentText() // a level, or a ceiling ("(trong giới hạn)"): the plan alone is checked
		}
		if r.PlanText() != plan || r.AttainmentText() != want {
			t.Errorf("%s: plan %q attainment %q, want %q %q", code, r.PlanText(), r.AttainmentText(), plan, want)
		}
	}
	if _, ok := periodtest.Plan["2022-6T"]; ok {
		t.Fatal("the fixture changed: the six months' file has plans")
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, tb, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{
		"\n2021-6T: 6 tháng đầu năm 2021; 2022-6T: 6 tháng đầu năm 2022.\n",
		"trở lên so với 6 tháng đầu năm 2021, hoặc 6 tháng đầu năm 2021 bằng 0: nên kiểm tra lại số liệu.\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
}

// A quarter after the one before, given out of order, in every format: columns
// in time order, headed by their codes, named in full in titles and legends.
func TestQuartersInEveryFormat(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	tb := runFixture(t, dataDir, "2022-Q2", "2022-Q1")
	if tb.Columns[0].Label != "2022-Q1" || tb.Columns[1].Label != "2022-Q2" || tb.Columns[0].Name != "quý I năm 2022" || tb.Columns[1].Name != "quý II năm 2022" {
		t.Fatalf("columns %+v", tb.Columns)
	}
	// DON_THU is 0 in the first quarter: no percentage, said of that quarter.
	codes := []string{"DT_BUU_CHINH", "TB_INTERNET", "TT_SO_CUOC", "DON_THU"}
	expect := map[string][2]string{}
	for _, code := range codes {
		d, w := expectedChange(t, "2022-Q1", "2022-Q2", code)
		expect[code] = [2]string{d, w}
	}
	if expect["DON_THU"][1] != "quý I năm 2022 bằng 0, không tính được tỷ lệ" || expect["TT_SO_CUOC"][1] != "tương đương" {
		t.Fatalf("the fixture changed: %v", expect)
	}
	const legend = "2022-Q1: quý I năm 2022; 2022-Q2: quý II năm 2022."

	var text bytes.Buffer
	if err := WriteText(&text, tb, false); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	header := strings.Fields(strings.SplitN(out, "\n", 2)[0])
	if i, j := slices.Index(header, "2022-Q1"), slices.Index(header, "2022-Q2"); i < 0 || j != i+1 {
		t.Errorf("text header %q", header)
	}
	for _, w := range []string{"\n" + legend + "\n", "so với quý I năm 2022, hoặc quý I năm 2022 bằng 0", ", 1 kỳ trước bằng 0;"} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
	for _, code := range codes[:3] {
		// The wording may fold after its first word ("tương" over "đương").
		if l := lineOf(t, out, code); !strings.Contains(l, " "+expect[code][0]+"  "+strings.Fields(expect[code][1])[0]) {
			t.Errorf("text %s: %q, want %v", code, l, expect[code])
		}
	}

	var md bytes.Buffer
	if err := WriteMarkdown(&md, tb); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"# So sánh số liệu quý I và quý II năm 2022\n", "| Đơn vị | 2022-Q1 | 2022-Q2 | Chênh lệch | Tăng, giảm |",
		"\n" + legend + "\n", "| DON_THU | Đơn thư tiếp nhận | đơn thư | 0 | " + periodtest.Actual["2022-Q2"]["DON_THU"] + " | " + expect["DON_THU"][0] + " | " + expect["DON_THU"][1] + " |"} {
		if !strings.Contains(md.String(), w) {
			t.Errorf("markdown lacks %q:\n%s", w, md.String())
		}
	}

	var csvOut bytes.Buffer
	if err := WriteCSV(&csvOut, tb); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvOut.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		i := slices.Index(records[0], name)
		if i < 0 {
			t.Fatalf("no CSV column %q in %q", name, records[0])
		}
		return i
	}
	for _, rec := range records[1:] {
		e, ok := expect[rec[0]]
		if !ok {
			continue
		}
		got := [2]string{rec[col("Chênh lệch 2022-Q2/Q1")], rec[col("Tăng, giảm 2022-Q2/Q1")]}
		if got != e || rec[col("2022-Q1")] != periodtest.Actual["2022-Q1"][rec[0]] {
			t.Errorf("CSV %s: %q, want %q", rec[0], got, e)
		}
		if rec[0] == "DON_THU" && rec[col("Trạng thái 2022-Q2/Q1")] != "kỳ trước bằng 0" {
			t.Errorf("CSV status of DON_THU: %q", rec[col("Trạng thái 2022-Q2/Q1")])
		}
	}
	col("Kế hoạch 2022") // the year's plan, which a quarter is measured against

	var js bytes.Buffer
	if err := WriteJSON(&js, tb); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title   string
		Columns []struct {
			Period, Label, Name string
			Year                int
		}
		Rows []struct {
			Code    string
			Changes []struct {
				From, To, Text string
				DeltaText      string `json:"delta_text"`
			}
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != "So sánh số liệu quý I và quý II năm 2022" || len(doc.Columns) != 2 ||
		doc.Columns[0] != (struct {
			Period, Label, Name string
			Year                int
		}{"2022-Q1", "2022-Q1", "quý I năm 2022", 2022}) ||
		doc.Columns[1].Period != "2022-Q2" || doc.Columns[1].Name != "quý II năm 2022" {
		t.Errorf("JSON head: %q %+v", doc.Title, doc.Columns)
	}
	for _, r := range doc.Rows {
		if e, ok := expect[r.Code]; ok {
			c := r.Changes[0]
			if c.From != "2022-Q1" || c.To != "2022-Q2" || c.Text != e[1] || c.DeltaText != e[0] {
				t.Errorf("JSON %s: %+v, want %v", r.Code, c, e)
			}
		}
	}

	var xl bytes.Buffer
	if err := WriteXLSX(&xl, tb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetTable)
	if i := slices.Index(rows[0], "2022-Q1"); i < 0 || rows[0][i+1] != "2022-Q2" || !slices.Contains(rows[0], "Chênh lệch 2022-Q2/Q1") {
		t.Errorf("workbook header %q", rows[0])
	}
	chart, _ := f.GetRows(SheetChart)
	if len(chart) == 0 || !slices.Equal(chart[0][1:], []string{"quý I năm 2022", "quý II năm 2022"}) {
		t.Errorf("the chart's series are named in full: %q", chart)
	}
	if p, err := f.GetDocProps(); err != nil || p.Title != "So sánh số liệu quý I và quý II năm 2022" {
		t.Errorf("workbook title %+v %v", p, err)
	}
}

func lineOf(t *testing.T, out, code string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, code+" ") {
			return l
		}
	}
	t.Fatalf("no line %s in\n%s", code, out)
	return ""
}

// A series of quarters (cumulative figures each of its own quarter) is
// compared period to period, as a series of years is.
func TestQuarterSeries(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	q3 := "ky: 2022-Q3\nchi_tieu:\n  DT_BUU_CHINH: 31\n  DT_VIEN_THONG: 225\n  DON_THU: 3\n"
	if err := os.WriteFile(filepath.Join(dataDir, "2022-Q3.yaml"), []byte(q3), 0o644); err != nil {
		t.Fatal(err)
	}
	periodtest.Actual["2022-Q3"] = map[string]string{"DT_BUU_CHINH": "31", "DT_VIEN_THONG": "225", "DON_THU": "3"}
	defer delete(periodtest.Actual, "2022-Q3")
	tb := runFixture(t, dataDir, "2022-Q3", "2022-Q1", "2022-Q2")
	var labels []string
	for _, c := range tb.Columns {
		labels = append(labels, c.Label)
	}
	if strings.Join(labels, " ") != "2022-Q1 2022-Q2 2022-Q3" || tb.Title() != "So sánh số liệu quý I, quý II và quý III năm 2022" {
		t.Fatalf("columns %q, title %q", labels, tb.Title())
	}
	for _, code := range []string{"DT_BUU_CHINH", "DT_VIEN_THONG", "DON_THU"} {
		r := row(t, tb, code)
		for j, pair := range [][2]string{{"2022-Q1", "2022-Q2"}, {"2022-Q2", "2022-Q3"}} {
			delta, words := expectedChange(t, pair[0], pair[1], code)
			if got, _ := r.ChangeText(j); got != words || r.DeltaText(j) != delta {
				t.Errorf("%s %s→%s: %s %q, want %s %q", code, pair[0], pair[1], r.DeltaText(j), got, delta, words)
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, tb, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "so với kỳ trước, hoặc kỳ trước bằng 0") ||
		!strings.Contains(out, "2022-Q1: quý I năm 2022; 2022-Q2: quý II năm 2022; 2022-Q3: quý III năm 2022.") {
		t.Errorf("legends of a series:\n%s", out)
	}
	// The headings fold rather than widen the table: "Chênh lệch" over "2022-Q2/Q1".
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], "Chênh lệch  Tăng, giảm") || !strings.Contains(lines[1], "2022-Q2/Q1  2022-Q2/Q1  2022-Q3/Q2  2022-Q3/Q2") {
		t.Errorf("headings:\n%s\n%s", lines[0], lines[1])
	}
}

// Periods of different kinds are refused before anything is read; so are
// files that state such periods of themselves; unknown codes get the forms.
func TestPeriodKindsRefused(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	opened := 0
	open := func() (*input.Workspace, error) { opened++; return opener(dataDir)() }
	elsewhere := filepath.Join(t.TempDir(), "ban-sua.yaml")
	if err := os.WriteFile(elsewhere, []byte(periodtest.Input("2022-Q1")), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"2022-Q1", "2022-6T"}, "không so sánh được các kỳ khác loại: 2022-Q1 (quý I năm 2022), 2022-6T (6 tháng đầu năm 2022). " +
			"Các kỳ so sánh phải cùng loại: cùng là năm, 6 tháng, 9 tháng, quý hoặc tháng; ví dụ: baocao diff 2021-Q4 2022-Q1, hoặc với cùng kỳ năm trước: baocao diff 2021-Q1 2022-Q1"},
		// The fixture has no month: the kinds are refused before the file is looked for.
		{[]string{"2022-T05", "2022"}, "không so sánh được các kỳ khác loại: 2022-T05 (tháng 5 năm 2022), 2022 (năm 2022). " +
			"Các kỳ so sánh phải cùng loại: cùng là năm, 6 tháng, 9 tháng, quý hoặc tháng; ví dụ: baocao diff 2022-T04 2022-T05, hoặc với cùng kỳ năm trước: baocao diff 2021-T05 2022-T05"},
		{[]string{"2022", "2022-9T", "2021"}, "2022 (năm 2022), 2022-9T (9 tháng đầu năm 2022), 2021 (năm 2021). Các kỳ so sánh phải cùng loại: cùng là năm, 6 tháng, 9 tháng, quý hoặc tháng; ví dụ: baocao diff 2021 2022, hoặc baocao diff 2021-9T 2022-9T"},
		{[]string{"2021", "2022-6T"}, "ví dụ: baocao diff 2021 2022, hoặc baocao diff 2021-6T 2022-6T"},
		{[]string{"2022-Q5", "2022-Q1"}, "kỳ báo cáo «2022-Q5»: không có quý 5"},
		{[]string{"quý 2022", "2022-Q1"}, "kỳ báo cáo «quý 2022» không đúng dạng; các dạng hợp lệ: " + model.PeriodForms},
	}
	for _, c := range cases {
		res, err := Run(Request{Args: c.args, OpenWorkspace: open})
		if res != nil || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v\nwant %q", c.args, err, c.want)
		}
	}
	if opened != 0 {
		t.Errorf("the workspace was opened %d times for arguments that cannot be compared", opened)
	}
	_, err := Run(Request{Args: []string{elsewhere, "2022"}, OpenWorkspace: open})
	if want := "không so sánh được các kỳ khác loại: " + elsewhere + " (2022-Q1, quý I năm 2022), 2022 (năm 2022)."; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a file of a quarter against a year: %v\nwant %q", err, want)
	}
	// The same file, of a quarter by its ky:, beside the next quarter.
	tb := runFixture(t, dataDir, elsewhere, "2022-Q2")
	if tb.Columns[0].Label != "2022-Q1" || tb.Columns[0].Name != "quý I năm 2022" || tb.Columns[0].Source != elsewhere {
		t.Errorf("a file named by path takes its period from ky: %+v", tb.Columns[0])
	}
	// Newest, a file named by path takes no plans from the workspace's year.
	tb = runFixture(t, dataDir, "2022-Q1", filepath.Join(dataDir, "2022-Q2.yaml"))
	if r := row(t, tb, "DT_BUU_CHINH"); r.Plan != nil {
		t.Errorf("a file named by path has the workspace's plan %s", r.PlanText())
	}
	if r := row(t, runFixture(t, dataDir, "2022-Q1", "2022-Q2"), "DT_BUU_CHINH"); r.PlanText() != periodtest.Plan["2022"]["DT_BUU_CHINH"] {
		t.Errorf("the quarter's plan is the year's: %q", r.PlanText())
	}
}

// A quarter's file that lacks a cumulative figure shows the one the year's
// other periods give exactly (quý II = 6 tháng − quý I), as its report does,
// with the warning that says how.
func TestDerivedFigureAsTheReportStatesIt(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	q2 := filepath.Join(dataDir, "2022-Q2.yaml")
	b, err := os.ReadFile(q2)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "DT_BUU_CHINH:") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(q2, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Request{Args: []string{"2022-Q1", "2022-Q2"}, OpenWorkspace: opener(dataDir)})
	if err != nil {
		t.Fatal(err)
	}
	want := fixtureNumber(t, "2022-6T", "DT_BUU_CHINH").Sub(fixtureNumber(t, "2022-Q1", "DT_BUU_CHINH"))
	for _, r := range res.Table.Rows {
		if r.Code != "DT_BUU_CHINH" {
			continue
		}
		if v := r.Values[1]; v == nil || v.RatString() != want.String() {
			t.Errorf("quý II DT_BUU_CHINH = %v, want %s", v, want)
		}
	}
	if !slices.ContainsFunc(res.Warnings, func(f model.Finding) bool { return f.Code == "derived-from-periods" }) {
		t.Errorf("no derived-from-periods warning among %v", res.Warnings)
	}
}
