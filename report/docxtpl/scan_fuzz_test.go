package docxtpl

import (
	"strings"
	"testing"
)

// FuzzFindTags checks the tag scanner on any paragraph text: the tags it
// finds are in order, apart, each "{{…}}", and no "{{" outside them is
// left unreported.
func FuzzFindTags(f *testing.F) {
	for _, s := range []string{
		"Năm {{ .Nam }} và {{ if .Tang }}tăng{{ end }}",
		`{{ "}}" }} {{ '}' }} {{ ” }} “ }} {{/* }} */}}`,
		"{{ `a}}b` }}{{",
		strings.Repeat("{{/* ", 100) + "}}",
		strings.Repeat(`{{ " }}`, 101),
		"{{- .Nam -}}{{{{}}}}",
		"{{ .A }}{",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans, unclosed := findTags(text)
		last := 0
		for _, sp := range spans {
			if sp.start < last || sp.end <= sp.start || sp.end > len(text) ||
				!strings.HasPrefix(text[sp.start:], "{{") || !strings.HasSuffix(text[:sp.end], "}}") || sp.end-sp.start < 4 {
				t.Fatalf("bad span %v in %q (spans %v)", sp, text, spans)
			}
			if strings.Contains(text[last:sp.start], "{{") {
				t.Fatalf("a tag before %v missed in %q", sp, text)
			}
			last = sp.end
		}
		rest := text[last:]
		if unclosed >= 0 {
			if unclosed < last || !strings.HasPrefix(text[unclosed:], "{{") || strings.Contains(text[unclosed+2:], "}}") {
				t.Fatalf("unclosed at %d in %q", unclosed, text)
			}
			rest = text[last:unclosed]
		}
		if strings.Contains(rest, "{{") {
			t.Fatalf("a tag after the last missed in %q", text)
		}
		excerpt(text, len(text)/2)
		lowerKeywords(normalizeTag(text))
	})
}
