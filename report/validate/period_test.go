package validate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/generate"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/report/vnformat"
)

// periodWorkspace writes the period fixture, lets edit change its files
// (period code → YAML, "chi-tieu" → the catalogue), and validates the periods named (none: all).
func periodWorkspace(t *testing.T, edit func(files map[string]string), opener validate.TemplateOpener, args ...string) (string, model.Findings) {
	t.Helper()
	dir := periodtest.Write(t, t.TempDir())
	if edit != nil {
		files := map[string]string{"chi-tieu": periodtest.Catalogue()}
		for _, p := range periodtest.Periods {
			files[p] = periodtest.Input(p)
		}
		edit(files)
		for p, text := range files {
			name := filepath.Join(dir, p+".yaml")
			if text == "" {
				os.Remove(name)
				continue
			}
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	ws, err := input.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fs, _, err := validate.Workspace(ws, args, opener)
	if err != nil {
		t.Fatal(err)
	}
	return dir, validate.Sort(fs)
}

func withCode(fs model.Findings, code string) model.Findings {
	return slices.DeleteFunc(slices.Clone(fs), func(f model.Finding) bool { return f.Code != code })
}

// lineOfKey is the line of a YAML file's text where key is set.
func lineOfKey(t *testing.T, text, key string) int {
	t.Helper()
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), key+":") {
			return i + 1
		}
	}
	t.Fatalf("no %s in\n%s", key, text)
	return 0
}

// The fixture is consistent: no error, no cumulative finding; its nine months'
// report, dated before the window closes and marking no estimate, gets the
// one window warning, at its date, naming the window's end and every figure.
func TestPeriodFixtureValidates(t *testing.T) {
	_, fs := periodWorkspace(t, nil, nil)
	if fs.Errors() > 0 || len(withCode(fs, "cumulative-decrease")) > 0 {
		t.Fatalf("the fixture has errors:\n%v", fs)
	}
	window := withCode(fs, "before-window-end")
	var want []string // the periods dated before their window's end
	for _, code := range periodtest.Periods {
		p, _ := model.ParsePeriod(code)
		date, _ := model.ParseDate(periodtest.Date[code])
		if _, end := p.Window(model.Decree09); date.Before(end) {
			want = append(want, code)
		}
	}
	if len(window) != len(want) || len(want) != 1 {
		t.Fatalf("window warnings for %v, got:\n%v", want, window)
	}
	code := want[0]
	p, _ := model.ParsePeriod(code)
	date, _ := model.ParseDate(periodtest.Date[code])
	_, end := p.Window(model.Decree09)
	f := window[0]
	if f.Severity != model.Warning || filepath.Base(f.Pos.File) != code+".yaml" || f.Pos.Line != lineOfKey(t, periodtest.Input(code), "ngay") {
		t.Errorf("warning at %v, want %s.yaml at its date: %v", f.Pos, code, f)
	}
	for _, s := range []string{vnformat.NumericDate(date), vnformat.NumericDate(end), p.Name(), fmt.Sprintf("%d số", len(periodtest.Actual[code]))} {
		if !strings.Contains(f.Msg, s) {
			t.Errorf("warning lacks %q: %s", s, f.Msg)
		}
	}
	// Marking one figure as an estimate says the clerk chose which are.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		files[code] = strings.Replace(files[code], `DT_BUU_CHINH: {thuc_hien: "`+periodtest.Actual[code]["DT_BUU_CHINH"]+`"`, `DT_BUU_CHINH: {uoc: true, thuc_hien: "`+periodtest.Actual[code]["DT_BUU_CHINH"]+`"`, 1)
	}, nil)
	if w := withCode(fs, "before-window-end"); len(w) > 0 {
		t.Errorf("a warning although estimates are marked: %v", w)
	}
	// Calendar windows close at the end of the last month: more reports are early.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		files["chi-tieu"] = "chot_so_lieu: theo_lich\n" + files["chi-tieu"]
	}, nil)
	var early []string
	for _, code := range periodtest.Periods {
		p, _ := model.ParsePeriod(code)
		date, _ := model.ParseDate(periodtest.Date[code])
		if _, end := p.Window(model.Calendar); date.Before(end) {
			early = append(early, code)
		}
	}
	window = withCode(fs, "before-window-end")
	if len(window) != len(early) || len(early) <= len(want) {
		t.Errorf("calendar windows: warnings for %v, got:\n%v", early, window)
	}
}

// A cumulative figure of six months below that of a quarter of them is an
// error at the six months' cell, naming both figures and periods, whichever
// of the two periods is validated; a level that falls is no error.
func TestCumulativeDecrease(t *testing.T) {
	const ind = "DT_BUU_CHINH"
	q1, q2 := periodtest.Actual["2022-Q1"][ind], periodtest.Actual["2022-Q2"][ind]
	low := "27"
	if !(num(low) < num(q1) && num(low) < num(q2)) {
		t.Fatalf("the broken value must be below both quarters (%s, %s)", q1, q2)
	}
	var sixText string
	edit := func(files map[string]string) {
		files["2022-6T"] = strings.Replace(files["2022-6T"], ind+`: {thuc_hien: "`+periodtest.Actual["2022-6T"][ind]+`"`, ind+`: {thuc_hien: "`+low+`"`, 1)
		sixText = files["2022-6T"]
	}
	for _, args := range [][]string{nil, {"2022-Q1"}, {"2022-6T"}} {
		dir, fs := periodWorkspace(t, edit, nil, args...)
		got := withCode(fs, "cumulative-decrease")
		var wantQuarters []string
		for _, q := range []string{"2022-Q1", "2022-Q2"} {
			if args == nil || slices.Contains(args, q) || slices.Contains(args, "2022-6T") {
				wantQuarters = append(wantQuarters, q)
			}
		}
		if len(got) != len(wantQuarters) {
			t.Errorf("%v: want %d cumulative errors, got:\n%v", args, len(wantQuarters), got)
			continue
		}
		six, _ := model.ParsePeriod("2022-6T")
		for i, q := range wantQuarters {
			qp, _ := model.ParsePeriod(q)
			f := got[i]
			want := fmt.Sprintf("số %s (%s) nhỏ hơn số %s (%s,", six.Name(), low, qp.Name(), periodtest.Actual[q][ind])
			if f.Severity != model.Error || f.Pos.File != filepath.Join(dir, "2022-6T.yaml") || f.Pos.Line != lineOfKey(t, sixText, ind) || !strings.Contains(f.Msg, want) || !strings.Contains(f.Msg, ind) {
				t.Errorf("%v: got %v\nwant an error at 2022-6T.yaml:%d saying %q", args, f, lineOfKey(t, sixText, ind), want)
			}
		}
	}
	// The same figures for a level (theo_ky: thoi_diem) are no error: a
	// number of subscribers may fall from June to September.
	const level = "TB_TRA_SAU"
	if !slices.Contains(periodtest.Levels, level) {
		t.Fatal(level + " is no longer a level of the fixture")
	}
	_, fs := periodWorkspace(t, func(files map[string]string) {
		files["2022-9T"] = strings.Replace(files["2022-9T"], level+`: {thuc_hien: "`+periodtest.Actual["2022-9T"][level]+`"`, level+`: {thuc_hien: "1"`, 1)
	}, nil)
	if got := withCode(fs, "cumulative-decrease"); len(got) > 0 || fs.Errors() > 0 {
		t.Errorf("a level that falls is reported:\n%v", fs)
	}
	// A figure marked as an estimate may yet be revised: a warning.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		edit(files)
		files["2022-6T"] = strings.Replace(files["2022-6T"], ind+`: {thuc_hien: "`+low+`"`, ind+`: {uoc: true, thuc_hien: "`+low+`"`, 1)
	}, nil, "2022-6T")
	if got := withCode(fs, "cumulative-decrease"); len(got) != 2 || got[0].Severity != model.Warning || fs.Errors() > 0 {
		t.Errorf("an estimate below a quarter: want two warnings, got:\n%v", fs)
	}
}

// num reads a figure of the fixture's tables.
func num(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
		}
	}
	return n
}

// recorder is a template that records the reports it is asked to fill.
type recorder struct {
	kind    model.PeriodKind
	filled  *[]string
	require []string
}

func (r recorder) Indicators() []string { return r.require }

func (r recorder) Problems(rep *compute.Report) model.Findings {
	*r.filled = append(*r.filled, fmt.Sprintf("%s/%d", rep.Current.Period.Code(), r.kind))
	return nil
}

// A workspace mixing a month with quarters validates; its template checks
// are those of the latest period of each kind, against that kind's template.
func TestMixedKinds(t *testing.T) {
	var filled []string
	opener := func(cat *model.Catalogue, kind model.PeriodKind) (validate.Template, model.Findings) {
		return recorder{kind: kind, filled: &filled}, nil
	}
	_, fs := periodWorkspace(t, func(files map[string]string) {
		// May's figures, within the second quarter's (cumulative ones equal to it).
		files["2022-T05"] = strings.Replace(files["2022-Q2"], "ky: 2022-Q2", "ky: 2022-T05", 1)
	}, opener)
	if fs.Errors() > 0 {
		t.Fatalf("errors:\n%v", fs)
	}
	want := []string{
		fmt.Sprintf("2022/%d", model.FullYear), fmt.Sprintf("2022-6T/%d", model.SixMonths), fmt.Sprintf("2022-9T/%d", model.NineMonths),
		fmt.Sprintf("2022-Q2/%d", model.Quarter), fmt.Sprintf("2022-T05/%d", model.Month),
	}
	slices.Sort(filled)
	slices.Sort(want)
	if !slices.Equal(filled, want) {
		t.Errorf("templates filled for %v, want %v", filled, want)
	}
	// May above its quarter is an error at the quarter's cell.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		files["2022-T05"] = strings.Replace(strings.Replace(files["2022-Q2"], "ky: 2022-Q2", "ky: 2022-T05", 1),
			`HS_TONG: {thuc_hien: "`+periodtest.Actual["2022-Q2"]["HS_TONG"]+`"`, `HS_TONG: {thuc_hien: "99.000"`, 1)
	}, nil, "2022-T05")
	got := withCode(fs, "cumulative-decrease")
	var places []string
	for _, f := range got {
		places = append(places, filepath.Base(f.Pos.File))
	}
	if want := []string{"2022-6T.yaml", "2022-9T.yaml", "2022-Q2.yaml", "2022.yaml"}; !slices.Equal(places, want) {
		t.Errorf("May above Q2, 6T, 9T and the year: findings at %v, want %v:\n%v", places, want, got)
	}
}

// With the real templates (as the command opens them), a workspace holding a
// month and quarters beside the six and nine months and the years has no error.
func TestMixedKindsWithTemplates(t *testing.T) {
	var ws *input.Workspace
	opener := func(cat *model.Catalogue, kind model.PeriodKind) (validate.Template, model.Findings) {
		return generate.Template(ws, cat, kind)
	}
	dir := periodtest.Write(t, t.TempDir())
	may := strings.Replace(periodtest.Input("2022-Q2"), "ky: 2022-Q2", "ky: 2022-T05", 1)
	if err := os.WriteFile(filepath.Join(dir, "2022-T05.yaml"), []byte(may), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := input.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fs, checked, err := validate.Workspace(ws, nil, opener)
	if err != nil || fs.Errors() > 0 {
		t.Fatalf("err %v, findings:\n%v", err, fs)
	}
	for _, p := range append(slices.Clone(periodtest.Periods), "2022-T05") {
		if !slices.Contains(checked, filepath.Join(dir, p+".yaml")) {
			t.Errorf("%s not checked: %v", p, checked)
		}
	}
	// The template checks ran: the short periods' files have no narrative.
	if len(withCode(fs, "empty-part")) == 0 {
		t.Errorf("no template check ran:\n%v", fs)
	}
}

// A shorter period's plan is the year's, read from the year's file as
// generate reads it: a plan there is no plan missing.
func TestPlanFromTheYearsFile(t *testing.T) {
	const ind = "DT_BUU_CHINH"
	if periodtest.Plan["2022"][ind] == "" || periodtest.Plan["2022-6T"][ind] != "" {
		t.Fatalf("the fixture's plans of %s have changed", ind)
	}
	withPlanLastYear := func(files map[string]string) {
		files["2021-6T"] = strings.Replace(files["2021-6T"], ind+`: {thuc_hien: "`+periodtest.Actual["2021-6T"][ind]+`"`, ind+`: {ke_hoach: "100", thuc_hien: "`+periodtest.Actual["2021-6T"][ind]+`"`, 1)
	}
	_, fs := periodWorkspace(t, withPlanLastYear, nil, "2022-6T")
	if got := withCode(fs, "plan-missing"); len(got) > 0 {
		t.Errorf("the year's plan is not seen: %v", got)
	}
	_, fs = periodWorkspace(t, func(files map[string]string) {
		withPlanLastYear(files)
		files["2022"] = ""
	}, nil, "2022-6T")
	if got := withCode(fs, "plan-missing"); len(got) != 1 || !strings.Contains(got[0].Msg, ind) {
		t.Errorf("without the year's file, want the plan missing: %v", got)
	}
}

// A quarter's file without a cumulative figure and a level gets them from the
// six months and the first quarter (Q2 = 6T − Q1; the level at the end of
// June is the six months'), says so, and generate reads the same figures.
func TestDeriveFromOtherPeriods(t *testing.T) {
	const cum, level = "DT_BUU_CHINH", "TB_TRA_SAU"
	drop := func(text, ind string) string {
		var kept []string
		for _, line := range strings.Split(text, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), ind+":") {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "\n")
	}
	dir, fs := periodWorkspace(t, func(files map[string]string) {
		files["2022-Q2"] = drop(drop(files["2022-Q2"], cum), level)
	}, nil, "2022-Q2")
	q2 := num(periodtest.Actual["2022-6T"][cum]) - num(periodtest.Actual["2022-Q1"][cum])
	six, _ := model.ParsePeriod("2022-6T")
	q1, _ := model.ParsePeriod("2022-Q1")
	got := withCode(fs, "derived-from-periods")
	if len(got) != 2 || fs.Errors() > 0 {
		t.Fatalf("want two derived figures, got:\n%v", fs)
	}
	wantCum := fmt.Sprintf("bằng số %s (%s) trừ số %s (%s), tức %d", six.Name(), periodtest.Actual["2022-6T"][cum], q1.Name(), periodtest.Actual["2022-Q1"][cum], q2)
	wantLevel := fmt.Sprintf("bằng số %s (%s), cùng thời điểm cuối kỳ", six.Name(), periodtest.Actual["2022-6T"][level])
	for _, f := range got {
		if f.Pos.File != filepath.Join(dir, "2022-Q2.yaml") || f.Severity != model.Warning ||
			!(strings.Contains(f.Msg, cum) && strings.Contains(f.Msg, wantCum) || strings.Contains(f.Msg, level) && strings.Contains(f.Msg, wantLevel)) {
			t.Errorf("got %v\nwant %q or %q", f, wantCum, wantLevel)
		}
	}
	ws, err := input.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := model.ParsePeriod("2022-Q2")
	_, cur, _, _, err := generate.Load(ws, p)
	if err != nil {
		t.Fatal(err)
	}
	if e := cur.Entry(cum); e == nil || e.Actual == nil || e.Actual.IntPart() != int64(q2) {
		t.Errorf("generate reads %s as %v, want %d", cum, e, q2)
	}
	if e := cur.Entry(level); e == nil || e.Actual == nil || e.Actual.IntPart() != int64(num(periodtest.Actual["2022-6T"][level])) {
		t.Errorf("generate reads %s as %v", level, e)
	}
	// A catalogue silent on theo_ky may predate it: such a figure is not derived.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		files["2022-Q2"] = drop(drop(files["2022-Q2"], cum), level)
		silent := strings.Replace(files["chi-tieu"], "- ma: "+level+"\n    theo_ky: thoi_diem\n", "- ma: "+level+"\n", 1)
		if silent == files["chi-tieu"] {
			t.Fatal("the fixture's catalogue does not mark " + level)
		}
		files["chi-tieu"] = silent
	}, nil, "2022-Q2")
	if got := withCode(fs, "derived-from-periods"); len(got) != 1 || !strings.Contains(got[0].Msg, cum) {
		t.Errorf("an indicator without theo_ky derived: %v", got)
	}
	// The six months themselves, without the figure, are Q1 + Q2.
	_, fs = periodWorkspace(t, func(files map[string]string) {
		files["2022-6T"] = drop(files["2022-6T"], cum)
	}, nil, "2022-6T")
	sum := num(periodtest.Actual["2022-Q1"][cum]) + num(periodtest.Actual["2022-Q2"][cum])
	if got := withCode(fs, "derived-from-periods"); len(got) != 1 || !strings.Contains(got[0].Msg, fmt.Sprintf("cộng số quý II năm 2022 (%s), tức %d", periodtest.Actual["2022-Q2"][cum], sum)) {
		t.Errorf("six months from the quarters: %v", got)
	}
}
