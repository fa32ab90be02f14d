package input

import (
	"testing"
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
