package chart

import (
	"regexp"
	"slices"
	"testing"
)

// sectPrIndex finds what this expression finds.
var sectPrRe = regexp.MustCompile(`<(\w+:)?sectPr[\s>]`)

func TestSectPrIndexAsExpression(t *testing.T) {
	for _, s := range []string{
		"", "sectPr", "<sectPr", "<sectPr>", "<w:sectPr w:rsidR=\"1\">", "x<w:sectPr>", "<:sectPr>", "<w::sectPr>",
		"<ab_9:sectPr\t", "a<b c:sectPr>", "<w:sectPrx><w:sectPr\n", "</w:sectPr><w:sectPr>", "<w:pPr><w:sectPr\r",
		"sectPr>", "<<w:sectPr>", "<w:sectPr", "<w:sectPr/", "<wé:sectPr>", "<w:sectPr\f", "<x:y:sectPr>",
		"<w:body><w:p/><w:sectPr><w:pgSz w:w=\"16838\"/></w:sectPr></w:body>",
	} {
		if got, want := sectPrIndex(s), sectPrRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("sectPrIndex(%q) = %v, the expression finds %v", s, got, want)
		}
	}
}

func FuzzSectPrIndex(f *testing.F) {
	f.Add("<w:p/><w:sectPr><w:pgSz/></w:sectPr>")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sectPrIndex(s), sectPrRe.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("sectPrIndex(%q) = %v, the expression finds %v", s, got, want)
		}
	})
}
