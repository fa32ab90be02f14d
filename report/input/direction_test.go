package input

import (
	"testing"

	"github.com/baocao/baocao/report/model"
)

// TestDirectionAndRequired reads chieu (tang, giam, trung_tinh) and bat_buoc.
func TestDirectionAndRequired(t *testing.T) {
	cat, fs := ParseCatalogue("chi-tieu.yaml", []byte(`chi_tieu:
  - {ma: VP, chieu: giam}
  - {ma: PHOTO, chieu: trung_tinh}
  - {ma: DT, bat_buoc: true}
  - {ma: TB, bat_buoc: không}
`))
	if len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	vp, _ := cat.Lookup("VP")
	photo, _ := cat.Lookup("PHOTO")
	dt, _ := cat.Lookup("DT")
	tb, _ := cat.Lookup("TB")
	if !vp.LowerIsBetter || vp.Neutral || !photo.Neutral || photo.LowerIsBetter || !dt.Required || tb.Required {
		t.Errorf("VP %+v PHOTO %+v DT %+v TB %+v", vp, photo, dt, tb)
	}
	_, fs = ParseCatalogue("chi-tieu.yaml", []byte("chi_tieu:\n  - {ma: A, chieu: ngang}\n  - {ma: B, bat_buoc: hay}\n"))
	if got := codesAndLines(fs); got != "bad-direction@chi-tieu.yaml:2 bad-required@chi-tieu.yaml:3" {
		t.Errorf("findings %s", got)
	}
}

// TestTargetImpliesDirection: an upper-bound target without chieu means
// fewer is better; a chieu that contradicts the bound is an error at the
// chieu line naming the target's line.
func TestTargetImpliesDirection(t *testing.T) {
	cat, fs := ParseCatalogue("chi-tieu.yaml", []byte(`chi_tieu:
  - {ma: TL_LOI, loai: ty_le, muc_tieu: "<= 7,5"}
  - {ma: TL_TRE, loai: ty_le, muc_tieu: "< 12"}
  - {ma: TL_DUNG, loai: ty_le, muc_tieu: ">= 80"}
  - {ma: SO_VU, muc_tieu: "= 0"}
  - {ma: TL_CU, loai: ty_le, muc_tieu: "<= 3", chieu: trung_tinh}
`))
	if len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	for code, lower := range map[string]bool{"TL_LOI": true, "TL_TRE": true, "TL_DUNG": false, "SO_VU": false, "TL_CU": false} {
		if ind, _ := cat.Lookup(code); ind.LowerIsBetter != lower {
			t.Errorf("%s: LowerIsBetter %v, want %v", code, ind.LowerIsBetter, lower)
		}
	}
	_, fs = ParseCatalogue("chi-tieu.yaml", []byte(`chi_tieu:
  - ma: TL_LOI
    muc_tieu: "<= 7,5"
    chieu: tang
  - ma: TL_DUNG
    chieu: giam
    muc_tieu: "> 80"
  - {ma: TL_GIAM, muc_tieu: "< 4", chieu: giam}
  - {ma: TL_TANG, muc_tieu: ">= 4", chieu: tang}
`))
	if got := codesAndLines(fs); got != "direction-target-conflict@chi-tieu.yaml:4 direction-target-conflict@chi-tieu.yaml:6" {
		t.Fatalf("findings %s", got)
	}
	for i, want := range []string{
		"chỉ tiêu TL_LOI: chieu: tang mâu thuẫn với muc_tieu «<= 7,5» ở dòng 3: mục tiêu là giới hạn trên, tức là giảm mới là tốt",
		"chỉ tiêu TL_DUNG: chieu: giam mâu thuẫn với muc_tieu «> 80» ở dòng 7: mục tiêu là giới hạn dưới, tức là tăng mới là tốt",
	} {
		if fs[i].Msg != want || fs[i].Severity != model.Error {
			t.Errorf("finding %d: %v %q, want %q", i, fs[i].Severity, fs[i].Msg, want)
		}
	}
}
