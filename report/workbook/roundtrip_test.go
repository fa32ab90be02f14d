package workbook_test

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
)

// TestRoundTrip writes each year of the sample to a workbook and reads it back:
// the model must be the one the YAML gives, with a cell for every value.
func TestRoundTrip(t *testing.T) {
	for _, year := range []int{2020, 2021} {
		cat, want := sample(t, year)
		b := write(t, cat, year, want)
		got, fs := workbook.Read("data/x.xlsx", b, model.YearPeriod(year), cat)
		if len(fs) > 0 {
			t.Fatalf("%d: findings: %v", year, fs)
		}
		sameYear(t, got, want)
		if got.Source != "data/x.xlsx" {
			t.Errorf("Source = %q", got.Source)
		}
		for _, e := range got.Entries {
			if e.Pos.Sheet != workbook.SheetEntries || e.Pos.File != "data/x.xlsx" || e.Pos.Cell == "" || e.ActualPos().Cell == "" || e.PlanPos().Cell == "" || e.SamePeriodPos().Cell == "" {
				t.Errorf("%s: places %v %v %v %v", e.Code, e.Pos, e.ActualPos(), e.PlanPos(), e.SamePeriodPos())
			}
		}
	}
}

// sample returns the embedded catalogue and a year of the sample as YAML gives it.
func sample(t testing.TB, year int) (*model.Catalogue, *model.Figures) {
	t.Helper()
	ws := input.Sample()
	cat, fs, err := ws.Catalogue()
	if err != nil || fs.Errors() > 0 {
		t.Fatalf("catalogue: %v %v", err, fs)
	}
	y, fs, err := ws.Figures(model.YearPeriod(year), cat)
	if err != nil || len(fs) > 0 {
		t.Fatalf("sample %d: %v %v", year, err, fs)
	}
	return cat, y
}

// testNow is the time the workbooks of the tests are written.
var testNow = time.Date(2022, 1, 15, 8, 30, 0, 0, time.UTC)

// write writes a workbook for year, prefilled with y.
func write(t testing.TB, cat *model.Catalogue, year int, y *model.Figures) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Write(&buf, cat, model.YearPeriod(year), y, testNow); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameYear reports how two years differ in content, ignoring places (lines
// against cells), as one message per difference.
func sameYear(t *testing.T, got, want *model.Figures) {
	t.Helper()
	if got.Period.Year != want.Period.Year {
		t.Errorf("Year = %d, want %d", got.Period.Year, want.Period.Year)
	}
	gh, wh := got.Header, want.Header
	gh.FieldPos, wh.FieldPos = nil, nil
	if !gh.Date.Equal(wh.Date) {
		t.Errorf("Header.Date = %v, want %v", gh.Date, wh.Date)
	}
	gh.Date, wh.Date = time.Time{}, time.Time{}
	if !reflect.DeepEqual(gh, wh) {
		t.Errorf("Header =\n%#v\nwant\n%#v", gh, wh)
	}
	if len(got.Entries) != len(want.Entries) {
		t.Errorf("%d entries, want %d", len(got.Entries), len(want.Entries))
	}
	for i := 0; i < min(len(got.Entries), len(want.Entries)); i++ {
		g, w := got.Entries[i], want.Entries[i]
		if g.Code != w.Code || !sameDec(g.Actual, w.Actual) || g.Estimate != w.Estimate || !sameDec(g.Plan, w.Plan) ||
			!sameDec(g.SamePeriod, w.SamePeriod) || g.Note != w.Note {
			t.Errorf("entry %d = %s, want %s", i, entryString(g), entryString(w))
		}
	}
	if len(got.Rankings) != len(want.Rankings) {
		t.Errorf("%d rankings, want %d", len(got.Rankings), len(want.Rankings))
	}
	for i := 0; i < min(len(got.Rankings), len(want.Rankings)); i++ {
		g, w := *got.Rankings[i], *want.Rankings[i]
		g.Pos, w.Pos = model.Pos{}, model.Pos{}
		if g != w {
			t.Errorf("ranking %d = %+v, want %+v", i, g, w)
		}
	}
	if len(got.Narrative) != len(want.Narrative) {
		t.Errorf("%d narrative items, want %d", len(got.Narrative), len(want.Narrative))
	}
	for i := 0; i < min(len(got.Narrative), len(want.Narrative)); i++ {
		g, w := got.Narrative[i], want.Narrative[i]
		g.Pos, w.Pos = model.Pos{}, model.Pos{}
		if g != w {
			t.Errorf("narrative %d = %+v, want %+v", i, g, w)
		}
	}
}

func sameDec(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func decString(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return d.String()
}

func entryString(e *model.Entry) string {
	s := e.Code + " " + decString(e.Actual)
	if e.Estimate {
		s += " (ước)"
	}
	return s + " KH " + decString(e.Plan) + " CK " + decString(e.SamePeriod) + " «" + e.Note + "»"
}
