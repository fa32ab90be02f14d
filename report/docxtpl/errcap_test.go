package docxtpl_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// 10⁵ bad tags give a screen of messages: at most MaxSameKind of a kind,
// then one line with how many more there are; the errors stay values.
func TestRepeatedErrorsSummed(t *testing.T) {
	var b strings.Builder
	for i := range 100_000 {
		b.WriteString(docxtest.P("Dòng " + strconv.Itoa(i) + ": {{ .Khong" + strconv.Itoa(i) + " }} và {{ bang_chuu .DonVi }}"))
	}
	b.WriteString(docxtest.P("{{ if .Tang }}"))
	err := parseErr(t, b.String())
	list := errorList(t, err)
	// 20 000 tags are read (MaxTags), two a paragraph, each wrong.
	if len(list) != 20_001 {
		t.Fatalf("%d errors", len(list))
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		"đoạn 1 «Dòng 0: {{ .Khong0 }} và {{ bang_chuu .DonVi }}»: không có trường «.Khong0»",
		"đoạn 1 «Dòng 0: {{ .Khong0 }} và {{ bang_chuu .DonVi }}»: không có hàm «bang_chuu»; có phải ý là «bang_chu»?",
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want %q…", i, lines[i], w)
		}
	}
	if got := strings.Count(err.Error(), "không có trường"); got != 20 {
		t.Errorf("%d unknown fields shown, want 20", got)
	}
	for _, w := range []string{"… và 9.980 lỗi cùng loại", "đoạn 10001 «Dòng 10000: {{ .Khong10000 }} và {{ bang_chuu .DonVi }}»: mẫu có quá 20.000 thẻ"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("no line %q in\n%s", w, err)
		}
	}
	if len(lines) != 20+1+20+1+1 || len(err.Error()) > 20_000 {
		t.Fatalf("%d lines, %d bytes:\n%s", len(lines), len(err.Error()), err)
	}
}

// A long tag or name is quoted by its start.
func TestLongQuotesShortened(t *testing.T) {
	name := strings.Repeat("Rất", 300_000)
	err := parseErr(t, docxtest.P("{{ ."+name+" }}")+docxtest.P("{{ chi_tieu “"+name+"” }}"))
	for _, e := range errorList(t, err) {
		if n := utf8.RuneCountInString(e.Error()); n > 600 {
			t.Errorf("error of %d runes: %.200s…", n, e.Error())
		}
		if !strings.Contains(e.Msg, "RấtRất") || !strings.Contains(e.Msg, "…»") {
			t.Errorf("quote not shortened: %.300s", e.Msg)
		}
	}
}
