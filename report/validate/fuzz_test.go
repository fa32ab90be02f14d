package validate_test

import (
	"slices"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
)

// FuzzCheck feeds arbitrary inputs through the readers and Check: never a panic,
// every finding about this year's file or the catalogue, with a code and a message.
func FuzzCheck(f *testing.F) {
	f.Add(testCur, testPrev)
	f.Add("nam: 2021\nchi_tieu:\n  TONG: 0\n  PHAN: -1\n  SO_B: 0\n  SO_A: 5\n  TL_NHAP: 1.000\n", "")
	f.Add("chi_tieu: {DT: {thuc_hien: 1.000.000}, DT: 2}", "chi_tieu: {DT: {thuc_hien: 1, ke_hoach: 1}}")
	f.Add("nam: 2021\nchi_tieu:\n  PHAN: 40\n", testPrev)
	cat := testCat(f)
	f.Fuzz(func(t *testing.T, cur, prev string) {
		y, fs := input.ParseFigures(curFile, []byte(cur), model.YearPeriod(2021), cat)
		p, pfs := input.ParseFigures(prevFile, []byte(prev), model.YearPeriod(2020), cat)
		got := validate.Check(cat, y, p, validate.Options{Reported: append(fs, pfs...), Required: []string{"TL", "XH", "DT"}})
		for _, f := range got {
			if f.Code == "" || f.Msg == "" || (f.Severity != model.Error && f.Severity != model.Warning) {
				t.Errorf("incomplete finding %#v", f)
			}
			if f.Pos.File != curFile && f.Pos.File != catFile {
				t.Errorf("finding placed in %q: %v", f.Pos.File, f)
			}
		}
		if again := validate.Sort(got); !slices.Equal(again, got) {
			t.Errorf("Check's result is not sorted:\n%v\n%v", got, again)
		}
	})
}
