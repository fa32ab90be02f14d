package input

import (
	"testing"

	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
)

// A shorter period's figures come with the year's, for its plans; a year's,
// or a period whose year has no file, without.
func TestFiguresWithYear(t *testing.T) {
	ws, err := Open(periodtest.Write(t, t.TempDir(), "2021-6T", "2022-6T", "2022"))
	if err != nil {
		t.Fatal(err)
	}
	cat, _, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		code, year string // year: the linked figures' period, "" for none
	}{{"2022-6T", "2022"}, {"2022", ""}, {"2021-6T", ""}}
	for _, c := range cases {
		p, _ := model.ParsePeriod(c.code)
		y, fs, err := ws.FiguresWithYear(p, cat)
		if err != nil || len(fs) > 0 || y.Period != p {
			t.Fatalf("%s: %v %v", c.code, err, fs)
		}
		got := ""
		if y.WholeYear != nil {
			got = y.WholeYear.Period.Code()
		}
		if got != c.year {
			t.Errorf("%s: linked to %q, want %q", c.code, got, c.year)
		}
	}
}
