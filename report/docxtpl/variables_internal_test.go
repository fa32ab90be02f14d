package docxtpl

import (
	"regexp"
	"slices"
	"testing"
)

// variables finds what the regular expression it replaces finds.
var variableRe = regexp.MustCompile(`\$[\pL_][\pL\pN_]*`)

func TestVariables(t *testing.T) {
	for _, src := range []string{
		"", "$", "$$", "$x", "{{ $x := .Nam }}", "$.Nam", "$1", "$_", "$x1 $y2z", "$tên_chỉ_tiêu.Ten",
		"{{ range $i, $ct := .ChiTieu }}", `"$trong chuỗi"`, "$x²", "$a٣b", "$\xff", "$a\xffb", "$$a$b", "a$", "$-x",
	} {
		if got, want := variables(src), variableRe.FindAllString(src, -1); !slices.Equal(got, want) {
			t.Errorf("variables(%q) = %q, want %q", src, got, want)
		}
	}
}

func FuzzVariables(f *testing.F) {
	f.Add("{{ $x := 1 }}{{ $tên }}")
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := variables(src), variableRe.FindAllString(src, -1); !slices.Equal(got, want) {
			t.Errorf("variables(%q) = %q, want %q", src, got, want)
		}
	})
}
