package input

import (
	"testing"

	"github.com/baocao/baocao/report/model"
)

// A rate written "12.345" in YAML reads 12 345, the dot grouping thousands:
// the error says so, with the decimal comma meant, and the value is not used.
func TestRateWithThousandsDot(t *testing.T) {
	cat, fs := ParseCatalogue("chi-tieu.yaml", []byte(`chi_tieu:
  - {ma: CHE_PHU, ten: Tỷ lệ che phủ rừng, don_vi: "%", loai: ty_le, thap_phan: 2}
  - {ma: DT_RUNG, ten: Diện tích rừng, don_vi: ha}
`))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	y, fs := ParseFigures("2025.yaml", []byte("nam: 2025\nchi_tieu:\n  DT_RUNG: 12.345\n  CHE_PHU: {thuc_hien: 57.125, ke_hoach: 1.000.000}\n"), model.YearPeriod(2025), cat)
	want := []struct {
		line     int
		msg, fix string
	}{
		{4, "CHE_PHU.thuc_hien: «57.125» được hiểu là 57.125 (dấu chấm ngăn hàng nghìn), ngoài khoảng 0–100% của một tỷ lệ", "có phải ý là «57,125»?"},
		{4, "CHE_PHU.ke_hoach: «1.000.000» được hiểu là 1.000.000 (dấu chấm ngăn hàng nghìn), ngoài khoảng 0–100% của một tỷ lệ", "tỷ lệ ghi theo phần trăm, từ 0 đến 100, dấu phẩy thập phân, ví dụ 11,5"},
	}
	if len(fs) != len(want) {
		t.Fatalf("findings:\n%v", fs)
	}
	for i, w := range want {
		if f := fs[i]; f.Code != "rate-out-of-range" || f.Severity != model.Error || f.Pos.Line != w.line || f.Msg != w.msg || f.Fix != w.fix {
			t.Errorf("finding %d: %+v, want %+v", i, f, w)
		}
	}
	if e := y.Entry("CHE_PHU"); e == nil || e.Actual != nil || e.Plan != nil {
		t.Errorf("CHE_PHU read as %+v", e)
	}
	if e := y.Entry("DT_RUNG"); e == nil || e.Actual == nil || e.Actual.IntPart() != 12345 {
		t.Errorf("DT_RUNG (not a rate) read as %+v", e)
	}
}

// A section key left without a value says it is empty, not that it is "a
// single value".
func TestEmptySection(t *testing.T) {
	cat, _ := ParseCatalogue("chi-tieu.yaml", []byte("chi_tieu:\n  - {ma: DT_RUNG, ten: Diện tích rừng, don_vi: ha}\n"))
	for _, text := range []string{"nam: 2025\nchi_tieu:\n", "nam: 2025\nchi_tieu: ~\nxep_hang: {}\n"} {
		_, fs := ParseFigures("2025.yaml", []byte(text), model.YearPeriod(2025), cat)
		if len(fs) != 1 || fs[0].Code != "yaml-syntax" || fs[0].Pos.Line != 2 || fs[0].Msg != "chi_tieu để trống, không có khóa nào" {
			t.Errorf("%q: %v", text, fs)
		}
	}
}
