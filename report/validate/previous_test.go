package validate_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
)

// Last year's figures are the base of every comparison: a negative count or a
// rate over 100% there is an error of that file, never a warning worded from
// it ("650.000 so với -5 …, giảm 13.000.100%") nor a report that says so.
func TestPreviousYearOutOfRange(t *testing.T) {
	prev := strings.Replace(strings.Replace(testPrev, "DT: {thuc_hien: 120, ke_hoach: 100}", "DT: -120", 1), "PHAT: 20.000.000", "PHAT: 20.000.000\n  TL_NHAP: 150", 1)
	got := validateYAML(t, testCat(t), testCur, prev, validate.Options{})
	codes := map[string]model.Pos{}
	for _, f := range got {
		if f.Severity == model.Error {
			codes[f.Code] = f.Pos
		}
		if f.Code == "implausible-change" && (strings.Contains(f.Msg, "Doanh thu") || strings.Contains(f.Msg, "Tỷ lệ tin bài")) {
			t.Errorf("a change worded from an impossible base: %s", f.Msg)
		}
	}
	if p := codes["negative-value"]; p.File != prevFile || p.Line != lineOf(t, prev, "DT: -120") {
		t.Errorf("negative-value at %v; findings:\n%v", p, got)
	}
	if p := codes["rate-out-of-range"]; p.File != prevFile || p.Line != lineOf(t, prev, "TL_NHAP: 150") {
		t.Errorf("rate-out-of-range at %v; findings:\n%v", p, got)
	}
}
